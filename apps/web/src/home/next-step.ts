import { formatDateTime } from '../common/format';
import type { PlanStatus } from '../common/status';
import { homeStrings as s } from './strings';

/** The figures of a plan on the home that the texts below are made of (a subset of GET /api/plans's items). */
export interface PlanStandingView {
  status: PlanStatus;
  openComments: number;
  due: {
    at: string;
    holder: 'SCHOOL' | 'OFFICE';
    overdue: boolean;
    workingDaysLeft: number;
    workingDaysOverdue: number;
  } | null;
}

export interface NextStep {
  text: string;
  /** the school is late: shown in red */
  late: boolean;
}

/** "Nộp trước 17:00 25/12/2026", "Trả lời 3 góp ý", "Đã phê duyệt": what the school does next, in a line. */
export function nextStep(plan: PlanStandingView, canSubmit: boolean): NextStep {
  const due = plan.due?.holder === 'SCHOOL' ? plan.due : null;
  const when = due ? formatDateTime(due.at) : null;
  const late = !!due?.overdue;
  switch (plan.status) {
    case 'NOT_STARTED':
    case 'DRAFTING':
      if (!when) return { text: s.draftAndSubmit, late };
      if (late) return { text: canSubmit ? s.submitNow(when) : s.draftNow(when), late };
      return { text: canSubmit ? s.submitBefore(when) : s.draftBefore(when), late };
    case 'RETURNED':
      return {
        text: plan.openComments > 0 ? s.answerComments(plan.openComments, when) : s.reviseBefore(when),
        late,
      };
    case 'SUBMITTED':
      return { text: canSubmit ? s.waitingOfficeWithdraw : s.waitingOffice, late: false };
    case 'UNDER_REVIEW':
      return { text: s.underReview, late: false };
    case 'APPROVED':
      return { text: s.approved, late: false };
    case 'EXEMPTED':
      return { text: s.exempted, late: false };
    case 'CLOSED':
      return { text: s.closed, late: false };
  }
}

/** "còn 5 ngày làm việc", "quá hạn 2 ngày làm việc", "Phòng trả lời trước …": the deadline in force, in a line. */
export function dueText(due: PlanStandingView['due']): string {
  if (!due) return s.noDeadline;
  if (due.holder === 'OFFICE') return s.officeDue(formatDateTime(due.at));
  return due.overdue ? s.workingDaysOverdue(due.workingDaysOverdue) : s.workingDaysLeft(due.workingDaysLeft);
}
