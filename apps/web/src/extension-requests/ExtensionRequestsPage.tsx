import { Button, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../common/format';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { DeadlineChangeCard } from './DeadlineChangeCard';
import { GrantDialog, RefuseDialog } from './RequestDialogs';
import { type PendingRequest, usePendingRequests } from './queries';
import { requestStrings as s } from './strings';
import './requests.css';

/** The office head's inbox of extension requests, and a school's own deadline change. */
export default function ExtensionRequestsPage() {
  const pending = usePendingRequests();
  const [deciding, setDeciding] = useState<{ request: PendingRequest; grant: boolean } | null>(null);
  const items = pending.data ?? [];

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {s.title}
      </Typography.Title>
      <p className="requests-intro">{s.intro}</p>
      <Card
        title={<h2 className="card-title">{s.pendingTitle(items.length)}</h2>}
        size="small"
        className="requests-inbox"
      >
        {pending.isPending && <Skeleton active />}
        {pending.isError && <PageError error={pending.error} onRetry={() => void pending.refetch()} />}
        {pending.data && items.length === 0 && <Empty description={s.none} />}
        {items.length > 0 && (
          <ul className="requests-list" aria-label={s.list}>
            {items.map((r) => (
              <RequestItem
                key={r.id}
                r={r}
                onGrant={() => setDeciding({ request: r, grant: true })}
                onRefuse={() => setDeciding({ request: r, grant: false })}
              />
            ))}
          </ul>
        )}
      </Card>
      <DeadlineChangeCard />
      {deciding?.grant && <GrantDialog request={deciding.request} onClose={() => setDeciding(null)} />}
      {deciding && !deciding.grant && <RefuseDialog request={deciding.request} onClose={() => setDeciding(null)} />}
    </>
  );
}

function RequestItem({ r, onGrant, onRefuse }: { r: PendingRequest; onGrant: () => void; onRefuse: () => void }) {
  const school = r.plan.school.name;
  return (
    <li className="requests-item" aria-label={school}>
      <div className="requests-head">
        <h3 className="requests-school">
          <Link to={`/plans/${r.planId}`}>{school}</Link>
        </h3>
        <Tag bordered={false} className="requests-kind">
          {s.kind[r.kind]}
        </Tag>
      </div>
      <dl className="requests-facts">
        <div>
          <dt>{s.campaign}</dt>
          <dd>
            {r.campaign.documentNumber}: {r.campaign.title}
          </dd>
        </div>
        <div>
          <dt>{s.currentDeadline}</dt>
          <dd>{formatDateTime(r.deadline)}</dd>
        </div>
        <div>
          <dt>{s.requestedUntil}</dt>
          <dd className="requests-asked">{r.requestedUntil ? formatDateTime(r.requestedUntil) : s.noDate}</dd>
        </div>
        <div className="requests-wide">
          <dt>{s.reason}</dt>
          <dd>{r.reason}</dd>
        </div>
      </dl>
      <p className="requests-by">{s.askedBy(r.requestedBy.fullName, formatDateTime(r.createdAt))}</p>
      <div className="requests-actions">
        <Button type="primary" onClick={onGrant} aria-label={s.grantOf(school)}>
          {s.grant}
        </Button>
        <Button danger onClick={onRefuse} aria-label={s.refuseOf(school)}>
          {s.refuse}
        </Button>
      </div>
    </li>
  );
}
