import { Typography } from 'antd';

// Placeholder: this page is being built (issue 17/18); the route and navigation already lead here.
export default function Page() {
  return (
    <Typography.Title level={1} className="page-title">
      Lịch nghỉ
    </Typography.Title>
  );
}
