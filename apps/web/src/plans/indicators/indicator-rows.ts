import type { CatalogueIndicator, IndicatorValue } from '@shared/plan-content/content';
import { formatFigure } from '@shared/plan-content/content';
import { parseTargetText } from '@shared/plan-content/target-text';
import type { Issue } from '@shared/plan-content/validation';
import { formatNumber } from '../../common/format';
import { indicatorStrings as s } from './strings';

/** A check's finding as the editor lists it: the server's issues, and figures the browser could not read. */
export type EditorIssue = Omit<Issue, 'code'> & { code: Issue['code'] | 'UNREADABLE' };

/** What the school typed in one row of the indicator table, as typed: "98,5", "40 - 60". */
export interface RowTexts {
  baseline: string;
  target: string;
  /** a self-assessment's result achieved; absent in a plan's rows */
  result?: string;
}

/** One row read: the figures to save and check, and what could not be read (an error beside the field). */
export interface ReadRow {
  value: IndicatorValue;
  errors: EditorIssue[];
}

/** A stored value as the row shows it: a range as "40 - 60", a decimal with a comma. */
export function textsOf(value: IndicatorValue | undefined): RowTexts {
  const fig = (n: number | null | undefined) => (n == null ? '' : formatNumber(n));
  const target =
    value?.target == null
      ? ''
      : value.targetMax == null
        ? fig(value.target)
        : `${fig(value.target)} - ${fig(value.targetMax)}`;
  const texts: RowTexts = { baseline: fig(value?.baseline), target };
  if (value?.result !== undefined) texts.result = fig(value.result);
  return texts;
}

/**
 * Reads a row with the server's own parser (target-text.ts): a target may be one number or a range; a baseline is
 * one number. A figure that cannot be read keeps the value last saved (`saved`), so the draft never loses it, and
 * is reported as a blocking error of its own.
 */
export function readRow(indicator: CatalogueIndicator, texts: RowTexts, saved?: IndicatorValue): ReadRow {
  const errors: EditorIssue[] = [];
  const value: IndicatorValue = { baseline: null, target: null, targetMax: null };
  const field = (figure: string) => `indicators.${indicator.code}.${figure}`;

  const baseline = texts.baseline.trim();
  if (baseline) {
    const parsed = parseTargetText(baseline);
    if (parsed && parsed.targetMax === undefined) value.baseline = parsed.target;
    else {
      value.baseline = saved?.baseline ?? null;
      errors.push({
        field: field('baseline'),
        code: 'UNREADABLE',
        message: s.unreadableBaseline(indicator.label, baseline),
      });
    }
  }

  const target = texts.target.trim();
  if (target) {
    const parsed = parseTargetText(target);
    if (parsed) {
      value.target = parsed.target;
      value.targetMax = parsed.targetMax ?? null;
    } else {
      value.target = saved?.target ?? null;
      value.targetMax = saved?.targetMax ?? null;
      errors.push({ field: field('target'), code: 'UNREADABLE', message: s.unreadableTarget(indicator.label, target) });
    }
  }
  // A self-assessment's result: one number, as the server reads it (draft.schema.ts).
  if (texts.result !== undefined) {
    const result = texts.result.trim();
    const parsed = result ? parseTargetText(result) : null;
    if (!result) value.result = null;
    else if (parsed && parsed.targetMax === undefined) value.result = parsed.target;
    else {
      value.result = saved?.result ?? null;
      errors.push({ field: field('result'), code: 'UNREADABLE', message: s.unreadableResult(indicator.label, result) });
    }
  }
  return { value, errors };
}

const isEmpty = (v: IndicatorValue) =>
  v.baseline == null && v.target == null && v.targetMax == null && v.result == null;

/**
 * The indicators part of the draft: every row read, empty rows left out; codes the table does not show (another
 * level's, kept from an older draft) are passed through untouched, for the server's checks to name.
 */
export function indicatorsOf(
  catalogue: readonly CatalogueIndicator[],
  rows: Record<string, RowTexts>,
  saved: Record<string, IndicatorValue>,
): { values: Record<string, IndicatorValue>; errors: EditorIssue[] } {
  const values: Record<string, IndicatorValue> = {};
  const errors: EditorIssue[] = [];
  const shown = new Set(catalogue.map((i) => i.code));
  for (const [code, value] of Object.entries(saved)) if (!shown.has(code)) values[code] = value;
  for (const indicator of catalogue) {
    const texts = rows[indicator.code];
    if (!texts) {
      if (saved[indicator.code]) values[indicator.code] = saved[indicator.code];
      continue;
    }
    const read = readRow(indicator, texts, saved[indicator.code]);
    errors.push(...read.errors);
    if (!isEmpty(read.value)) values[indicator.code] = read.value;
  }
  return { values, errors };
}

/** The district's own target, as the office's documents print it: "≥ 98%", "< 2%", "40 - 60 giải". */
export function districtTargetText(i: CatalogueIndicator): string {
  if (i.targetMin != null && i.targetMax != null) {
    return i.targetMin === i.targetMax
      ? formatFigure(i.targetMin, i.unit)
      : `${formatNumber(i.targetMin)} - ${formatFigure(i.targetMax, i.unit)}`;
  }
  if (i.targetMin != null) return `≥ ${formatFigure(i.targetMin, i.unit)}`;
  if (i.targetMax != null) return `≤ ${formatFigure(i.targetMax, i.unit)}`;
  return s.noDistrictTarget;
}
