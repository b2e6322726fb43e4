import { type ActorRole, type PlanAction, type PlanStatus, PLAN_STATUSES, decideTransition } from './plan-transitions';

const STATUSES: readonly PlanStatus[] = PLAN_STATUSES;

// The moves issue 2 allows, by action: from which states, by which roles, to which state.
const ALLOWED: Record<PlanAction, { from: PlanStatus[]; roles: ActorRole[]; to: PlanStatus }> = {
  START_DRAFT: { from: ['NOT_STARTED', 'RETURNED'], roles: ['PRINCIPAL', 'SCHOOL_STAFF'], to: 'DRAFTING' },
  SUBMIT: { from: ['NOT_STARTED', 'DRAFTING', 'RETURNED'], roles: ['PRINCIPAL'], to: 'SUBMITTED' },
  APPROVE: { from: ['SUBMITTED', 'UNDER_REVIEW'], roles: ['REVIEWER', 'ADMIN'], to: 'APPROVED' },
  RETURN: { from: ['SUBMITTED', 'UNDER_REVIEW'], roles: ['REVIEWER', 'ADMIN'], to: 'RETURNED' },
};
const ROLES: ActorRole[] = ['PRINCIPAL', 'SCHOOL_STAFF', 'REVIEWER', 'ADMIN'];

describe('decideTransition', () => {
  const cases = (Object.keys(ALLOWED) as PlanAction[]).flatMap((action) =>
    STATUSES.flatMap((status) => ROLES.map((role) => [action, status, role] as const)),
  );

  it.each(cases)('%s from %s by %s follows the table', (action, status, role) => {
    const rule = ALLOWED[action];
    const verdict = decideTransition(status, action, role);
    if (!rule.roles.includes(role)) {
      expect(verdict).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
    } else if (!rule.from.includes(status)) {
      expect(verdict).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    } else {
      expect(verdict).toEqual({ allowed: true, from: status, to: rule.to });
    }
  });

  it('explains a refusal in Vietnamese, naming the current state', () => {
    expect(decideTransition('APPROVED', 'SUBMIT', 'PRINCIPAL')).toEqual({
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason:
        'Kế hoạch đã được nộp hoặc đang được xét duyệt, không thể nộp lại lúc này. Trạng thái hiện tại: đã phê duyệt.',
    });
    expect(decideTransition('DRAFTING', 'SUBMIT', 'SCHOOL_STAFF')).toEqual({
      allowed: false,
      code: 'FORBIDDEN_ROLE',
      reason: 'Chỉ hiệu trưởng mới được nộp kế hoạch của trường.',
    });
  });
});
