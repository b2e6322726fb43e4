// The plan's state machine, pure: no Temporal, no I/O. The plan workflow's Update validators use it,
// and so can anyone who wants to read or test the rules on their own.

export const PLAN_STATUSES = [
  'NOT_STARTED',
  'DRAFTING',
  'SUBMITTED',
  'UNDER_REVIEW',
  'RETURNED',
  'APPROVED',
  'EXEMPTED',
  'CLOSED',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type ActorRole = 'PRINCIPAL' | 'SCHOOL_STAFF' | 'REVIEWER' | 'ADMIN';

export type PlanAction = 'START_DRAFT' | 'SUBMIT' | 'APPROVE' | 'RETURN';

interface Rule {
  from: readonly PlanStatus[];
  to: PlanStatus;
  roles: readonly ActorRole[];
  /** shown when the plan is in a state the move cannot start from */
  refusal: string;
}

const RULES: Record<PlanAction, Rule> = {
  START_DRAFT: {
    from: ['NOT_STARTED', 'RETURNED'],
    to: 'DRAFTING',
    roles: ['PRINCIPAL', 'SCHOOL_STAFF'],
    refusal: 'Chỉ có thể soạn thảo kế hoạch chưa nộp hoặc đã được trả lại để chỉnh sửa.',
  },
  SUBMIT: {
    from: ['NOT_STARTED', 'DRAFTING', 'RETURNED'],
    to: 'SUBMITTED',
    roles: ['PRINCIPAL'],
    refusal: 'Kế hoạch đã được nộp hoặc đang được xét duyệt, không thể nộp lại lúc này.',
  },
  APPROVE: {
    from: ['SUBMITTED', 'UNDER_REVIEW'],
    to: 'APPROVED',
    roles: ['REVIEWER', 'ADMIN'],
    refusal: 'Chỉ có thể phê duyệt kế hoạch đã được nhà trường nộp.',
  },
  RETURN: {
    from: ['SUBMITTED', 'UNDER_REVIEW'],
    to: 'RETURNED',
    roles: ['REVIEWER', 'ADMIN'],
    refusal: 'Chỉ có thể trả lại kế hoạch đã được nhà trường nộp.',
  },
};

const ROLE_REFUSAL: Record<PlanAction, string> = {
  START_DRAFT: 'Chỉ hiệu trưởng hoặc cán bộ của trường mới được soạn thảo kế hoạch.',
  SUBMIT: 'Chỉ hiệu trưởng mới được nộp kế hoạch của trường.',
  APPROVE: 'Chỉ cán bộ Phòng GD&ĐT được phân công mới được phê duyệt kế hoạch.',
  RETURN: 'Chỉ cán bộ Phòng GD&ĐT được phân công mới được trả lại kế hoạch.',
};

const STATUS_LABEL: Record<PlanStatus, string> = {
  NOT_STARTED: 'chưa bắt đầu',
  DRAFTING: 'đang soạn thảo',
  SUBMITTED: 'đã nộp',
  UNDER_REVIEW: 'đang xét duyệt',
  RETURNED: 'trả lại để chỉnh sửa',
  APPROVED: 'đã phê duyệt',
  EXEMPTED: 'được miễn',
  CLOSED: 'đã đóng',
};

export type TransitionResult =
  | { allowed: true; from: PlanStatus; to: PlanStatus }
  | { allowed: false; code: 'FORBIDDEN_ROLE' | 'INVALID_TRANSITION'; reason: string };

export function statusLabel(status: PlanStatus): string {
  return STATUS_LABEL[status];
}

export function decideTransition(status: PlanStatus, action: PlanAction, role: ActorRole): TransitionResult {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) {
    return { allowed: false, code: 'FORBIDDEN_ROLE', reason: ROLE_REFUSAL[action] };
  }
  if (!rule.from.includes(status)) {
    return {
      allowed: false,
      code: 'INVALID_TRANSITION',
      reason: `${rule.refusal} Trạng thái hiện tại: ${STATUS_LABEL[status]}.`,
    };
  }
  return { allowed: true, from: status, to: rule.to };
}
