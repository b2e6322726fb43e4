import { delegatedCapacity, delegationShown, delegationState } from './delegations-state';

const today = '2026-12-07';
const d = (startsOn: string, endsOn: string, revokedAt: string | null = null) => ({ startsOn, endsOn, revokedAt });

describe('delegationState', () => {
  it('is in force from its first to its last day, inclusive', () => {
    expect(delegationState(d('2026-12-07', '2026-12-07'), today)).toBe('inForce');
    expect(delegationState(d('2026-12-01', '2026-12-31'), today)).toBe('inForce');
  });

  it('is upcoming before its first day and ended after its last', () => {
    expect(delegationState(d('2026-12-08', '2026-12-31'), today)).toBe('upcoming');
    expect(delegationState(d('2026-11-01', '2026-12-06'), today)).toBe('ended');
  });

  it('is revoked whatever its days say', () => {
    expect(delegationState(d('2026-12-01', '2026-12-31', '2026-12-05T03:00:00.000Z'), today)).toBe('revoked');
  });
});

describe('delegationShown', () => {
  const all = [
    d('2026-12-01', '2026-12-31'),
    d('2027-01-01', '2027-01-31'),
    d('2026-11-01', '2026-11-30'),
    d('2026-12-01', '2026-12-31', 'x'),
  ];
  it('lists the current ones (in force, upcoming) apart from the past ones (ended, revoked)', () => {
    expect(all.map((x) => delegationShown(x, today, 'current'))).toEqual([true, true, false, false]);
    expect(all.map((x) => delegationShown(x, today, 'past'))).toEqual([false, false, true, true]);
    expect(all.every((x) => delegationShown(x, today, 'all'))).toBe(true);
  });
});

describe('delegatedCapacity', () => {
  it('names the head on whose behalf, then the specialist', () => {
    expect(delegatedCapacity('TL')).toBe('TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN');
    expect(delegatedCapacity('TUQ')).toBe('TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN');
  });
});
