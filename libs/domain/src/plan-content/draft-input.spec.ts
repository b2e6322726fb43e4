import { planDraftSchema } from './draft.schema';
import { parseTargetText } from './target-text';

const parseIndicator = (value: Record<string, unknown>) =>
  planDraftSchema.safeParse({ sections: { purpose: 'x' }, indicators: { SWIM_CERT: value } });

const issuesOf = (value: Record<string, unknown>) => {
  const result = parseIndicator(value);
  if (result.success) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
};

describe('parseTargetText', () => {
  it.each([
    ['40 - 60', { target: 40, targetMax: 60 }],
    ['40-60', { target: 40, targetMax: 60 }],
    ['40 – 60', { target: 40, targetMax: 60 }],
    ['12% - 15%', { target: 12, targetMax: 15 }],
    ['từ 12 đến 15%', { target: 12, targetMax: 15 }],
    ['≥ 98', { target: 98 }],
    ['>= 98%', { target: 98 }],
    ['< 2%', { target: 2 }],
    ['98,5', { target: 98.5 }],
    ['99.85', { target: 99.85 }],
    ['  15 ', { target: 15 }],
    ['1,5 - 2,5%', { target: 1.5, targetMax: 2.5 }],
  ])('reads %p', (text, expected) => {
    expect(parseTargetText(text)).toEqual(expected);
  });

  it.each(['mười lăm', '', 'abc', '40 - ', '1.200,5', '40 - 60 - 80', '-5'])('refuses %p', (text) => {
    expect(parseTargetText(text)).toBeNull();
  });
});

describe('planDraftSchema indicator values', () => {
  it('keeps numbers as they are, and null as null', () => {
    const result = parseIndicator({ baseline: 10, target: 15, targetMax: null });
    expect(result.success && result.data.indicators.SWIM_CERT).toEqual({ baseline: 10, target: 15, targetMax: null });
    const empty = parseIndicator({ baseline: 10, target: null });
    expect(empty.success && empty.data.indicators.SWIM_CERT).toEqual({ baseline: 10, target: null });
    const none = parseIndicator({ baseline: 10 });
    expect(none.success && none.data.indicators.SWIM_CERT).toEqual({ baseline: 10 });
  });

  it('stores a range target written as text as min and max', () => {
    const range = parseIndicator({ baseline: 10, target: '12% - 15%' });
    expect(range.success && range.data.indicators.SWIM_CERT).toEqual({ baseline: 10, target: 12, targetMax: 15 });
    const floor = parseIndicator({ target: '≥ 98' });
    expect(floor.success && floor.data.indicators.SWIM_CERT).toEqual({ target: 98 });
    const comma = parseIndicator({ target: '98,5', targetMax: 99 });
    expect(comma.success && comma.data.indicators.SWIM_CERT).toEqual({ target: 98.5, targetMax: 99 });
  });

  it('refuses a target it cannot read, in Vietnamese, naming the field', () => {
    expect(issuesOf({ target: 'mười lăm' })).toEqual([
      {
        field: 'indicators.SWIM_CERT.target',
        message:
          'Không đọc được mục tiêu "mười lăm": nhập một số (ví dụ 98,5) hoặc một khoảng (ví dụ 40 - 60, 12% - 15%)',
      },
    ]);
    expect(issuesOf({ target: true })).toEqual([
      {
        field: 'indicators.SWIM_CERT.target',
        message: 'Mục tiêu phải là một số hoặc một khoảng, ví dụ 98,5 hoặc 40 - 60',
      },
    ]);
  });

  it('refuses an inverted range and a range given twice', () => {
    expect(issuesOf({ target: '60 - 40' })).toEqual([
      { field: 'indicators.SWIM_CERT.targetMax', message: 'Giá trị tối đa phải lớn hơn hoặc bằng giá trị tối thiểu' },
    ]);
    expect(issuesOf({ target: '40 - 60', targetMax: 70 })).toEqual([
      {
        field: 'indicators.SWIM_CERT.targetMax',
        message: 'Mục tiêu đã là một khoảng, không nhập thêm giá trị tối đa',
      },
    ]);
  });

  it('still wants numbers for the baseline and the upper bound', () => {
    expect(issuesOf({ baseline: '10', targetMax: '15' }).map((i) => i.field)).toEqual([
      'indicators.SWIM_CERT.baseline',
      'indicators.SWIM_CERT.targetMax',
    ]);
  });
});
