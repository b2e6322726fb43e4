// The plan's state machine, pure: no Temporal, no I/O. The plan workflow's Update validators use it,
// and so can anyone who wants to read or test the rules on their own. DOMAIN.md, "The plan's life" and
// "Who may do what", is the source of every line of RULES.

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

/** CLERK (văn thư) registers paper copies and reads the board: no rule below lets it move a plan. */
export type ActorRole = 'PRINCIPAL' | 'SCHOOL_STAFF' | 'REVIEWER' | 'ADMIN' | 'CLERK';

/**
 * Where a reviewer or admin stands in the office, from their position (never their title): two-level approval lets
 * only deputy heads and the head decide. STAFF: anyone else (the clerk, the schools' people).
 */
export type OfficeRank = 'HEAD' | 'DEPUTY_HEAD' | 'SPECIALIST' | 'STAFF';

export const PLAN_ACTIONS = [
  'START_DRAFT',
  'SUBMIT',
  'WITHDRAW',
  'START_REVIEW',
  'RECOMMEND',
  'APPROVE',
  'RETURN',
  'EXEMPT',
  'REOPEN',
  'CLOSE',
  'ASSIGN_REVIEWER',
  'EXTEND_DEADLINE',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** What a rule may need beyond the status and the role. */
export interface MoveContext {
  rank?: OfficeRank;
  /** 1: a reviewer decides; 2: a specialist recommends, a deputy head or the head decides */
  approvalLevels?: number;
  /** a recommendation exists on the version being decided */
  recommended?: boolean;
}

interface Rule {
  from: readonly PlanStatus[];
  /** SAME: the move records something without changing the status */
  to: PlanStatus | 'SAME';
  roles: readonly ActorRole[];
  /** shown when the move was asked for by a role that may not make it */
  forbidden: string;
  /** shown when the plan is in a state the move cannot start from */
  refusal: string;
}

const OFFICE: readonly ActorRole[] = ['REVIEWER', 'ADMIN'];
const OPEN: readonly PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'];
const IN_REVIEW: readonly PlanStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

export const RULES: Record<PlanAction, Rule> = {
  START_DRAFT: {
    from: ['NOT_STARTED', 'RETURNED'],
    to: 'DRAFTING',
    roles: ['PRINCIPAL', 'SCHOOL_STAFF'],
    forbidden: 'Chỉ hiệu trưởng hoặc cán bộ của trường mới được soạn thảo kế hoạch.',
    refusal: 'Chỉ có thể soạn thảo kế hoạch chưa nộp hoặc đã được trả lại để chỉnh sửa.',
  },
  SUBMIT: {
    from: ['NOT_STARTED', 'DRAFTING', 'RETURNED'],
    to: 'SUBMITTED',
    roles: ['PRINCIPAL'],
    forbidden: 'Chỉ hiệu trưởng mới được nộp kế hoạch của trường.',
    refusal: 'Kế hoạch đã được nộp hoặc đang được xét duyệt, không thể nộp lại lúc này.',
  },
  WITHDRAW: {
    from: ['SUBMITTED'],
    to: 'DRAFTING',
    roles: ['PRINCIPAL'],
    forbidden: 'Chỉ hiệu trưởng mới được rút kế hoạch đã nộp.',
    refusal: 'Chỉ rút được kế hoạch đã nộp mà Phòng chưa bắt đầu xét duyệt.',
  },
  START_REVIEW: {
    from: ['SUBMITTED'],
    to: 'UNDER_REVIEW',
    roles: OFFICE,
    forbidden: 'Chỉ cán bộ Phòng GD&ĐT được phân công mới được xét duyệt kế hoạch.',
    refusal: 'Chỉ bắt đầu xét duyệt được kế hoạch vừa nộp.',
  },
  RECOMMEND: {
    from: IN_REVIEW,
    to: 'UNDER_REVIEW',
    roles: OFFICE,
    forbidden: 'Chỉ cán bộ Phòng GD&ĐT được phân công mới được đề xuất ý kiến duyệt.',
    refusal: 'Chỉ đề xuất được với kế hoạch đã nộp, đang chờ duyệt.',
  },
  APPROVE: {
    from: IN_REVIEW,
    to: 'APPROVED',
    roles: OFFICE,
    forbidden: 'Chỉ cán bộ Phòng GD&ĐT được phân công mới được phê duyệt kế hoạch.',
    refusal: 'Chỉ có thể phê duyệt kế hoạch đã được nhà trường nộp.',
  },
  RETURN: {
    from: IN_REVIEW,
    to: 'RETURNED',
    roles: OFFICE,
    forbidden: 'Chỉ cán bộ Phòng GD&ĐT được phân công mới được trả lại kế hoạch.',
    refusal: 'Chỉ có thể trả lại kế hoạch đã được nhà trường nộp.',
  },
  EXEMPT: {
    from: OPEN,
    to: 'EXEMPTED',
    roles: ['ADMIN'],
    forbidden: 'Chỉ lãnh đạo Phòng GD&ĐT mới được miễn nộp kế hoạch cho một trường.',
    refusal: 'Không thể miễn kế hoạch đã được phê duyệt, đã được miễn hoặc đã đóng.',
  },
  REOPEN: {
    from: ['APPROVED'],
    to: 'DRAFTING',
    roles: ['ADMIN'],
    forbidden: 'Chỉ lãnh đạo Phòng GD&ĐT mới được mở lại kế hoạch đã duyệt để điều chỉnh.',
    refusal: 'Chỉ mở lại được kế hoạch đã được phê duyệt.',
  },
  CLOSE: {
    from: OPEN,
    to: 'CLOSED',
    roles: ['ADMIN'],
    forbidden: 'Chỉ lãnh đạo Phòng GD&ĐT mới được đóng kế hoạch.',
    refusal: 'Kế hoạch đã được phê duyệt, được miễn hoặc đã đóng.',
  },
  ASSIGN_REVIEWER: {
    from: OPEN,
    to: 'SAME',
    roles: ['ADMIN'],
    forbidden: 'Chỉ lãnh đạo Phòng GD&ĐT mới được phân công lại người duyệt.',
    refusal: 'Không thể phân công lại người duyệt cho kế hoạch đã kết thúc.',
  },
  EXTEND_DEADLINE: {
    from: OPEN,
    to: 'SAME',
    roles: ['ADMIN'],
    forbidden: 'Chỉ lãnh đạo Phòng GD&ĐT mới được gia hạn.',
    refusal: 'Không thể gia hạn cho kế hoạch đã kết thúc.',
  },
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

export type RefusalCode = 'FORBIDDEN_ROLE' | 'INVALID_TRANSITION';

export type MoveResult =
  { allowed: true; from: PlanStatus; to: PlanStatus } | { allowed: false; code: RefusalCode; reason: string };

export function statusLabel(status: PlanStatus): string {
  return STATUS_LABEL[status];
}

const refuse = (code: RefusalCode, reason: string): MoveResult => ({ allowed: false, code, reason });

/** Two-level approval: a specialist recommends first, then only a deputy head or the head decides. */
function twoLevelRefusal(action: PlanAction, ctx: MoveContext): MoveResult | null {
  const twoLevel = (ctx.approvalLevels ?? 1) >= 2;
  if (action === 'RECOMMEND' && !twoLevel) {
    return refuse('INVALID_TRANSITION', 'Đợt này không áp dụng duyệt hai cấp: người duyệt quyết định trực tiếp.');
  }
  if ((action === 'APPROVE' || action === 'RETURN') && twoLevel) {
    if (ctx.rank !== 'HEAD' && ctx.rank !== 'DEPUTY_HEAD') {
      return refuse(
        'FORBIDDEN_ROLE',
        'Đợt này duyệt hai cấp: chuyên viên đề xuất, chỉ phó trưởng phòng hoặc trưởng phòng mới được quyết định.',
      );
    }
    if (!ctx.recommended) {
      return refuse('INVALID_TRANSITION', 'Cần có đề xuất của chuyên viên về phiên bản này trước khi quyết định.');
    }
  }
  return null;
}

export function decideMove(status: PlanStatus, action: PlanAction, role: ActorRole, ctx: MoveContext = {}): MoveResult {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) return refuse('FORBIDDEN_ROLE', rule.forbidden);
  if (!rule.from.includes(status)) {
    return refuse('INVALID_TRANSITION', `${rule.refusal} Trạng thái hiện tại: ${STATUS_LABEL[status]}.`);
  }
  const twoLevel = twoLevelRefusal(action, ctx);
  if (twoLevel) return twoLevel;
  return { allowed: true, from: status, to: rule.to === 'SAME' ? status : rule.to };
}
