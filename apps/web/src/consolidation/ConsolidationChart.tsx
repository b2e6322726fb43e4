import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../common/format';
import type { IndicatorSummary } from './queries';
import { figure } from './figures';
import { consolidationStrings as s } from './strings';

/**
 * Per cluster: a rate's average against the directive's target line, or a count's sum (a count is compared as the
 * district's total only, so its clusters get no line). The figures are in the table above: the chart is a picture of
 * them, named for screen readers as one image.
 */
export function ConsolidationChart({ indicator: i }: { indicator: IndicatorSummary }) {
  // The latest phase's results beside the targets, as a second series.
  const phase = i.district.results.at(-1);
  const data = i.clusters.map((c) => ({
    name: s.cluster(c.cluster.code),
    value: c.value,
    result: c.results.find((r) => r.phaseIndex === phase?.phaseIndex)?.value ?? null,
  }));
  if (data.every((d) => d.value === null && d.result === null)) return null;
  const rate = i.rollup === 'RATE';
  const label = rate ? s.chartRate(i.label) : s.chartCount(i.label);
  const lines = rate ? [i.target.min, i.target.max].filter((n): n is number => n !== null) : [];
  const top = Math.max(...data.map((d) => Math.max(d.value ?? 0, d.result ?? 0)), ...lines);
  return (
    <div className="consolidation-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis
            width={48}
            tick={{ fontSize: 12 }}
            domain={[0, Math.ceil(top * 1.1) || 1]}
            tickFormatter={(n: number) => formatNumber(n)}
          />
          <Tooltip formatter={(v, name) => [figure(Number(v), i.unit), String(name)]} />
          <Bar dataKey="value" name={phase ? s.chartTargets : s.chartValue} fill="#1f6feb" isAnimationActive={false} />
          {phase && (
            <Bar dataKey="result" name={s.chartResult(phase.phaseIndex + 1)} fill="#2e7d32" isAnimationActive={false} />
          )}
          {phase && <Legend />}
          {lines.map((n) => (
            <ReferenceLine key={n} y={n} stroke="#b42318" strokeDasharray="6 3" label={figure(n, i.unit)} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
