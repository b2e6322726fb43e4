import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Spin, Typography } from 'antd';
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { loginPathFor } from '../auth/next-path';
import { useMe, useSignOut } from '../auth/queries';
import { common } from '../common/strings';
import { PageError } from '../common/PageError';
import { navFor } from './nav';

/** Every signed-in page: the header with who is signed in, then the page. Not signed in: the sign-in page. */
export default function AppShell() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  if (me.isPending) return <Spin fullscreen tip={common.loading} />;
  if (me.isError) return <PageError error={me.error} />;
  if (!me.data) return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;

  const user = me.data;
  const where = [common.roles[user.role] ?? user.title, user.schoolName].filter(Boolean).join(' · ');
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Link to="/" className="shell-brand" aria-label={`${common.appName} - ${common.home}`}>
          {common.appName}
        </Link>
        <div className="shell-user">
          <div className="shell-user-text">
            <Typography.Text strong className="shell-user-name">
              {user.fullName}
            </Typography.Text>
            <Typography.Text className="shell-user-where">{where}</Typography.Text>
          </div>
          <Link to="/account/password" className="shell-password" aria-label={common.changePassword}>
            <KeyOutlined aria-hidden />
          </Link>
          <Button
            icon={<LogoutOutlined />}
            aria-label={common.signOut}
            onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
            loading={signOut.isPending}
          >
            <span className="shell-signout-text">{common.signOut}</span>
          </Button>
        </div>
      </Layout.Header>
      <MainNav role={user.role} />
      <Layout.Content className="shell-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

/** The pages of the signed-in user's role; a school's one page needs no menu. */
function MainNav({ role }: { role: string }) {
  const items = navFor(role);
  if (items.length < 2) return null;
  return (
    <nav className="shell-nav" aria-label={common.mainNav}>
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.to === '/'} className="shell-nav-link">
          {item.label}
        </NavLink>
      ))}
    </nav>
  );
}
