// The phases' results beside the targets, pure: one phase's approved self-assessment results rolled up for a group
// of schools the way the targets are (a rate's weighted average, a count's sum), with the same medians and the same
// comparison with the directive's target as rollup.ts. The per-school results come from PhaseResultsService.
import { type Direction, type Rollup, type Target, meetsTarget } from './rollup';

/** One school's result of one indicator in one phase, with what the roll-up needs of the school. */
export interface SchoolResult {
  schoolId: string;
  result: number;
  /** the school's pupils or classes as the catalogue weighs it (1 for a plain mean); null: unknown */
  weight: number | null;
}

/** One phase's results of an indicator for one group (the district, a level, a cluster). */
export interface PhaseFigures {
  phaseIndex: number;
  phaseName: string;
  /** schools whose approved self-assessment gives a result */
  reporting: number;
  min: number | null;
  median: number | null;
  max: number | null;
  /** a rate: the results averaged, weighted as the catalogue says; a count: their sum */
  value: number | null;
  /** value against the directive's target; a count is compared as the district's total only (null elsewhere) */
  meets: boolean | null;
  /** a rate: reporting schools whose result misses the directive's target; null for a count */
  below: number | null;
}

const round = (n: number | null, digits = 3): number | null => {
  if (n === null) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** The median as PostgreSQL's percentile_cont(0.5) takes it: the mean of the two middle values of an even count. */
export function medianOf(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One phase's row for a group of schools. */
export function phaseFigures(
  phase: { phaseIndex: number; phaseName: string },
  results: SchoolResult[],
  indicator: { rollup: Rollup; direction: Direction; target: Target },
  districtRow: boolean,
): PhaseFigures {
  const isCount = indicator.rollup === 'COUNT';
  const values = results.map((r) => r.result).sort((a, b) => a - b);
  let value: number | null = null;
  if (values.length > 0) {
    if (isCount) value = values.reduce((a, v) => a + v, 0);
    else {
      const weighed = results.filter((r) => r.weight !== null);
      const w = weighed.reduce((a, r) => a + r.weight!, 0);
      value = w === 0 ? null : weighed.reduce((a, r) => a + r.result * r.weight!, 0) / w;
    }
  }
  return {
    phaseIndex: phase.phaseIndex,
    phaseName: phase.phaseName,
    reporting: results.length,
    min: round(values[0] ?? null),
    median: round(medianOf(values)),
    max: round(values.at(-1) ?? null),
    value: round(value),
    meets: isCount && !districtRow ? null : meetsTarget(indicator.direction, round(value), indicator.target),
    below: isCount
      ? null
      : results.filter((r) => meetsTarget(indicator.direction, r.result, indicator.target) === false).length,
  };
}
