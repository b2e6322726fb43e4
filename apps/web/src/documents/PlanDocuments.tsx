import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { approvalUrl } from './document-urls';
import { documentStrings as s } from './strings';

/** An approved plan with its approval, to download and file (DOCX, PDF); nothing before it is approved. */
export function PlanDocuments({ planId, status }: { planId: string; status: string }) {
  if (status !== 'APPROVED') return null;
  return (
    <Card title={<h2 className="card-title">{s.planTitle}</h2>} size="small">
      <Typography.Paragraph type="secondary">{s.planHelp}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={approvalUrl(planId, 'docx')}>
          {s.planDocx}
        </Button>
        <Button icon={<DownloadOutlined />} href={approvalUrl(planId, 'pdf')}>
          {s.planPdf}
        </Button>
      </Space>
    </Card>
  );
}
