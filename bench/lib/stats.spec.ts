import { deliveryTally, latencySummary, percentile, perSecond, ratio } from './stats';

describe('bench figures', () => {
  it('takes nearest-rank percentiles', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(ms, 50)).toBe(50);
    expect(percentile(ms, 95)).toBe(95);
    expect(percentile(ms, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(latencySummary([3, 1, 2])).toEqual({ count: 3, p50: 2, p95: 3, p99: 3, max: 3 });
  });

  it('rates and ratios to one decimal and three', () => {
    expect(perSecond(10_000, 12_500)).toBe(800);
    expect(ratio(812, 1000)).toBe(0.812);
  });

  it('counts a message never caught as lost and a second copy as duplicated', () => {
    expect(deliveryTally(['a', 'b', 'c'], ['a', 'c', 'c', 'c'])).toEqual({
      expected: 3,
      lost: 1,
      duplicated: 2,
      unexpected: 0,
    });
    expect(deliveryTally(['a'], ['a', 'z'])).toEqual({ expected: 1, lost: 0, duplicated: 0, unexpected: 1 });
    expect(deliveryTally(['a', 'b'], [])).toMatchObject({ lost: 2, duplicated: 0 });
  });
});
