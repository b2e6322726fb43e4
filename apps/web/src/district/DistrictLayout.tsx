import { Result, Typography } from 'antd';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { homeFor } from '../app/nav';
import { useMe } from '../auth/queries';
import { common } from '../common/strings';
import { districtStrings as s } from './strings-district';
import './district.css';

const TABS = [
  { to: '/district/schools', label: 'Trường' },
  { to: '/district/clusters', label: 'Cụm trường' },
  { to: '/district/people', label: 'Người dùng' },
  { to: '/district/import', label: 'Nhập từ Excel' },
  { to: '/district/delegations', label: 'Ủy quyền ký' },
  { to: '/district/sign-ins', label: 'Lịch sử đăng nhập' },
];

const TITLE = 'Trường và người dùng';

/**
 * The district's management pages (admins): one tab each, the address naming the tab. The tabs are links (each page
 * has its own address, opens in a new tab, and is announced as the current page); on a phone they scroll sideways
 * inside their own strip, never the page.
 */
export default function DistrictLayout() {
  const { pathname } = useLocation();
  const me = useMe();
  // The tabs' own titles come after this one (a layout effect runs before any page's effect): this is the title of a
  // tab that sets none.
  useLayoutEffect(() => {
    document.title = `${TITLE} - ${common.appName}`;
  }, [pathname]);
  // On a phone the strip scrolls: the tab of the page shown is brought into it.
  const tabs = useRef<HTMLElement>(null);
  useEffect(() => {
    const strip = tabs.current;
    const active = strip?.querySelector<HTMLElement>('.district-tab.active');
    if (strip && active) strip.scrollLeft = Math.max(0, active.offsetLeft - 16);
  }, [pathname]);

  // Only the office's admins manage the district; anyone else opening the address is told so, not shown empty tabs.
  if (me.data && me.data.role !== 'ADMIN') {
    return (
      <Result
        status="403"
        title={<h1 className="result-title">{s.adminsOnlyTitle}</h1>}
        subTitle={s.adminsOnlyText}
        extra={<Link to={homeFor(me.data.role)}>{common.backHome}</Link>}
      />
    );
  }

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {TITLE}
      </Typography.Title>
      <nav className="district-tabs" aria-label={s.tabs} ref={tabs}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className="district-tab">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
