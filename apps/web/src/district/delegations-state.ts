// Where a delegation of signing stands on the district's today, and which list shows it. Days are YYYY-MM-DD, so they
// compare as text.

export interface DelegationDays {
  startsOn: string;
  endsOn: string;
  revokedAt: string | null;
}

export type DelegationState = 'inForce' | 'upcoming' | 'ended' | 'revoked';
export type DelegationShow = 'current' | 'past' | 'all';

export function delegationState(d: DelegationDays, today: string): DelegationState {
  if (d.revokedAt) return 'revoked';
  if (d.endsOn < today) return 'ended';
  if (d.startsOn > today) return 'upcoming';
  return 'inForce';
}

/** Current: in force or still to come (what can yet be revoked); past: ended or revoked. */
export function delegationShown(d: DelegationDays, today: string, show: DelegationShow): boolean {
  if (show === 'all') return true;
  const state = delegationState(d, today);
  const current = state === 'inForce' || state === 'upcoming';
  return show === 'current' ? current : !current;
}

/** The capacity a specialist signs with under a delegation of this kind (the server's signingCapacity says the same). */
export const delegatedCapacity = (kind: string): string => `${kind}. TRƯỞNG PHÒNG - CHUYÊN VIÊN`;
