import { type PlanStatus, RULES } from '@shared/plan-moves';

type Role = string | undefined;

// The same rules the plan's workflow applies: the page offers only the moves the server would accept.
export const canSubmitAs = (role: Role): boolean => !!role && (RULES.SUBMIT.roles as readonly string[]).includes(role);

export const canEditDraft = (role: Role, status: PlanStatus): boolean =>
  !!role && (RULES.START_DRAFT.roles as readonly string[]).includes(role) && RULES.SUBMIT.from.includes(status);

export const canSubmit = (role: Role, status: PlanStatus): boolean =>
  canSubmitAs(role) && RULES.SUBMIT.from.includes(status);

export const canWithdraw = (role: Role, status: PlanStatus): boolean =>
  !!role && (RULES.WITHDRAW.roles as readonly string[]).includes(role) && RULES.WITHDRAW.from.includes(status);
