import { Alert, Button, Form, Input, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/format';
import { AuthCard } from './AuthCard';
import { usePasswordLink, useSetPassword } from './password-queries';
import { authStrings as s } from './strings';

interface Fields {
  password: string;
  confirm: string;
}

/** Opened from an invitation or a reset e-mail: whose account the link opens, and a new password for it. */
export default function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = usePasswordLink(token);
  const set = useSetPassword();
  const [form] = Form.useForm<Fields>();
  const invitation = link.data?.purpose === 'INVITATION';
  const title = invitation ? s.setTitleInvitation : s.setTitleReset;

  // The policy's refusals, in the API's words, under the field.
  useEffect(() => {
    const err = set.error;
    if (!err || err.fieldMessage('token')) return;
    form.setFields([{ name: 'password', errors: err.errors.map((e) => e.message) }]);
  }, [set.error, form]);

  const linkRefused = !token ? s.noToken : (link.error?.message ?? set.error?.fieldMessage('token'));
  return (
    <AuthCard title={title}>
      {linkRefused ? (
        <>
          <Alert type="error" showIcon role="alert" title={linkRefused} />
          <p className="login-aside">
            <Link to="/password/forgot">{s.askNewLink}</Link>
          </p>
        </>
      ) : set.data ? (
        <>
          <Alert type="success" showIcon role="status" title={s.setDone} description={set.data.message} />
          <p className="login-aside">
            <Link to="/login">{s.goSignIn}</Link>
          </p>
        </>
      ) : !link.data ? (
        <Skeleton active aria-label={s.checkingLink} />
      ) : (
        <>
          <Typography.Paragraph>{s.setFor(link.data.fullName, link.data.email)}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {s.setExpires(formatDateTime(link.data.expiresAt))}
          </Typography.Paragraph>
          <Form<Fields>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => set.mutate({ token, password: values.password })}
          >
            {/* The account's e-mail, for the browser's password manager to file the new password under. */}
            <input type="hidden" name="username" autoComplete="username" value={link.data.email} readOnly />
            <Form.Item
              label={s.newPassword}
              name="password"
              extra={s.newPasswordHint}
              rules={[
                { required: true, message: s.passwordRequired },
                { min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự.' },
              ]}
            >
              <Input.Password autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item
              label={s.confirmPassword}
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: s.confirmRequired },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: string) =>
                    !value || value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(s.confirmMismatch)),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={set.isPending}>
              {s.setSubmit}
            </Button>
          </Form>
        </>
      )}
    </AuthCard>
  );
}
