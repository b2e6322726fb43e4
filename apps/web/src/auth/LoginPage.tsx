import { Alert, Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from './AuthCard';
import { safeNextPath } from './next-path';
import { useMe, useSignIn } from './queries';
import { authStrings as s } from './strings';

interface Fields {
  email: string;
  password: string;
}

export default function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [form] = Form.useForm<Fields>();

  // Field errors of the API go beside their field, in its words.
  useEffect(() => {
    const err = signIn.error;
    if (!err) return;
    form.setFields(
      (['email', 'password'] as const).map((name) => ({
        name,
        errors: err.errors.filter((e) => e.field === name).map((e) => e.message),
      })),
    );
  }, [signIn.error, form]);

  if (me.data) return <Navigate to={next} replace />;

  const fieldless = signIn.error && signIn.error.errors.length === 0 ? signIn.error.message : null;
  return (
    <AuthCard title={s.title} tagline>
      {params.get('next') && !fieldless && <Alert type="info" showIcon title={s.sessionExpired} />}
      {fieldless && <Alert type="error" showIcon title={fieldless} role="alert" />}
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => signIn.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) })}
        className="login-form"
      >
        <Form.Item label={s.email} name="email" rules={[{ required: true, message: s.emailRequired }]}>
          <Input type="email" autoComplete="username" inputMode="email" autoFocus />
        </Form.Item>
        <Form.Item label={s.password} name="password" rules={[{ required: true, message: s.passwordRequired }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {s.submit}
        </Button>
      </Form>
      <p className="login-aside">
        <Link to="/password/forgot">{s.forgotLink}</Link>
      </p>
    </AuthCard>
  );
}
