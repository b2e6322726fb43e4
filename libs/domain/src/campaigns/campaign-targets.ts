import type { CampaignTargetInput } from './campaign.schemas';

/** A target as numbers: min and/or max, null where the directive sets none. */
export interface TargetRange {
  min: number | null;
  max: number | null;
}

interface CatalogueEntry {
  code: string;
  label: string;
  unit: string;
  targetMin: { toNumber(): number } | null;
  targetMax: { toNumber(): number } | null;
}

export interface TargetProblem {
  field: string;
  message: string;
}

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

/**
 * The directive's targets for its required indicators: those the request gives, else the catalogue's. A target given
 * for an indicator the campaign does not require, or a percentage outside 0–100, is a problem named by its field.
 */
export function resolveCampaignTargets(
  required: readonly string[],
  catalogue: readonly CatalogueEntry[],
  given: Record<string, CampaignTargetInput> = {},
): { targets: Map<string, TargetRange>; problems: TargetProblem[] } {
  const problems: TargetProblem[] = [];
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  for (const [code, t] of Object.entries(given)) {
    const indicator = byCode.get(code);
    if (!required.includes(code) || !indicator) {
      problems.push({
        field: `targets.${code}`,
        message: `Chỉ tiêu "${indicator?.label ?? code}" không nằm trong các chỉ tiêu bắt buộc của đợt nên không đặt mức`,
      });
      continue;
    }
    for (const bound of ['min', 'max'] as const) {
      const n = t[bound];
      if (indicator.unit === '%' && n != null && n > 100) {
        problems.push({
          field: `targets.${code}.${bound}`,
          message: `Chỉ tiêu "${indicator.label}": mức ${bound === 'min' ? 'tối thiểu' : 'tối đa'} ${n}% vượt quá 100%`,
        });
      }
    }
  }
  const targets = new Map<string, TargetRange>();
  for (const code of required) {
    const indicator = byCode.get(code);
    if (!indicator) continue;
    const t = given[code];
    targets.set(
      code,
      t ? { min: t.min ?? null, max: t.max ?? null } : { min: num(indicator.targetMin), max: num(indicator.targetMax) },
    );
  }
  return { targets, problems };
}

/** CampaignTarget rows as the API shows them: { [code]: { min, max } }. */
export function targetsView(
  rows: readonly {
    indicatorCode: string;
    targetMin: { toNumber(): number } | null;
    targetMax: { toNumber(): number } | null;
  }[],
): Record<string, TargetRange> {
  return Object.fromEntries(rows.map((r) => [r.indicatorCode, { min: num(r.targetMin), max: num(r.targetMax) }]));
}
