import type { CatalogueIndicator } from './content';
import {
  type AssessedIndicator,
  SELF_ASSESSMENT_SECTIONS,
  approvedTargetText,
  validateSelfAssessment,
} from './self-assessment';

const indicator = (
  code: string,
  over: Partial<CatalogueIndicator> = {},
  approved: AssessedIndicator['approved'] = { target: 90, targetMax: null },
): AssessedIndicator => ({
  code,
  label: code,
  unit: '%',
  level: 'PRIMARY',
  direction: 'HIGHER',
  targetMin: null,
  targetMax: null,
  required: true,
  approved,
  ...over,
});

const NARRATIVE = { results: 'Kết quả.', strengths: 'Việc làm tốt.', shortcomings: 'Tồn tại.' };

describe('validateSelfAssessment', () => {
  it('asks for every required narrative section and a result per required indicator of the school level', () => {
    const indicators = [indicator('A'), indicator('B', { level: 'PRESCHOOL' }), indicator('C', { level: null })];
    const check = validateSelfAssessment(SELF_ASSESSMENT_SECTIONS, indicators, 'PRIMARY', {
      sections: { results: 'Có.' },
      indicators: {},
    });
    expect(check.ok).toBe(false);
    expect(check.errors.map((e) => `${e.code}@${e.field}`)).toEqual([
      'SECTION_REQUIRED@sections.strengths',
      'SECTION_REQUIRED@sections.shortcomings',
      'RESULT_REQUIRED@indicators.A.result',
      'RESULT_REQUIRED@indicators.C.result',
    ]);
  });

  it('refuses a percentage outside 0-100 and a result for an indicator the form does not ask for', () => {
    const check = validateSelfAssessment(SELF_ASSESSMENT_SECTIONS, [indicator('A')], 'PRIMARY', {
      sections: NARRATIVE,
      indicators: { A: { result: 100.5 }, Z: { result: 3 } },
    });
    expect(check.errors).toEqual([
      {
        field: 'indicators.A.result',
        code: 'PERCENT_OUT_OF_RANGE',
        message: 'Chỉ tiêu "A": kết quả 100,5% nằm ngoài khoảng 0% - 100%.',
      },
      { field: 'indicators.Z', code: 'INDICATOR_UNKNOWN', message: 'Chỉ tiêu mã "Z" không thuộc bản tự đánh giá này.' },
    ]);
  });

  it('warns, without blocking, of a result short of the approved target in the indicator direction', () => {
    const indicators = [
      indicator('UP'),
      indicator('DOWN', { direction: 'LOWER' }, { target: 2, targetMax: 3 }),
      indicator('MET'),
      indicator('NONE', {}, null),
    ];
    const check = validateSelfAssessment(SELF_ASSESSMENT_SECTIONS, indicators, 'PRIMARY', {
      sections: NARRATIVE,
      indicators: { UP: { result: 89.5 }, DOWN: { result: 3.5 }, MET: { result: 90 }, NONE: { result: 1 } },
    });
    expect(check.ok).toBe(true);
    expect(check.warnings.map((w) => w.message)).toEqual([
      'Chỉ tiêu "UP": kết quả (89,5%) chưa đạt mục tiêu đã duyệt (90%).',
      'Chỉ tiêu "DOWN": kết quả (3,5%) cao hơn mục tiêu đã duyệt (2 - 3%).',
    ]);
  });

  it('prints an approved target as a number, a range, or its absence', () => {
    expect(approvedTargetText({ unit: '%' }, { target: 99.8, targetMax: null })).toBe('99,8%');
    expect(approvedTargetText({ unit: 'giải' }, { target: 40, targetMax: 60 })).toBe('40 - 60 giải');
    expect(approvedTargetText({ unit: '%' }, null)).toBe('Chưa có mục tiêu được duyệt');
  });
});
