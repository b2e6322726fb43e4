import { medianOf, phaseFigures } from './phase-figures';

const phase = { phaseIndex: 0, phaseName: 'Học kỳ I' };

describe('phaseFigures', () => {
  it("averages a rate's results weighted by pupils, leaving out a school of unknown weight, and counts the misses", () => {
    const rule = { rollup: 'RATE' as const, direction: 'HIGHER' as const, target: { min: 95, max: null } };
    const row = phaseFigures(
      phase,
      [
        { schoolId: 'a', result: 90, weight: 100 },
        { schoolId: 'b', result: 100, weight: 300 },
        { schoolId: 'c', result: 96, weight: null },
      ],
      rule,
      false,
    );
    // (90·100 + 100·300) / 400 = 97.5; c's 96 counts in min/median/max and reporting, not in the mean.
    expect(row).toEqual({
      ...phase,
      reporting: 3,
      min: 90,
      median: 96,
      max: 100,
      value: 97.5,
      meets: true,
      below: 1,
    });
  });

  it("sums a count's results and compares the sum with the directive's range on the district's row only", () => {
    const rule = { rollup: 'COUNT' as const, direction: 'HIGHER' as const, target: { min: 40, max: 60 } };
    const results = [
      { schoolId: 'a', result: 12, weight: 1 },
      { schoolId: 'b', result: 20, weight: 1 },
    ];
    expect(phaseFigures(phase, results, rule, true)).toMatchObject({ value: 32, meets: false, below: null });
    expect(phaseFigures(phase, results, rule, false)).toMatchObject({ value: 32, meets: null, below: null });
  });

  it('gives nothing to compare for a group that has no results', () => {
    const rule = { rollup: 'RATE' as const, direction: 'LOWER' as const, target: { min: null, max: 3 } };
    expect(phaseFigures(phase, [], rule, true)).toMatchObject({
      reporting: 0,
      min: null,
      median: null,
      max: null,
      value: null,
      meets: null,
      below: 0,
    });
  });

  it("takes the median as PostgreSQL's percentile_cont(0.5) does", () => {
    expect(medianOf([1, 2, 3, 10])).toBe(2.5);
    expect(medianOf([1, 2, 3])).toBe(2);
    expect(medianOf([])).toBeNull();
  });
});
