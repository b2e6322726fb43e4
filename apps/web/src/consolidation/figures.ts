import { formatNumber } from '../common/format';

/** "12,5%", "48 giải"; a dash for no figure. */
export function figure(n: number | null | undefined, unit: string): string {
  if (n === null || n === undefined) return '—';
  return unit === '%' ? `${formatNumber(n)}%` : `${formatNumber(n)} ${unit}`;
}

/** The directive's target the way it writes it: "≥ 98%", "40 – 60 giải", "≤ 3,2%"; null when it sets none. */
export function targetText(t: { min: number | null; max: number | null }, unit: string): string | null {
  if (t.min !== null && t.max !== null) {
    return t.min === t.max ? figure(t.min, unit) : `${formatNumber(t.min)} – ${figure(t.max, unit)}`;
  }
  if (t.min !== null) return `≥ ${figure(t.min, unit)}`;
  if (t.max !== null) return `≤ ${figure(t.max, unit)}`;
  return null;
}
