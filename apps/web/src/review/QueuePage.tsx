import { Button, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/format';
import { PageError } from '../common/PageError';
import { planStatusLabel, statusTagStyle } from '../common/status';
import { common } from '../common/strings';
import { BulkDecision, BulkResults } from './BulkDecision';
import { type Facet, type QueueItem, type BulkOutcome, useReviewQueue } from './queries';
import { QUEUE_FILTERS, type QueueFilter, planLink, queueQuery, withFilter } from './queue-params';
import { reviewStrings as s } from './strings';
import './review.css';

/** The reviewer's home: the plans waiting on them across campaigns, filtered by what the address says. */
export default function QueuePage() {
  const [params, setParams] = useSearchParams();
  const q = useMemo(() => queueQuery(params), [params]);
  const queue = useReviewQueue(q);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ result: BulkOutcome; names: Map<string, string> } | null>(null);

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const items = queue.data?.items;
  // Only plans still shown can stay selected: a filter or a decision that hides one unselects it.
  const shownIds = new Set(items?.map((i) => i.id));
  const chosen = [...selected].filter((id) => shownIds.has(id));

  const setFilter = (name: QueueFilter, value: string) => setParams(withFilter(params, name, value || undefined));
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allChosen = !!items?.length && chosen.length === items.length;
  const toggleAll = () => setSelected(allChosen ? new Set() : new Set(items?.map((i) => i.id)));

  return (
    <div className="review-queue">
      <Typography.Title level={1} className="page-title">
        {s.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>
      {queue.isError && <PageError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isPending && <Skeleton active aria-label={s.loading} />}
      {queue.data && (
        <>
          <Filters facets={queue.data.facets} values={q} onChange={setFilter} onClear={() => setParams({})} />
          <p className="queue-count" role="status">
            {s.shown(queue.data.items.length, queue.data.total)}
          </p>
          {outcome && <BulkResults result={outcome.result} names={outcome.names} onClose={() => setOutcome(null)} />}
          {chosen.length > 0 && (
            <BulkDecision
              planIds={chosen}
              items={queue.data.items}
              onDone={(result, names) => {
                setOutcome({ result, names });
                setSelected(new Set(result.results.filter((r) => !r.ok).map((r) => r.planId)));
              }}
            />
          )}
          {queue.data.items.length === 0 ? (
            <Empty description={queue.data.total === 0 ? s.empty : s.emptyFiltered} />
          ) : (
            <QueueTable
              items={queue.data.items}
              q={q}
              selected={new Set(chosen)}
              onToggle={toggle}
              allChosen={allChosen}
              onToggleAll={toggleAll}
            />
          )}
        </>
      )}
    </div>
  );
}

function facetLabel(name: QueueFilter, f: Facet[number]): string {
  switch (name) {
    case 'level':
      return s.levels[f.value] ?? f.value;
    case 'cluster':
      return s.clusterName(f.value);
    case 'status':
      return planStatusLabel(f.value as 'SUBMITTED');
    case 'overdue':
      return f.value === 'true' ? s.overdueYes : s.overdueNo;
    default:
      return f.label;
  }
}

const FILTER_LABEL: Record<QueueFilter, string> = {
  campaignId: s.campaign,
  level: s.level,
  cluster: s.cluster,
  status: s.status,
  overdue: s.overdue,
};

const FACET_OF: Record<QueueFilter, 'campaign' | 'level' | 'cluster' | 'status' | 'overdue'> = {
  campaignId: 'campaign',
  level: 'level',
  cluster: 'cluster',
  status: 'status',
  overdue: 'overdue',
};

/** Native selects: light, and read out the same way by every screen reader and phone; each choice with its count. */
function Filters(props: {
  facets: Record<'campaign' | 'level' | 'cluster' | 'status' | 'overdue', Facet>;
  values: Partial<Record<QueueFilter, string>>;
  onChange: (name: QueueFilter, value: string) => void;
  onClear: () => void;
}) {
  const any = QUEUE_FILTERS.some((n) => props.values[n]);
  return (
    <fieldset className="queue-filters">
      <legend className="queue-filters-legend">{s.filters}</legend>
      {QUEUE_FILTERS.map((name) => {
        const facet = props.facets[FACET_OF[name]];
        const total = facet.reduce((sum, f) => sum + f.count, 0);
        return (
          <label key={name} className="queue-filter">
            <span>{FILTER_LABEL[name]}</span>
            <select value={props.values[name] ?? ''} onChange={(e) => props.onChange(name, e.target.value)}>
              <option value="">{s.all(total)}</option>
              {facet.map((f) => (
                <option key={f.value} value={f.value}>
                  {s.withCount(facetLabel(name, f), f.count)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {any && (
        <Button onClick={props.onClear} className="queue-clear">
          {s.clearFilters}
        </Button>
      )}
    </fieldset>
  );
}

function QueueTable(props: {
  items: QueueItem[];
  q: ReturnType<typeof queueQuery>;
  selected: Set<string>;
  onToggle: (id: string) => void;
  allChosen: boolean;
  onToggleAll: () => void;
}) {
  return (
    <div className="queue-table-wrap" role="region" aria-label={s.table} tabIndex={0}>
      <table className="queue-table">
        <thead>
          <tr>
            <th scope="col" className="queue-check">
              <input type="checkbox" aria-label={s.selectAll} checked={props.allChosen} onChange={props.onToggleAll} />
            </th>
            <th scope="col">{s.school}</th>
            <th scope="col">{s.campaign}</th>
            <th scope="col">{s.level}</th>
            <th scope="col">{s.cluster}</th>
            <th scope="col">{s.status}</th>
            <th scope="col">{s.reviewDue}</th>
            <th scope="col">{s.recommendation}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr key={item.id} className={props.selected.has(item.id) ? 'queue-row-selected' : undefined}>
              <td className="queue-check">
                <input
                  type="checkbox"
                  aria-label={s.select(item.school.name)}
                  checked={props.selected.has(item.id)}
                  onChange={() => props.onToggle(item.id)}
                />
              </td>
              <th scope="row">
                <Link to={planLink(item.id, props.q)}>{item.school.name}</Link>
              </th>
              <td>
                {item.campaign.documentNumber}
                <div className="queue-sub">{item.campaign.title}</div>
              </td>
              <td>{s.levels[item.school.level]}</td>
              <td>{s.clusterName(item.school.cluster)}</td>
              <td>
                <Tag style={statusTagStyle(item.status)}>{planStatusLabel(item.status)}</Tag>
              </td>
              <td>
                <Space size={4} wrap>
                  <span>{item.reviewDueAt ? formatDateTime(item.reviewDueAt) : s.noDue}</span>
                  {item.overdue && <Tag className="queue-late">{s.late}</Tag>}
                </Space>
              </td>
              <td>
                {item.approvalLevels < 2
                  ? s.singleLevel
                  : item.recommendation
                    ? s.recommended[item.recommendation]
                    : s.waitingRecommendation}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
