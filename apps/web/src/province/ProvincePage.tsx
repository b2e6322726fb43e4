import { Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { PlanCounts } from '../campaigns/PlanCounts';
import { formatDateTime, formatLocalDay } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { type ProvinceCampaign, type ProvinceDistrict, campaignLinks, useProvinceDistricts } from './queries';
import { provinceStrings as s } from './strings';

/** The province department's home: each of its districts, with its campaigns and their plans by state. Read-only. */
export default function ProvincePage() {
  const overview = useProvinceDistricts();
  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {overview.data?.province ? `${s.title}: ${overview.data.province.name}` : s.title}
      </Typography.Title>
      <p className="page-intro">
        {overview.data?.province && <strong>{overview.data.province.officeName}. </strong>}
        {s.intro}
      </p>
      {overview.isPending && <Skeleton active />}
      {overview.isError && <PageError error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && overview.data.districts.length === 0 && <Empty description={s.noProvince} />}
      <ul aria-label={s.districts} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {overview.data?.districts.map((d) => (
          <li key={d.id} style={{ marginBottom: 24 }}>
            <DistrictCard district={d} />
          </li>
        ))}
      </ul>
    </>
  );
}

function DistrictCard({ district }: { district: ProvinceDistrict }) {
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{district.name}</h2>}>
      <p className="muted" style={{ marginTop: 0 }}>
        {district.officeName}
      </p>
      <section className="table-scroll" aria-label={s.campaignsOf(district.name)}>
        <Table<ProvinceCampaign>
          rowKey="id"
          size="small"
          dataSource={district.campaigns}
          pagination={false}
          locale={{ emptyText: s.noCampaigns }}
          columns={[
            {
              title: s.colDocument,
              key: 'doc',
              render: (_, c) => (
                <div>
                  <div>
                    {c.documentNumber}: {c.title}
                  </div>
                  <span className="muted">
                    {s.issuedOn} {formatLocalDay(c.issuedOn.slice(0, 10))}
                  </span>
                </div>
              ),
            },
            {
              title: s.colStatus,
              key: 'status',
              width: 130,
              render: (_, c) => <Tag>{s.campaignStatus[c.status] ?? c.status}</Tag>,
            },
            {
              title: s.colDeadline,
              key: 'deadline',
              width: 150,
              render: (_, c) => formatDateTime(c.submissionDeadline),
            },
            {
              title: s.colPlans,
              key: 'plans',
              render: (_, c) => (
                <div>
                  <div>{s.total(c.total)}</div>
                  <PlanCounts counts={c.byState} />
                </div>
              ),
            },
            {
              title: s.colLinks,
              key: 'links',
              width: 160,
              render: (_, c) => {
                const links = campaignLinks(district.id, c.id);
                return (
                  <div style={{ display: 'flex', flexDirection: 'column' }}>
                    <Link to={links.consolidation}>{s.consolidation}</Link>
                    <a href={links.reportDocx} download>
                      {s.reportDocx}
                    </a>
                    <a href={links.reportXlsx} download>
                      {s.reportXlsx}
                    </a>
                  </div>
                );
              },
            },
          ]}
        />
      </section>
    </Card>
  );
}
