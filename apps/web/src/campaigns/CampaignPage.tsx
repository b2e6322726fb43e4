import { Alert, Card, Descriptions, Grid, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { PLAN_STATUSES } from '@shared/plan-moves';
import { useEffect } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useMe } from '../auth/queries';
import { formatDateTime, formatLocalDay } from '../common/format';
import { PageError } from '../common/PageError';
import { type PlanStatus, planStatusLabel, statusTagStyle } from '../common/status';
import { common } from '../common/strings';
import { CampaignDocuments } from '../documents/CampaignDocuments';
import { CampaignActions, RemoveSchoolButton } from './CampaignActions';
import { PhasesCard } from '../phases/PhasesCard';
import type { IssuedState } from './NewCampaignPage';
import { PlanCounts } from './PlanCounts';
import { consolidationStrings } from '../consolidation/strings';
import { targetText } from './issue/targets';
import {
  type CampaignPlan,
  OPEN_STATUSES,
  useCampaign,
  useCampaignAudit,
  useCampaignPlans,
  useCatalogue,
} from './queries';
import { campaignStrings as s } from './strings';
import './campaigns.css';

/** One campaign (e-mails link here): its directive, its plans by status, its timeline, and the admin's changes. */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const plans = useCampaignPlans(id);
  const settling = !!plans.data?.items.some((p) => p.removedAt && OPEN_STATUSES.includes(p.status));
  const campaign = useCampaign(id, settling);
  const location = useLocation();
  const warnings = (location.state as IssuedState | null)?.warnings ?? [];

  useEffect(() => {
    if (campaign.data) document.title = `${campaign.data.documentNumber} - ${common.appName}`;
  }, [campaign.data]);

  if (campaign.isPending) return <Skeleton active />;
  if (campaign.isError) return <PageError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const admin = me.data?.role === 'ADMIN';
  const office = admin || me.data?.role === 'REVIEWER';
  const active = c.status === 'ACTIVE';

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {c.title}
      </Typography.Title>
      <div className="campaign-actions">
        <Tag className={active ? 'campaign-active' : 'campaign-closed'}>{s.campaignStatus[c.status] ?? c.status}</Tag>
        <span>
          {s.deadline}: <strong>{formatDateTime(c.submissionDeadline)}</strong>
        </span>
        {office && <Link to={`/campaigns/${c.id}/consolidation`}>{consolidationStrings.link}</Link>}
      </div>
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} className="copied-note" />
      ))}
      {c.problem && <Alert type="error" showIcon title={s.problem} description={c.problem.message} />}
      {admin && active && <CampaignActions campaign={c} />}
      <div className="campaign-layout">
        <Directive campaign={c} />
        <PhasesCard campaign={c} canOpen={admin} />
        <CampaignDocuments campaignId={c.id} role={me.data?.role} />
        <Plans
          plans={plans}
          campaignId={c.id}
          planCounts={c.planCounts}
          opened={!!c.plansOpenedAt}
          canRemove={admin && active}
        />
        <Timeline campaignId={c.id} stamp={JSON.stringify([c.status, c.planCounts, c.submissionDeadline])} />
      </div>
    </>
  );
}

type CampaignView = NonNullable<ReturnType<typeof useCampaign>['data']>;

function Directive({ campaign: c }: { campaign: CampaignView }) {
  const catalogue = useCatalogue();
  // On a phone each field's name goes above its value, so the value has the screen's width.
  const wide = Grid.useBreakpoint().md;
  // Each required indicator with the directive's own target (copied from the catalogue unless it set another).
  const indicatorName = (code: string) => {
    const i = catalogue.data?.indicators.find((x) => x.code === code);
    const t = c.targets[code];
    const target = i && t ? targetText(t, i.unit) : null;
    return `${i?.label ?? code}${target ? ` (${target})` : ''}`;
  };
  const signerTitle = c.signerTitle;
  const items = [
    { key: 'doc', label: s.documentNumber, children: c.documentNumber },
    { key: 'issued', label: s.issuedOn, children: formatLocalDay(c.issuedOn) },
    { key: 'title', label: s.title, children: c.title },
    {
      key: 'bases',
      label: s.legalBases,
      children: c.legalBases.length ? (
        <ul className="directive-list">
          {c.legalBases.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : (
        '—'
      ),
    },
    {
      key: 'period',
      label: s.period,
      children: (
        <>
          {formatLocalDay(c.period.from)} – {formatLocalDay(c.period.to)}
          {c.phases.length > 0 && (
            <ul className="directive-list">
              {c.phases.map((p) => (
                <li key={`${p.name}${p.from}`}>
                  {p.name}: {formatLocalDay(p.from)} – {formatLocalDay(p.to)}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    },
    {
      key: 'targets',
      label: s.targets,
      children: `${c.targetLevels.map((l) => s.levels[l] ?? l).join(', ')}; ${
        c.targetClusters.length ? `${s.targetClusters.toLowerCase()} ${c.targetClusters.join(', ')}` : s.allClusters
      }`,
    },
    { key: 'sections', label: s.sections, children: c.sections.map((x) => x.title).join('; ') },
    {
      key: 'indicators',
      label: s.indicators,
      children: c.requiredIndicators.length ? c.requiredIndicators.map(indicatorName).join('; ') : '—',
    },
    { key: 'deadline', label: s.deadline, children: formatDateTime(c.submissionDeadline) },
    { key: 'paper', label: s.paperCopies, children: s.paper(c.paperCopies, c.receiver?.fullName ?? null) },
    {
      key: 'review',
      label: s.review,
      children: s.reviewSummary(
        s.reviewModes[c.reviewMode] ?? c.reviewMode,
        c.approvalLevels,
        c.reviewDays,
        c.revisionDays,
      ),
    },
    {
      key: 'signer',
      label: s.signedBy,
      children: [signerTitle, c.signer?.fullName].filter(Boolean).join(' — ') || '—',
    },
  ];
  return (
    <Card title={<h2 className="card-title">{s.directive}</h2>} size="small" className="directive-card">
      <Descriptions column={1} size="small" items={items} bordered layout={wide ? 'horizontal' : 'vertical'} />
    </Card>
  );
}

const STATUS_PARAM = 'status';

function Plans(props: {
  plans: ReturnType<typeof useCampaignPlans>;
  campaignId: string;
  planCounts: Record<string, number>;
  opened: boolean;
  canRemove: boolean;
}) {
  const { plans } = props;
  const { refetch } = plans;
  const counts = JSON.stringify(props.planCounts);
  // The campaign's counts moved (plans opened, a school closed): the rows follow.
  useEffect(() => {
    void refetch();
  }, [counts, refetch]);
  // The filter is in the address: a link to "the campaign's returned plans" can be shared.
  const [params, setParams] = useSearchParams();
  const wanted = params.get(STATUS_PARAM);
  const status = PLAN_STATUSES.includes(wanted as PlanStatus) ? (wanted as PlanStatus) : null;
  const rows = (plans.data?.items ?? []).filter((p) => !status || p.status === status);
  const total = Object.values(props.planCounts).reduce((a, b) => a + b, 0);
  return (
    <Card
      title={<h2 className="card-title">{s.plans}</h2>}
      size="small"
      extra={<span>{s.plansTotal(total)}</span>}
      className="plans-card"
    >
      <PlanCounts counts={props.planCounts} />
      {!props.opened && <p>{s.opening}</p>}
      <div className="status-filter">
        <label htmlFor="plan-status" className="filter-label">
          {s.statusFilter}
        </label>
        <Select<string>
          id="plan-status"
          className="field-full"
          value={status ?? ''}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v) next.set(STATUS_PARAM, v);
            else next.delete(STATUS_PARAM);
            setParams(next, { replace: true });
          }}
          options={[
            { value: '', label: s.allStatuses },
            ...PLAN_STATUSES.map((x) => ({ value: x, label: planStatusLabel(x) })),
          ]}
        />
      </div>
      {plans.error && <Alert type="error" role="alert" showIcon title={plans.error.message} />}
      <div className="table-scroll">
        <Table<CampaignPlan>
          rowKey="id"
          size="small"
          loading={plans.isPending}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            {
              title: s.colSchool,
              key: 'school',
              render: (_, p) => (
                <>
                  <Link to={`/plans/${p.id}`}>{p.school.name}</Link>
                  {p.removedAt && <span className="muted"> ({s.removedMark})</span>}
                </>
              ),
            },
            { title: s.colLevel, key: 'level', render: (_, p) => s.levels[p.school.level] ?? p.school.level },
            { title: s.colCluster, key: 'cluster', render: (_, p) => p.school.cluster },
            {
              title: s.colStatus,
              key: 'status',
              render: (_, p) => <Tag style={statusTagStyle(p.status)}>{planStatusLabel(p.status)}</Tag>,
            },
            {
              title: s.colDeadline,
              key: 'deadline',
              render: (_, p) => (p.due ? formatDateTime(p.due.at) : '—'),
            },
            ...(props.canRemove
              ? [
                  {
                    title: s.colActions,
                    key: 'actions',
                    render: (_: unknown, p: CampaignPlan) =>
                      p.removedAt ? null : <RemoveSchoolButton campaignId={props.campaignId} plan={p} />,
                  },
                ]
              : []),
          ]}
        />
      </div>
    </Card>
  );
}

function Timeline({ campaignId, stamp }: { campaignId: string; stamp: string }) {
  const audit = useCampaignAudit(campaignId);
  const { refetch } = audit;
  // A change elsewhere (the workflow opening plans, closing) shows in the campaign's counts: read the trail again.
  useEffect(() => {
    void refetch();
  }, [stamp, refetch]);
  return (
    <Card title={<h2 className="card-title">{s.timeline}</h2>} size="small">
      {audit.error && <Alert type="error" role="alert" showIcon title={audit.error.message} />}
      {audit.isPending && <Skeleton active />}
      {audit.data?.length === 0 && <p>{s.timelineEmpty}</p>}
      {audit.data && audit.data.length > 0 && (
        <ol className="audit-list" aria-label={s.timeline}>
          {audit.data.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at} className="audit-time">
                {formatDateTime(e.at)}
              </time>
              <span>{e.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
