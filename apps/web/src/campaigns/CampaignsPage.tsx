import { PlusOutlined } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/queries';
import { formatDateTime, formatLocalDay } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { PlanCounts } from './PlanCounts';
import { type Campaign, useCampaigns } from './queries';
import { campaignStrings as s } from './strings';
import './campaigns.css';

/** The district's campaigns (directives), newest first, with their plans by status; admins issue a new one here. */
export default function CampaignsPage() {
  const me = useMe();
  const campaigns = useCampaigns();
  useEffect(() => {
    document.title = `${s.listTitle} - ${common.appName}`;
  }, []);

  return (
    <>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {s.listTitle}
        </Typography.Title>
        {me.data?.role === 'ADMIN' && (
          <Link to="/campaigns/new" className="link-button">
            <PlusOutlined aria-hidden /> {s.issueNew}
          </Link>
        )}
      </div>
      <p className="page-intro">{s.listIntro}</p>
      {campaigns.isError && <PageError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {!campaigns.isError && (
        <div className="table-scroll">
          <Table<Campaign>
            rowKey="id"
            loading={campaigns.isPending}
            dataSource={campaigns.data}
            pagination={false}
            locale={{ emptyText: s.empty }}
            columns={[
              {
                title: s.colDocument,
                key: 'doc',
                render: (_, c) => (
                  <div className="campaign-doc">
                    <Link to={`/campaigns/${c.id}`}>
                      {c.documentNumber}: {c.title}
                    </Link>
                    <span className="muted">
                      {s.issuedOn} {formatLocalDay(c.issuedOn)}
                    </span>
                  </div>
                ),
              },
              {
                title: s.colStatus,
                key: 'status',
                width: 150,
                render: (_, c) => (
                  <Tag className={c.status === 'ACTIVE' ? 'campaign-active' : 'campaign-closed'}>
                    {s.campaignStatus[c.status] ?? c.status}
                  </Tag>
                ),
              },
              {
                title: s.colDeadline,
                key: 'deadline',
                width: 160,
                render: (_, c) => formatDateTime(c.submissionDeadline),
              },
              {
                title: s.colPlans,
                key: 'plans',
                render: (_, c) => <PlanCounts counts={c.planCounts} />,
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
