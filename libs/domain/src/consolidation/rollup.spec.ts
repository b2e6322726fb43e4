import { type GroupFigures, figureRow, meetsTarget, schoolFigure } from './rollup';

const group = (over: Partial<GroupFigures>): GroupFigures => ({
  plans: 10,
  approved: 6,
  with_target: 5,
  min: 10,
  median: 12.5,
  max: 15,
  total: 62.5,
  weighted_mean: 12.34567,
  without_weight: 1,
  below: 2,
  ...over,
});

describe('meetsTarget', () => {
  it('holds a higher-is-better figure to the floor, even of a range (40 - 60 prizes: 70 meets)', () => {
    const range = { min: 40, max: 60 };
    expect(meetsTarget('HIGHER', 39, range)).toBe(false);
    expect(meetsTarget('HIGHER', 40, range)).toBe(true);
    expect(meetsTarget('HIGHER', 70, range)).toBe(true);
  });

  it('holds a lower-is-better figure to the ceiling', () => {
    expect(meetsTarget('LOWER', 3.2, { min: null, max: 3.2 })).toBe(true);
    expect(meetsTarget('LOWER', 3.21, { min: null, max: 3.2 })).toBe(false);
  });

  it('holds a figure with no better side within both bounds', () => {
    expect(meetsTarget('NONE', 11, { min: 12, max: 15 })).toBe(false);
    expect(meetsTarget('NONE', 13, { min: 12, max: 15 })).toBe(true);
    expect(meetsTarget('NONE', 16, { min: 12, max: 15 })).toBe(false);
  });

  it('has nothing to say without a figure or without the bound that matters', () => {
    expect(meetsTarget('HIGHER', null, { min: 12, max: null })).toBeNull();
    expect(meetsTarget('HIGHER', 5, { min: null, max: 15 })).toBeNull();
    expect(meetsTarget('LOWER', 5, { min: 2, max: null })).toBeNull();
    expect(meetsTarget('NONE', 5, { min: null, max: null })).toBeNull();
  });
});

describe('schoolFigure', () => {
  it("reads a range's floor when higher is better and its ceiling when lower is", () => {
    expect(schoolFigure('HIGHER', { target: 12, targetMax: 15 })).toBe(12);
    expect(schoolFigure('LOWER', { target: 2, targetMax: 4 })).toBe(4);
    expect(schoolFigure('LOWER', { target: 2.5 })).toBe(2.5);
    expect(schoolFigure('HIGHER', {})).toBeNull();
  });
});

describe('figureRow', () => {
  const rate = { rollup: 'RATE' as const, direction: 'HIGHER' as const, target: { min: 12, max: 15 } };
  const count = { rollup: 'COUNT' as const, direction: 'HIGHER' as const, target: { min: 40, max: 60 } };

  it('shows a rate as its weighted mean, rounded to three decimals, with the schools below target', () => {
    expect(figureRow(group({}), rate, false)).toEqual({
      plans: 10,
      approved: 6,
      notApproved: 4,
      withTarget: 5,
      min: 10,
      median: 12.5,
      max: 15,
      value: 12.346,
      withoutWeight: 1,
      meets: true,
      below: 2,
      results: [],
    });
    expect(figureRow(group({ weighted_mean: 11.99 }), rate, false).meets).toBe(false);
  });

  it('shows a count as its sum, compared with the target on the district row only, never per school', () => {
    const district = figureRow(group({ total: 38 }), count, true);
    expect(district).toMatchObject({ value: 38, meets: false, below: null, withoutWeight: 0 });
    expect(figureRow(group({ total: 45 }), count, true).meets).toBe(true);
    expect(figureRow(group({ total: 45 }), count, false).meets).toBeNull();
  });

  it('gives no value while no approved plan sets a target', () => {
    const none = group({ with_target: 0, min: null, median: null, max: null, total: null, weighted_mean: null });
    expect(figureRow(none, count, true)).toMatchObject({ value: null, meets: null });
    expect(figureRow(none, rate, true)).toMatchObject({ value: null, meets: null, below: 2 });
  });
});
