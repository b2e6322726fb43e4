import {
  type ActorRole,
  type PlanAction,
  type PlanStatus,
  PLAN_ACTIONS,
  PLAN_STATUSES,
  decideMove,
} from './plan-moves';

// DOMAIN.md's life of a plan and its permission table, written out independently of RULES: for each move,
// the states it starts from, the roles that may make it, and where it leads (SAME: the status stays).
const EXPECTED: Record<PlanAction, { from: PlanStatus[]; roles: ActorRole[]; to: PlanStatus | 'SAME' }> = {
  START_DRAFT: { from: ['NOT_STARTED', 'RETURNED'], roles: ['PRINCIPAL', 'SCHOOL_STAFF'], to: 'DRAFTING' },
  SUBMIT: { from: ['NOT_STARTED', 'DRAFTING', 'RETURNED'], roles: ['PRINCIPAL'], to: 'SUBMITTED' },
  WITHDRAW: { from: ['SUBMITTED'], roles: ['PRINCIPAL'], to: 'DRAFTING' },
  START_REVIEW: { from: ['SUBMITTED'], roles: ['REVIEWER', 'ADMIN'], to: 'UNDER_REVIEW' },
  RECOMMEND: { from: ['SUBMITTED', 'UNDER_REVIEW'], roles: ['REVIEWER', 'ADMIN'], to: 'UNDER_REVIEW' },
  APPROVE: { from: ['SUBMITTED', 'UNDER_REVIEW'], roles: ['REVIEWER', 'ADMIN'], to: 'APPROVED' },
  RETURN: { from: ['SUBMITTED', 'UNDER_REVIEW'], roles: ['REVIEWER', 'ADMIN'], to: 'RETURNED' },
  EXEMPT: {
    from: ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'],
    roles: ['ADMIN'],
    to: 'EXEMPTED',
  },
  REOPEN: { from: ['APPROVED'], roles: ['ADMIN'], to: 'DRAFTING' },
  CLOSE: {
    from: ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'],
    roles: ['ADMIN'],
    to: 'CLOSED',
  },
  ASSIGN_REVIEWER: {
    from: ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'],
    roles: ['ADMIN'],
    to: 'SAME',
  },
  EXTEND_DEADLINE: {
    from: ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'],
    roles: ['ADMIN'],
    to: 'SAME',
  },
};
// The clerk (CLERK) is in no rule's roles: every move, from every state, is refused to it.
const ROLES: ActorRole[] = ['PRINCIPAL', 'SCHOOL_STAFF', 'REVIEWER', 'ADMIN', 'CLERK'];
// Single-level approval, except RECOMMEND, which only exists under two-level approval.
const ctxFor = (action: PlanAction) => (action === 'RECOMMEND' ? { approvalLevels: 2 } : {});

describe('decideMove: every move × every state × every role', () => {
  const cases = PLAN_ACTIONS.flatMap((action) =>
    PLAN_STATUSES.flatMap((status) => ROLES.map((role) => [action, status, role] as const)),
  );

  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PLAN_ACTIONS].sort());
  });

  it.each(cases)('%s from %s by %s follows DOMAIN.md', (action, status, role) => {
    const rule = EXPECTED[action];
    const verdict = decideMove(status, action, role, ctxFor(action));
    if (!rule.roles.includes(role)) {
      expect(verdict).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
    } else if (!rule.from.includes(status)) {
      expect(verdict).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    } else {
      expect(verdict).toEqual({ allowed: true, from: status, to: rule.to === 'SAME' ? status : rule.to });
    }
  });

  it('explains a refusal in Vietnamese, naming the current state', () => {
    expect(decideMove('APPROVED', 'SUBMIT', 'PRINCIPAL')).toEqual({
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason:
        'Kế hoạch đã được nộp hoặc đang được xét duyệt, không thể nộp lại lúc này. Trạng thái hiện tại: đã phê duyệt.',
    });
    expect(decideMove('DRAFTING', 'SUBMIT', 'SCHOOL_STAFF')).toEqual({
      allowed: false,
      code: 'FORBIDDEN_ROLE',
      reason: 'Chỉ hiệu trưởng mới được nộp kế hoạch của trường.',
    });
    expect(decideMove('UNDER_REVIEW', 'WITHDRAW', 'PRINCIPAL')).toMatchObject({
      allowed: false,
      reason: 'Chỉ rút được kế hoạch đã nộp mà Phòng chưa bắt đầu xét duyệt. Trạng thái hiện tại: đang xét duyệt.',
    });
  });
});

describe('two-level approval', () => {
  const two = { approvalLevels: 2 };

  it('has no recommendation step when a reviewer decides alone', () => {
    expect(decideMove('SUBMITTED', 'RECOMMEND', 'REVIEWER', { rank: 'SPECIALIST' })).toMatchObject({
      allowed: false,
      code: 'INVALID_TRANSITION',
    });
  });

  it('lets a specialist recommend but not decide', () => {
    expect(decideMove('SUBMITTED', 'RECOMMEND', 'REVIEWER', { ...two, rank: 'SPECIALIST' })).toEqual({
      allowed: true,
      from: 'SUBMITTED',
      to: 'UNDER_REVIEW',
    });
    for (const action of ['APPROVE', 'RETURN'] as const) {
      expect(
        decideMove('UNDER_REVIEW', action, 'REVIEWER', { ...two, rank: 'SPECIALIST', recommended: true }),
      ).toMatchObject({ allowed: false, code: 'FORBIDDEN_ROLE' });
    }
  });

  it('lets a deputy head or the head decide once the version has a recommendation', () => {
    expect(decideMove('UNDER_REVIEW', 'APPROVE', 'REVIEWER', { ...two, rank: 'DEPUTY_HEAD' })).toMatchObject({
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason: 'Cần có đề xuất của chuyên viên về phiên bản này trước khi quyết định.',
    });
    expect(
      decideMove('UNDER_REVIEW', 'APPROVE', 'REVIEWER', { ...two, rank: 'DEPUTY_HEAD', recommended: true }),
    ).toEqual({ allowed: true, from: 'UNDER_REVIEW', to: 'APPROVED' });
    expect(decideMove('UNDER_REVIEW', 'RETURN', 'ADMIN', { ...two, rank: 'HEAD', recommended: true })).toEqual({
      allowed: true,
      from: 'UNDER_REVIEW',
      to: 'RETURNED',
    });
    expect(decideMove('UNDER_REVIEW', 'APPROVE', 'ADMIN', { ...two, rank: 'STAFF', recommended: true })).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN_ROLE',
    });
  });
});
