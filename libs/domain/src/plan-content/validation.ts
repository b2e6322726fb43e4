import {
  type CampaignSection,
  type CatalogueIndicator,
  type IndicatorValue,
  type PlanContent,
  type SchoolLevelCode,
  formatFigure,
} from './content';

export type IssueCode =
  /** a required section is missing or blank */
  | 'SECTION_REQUIRED'
  /** a required indicator of the school's level has no target */
  | 'INDICATOR_REQUIRED'
  /** a percentage outside 0–100 */
  | 'PERCENT_OUT_OF_RANGE'
  /** a code the district's catalogue does not have */
  | 'INDICATOR_UNKNOWN'
  /** an indicator of another school level */
  | 'INDICATOR_OTHER_LEVEL'
  /** a range whose upper bound is below its lower bound */
  | 'TARGET_RANGE_INVERTED'
  /** warning: a higher-is-better target below the district's */
  | 'BELOW_DISTRICT_TARGET'
  /** warning: a lower-is-better target above the district's */
  | 'ABOVE_DISTRICT_TARGET'
  /** a self-assessment's required indicator without its result (self-assessment.ts) */
  | 'RESULT_REQUIRED'
  /** warning: a self-assessment's result short of the approved target (self-assessment.ts) */
  | 'RESULT_SHORT_OF_TARGET';

export interface Issue {
  /** where the issue is, as the draft names it: sections.purpose, indicators.MN_ENROL_AGE5.target */
  field: string;
  code: IssueCode;
  message: string;
}

/** Errors block a submission; warnings are shown to the principal and the reviewer but do not. */
export interface ValidationResult {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
}

/** What a campaign asks of every plan. */
export interface CampaignRules {
  sections: CampaignSection[];
  requiredIndicators: string[];
}

const LEVEL_NAMES: Record<SchoolLevelCode, string> = {
  PRESCHOOL: 'mầm non',
  PRIMARY: 'tiểu học',
  LOWER_SECONDARY: 'trung học cơ sở',
};

const FIGURE_NAMES = { baseline: 'số liệu năm gốc', target: 'mục tiêu', targetMax: 'mục tiêu tối đa' } as const;
type Figure = keyof typeof FIGURE_NAMES;

/**
 * Checks a plan's content against its campaign and the district's catalogue, for a school of the given
 * level. Pure: the caller loads the campaign, the catalogue and the content.
 */
export function validatePlanContent(
  campaign: CampaignRules,
  catalogue: readonly CatalogueIndicator[],
  schoolLevel: SchoolLevelCode,
  content: PlanContent,
): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const section of campaign.sections) {
    if (section.required && !content.sections[section.key]?.trim()) {
      errors.push({
        field: `sections.${section.key}`,
        code: 'SECTION_REQUIRED',
        message: `Mục "${section.title}" là mục bắt buộc nhưng chưa có nội dung.`,
      });
    }
  }

  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  // A campaign may target several levels: its required indicators of another level do not bind this school.
  const applies = (i: CatalogueIndicator) => i.level === null || i.level === schoolLevel;
  for (const code of campaign.requiredIndicators) {
    const indicator = byCode.get(code);
    if (!indicator || !applies(indicator) || content.indicators[code]?.target != null) continue;
    errors.push({
      field: `indicators.${code}.target`,
      code: 'INDICATOR_REQUIRED',
      message: `Chỉ tiêu "${indicator.label}" là chỉ tiêu bắt buộc nhưng chưa nhập mục tiêu.`,
    });
  }

  for (const [code, value] of inCatalogueOrder(content.indicators, catalogue)) {
    const indicator = byCode.get(code);
    if (!indicator) {
      errors.push({
        field: `indicators.${code}`,
        code: 'INDICATOR_UNKNOWN',
        message: `Mã chỉ tiêu "${code}" không có trong danh mục chỉ tiêu của huyện.`,
      });
    } else if (!applies(indicator)) {
      errors.push({
        field: `indicators.${code}`,
        code: 'INDICATOR_OTHER_LEVEL',
        message: `Chỉ tiêu "${indicator.label}" thuộc cấp ${LEVEL_NAMES[indicator.level!]}, không áp dụng cho trường cấp ${LEVEL_NAMES[schoolLevel]}.`,
      });
    } else {
      errors.push(...figureErrors(indicator, value));
      warnings.push(...districtTargetWarnings(indicator, value));
    }
  }
  return { ok: errors.length === 0, errors, warnings };
}

/** Stored JSON (jsonb) does not keep key order, so issues follow the catalogue, then unknown codes by code. */
function inCatalogueOrder(
  values: Record<string, IndicatorValue>,
  catalogue: readonly CatalogueIndicator[],
): [string, IndicatorValue][] {
  const position = new Map(catalogue.map((i, index) => [i.code, index]));
  const rank = (code: string) => position.get(code) ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(values).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function figureErrors(indicator: CatalogueIndicator, value: IndicatorValue): Issue[] {
  const issues: Issue[] = [];
  const field = (figure: Figure) => `indicators.${indicator.code}.${figure}`;
  if (indicator.unit === '%') {
    for (const figure of ['baseline', 'target', 'targetMax'] as const) {
      const n = value[figure];
      if (n == null || (n >= 0 && n <= 100)) continue;
      issues.push({
        field: field(figure),
        code: 'PERCENT_OUT_OF_RANGE',
        message: `Chỉ tiêu "${indicator.label}": ${FIGURE_NAMES[figure]} ${formatFigure(n, '%')} nằm ngoài khoảng 0% - 100%.`,
      });
    }
  }
  if (value.target != null && value.targetMax != null && value.targetMax < value.target) {
    issues.push({
      field: field('targetMax'),
      code: 'TARGET_RANGE_INVERTED',
      message: `Chỉ tiêu "${indicator.label}": mục tiêu tối đa (${formatFigure(value.targetMax, indicator.unit)}) nhỏ hơn mục tiêu tối thiểu (${formatFigure(value.target, indicator.unit)}).`,
    });
  }
  return issues;
}

function districtTargetWarnings(indicator: CatalogueIndicator, value: IndicatorValue): Issue[] {
  const fig = (n: number) => formatFigure(n, indicator.unit);
  // For a range, the bound that can fall short: the floor when higher is better, the ceiling when lower is.
  if (indicator.direction === 'HIGHER' && indicator.targetMin != null && value.target != null) {
    if (value.target >= indicator.targetMin) return [];
    return [
      {
        field: `indicators.${indicator.code}.target`,
        code: 'BELOW_DISTRICT_TARGET',
        message: `Chỉ tiêu "${indicator.label}": mục tiêu của trường (${fig(value.target)}) thấp hơn mức tối thiểu của huyện (${fig(indicator.targetMin)}).`,
      },
    ];
  }
  if (indicator.direction === 'LOWER' && indicator.targetMax != null) {
    const figure: Figure = value.targetMax != null ? 'targetMax' : 'target';
    const ceiling = value[figure];
    if (ceiling == null || ceiling <= indicator.targetMax) return [];
    return [
      {
        field: `indicators.${indicator.code}.${figure}`,
        code: 'ABOVE_DISTRICT_TARGET',
        message: `Chỉ tiêu "${indicator.label}": mục tiêu của trường (${fig(ceiling)}) cao hơn mức tối đa của huyện (${fig(indicator.targetMax)}).`,
      },
    ];
  }
  return [];
}
