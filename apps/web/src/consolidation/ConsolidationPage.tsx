import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageError } from '../common/PageError';
import { ConsolidationChart } from './ConsolidationChart';
import { figure, targetText } from './figures';
import { type FigureRow, type IndicatorSummary, useConsolidation } from './queries';
import { consolidationStrings as s } from './strings';
import './consolidation.css';

/** Tổng hợp: per required indicator, the district's row, each level's and each cluster's, then who is below target. */
export default function ConsolidationPage() {
  const { id = '' } = useParams();
  const data = useConsolidation(id);
  if (data.isPending) return <Skeleton active />;
  if (data.isError) return <PageError error={data.error} onRetry={() => void data.refetch()} />;
  const c = data.data;
  const scope = c.scope
    ? [...c.scope.levels.map((l) => s.levels[l] ?? l), ...c.scope.clusters.map(s.cluster)].join(', ')
    : null;
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {s.title}
      </Typography.Title>
      <p className="consolidation-back">
        <Link to={`/campaigns/${c.campaign.id}`}>{s.back}</Link>
      </p>
      <p className="page-intro">
        {c.campaign.documentNumber} — {c.campaign.title}
      </p>
      <p className="page-intro">{s.intro}</p>
      <p className="consolidation-plans" role="status">
        {s.plans(c.plans.approved, c.plans.total, c.plans.notApproved)}
      </p>
      {scope && <Alert type="info" showIcon title={s.scope(scope)} className="consolidation-scope" />}
      {c.indicators.length === 0 && <Alert type="info" showIcon title={s.noIndicators} />}
      {c.indicators.map((i) => (
        <IndicatorCard key={i.code} indicator={i} inScope={!!scope} />
      ))}
    </>
  );
}

function IndicatorCard({ indicator: i, inScope }: { indicator: IndicatorSummary; inScope: boolean }) {
  const target = targetText(i.target, i.unit) ?? s.noTarget;
  const how = i.rollup === 'RATE' ? `${s.rollups.RATE} (${s.weights[i.weight]})` : s.rollups[i.rollup];
  const headingId = `indicator-${i.code}`;
  return (
    <Card
      className="consolidation-card"
      size="small"
      title={
        <h2 className="card-title" id={headingId}>
          {i.label}
        </h2>
      }
    >
      <dl className="consolidation-facts">
        <dt>{s.directiveTarget}</dt>
        <dd>{target}</dd>
        <dt>{s.howRolled}</dt>
        <dd>{how}</dd>
      </dl>
      <table className="consolidation-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{s.colGroup}</th>
            <th scope="col">{s.colSchools}</th>
            <th scope="col">{s.colApproved}</th>
            <th scope="col">{s.colNotApproved}</th>
            <th scope="col">{s.colWithTarget}</th>
            <th scope="col">{s.colMin}</th>
            <th scope="col">{s.colMedian}</th>
            <th scope="col">{s.colMax}</th>
            <th scope="col">{i.rollup === 'COUNT' ? s.colSum : s.colMean}</th>
            <th scope="col">{s.colMeets}</th>
            {i.rollup === 'RATE' && <th scope="col">{s.colBelow}</th>}
          </tr>
        </thead>
        <tbody>
          <Row name={inScope ? s.districtInScope : s.district} row={i.district} indicator={i} main />
          {i.levels.map((l) => (
            <Row key={l.level} name={s.levels[l.level] ?? l.level} row={l} indicator={i} />
          ))}
          {i.clusters.map((c) => (
            <Row key={c.cluster.code} name={c.cluster.name} row={c} indicator={i} />
          ))}
        </tbody>
      </table>
      {i.district.withoutWeight > 0 && <p className="muted">{s.withoutWeight(i.district.withoutWeight)}</p>}
      <ConsolidationChart indicator={i} />
      {i.rollup === 'RATE' && <SchoolsBelow indicator={i} />}
    </Card>
  );
}

function Row({
  name,
  row,
  indicator: i,
  main,
}: {
  name: string;
  row: FigureRow;
  indicator: IndicatorSummary;
  main?: boolean;
}) {
  const f = (n: number | null) => figure(n, i.unit);
  const count = i.rollup === 'COUNT';
  const cols = [s.colSchools, s.colApproved, s.colNotApproved, s.colWithTarget, s.colMin, s.colMedian, s.colMax];
  const values = [row.plans, row.approved, row.notApproved, row.withTarget, f(row.min), f(row.median), f(row.max)];
  return (
    <tr className={main ? 'consolidation-main' : undefined}>
      <th scope="row">{name}</th>
      {values.map((v, k) => (
        <td key={cols[k]} data-label={cols[k]}>
          {v}
        </td>
      ))}
      <td data-label={count ? s.colSum : s.colMean}>
        <strong>{f(row.value)}</strong>
      </td>
      <td data-label={s.colMeets}>
        {row.meets === null ? (
          s.none
        ) : (
          <span className={row.meets ? 'meets-yes' : 'meets-no'}>{row.meets ? s.meets : s.misses}</span>
        )}
      </td>
      {i.rollup === 'RATE' && <td data-label={s.colBelow}>{row.below ?? s.none}</td>}
    </tr>
  );
}

function SchoolsBelow({ indicator: i }: { indicator: IndicatorSummary }) {
  const { total, schools } = i.schoolsBelow;
  if (total === 0) return <p className="muted">{s.noneBelow}</p>;
  return (
    <details className="schools-below">
      <summary>{s.below(total)}</summary>
      {schools.length < total && <p className="muted">{s.belowShown(schools.length, total)}</p>}
      <ul>
        {schools.map((b) => (
          <li key={b.code}>
            {b.name} ({s.levels[b.level] ?? b.level}, {s.cluster(b.cluster)}):{' '}
            <strong>{figure(b.figure, i.unit)}</strong>
          </li>
        ))}
      </ul>
    </details>
  );
}
