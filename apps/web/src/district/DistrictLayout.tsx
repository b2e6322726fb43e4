import { Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { common } from '../common/strings';

const TABS = [
  { key: '/district/schools', label: 'Trường' },
  { key: '/district/clusters', label: 'Cụm trường' },
  { key: '/district/people', label: 'Người dùng' },
  { key: '/district/import', label: 'Nhập từ Excel' },
  { key: '/district/delegations', label: 'Ủy quyền ký' },
  { key: '/district/sign-ins', label: 'Lịch sử đăng nhập' },
];

const TITLE = 'Trường và người dùng';

/** The district's management pages (admins): one tab each, the address naming the tab. */
export default function DistrictLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((t) => location.pathname.startsWith(t.key))?.key ?? TABS[0].key;

  useEffect(() => {
    document.title = `${TITLE} - ${common.appName}`;
  }, []);

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {TITLE}
      </Typography.Title>
      <Tabs activeKey={active} items={TABS} onChange={(key) => void navigate(key)} />
      <Outlet />
    </>
  );
}
