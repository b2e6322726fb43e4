// The consolidation's rules on numbers, pure: which aggregate a row shows and whether it meets the directive's target.
// The per-school sums, means and medians are taken by PostgreSQL (consolidation-sql.ts) over the same definitions.
import type { PhaseFigures } from './phase-figures';

export type Rollup = 'RATE' | 'COUNT' | 'DISTRICT';
export type Direction = 'HIGHER' | 'LOWER' | 'NONE';

export interface Target {
  min: number | null;
  max: number | null;
}

type Bound = { toNumber(): number } | null;

/**
 * The directive's target of an indicator: the campaign's own (a CampaignTarget row, both bounds together), else the
 * catalogue's default. The one reading of it: the consolidation, its SQL (figuresSql, the same rule) and the documents.
 */
export function directiveTarget(
  own: { targetMin: Bound; targetMax: Bound } | undefined,
  catalogue: { targetMin: Bound; targetMax: Bound },
): Target {
  const t = own ?? catalogue;
  return {
    min: t.targetMin === null ? null : t.targetMin.toNumber(),
    max: t.targetMax === null ? null : t.targetMax.toNumber(),
  };
}

/**
 * Whether a figure meets a target: at least the floor when higher is better, at most the ceiling when lower is, within
 * both bounds when neither is. A range with higher-is-better (40 - 60 prizes) is met from its floor up. null: nothing to
 * compare (no figure, or no bound on the side that matters).
 */
export function meetsTarget(direction: Direction, value: number | null, target: Target): boolean | null {
  if (value === null) return null;
  const floor = direction !== 'LOWER' ? target.min : null;
  const ceiling = direction !== 'HIGHER' ? target.max : null;
  if (floor === null && ceiling === null) return null;
  return (floor === null || value >= floor) && (ceiling === null || value <= ceiling);
}

/** A school's figure for an indicator: its target, or for a lower-is-better one the ceiling of its range. */
export function schoolFigure(direction: Direction, value: { target?: number | null; targetMax?: number | null }) {
  return direction === 'LOWER' ? (value.targetMax ?? value.target ?? null) : (value.target ?? null);
}

/** What PostgreSQL answers for one group (rollupSql). */
export interface GroupFigures {
  plans: number;
  approved: number;
  with_target: number;
  min: number | null;
  median: number | null;
  max: number | null;
  total: number | null;
  weighted_mean: number | null;
  without_weight: number;
  below: number;
}

export interface FigureRow {
  /** schools the indicator applies to (plans removed from the campaign or exempted aside) */
  plans: number;
  approved: number;
  /** not approved yet: their drafts and pending versions do not count in the figures */
  notApproved: number;
  /** approved plans whose approved version sets a target for the indicator */
  withTarget: number;
  min: number | null;
  median: number | null;
  max: number | null;
  /** a rate: the average of the schools' targets, weighted as the catalogue says; a count: their sum */
  value: number | null;
  /** approved schools with a target but no pupil or class count, left out of a weighted average */
  withoutWeight: number;
  /** whether value meets the directive's target; a count is compared as the district's total only (null elsewhere) */
  meets: boolean | null;
  /** a rate: approved schools whose own target misses the directive's; null for a count, never compared per school */
  below: number | null;
  /** each phase's results (tự đánh giá) beside the targets: the phases with approved self-assessments, in order */
  results: PhaseFigures[];
}

const round = (n: number | null, digits = 3): number | null => {
  if (n === null) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** One group's row: the aggregate the indicator's roll-up calls for, checked against the directive's target. */
export function figureRow(
  g: GroupFigures,
  indicator: { rollup: Rollup; direction: Direction; target: Target },
  districtRow: boolean,
): FigureRow {
  const isCount = indicator.rollup === 'COUNT';
  const value = g.with_target === 0 ? null : isCount ? g.total : g.weighted_mean;
  return {
    plans: g.plans,
    approved: g.approved,
    notApproved: g.plans - g.approved,
    withTarget: g.with_target,
    min: round(g.min),
    median: round(g.median),
    max: round(g.max),
    value: round(value),
    withoutWeight: isCount ? 0 : g.without_weight,
    meets: isCount && !districtRow ? null : meetsTarget(indicator.direction, round(value), indicator.target),
    below: isCount ? null : g.below,
    results: [],
  };
}
