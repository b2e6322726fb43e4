import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/queries';
import { PageError } from '../common/PageError';
import { ConsolidationChart } from './ConsolidationChart';
import { figure, targetText } from './figures';
import { type FigureRow, type IndicatorSummary, type PhaseRow, reportHrefs, useConsolidation } from './queries';
import { consolidationStrings as s } from './strings';
import './consolidation.css';

/** Tổng hợp: per required indicator, the district's row, each level's and each cluster's, then who is below target. */
export default function ConsolidationPage() {
  const { id = '' } = useParams();
  const data = useConsolidation(id);
  const me = useMe();
  // A province user (Sở GD&ĐT) reads the consolidation only: the campaign's own page is the district office's.
  const office = me.data?.role !== 'PROVINCE';
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
      {office && (
        <p className="consolidation-back">
          <Link to={`/campaigns/${c.campaign.id}`}>{s.back}</Link>
        </p>
      )}
      <p className="page-intro">
        {c.campaign.documentNumber} — {c.campaign.title}
      </p>
      <p className="page-intro">{s.district_(c.campaign.district.name)}</p>
      <section aria-label={s.downloads} className="consolidation-downloads">
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={reportHrefs(c.campaign.id).docx} download>
            {s.downloadDocx}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} href={reportHrefs(c.campaign.id).xlsx} download>
            {s.downloadXlsx}
          </Button>
        </Space>
      </section>
      <p className="page-intro">{s.intro}</p>
      <p className="consolidation-plans" role="status">
        {s.plans(c.plans.approved, c.plans.total, c.plans.notApproved)}
      </p>
      {scope && <Alert type="info" showIcon title={s.scope(scope)} className="consolidation-scope" />}
      {c.indicators.length === 0 && <Alert type="info" showIcon title={s.noIndicators} />}
      {c.indicators.map((i) => (
        <IndicatorCard key={i.code} indicator={i} inScope={!!scope} phases={c.phases} />
      ))}
    </>
  );
}

type Phases = { index: number; name: string }[];

function IndicatorCard({
  indicator: i,
  inScope,
  phases,
}: {
  indicator: IndicatorSummary;
  inScope: boolean;
  phases: Phases;
}) {
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
          {phases.length > 0 && (
            <tr>
              <td colSpan={i.rollup === 'RATE' ? 11 : 10} />
              {phases.map((p) => (
                <th key={p.index} scope="colgroup" colSpan={3} title={p.name} className="consolidation-phase">
                  {s.phaseGroup(p.index + 1)}
                </th>
              ))}
            </tr>
          )}
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
            {phases.map((p) => [
              <th key={`r${p.index}`} scope="col" className="consolidation-phase">
                {s.colReporting}
              </th>,
              <th key={`v${p.index}`} scope="col" className="consolidation-phase">
                {i.rollup === 'COUNT' ? s.colResultSum : s.colResultMean}
              </th>,
              <th key={`m${p.index}`} scope="col" className="consolidation-phase">
                {s.colResultMeets}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          <Row name={inScope ? s.districtInScope : s.district} row={i.district} indicator={i} phases={phases} main />
          {i.levels.map((l) => (
            <Row key={l.level} name={s.levels[l.level] ?? l.level} row={l} indicator={i} phases={phases} />
          ))}
          {i.clusters.map((c) => (
            <Row key={c.cluster.code} name={c.cluster.name} row={c} indicator={i} phases={phases} />
          ))}
        </tbody>
      </table>
      {i.district.withoutWeight > 0 && <p className="muted">{s.withoutWeight(i.district.withoutWeight)}</p>}
      <ConsolidationChart indicator={i} />
      {i.rollup === 'RATE' && <SchoolsBelow indicator={i} />}
      {i.schoolResults.map((p) => (
        <SchoolResults key={p.phaseIndex} indicator={i} phase={p} />
      ))}
    </Card>
  );
}

function Row({
  name,
  row,
  indicator: i,
  phases,
  main,
}: {
  name: string;
  row: FigureRow;
  indicator: IndicatorSummary;
  phases: Phases;
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
      {phases.map((p) => {
        const r: PhaseRow | undefined = row.results.find((x) => x.phaseIndex === p.index);
        const group = s.phaseGroup(p.index + 1);
        return [
          <td key={`r${p.index}`} data-label={`${group}: ${s.colReporting}`} className="consolidation-phase">
            {r?.reporting ?? 0}
          </td>,
          <td
            key={`v${p.index}`}
            data-label={`${group}: ${count ? s.colResultSum : s.colResultMean}`}
            className="consolidation-phase"
          >
            <strong>{f(r?.value ?? null)}</strong>
          </td>,
          <td key={`m${p.index}`} data-label={`${group}: ${s.colResultMeets}`} className="consolidation-phase">
            <Meets meets={r?.meets ?? null} />
          </td>,
        ];
      })}
    </tr>
  );
}

function Meets({ meets }: { meets: boolean | null }) {
  if (meets === null) return <>{s.none}</>;
  return <span className={meets ? 'meets-yes' : 'meets-no'}>{meets ? s.meets : s.misses}</span>;
}

function SchoolResults({
  indicator: i,
  phase,
}: {
  indicator: IndicatorSummary;
  phase: IndicatorSummary['schoolResults'][number];
}) {
  const f = (n: number | null) => figure(n, i.unit);
  const caption = s.schoolResults(phase.phaseIndex + 1, phase.total);
  return (
    <details className="schools-below">
      <summary>{caption}</summary>
      {phase.schools.length < phase.total && (
        <p className="muted">{s.schoolResultsShown(phase.schools.length, phase.total)}</p>
      )}
      <table className="consolidation-table" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">{s.colSchool}</th>
            <th scope="col">{s.colOwnTarget}</th>
            <th scope="col">{s.colResult}</th>
            <th scope="col">{s.colVsOwn}</th>
            {i.rollup === 'RATE' && <th scope="col">{s.colVsDirective}</th>}
          </tr>
        </thead>
        <tbody>
          {phase.schools.map((x) => (
            <tr key={x.code}>
              <th scope="row">
                {x.name} ({s.levels[x.level] ?? x.level}, {s.cluster(x.cluster)})
              </th>
              <td data-label={s.colOwnTarget}>{f(x.target)}</td>
              <td data-label={s.colResult}>
                <strong>{f(x.result)}</strong>
              </td>
              <td data-label={s.colVsOwn}>
                <Meets meets={x.meetsOwn} />
              </td>
              {i.rollup === 'RATE' && (
                <td data-label={s.colVsDirective}>
                  <Meets meets={x.meetsDirective} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
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
