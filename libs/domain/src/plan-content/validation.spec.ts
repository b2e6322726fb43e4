import { readFileSync } from 'node:fs';
import path from 'node:path';
import { districtFileSchema } from '../people/district-file.schema';
import type { CampaignSection, CatalogueIndicator, IndicatorValue, PlanContent } from './content';
import { type CampaignRules, validatePlanContent } from './validation';

// The sample district's real catalogue, read the way the import writes it into the Indicator table.
const district = districtFileSchema.parse(
  JSON.parse(readFileSync(path.join(__dirname, '../../../../prisma/district-kien-xuong.json'), 'utf8')),
);
const catalogue: CatalogueIndicator[] = district.indicators.map((i) => ({
  code: i.code,
  label: i.label,
  unit: i.unit,
  level: i.level,
  direction: i.better,
  targetMin: i.districtTarget.min ?? null,
  targetMax: i.districtTarget.max ?? null,
  rollup: i.rollup,
}));
const titleOf = (key: string) => district.sections.find((s) => s.key === key)!.title;

// Shaped like the sample's nam-2022 campaign: several levels, required indicators of each.
const sections: CampaignSection[] = ['purpose', 'targets', 'tasks', 'organisation']
  .map((key) => ({ key, title: titleOf(key), required: true }))
  .concat({ key: 'proposals', title: titleOf('proposals'), required: false });
const campaign: CampaignRules = {
  sections,
  requiredIndicators: ['MN_ENROL_KINDER', 'TH_QUALITIES_GOOD', 'TH_COMPLETION', 'THCS_ACADEMIC_WEAK', 'SWIM_CERT'],
};

const fullSections = {
  purpose: 'Nâng cao chất lượng giáo dục toàn diện.',
  targets: 'Duy trì tỷ lệ hoàn thành chương trình trên 99%.',
  tasks: 'Đổi mới phương pháp dạy học.',
  organisation: 'Hiệu trưởng chỉ đạo chung.',
};
const primaryPlan = (
  indicators: Record<string, IndicatorValue> = {},
  sectionsText: Record<string, string> = fullSections,
): PlanContent => ({
  sections: sectionsText,
  indicators: {
    TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.8 },
    TH_COMPLETION: { baseline: 99, target: 100 },
    SWIM_CERT: { baseline: 10, target: 15 },
    ...indicators,
  },
});

const primary = (content: PlanContent) => validatePlanContent(campaign, catalogue, 'PRIMARY', content);

describe('validatePlanContent', () => {
  it('passes a complete plan that meets every district target', () => {
    expect(primary(primaryPlan())).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('blocks a required section that is missing or only whitespace, naming its title', () => {
    const { purpose: _purpose, ...rest } = fullSections;
    const result = primary(primaryPlan({}, { ...rest, tasks: '  \n\t ' }));
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        field: 'sections.purpose',
        code: 'SECTION_REQUIRED',
        message: 'Mục "Mục đích, yêu cầu" là mục bắt buộc nhưng chưa có nội dung.',
      },
      {
        field: 'sections.tasks',
        code: 'SECTION_REQUIRED',
        message: 'Mục "Nội dung, nhiệm vụ và giải pháp" là mục bắt buộc nhưng chưa có nội dung.',
      },
    ]);
  });

  it('does not ask for an optional section', () => {
    expect(primary(primaryPlan({}, { ...fullSections })).errors).toEqual([]);
    expect(sections.find((s) => s.key === 'proposals')?.required).toBe(false);
  });

  it("blocks a required indicator of the school's level that has no target, even with a baseline", () => {
    const content = primaryPlan({ TH_COMPLETION: { baseline: 99 } });
    delete content.indicators.SWIM_CERT;
    const result = primary(content);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        field: 'indicators.TH_COMPLETION.target',
        code: 'INDICATOR_REQUIRED',
        message: 'Chỉ tiêu "Tỷ lệ HS hoàn thành chương trình lớp học" là chỉ tiêu bắt buộc nhưng chưa nhập mục tiêu.',
      },
      {
        field: 'indicators.SWIM_CERT.target',
        code: 'INDICATOR_REQUIRED',
        message: 'Chỉ tiêu "Tỷ lệ HS được cấp chứng chỉ biết bơi" là chỉ tiêu bắt buộc nhưng chưa nhập mục tiêu.',
      },
    ]);
  });

  it('ignores a required indicator of another level: the campaign targets several levels', () => {
    // MN_ENROL_KINDER (preschool) and THCS_ACADEMIC_WEAK (lower secondary) are required, not of a primary school.
    expect(primary(primaryPlan()).errors).toEqual([]);
    const preschool = validatePlanContent(campaign, catalogue, 'PRESCHOOL', {
      sections: fullSections,
      indicators: { SWIM_CERT: { target: 15 } },
    });
    expect(preschool.errors.map((e) => e.field)).toEqual(['indicators.MN_ENROL_KINDER.target']);
  });

  it('blocks a percentage outside 0–100 in the baseline, the target or the upper bound', () => {
    const result = primary(
      primaryPlan({
        SWIM_CERT: { baseline: -1, target: 120, targetMax: 150 },
        STAFF_PARTY_RATE: { baseline: 0, target: 100 },
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        field: 'indicators.SWIM_CERT.baseline',
        code: 'PERCENT_OUT_OF_RANGE',
        message: 'Chỉ tiêu "Tỷ lệ HS được cấp chứng chỉ biết bơi": số liệu năm gốc -1% nằm ngoài khoảng 0% - 100%.',
      },
      {
        field: 'indicators.SWIM_CERT.target',
        code: 'PERCENT_OUT_OF_RANGE',
        message: 'Chỉ tiêu "Tỷ lệ HS được cấp chứng chỉ biết bơi": mục tiêu 120% nằm ngoài khoảng 0% - 100%.',
      },
      {
        field: 'indicators.SWIM_CERT.targetMax',
        code: 'PERCENT_OUT_OF_RANGE',
        message: 'Chỉ tiêu "Tỷ lệ HS được cấp chứng chỉ biết bơi": mục tiêu tối đa 150% nằm ngoài khoảng 0% - 100%.',
      },
    ]);
  });

  it('lets a count go above 100: the 0–100 bound is for percentages only', () => {
    const result = primary(primaryPlan({ STUDENTS: { baseline: 1180, target: 1250 }, CLASSES: { target: 32 } }));
    expect(result).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('blocks a code the catalogue does not have', () => {
    const result = primary(primaryPlan({ NOT_A_CODE: { target: 5 } }));
    expect(result.errors).toEqual([
      {
        field: 'indicators.NOT_A_CODE',
        code: 'INDICATOR_UNKNOWN',
        message: 'Mã chỉ tiêu "NOT_A_CODE" không có trong danh mục chỉ tiêu của huyện.',
      },
    ]);
  });

  it("blocks an indicator of another school level: only the indicators of the school's level", () => {
    const result = primary(primaryPlan({ MN_ENROL_AGE5: { target: 100 }, HSG_CITY_PRIZES: { target: 50 } }));
    expect(result.errors).toEqual([
      {
        field: 'indicators.MN_ENROL_AGE5',
        code: 'INDICATOR_OTHER_LEVEL',
        message: 'Chỉ tiêu "Tỷ lệ trẻ 5 tuổi ra lớp" thuộc cấp mầm non, không áp dụng cho trường cấp tiểu học.',
      },
      {
        field: 'indicators.HSG_CITY_PRIZES',
        code: 'INDICATOR_OTHER_LEVEL',
        message:
          'Chỉ tiêu "Số giải HSG môn văn hóa cấp Thành phố" thuộc cấp trung học cơ sở, không áp dụng cho trường cấp tiểu học.',
      },
    ]);
  });

  it('blocks a range whose upper bound is below its lower bound', () => {
    const result = validatePlanContent(campaign, catalogue, 'LOWER_SECONDARY', {
      sections: fullSections,
      indicators: {
        THCS_ACADEMIC_WEAK: { target: 2 },
        SWIM_CERT: { target: 15 },
        HSG_CITY_PRIZES: { target: 60, targetMax: 40 },
      },
    });
    expect(result.errors).toEqual([
      {
        field: 'indicators.HSG_CITY_PRIZES.targetMax',
        code: 'TARGET_RANGE_INVERTED',
        message:
          'Chỉ tiêu "Số giải HSG môn văn hóa cấp Thành phố": mục tiêu tối đa (40 giải) nhỏ hơn mục tiêu tối thiểu (60 giải).',
      },
    ]);
  });

  it("warns, without blocking, when a higher-is-better target is below the district's, saying both figures", () => {
    const result = primary(primaryPlan({ TH_QUALITIES_GOOD: { target: 99.5 }, TH_COMPLETION: { target: 98 } }));
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        field: 'indicators.TH_QUALITIES_GOOD.target',
        code: 'BELOW_DISTRICT_TARGET',
        message:
          'Chỉ tiêu "Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực": mục tiêu của trường (99,5%) thấp hơn mức tối thiểu của huyện (99,8%).',
      },
      {
        field: 'indicators.TH_COMPLETION.target',
        code: 'BELOW_DISTRICT_TARGET',
        message:
          'Chỉ tiêu "Tỷ lệ HS hoàn thành chương trình lớp học": mục tiêu của trường (98%) thấp hơn mức tối thiểu của huyện (99%).',
      },
    ]);
  });

  it("compares a range's lower bound with the district's minimum when higher is better", () => {
    const below = primary(primaryPlan({ HSG_DISTRICT_RATE: { target: 10, targetMax: 14 } }));
    expect(below.warnings.map((w) => [w.field, w.code])).toEqual([
      ['indicators.HSG_DISTRICT_RATE.target', 'BELOW_DISTRICT_TARGET'],
    ]);
    expect(primary(primaryPlan({ HSG_DISTRICT_RATE: { target: 12, targetMax: 15 } })).warnings).toEqual([]);
  });

  it("warns when a lower-is-better target is above the district's maximum, using a range's upper bound", () => {
    const result = validatePlanContent(campaign, catalogue, 'PRESCHOOL', {
      sections: fullSections,
      indicators: {
        MN_ENROL_KINDER: { target: 96 },
        SWIM_CERT: { target: 15 },
        MN_MALNUTRITION: { baseline: 4, target: 2, targetMax: 3.5 },
        MN_STUNTING: { target: 2.5 },
      },
    });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        field: 'indicators.MN_MALNUTRITION.targetMax',
        code: 'ABOVE_DISTRICT_TARGET',
        message: 'Chỉ tiêu "Tỷ lệ trẻ suy dinh dưỡng": mục tiêu của trường (3,5%) cao hơn mức tối đa của huyện (3%).',
      },
      {
        field: 'indicators.MN_STUNTING.target',
        code: 'ABOVE_DISTRICT_TARGET',
        message:
          'Chỉ tiêu "Tỷ lệ trẻ thấp còi, nhẹ cân": mục tiêu của trường (2,5%) cao hơn mức tối đa của huyện (2%).',
      },
    ]);
  });

  it("does not warn at exactly the district's target, or for an indicator with no direction", () => {
    const result = validatePlanContent(campaign, catalogue, 'LOWER_SECONDARY', {
      sections: fullSections,
      indicators: {
        THCS_ACADEMIC_WEAK: { target: 3.2 },
        THCS_GRADUATION: { target: 99.85 },
        SWIM_CERT: { target: 15 },
        STUDENTS: { target: 3 },
      },
    });
    expect(result).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('never warns a school for a count, which the district compares as its total only (40 - 60 city-level prizes)', () => {
    const thcs = { sections, requiredIndicators: ['HSG_CITY_PRIZES', 'THCS_ACADEMIC_WEAK'] };
    const result = validatePlanContent(thcs, catalogue, 'LOWER_SECONDARY', {
      sections: fullSections,
      indicators: { HSG_CITY_PRIZES: { target: 3 }, THCS_ACADEMIC_WEAK: { target: 4 } },
    });
    expect(result.warnings.map((w) => w.field)).toEqual(['indicators.THCS_ACADEMIC_WEAK.target']);
    // The same figure on an indicator the catalogue calls a rate would warn.
    const asRate = catalogue.map((i) => (i.code === 'HSG_CITY_PRIZES' ? { ...i, rollup: 'RATE' as const } : i));
    expect(
      validatePlanContent(thcs, asRate, 'LOWER_SECONDARY', {
        sections: fullSections,
        indicators: { HSG_CITY_PRIZES: { target: 3 } },
      }).warnings.map((w) => w.code),
    ).toEqual(['BELOW_DISTRICT_TARGET']);
  });

  it("compares with the targets it is given: the campaign's own, put in place of the catalogue's", () => {
    const own = catalogue.map((i) => (i.code === 'TH_COMPLETION' ? { ...i, targetMin: 100 } : i));
    const result = validatePlanContent(campaign, own, 'PRIMARY', primaryPlan({ TH_COMPLETION: { target: 99.5 } }));
    expect(result.warnings).toEqual([
      expect.objectContaining({ field: 'indicators.TH_COMPLETION.target', message: expect.stringContaining('(100%)') }),
    ]);
  });

  it('does not ask a school for a figure of the district only', () => {
    const own = catalogue.map((i) => (i.code === 'SWIM_CERT' ? { ...i, rollup: 'DISTRICT' as const } : i));
    const { SWIM_CERT: _swim, ...rest } = primaryPlan().indicators;
    expect(validatePlanContent(campaign, own, 'PRIMARY', { sections: fullSections, indicators: rest }).errors).toEqual(
      [],
    );
    expect(primary({ sections: fullSections, indicators: rest }).errors.map((e) => e.code)).toEqual([
      'INDICATOR_REQUIRED',
    ]);
  });

  it('reports indicators in catalogue order, whatever order the stored JSON has', () => {
    const result = primary({
      sections: fullSections,
      indicators: { ZZZ: { target: 1 }, SWIM_CERT: { target: 1 }, AAA: { target: 1 }, TH_COMPLETION: { target: 1 } },
    });
    expect([...result.errors, ...result.warnings].map((i) => i.field)).toEqual([
      'indicators.TH_QUALITIES_GOOD.target',
      'indicators.AAA',
      'indicators.ZZZ',
      'indicators.TH_COMPLETION.target',
      'indicators.SWIM_CERT.target',
    ]);
  });
});
