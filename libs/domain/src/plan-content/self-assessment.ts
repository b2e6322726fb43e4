// A phase's self-assessment (tự đánh giá): per indicator the result achieved against the school's approved target,
// and a narrative. Pure, so the browser runs the same checks as the server (apps/web imports it).
import {
  type CampaignSection,
  type CatalogueIndicator,
  type PlanContent,
  type SchoolLevelCode,
  formatFigure,
} from './content';
import type { Issue, ValidationResult } from './validation';

export type CampaignKindCode = 'PLAN' | 'SELF_ASSESSMENT' | 'REPORT';

/** The narrative of every self-assessment, in the order the office's reports write it. */
export const SELF_ASSESSMENT_SECTIONS: CampaignSection[] = [
  { key: 'results', title: 'Kết quả đạt được', required: true },
  { key: 'strengths', title: 'Những việc làm tốt', required: true },
  { key: 'shortcomings', title: 'Tồn tại, hạn chế và nguyên nhân', required: true },
  { key: 'proposals', title: 'Đề xuất, kiến nghị', required: false },
];

/** The school's approved target of one indicator (from the parent plan's approved version). */
export interface ApprovedTarget {
  target: number | null;
  targetMax: number | null;
}

/**
 * An indicator of the self-assessment form: the catalogue entry, required or not, and the approved target (a plan's
 * form leaves `approved` out).
 */
export type AssessedIndicator = CatalogueIndicator & { required: boolean; approved?: ApprovedTarget | null };

const fig = (n: number, unit: string) => formatFigure(n, unit);

/** "95%" or "40 - 60 giải": an approved target as the form prints it. */
export function approvedTargetText(indicator: { unit: string }, approved: ApprovedTarget | null | undefined): string {
  if (approved?.target == null) return 'Chưa có mục tiêu được duyệt';
  if (approved.targetMax == null || approved.targetMax === approved.target) return fig(approved.target, indicator.unit);
  return `${approved.target.toLocaleString('vi-VN', { maximumFractionDigits: 3 })} - ${fig(approved.targetMax, indicator.unit)}`;
}

/**
 * Checks a self-assessment: its required narrative sections written, a result for every required indicator of the
 * school's level, a percentage within 0–100, no indicator the form does not ask for. A result short of the approved
 * target is a warning (the office reads it; the school says why in "Tồn tại, hạn chế").
 */
export function validateSelfAssessment(
  sections: readonly CampaignSection[],
  indicators: readonly AssessedIndicator[],
  schoolLevel: SchoolLevelCode,
  content: PlanContent,
): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const section of sections) {
    if (section.required && !content.sections[section.key]?.trim()) {
      errors.push({
        field: `sections.${section.key}`,
        code: 'SECTION_REQUIRED',
        message: `Mục "${section.title}" là mục bắt buộc nhưng chưa có nội dung.`,
      });
    }
  }
  const asked = new Map(
    indicators.filter((i) => i.level === null || i.level === schoolLevel).map((i) => [i.code, i] as const),
  );
  for (const indicator of asked.values()) {
    const result = content.indicators[indicator.code]?.result;
    const field = `indicators.${indicator.code}.result`;
    if (result == null) {
      if (indicator.required)
        errors.push({
          field,
          code: 'RESULT_REQUIRED',
          message: `Chỉ tiêu "${indicator.label}": chưa nhập kết quả đạt được.`,
        });
      continue;
    }
    if (indicator.unit === '%' && (result < 0 || result > 100)) {
      errors.push({
        field,
        code: 'PERCENT_OUT_OF_RANGE',
        message: `Chỉ tiêu "${indicator.label}": kết quả ${fig(result, '%')} nằm ngoài khoảng 0% - 100%.`,
      });
      continue;
    }
    const short = shortOfTarget(indicator, indicator.approved, result);
    if (short) warnings.push({ field, code: 'RESULT_SHORT_OF_TARGET', message: short });
  }
  for (const code of Object.keys(content.indicators).sort()) {
    if (asked.has(code) || content.indicators[code]?.result == null) continue;
    errors.push({
      field: `indicators.${code}`,
      code: 'INDICATOR_UNKNOWN',
      message: `Chỉ tiêu mã "${code}" không thuộc bản tự đánh giá này.`,
    });
  }
  return { ok: errors.length === 0, errors, warnings };
}

function shortOfTarget(
  indicator: AssessedIndicator,
  approved: ApprovedTarget | null | undefined,
  result: number,
): string | null {
  if (approved?.target == null) return null;
  const target = approvedTargetText(indicator, approved);
  if (indicator.direction === 'HIGHER' && result < approved.target) {
    return `Chỉ tiêu "${indicator.label}": kết quả (${fig(result, indicator.unit)}) chưa đạt mục tiêu đã duyệt (${target}).`;
  }
  const ceiling = approved.targetMax ?? approved.target;
  if (indicator.direction === 'LOWER' && result > ceiling) {
    return `Chỉ tiêu "${indicator.label}": kết quả (${fig(result, indicator.unit)}) cao hơn mục tiêu đã duyệt (${target}).`;
  }
  return null;
}
