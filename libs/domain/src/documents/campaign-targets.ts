// The district's targets a campaign holds its schools to: the directive's own (CampaignTarget rows), else the
// catalogue's default for an indicator the campaign sets none for, by the consolidation's rule (directiveTarget).
// Every document reads targets through this one function.
import type { Prisma } from '@duyet/database';
import { type Direction, directiveTarget } from '../consolidation/rollup';
import { formatFigure } from '../plan-content/content';

export interface IndicatorTarget {
  code: string;
  label: string;
  unit: string;
  level: 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | null;
  direction: Direction;
  min: number | null;
  max: number | null;
}

/** The catalogue entry as Prisma reads it (Decimal targets). */
export interface CatalogueRow {
  code: string;
  label: string;
  unit: string;
  level: 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY' | null;
  direction: Direction;
  targetMin: Prisma.Decimal | null;
  targetMax: Prisma.Decimal | null;
}

/** A campaign's own target of an indicator (CampaignTarget). */
export interface OwnTargetRow {
  indicatorCode: string;
  targetMin: Prisma.Decimal | null;
  targetMax: Prisma.Decimal | null;
}

/** The campaign's required indicators, in the campaign's order, each with the directive's target. */
export function campaignTargets(
  campaign: { requiredIndicators: string[]; targets: OwnTargetRow[] },
  catalogue: CatalogueRow[],
): IndicatorTarget[] {
  const byCode = new Map(catalogue.map((i) => [i.code, i] as const));
  const own = new Map(campaign.targets.map((t) => [t.indicatorCode, t] as const));
  return campaign.requiredIndicators.flatMap((code) => {
    const i = byCode.get(code);
    if (!i) return [];
    return [
      {
        code,
        label: i.label,
        unit: i.unit,
        level: i.level,
        direction: i.direction,
        ...directiveTarget(own.get(code), i),
      },
    ];
  });
}

/** "≥ 95%", "≤ 3%", "40 - 60 giải", or "" when the district sets none: a target as the documents print it. */
export function targetText(t: { unit: string; direction: Direction; min: number | null; max: number | null }): string {
  const fig = (v: number) => formatFigure(v, t.unit);
  if (t.min !== null && t.max !== null) {
    return t.min === t.max ? fig(t.min) : `${formatFigure(t.min, '').trim()} - ${fig(t.max)}`;
  }
  if (t.min !== null) return t.direction === 'LOWER' ? fig(t.min) : `≥ ${fig(t.min)}`;
  if (t.max !== null) return t.direction === 'HIGHER' ? fig(t.max) : `≤ ${fig(t.max)}`;
  return '';
}

/** A school's own target: "99,8%", or "40 - 60 giải" for a range. */
export function schoolTargetText(unit: string, target: number | null | undefined, targetMax?: number | null): string {
  if (target === null || target === undefined) return '';
  if (targetMax !== null && targetMax !== undefined && targetMax !== target) {
    return `${formatFigure(target, '').trim()} - ${formatFigure(targetMax, unit)}`;
  }
  return formatFigure(target, unit);
}
