import { formatNumber } from '../../common/format';

/** The district's target of an indicator, the way the directive writes it: "≥ 98%", "40 – 60 giải", "< 2%". */
export function targetText(t: { min: number | null; max: number | null }, unit: string): string | null {
  const u = (n: number) => (unit === '%' ? `${formatNumber(n)}%` : `${formatNumber(n)} ${unit}`);
  if (t.min !== null && t.max !== null) return t.min === t.max ? u(t.min) : `${formatNumber(t.min)} – ${u(t.max)}`;
  if (t.min !== null) return `≥ ${u(t.min)}`;
  if (t.max !== null) return `≤ ${u(t.max)}`;
  return null;
}
