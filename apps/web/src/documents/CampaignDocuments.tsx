import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { directiveUrl, reportUrl } from './document-urls';
import { documentStrings as s } from './strings';

const DIRECTIVE_ROLES = ['ADMIN', 'REVIEWER', 'CLERK'];
const REPORT_ROLES = ['ADMIN', 'REVIEWER'];

/** The campaign's documents for the office: the directive, and the consolidated report (the API checks the scope). */
export function CampaignDocuments({ campaignId, role }: { campaignId: string; role: string | undefined }) {
  if (!role || !DIRECTIVE_ROLES.includes(role)) return null;
  const reports = REPORT_ROLES.includes(role);
  return (
    <Card title={<h2 className="card-title">{s.campaignTitle}</h2>} size="small">
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={directiveUrl(campaignId)}>
          {s.directive}
        </Button>
        {reports && (
          <>
            <Button icon={<DownloadOutlined />} href={reportUrl(campaignId, 'xlsx')}>
              {s.reportXlsx}
            </Button>
            <Button icon={<DownloadOutlined />} href={reportUrl(campaignId, 'docx')}>
              {s.reportDocx}
            </Button>
          </>
        )}
      </Space>
      {reports && <Typography.Paragraph type="secondary">{s.reportHelp}</Typography.Paragraph>}
    </Card>
  );
}
