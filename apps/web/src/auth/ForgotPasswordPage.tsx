import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { AuthCard } from './AuthCard';
import { useForgotPassword } from './password-queries';
import { authStrings as s } from './strings';

/** "Forgot password": asks for a link by e-mail; the answer says the same whether or not the e-mail has an account. */
export default function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const [form] = Form.useForm<{ email: string }>();

  useEffect(() => {
    const err = forgot.error;
    if (err) form.setFields([{ name: 'email', errors: [err.fieldMessage('email') ?? err.message] }]);
  }, [forgot.error, form]);

  return (
    <AuthCard title={s.forgotTitle}>
      {forgot.data ? (
        <Alert type="success" showIcon role="status" title={forgot.data.message} />
      ) : (
        <>
          <Typography.Paragraph>{s.forgotIntro}</Typography.Paragraph>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => forgot.mutate(values)}>
            <Form.Item label={s.email} name="email" rules={[{ required: true, message: s.emailRequired }]}>
              <Input type="email" autoComplete="username" inputMode="email" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={forgot.isPending}>
              {s.forgotSubmit}
            </Button>
          </Form>
        </>
      )}
      <p className="login-aside">
        <Link to="/login">{s.backToSignIn}</Link>
      </p>
    </AuthCard>
  );
}
