import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { common } from '../common/strings';
import { useChangePassword } from './password-queries';
import { authStrings as s } from './strings';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** A signed-in person changes their own password; their other sessions end, this one goes on (a new cookie). */
export default function ChangePasswordPage() {
  const change = useChangePassword();
  const [form] = Form.useForm<Fields>();

  useEffect(() => {
    document.title = `${s.changeTitle} - ${common.appName}`;
  }, []);

  // The API's refusals under their field: a wrong current password, a new one the policy refuses.
  useEffect(() => {
    const err = change.error;
    if (!err) return;
    form.setFields(
      (['currentPassword', 'newPassword'] as const).map((name) => ({
        name,
        errors: err.errors.filter((e) => e.field === name).map((e) => e.message),
      })),
    );
  }, [change.error, form]);

  const fieldless = change.error && change.error.errors.length === 0 ? change.error.message : null;
  return (
    <Card className="narrow-card">
      <Typography.Title level={1} className="page-title">
        {s.changeTitle}
      </Typography.Title>
      {change.data ? (
        <Alert type="success" showIcon role="status" title={change.data.message} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{s.changeIntro}</Typography.Paragraph>
          {fieldless && <Alert type="error" showIcon role="alert" title={fieldless} />}
          <Form<Fields>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
          >
            <Form.Item
              label={s.currentPassword}
              name="currentPassword"
              rules={[{ required: true, message: s.passwordRequired }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              label={s.newPassword}
              name="newPassword"
              extra={s.newPasswordHint}
              rules={[
                { required: true, message: s.passwordRequired },
                { min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự.' },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={s.confirmPassword}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: s.confirmRequired },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: string) =>
                    !value || value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error(s.confirmMismatch)),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {s.changeSubmit}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
