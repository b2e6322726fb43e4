import type { CatalogueIndicator } from '@shared/plan-content/content';
import { districtTargetText, indicatorsOf, readRow, textsOf } from './indicator-rows';

const prizes: CatalogueIndicator = {
  code: 'HSG_CITY',
  label: 'Giải học sinh giỏi cấp thành phố',
  unit: 'giải',
  level: 'LOWER_SECONDARY',
  direction: 'HIGHER',
  targetMin: 40,
  targetMax: 60,
};
const stunting: CatalogueIndicator = {
  code: 'MN_STUNTING',
  label: 'Tỷ lệ trẻ suy dinh dưỡng thấp còi',
  unit: '%',
  level: 'PRESCHOOL',
  direction: 'LOWER',
  targetMin: null,
  targetMax: 2,
};

describe('a row of the indicator table', () => {
  it('reads a range target as min and max, and a decimal comma', () => {
    expect(readRow(prizes, { baseline: '35', target: '40 - 60' })).toEqual({
      value: { baseline: 35, target: 40, targetMax: 60 },
      errors: [],
    });
    expect(readRow(stunting, { baseline: '2,5', target: '< 2%' }).value).toEqual({
      baseline: 2.5,
      target: 2,
      targetMax: null,
    });
  });

  it('names a figure it cannot read, and keeps the value last saved for it', () => {
    const read = readRow(prizes, { baseline: 'nhiều', target: 'bốn mươi' }, { baseline: 30, target: 45 });
    expect(read.value).toEqual({ baseline: 30, target: 45, targetMax: null });
    expect(read.errors.map((e) => [e.field, e.code])).toEqual([
      ['indicators.HSG_CITY.baseline', 'UNREADABLE'],
      ['indicators.HSG_CITY.target', 'UNREADABLE'],
    ]);
    expect(read.errors[1].message).toContain('"bốn mươi"');
  });

  it('refuses a range as a baseline', () => {
    expect(readRow(prizes, { baseline: '30 - 40', target: '' }).errors[0].field).toBe('indicators.HSG_CITY.baseline');
  });

  it('shows a stored range the way it was typed', () => {
    expect(textsOf({ baseline: 99.5, target: 40, targetMax: 60 })).toEqual({ baseline: '99,5', target: '40 - 60' });
    expect(textsOf(undefined)).toEqual({ baseline: '', target: '' });
  });
});

describe('the indicators of a draft', () => {
  it('leaves empty rows out and passes codes the table does not show through untouched', () => {
    const { values, errors } = indicatorsOf(
      [prizes, stunting],
      { HSG_CITY: { baseline: '', target: '50' }, MN_STUNTING: { baseline: '', target: '' } },
      { OLD_CODE: { target: 1 } },
    );
    expect(values).toEqual({ OLD_CODE: { target: 1 }, HSG_CITY: { baseline: null, target: 50, targetMax: null } });
    expect(errors).toEqual([]);
  });
});

describe("the district's target", () => {
  it('reads as the office prints it', () => {
    expect(districtTargetText(prizes)).toBe('40 - 60 giải');
    expect(districtTargetText(stunting)).toBe('≤ 2%');
    expect(districtTargetText({ ...stunting, targetMin: 98, targetMax: null })).toBe('≥ 98%');
    expect(districtTargetText({ ...stunting, targetMax: null })).toBe('Không quy định');
  });
});
