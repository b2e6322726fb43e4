// The report's figures, rolled up from the schools' approved targets: pure, so the report's numbers can be checked
// by hand. A school's range target ("40 - 60") counts by its lower bound, the figure it commits to.
import type { SchoolLevel } from '@duyet/database';
import { type IndicatorTarget, targetText } from './campaign-targets';
import type { ReportIndicator, ReportRow } from './report-docx';

export const LEVEL_NAMES: Record<SchoolLevel, string> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
};

export interface SchoolFigures {
  name: string;
  level: SchoolLevel;
  submitted: boolean;
  /** an approved version exists: its targets are the school's */
  approved: boolean;
  /** the approved version's targets by indicator code */
  targets: Record<string, { target?: number | null; targetMax?: number | null }>;
}

export function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A rate is compared school by school and averaged; a count (pupils, prizes) is summed over the district. */
export const rollUpOf = (t: Pick<IndicatorTarget, 'unit'>): 'AVERAGE' | 'SUM' => (t.unit === '%' ? 'AVERAGE' : 'SUM');

function compare(t: IndicatorTarget, value: number): boolean | null {
  if (t.direction === 'HIGHER') {
    const floor = t.min ?? t.max;
    return floor === null ? null : value >= floor;
  }
  if (t.direction === 'LOWER') {
    const ceiling = t.max ?? t.min;
    return ceiling === null ? null : value <= ceiling;
  }
  return null;
}

function row(t: IndicatorTarget, scope: string, schools: SchoolFigures[]): ReportRow {
  const approved = schools.filter((s) => s.approved);
  const withTarget = approved.flatMap((s) => {
    const v = s.targets[t.code]?.target;
    return typeof v === 'number' ? [{ name: s.name, value: v }] : [];
  });
  const values = withTarget.map((w) => w.value).sort((a, b) => a - b);
  const rollUp = rollUpOf(t);
  const sum = values.reduce((a, b) => a + b, 0);
  const value = values.length ? (rollUp === 'SUM' ? sum : sum / values.length) : null;
  return {
    scope,
    schools: schools.length,
    approved: approved.length,
    withTarget: values.length,
    min: values.length ? values[0] : null,
    median: median(values),
    max: values.length ? values[values.length - 1] : null,
    value,
    target: targetText(t),
    met: value === null ? null : compare(t, value),
    // A count is a district total: no school is "below" it on its own.
    below: rollUp === 'SUM' ? [] : withTarget.filter((w) => compare(t, w.value) === false).map((w) => w.name),
  };
}

/** Per indicator: a row per level it applies to (when more than one), then the district's. */
export function reportIndicators(
  targets: IndicatorTarget[],
  schools: SchoolFigures[],
  levels: SchoolLevel[],
): ReportIndicator[] {
  return targets.map((t) => {
    const applies = levels.filter((l) => t.level === null || t.level === l);
    const inScope = schools.filter((s) => applies.includes(s.level));
    const rows =
      applies.length > 1
        ? applies.map((l) =>
            row(
              t,
              LEVEL_NAMES[l],
              inScope.filter((s) => s.level === l),
            ),
          )
        : [];
    return { label: t.label, unit: t.unit, rollUp: rollUpOf(t), rows: [...rows, row(t, 'Toàn huyện', inScope)] };
  });
}
