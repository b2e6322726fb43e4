import { REAL_TIME, realAt, realDelayUntil, virtualAt } from './clock';

describe('clock', () => {
  it('is the identity in production', () => {
    expect(virtualAt(REAL_TIME, 1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(realAt(REAL_TIME, 1_700_000_000_000)).toBe(1_700_000_000_000);
  });

  it('maps an accelerated calendar both ways: one virtual day every 3 real seconds', () => {
    const anchorReal = Date.parse('2026-11-22T10:00:00Z');
    const anchorVirtual = Date.parse('2027-01-25T00:00:00+07:00');
    const clock = { anchorRealMs: anchorReal, anchorVirtualMs: anchorVirtual, speed: 86_400 / 3 };
    expect(new Date(virtualAt(clock, anchorReal + 3_000)).toISOString()).toBe('2027-01-25T17:00:00.000Z');
    expect(realAt(clock, Date.parse('2027-01-27T00:00:00+07:00'))).toBe(anchorReal + 6_000);
    expect(realDelayUntil(clock, anchorReal + 1_000, Date.parse('2027-01-26T00:00:00+07:00'))).toBe(2_000);
    expect(realDelayUntil(clock, anchorReal + 9_000, Date.parse('2027-01-26T00:00:00+07:00'))).toBe(0);
  });
});
