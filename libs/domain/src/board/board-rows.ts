import type { PlanStatus, SchoolLevel } from '@duyet/database';
import { statusLabel } from '@duyet/workflows';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { PAPER_OWED_STATUSES } from '../paper-copies/paper-copies-owed';
import { deadlineDistance } from '../reminders/policy';
import type { WaitingOn } from './board-query';

const DAY_MS = 86_400_000;

/** One row of the board's SQL, as Postgres returns it. */
export interface BoardRow {
  plan_id: string;
  plan_status: PlanStatus;
  status_changed_at: Date;
  deadline: Date | null;
  school_code: string;
  school_name: string;
  school_level: SchoolLevel;
  cluster_code: string;
  campaign_id: string;
  campaign_key: string;
  campaign_title: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  reminders_sent: number;
  last_reminder_at: Date | null;
  /** the campaign's required paper copies, and how many the clerk registered for this plan */
  paper_copies_required: number;
  paper_copies_received: number;
}

export interface BoardItem {
  planId: string;
  school: { code: string; name: string; level: SchoolLevel; cluster: string };
  campaign: { id: string; key: string; title: string };
  status: PlanStatus;
  statusLabel: string;
  waitingOn: WaitingOn | null;
  waitingOnLabel: string | null;
  deadline: Date | null;
  overdue: boolean;
  /** working days past the deadline (as the reminders count them); 0 when not overdue */
  daysOverdue: number;
  /** whole 24-hour days since the plan entered its status */
  daysInState: number;
  remindersSent: number;
  lastReminderAt: Date | null;
  reviewer: { id: string; fullName: string } | null;
  /**
   * the signed paper copies the campaign asks for, those the clerk has registered as received, and those still
   * missing (owed only once the plan was submitted: PAPER_OWED_STATUSES; 0 before, or once complete)
   */
  paperCopies: { required: number; received: number; missing: number };
}

export const WAITING_ON_STATUSES: Record<WaitingOn, readonly PlanStatus[]> = {
  SCHOOL: ['NOT_STARTED', 'DRAFTING', 'RETURNED'],
  OFFICE: ['SUBMITTED', 'UNDER_REVIEW'],
};

const WAITING_ON_LABEL: Record<WaitingOn, string> = {
  SCHOOL: 'Chờ nhà trường',
  OFFICE: 'Chờ Phòng GD&ĐT',
};

export const LEVEL_LABEL: Record<SchoolLevel, string> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
};

export function waitingOnOf(status: PlanStatus): WaitingOn | null {
  if (WAITING_ON_STATUSES.SCHOOL.includes(status)) return 'SCHOOL';
  if (WAITING_ON_STATUSES.OFFICE.includes(status)) return 'OFFICE';
  return null;
}

/** The status as the office writes it in a sentence start: "Chưa bắt đầu", "Trả lại để chỉnh sửa". */
export function boardStatusLabel(status: PlanStatus): string {
  const label = statusLabel(status);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * Days overdue in working days, counted the way the reminders count them (deadlineDistance): the working days
 * after the deadline's local day up to today, so a deadline at 17:00 on Friday is one day late on Monday, and the
 * board and the "đã quá hạn N ngày làm việc" of the e-mails always agree. 0 before the deadline, on its day, or
 * without one. Plans share a few deadlines: each is counted once per read.
 */
export function overdueCounter(calendar: WorkingCalendar, now: Date): (deadline: Date | null) => number {
  const today = calendar.localDate(now);
  const memo = new Map<number, number>();
  return (deadline) => {
    if (!deadline || deadline.getTime() >= now.getTime()) return 0;
    let days = memo.get(deadline.getTime());
    if (days === undefined) {
      days = Math.max(0, deadlineDistance(deadline, calendar, today).workingDays);
      memo.set(deadline.getTime(), days);
    }
    return days;
  };
}

/** Whole 24-hour days since the plan entered its status. */
export function daysInState(statusChangedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - statusChangedAt.getTime()) / DAY_MS));
}

/** Copies still owed: none before the plan is submitted (or once it is exempted or closed), none once complete. */
export function paperCopiesMissing(status: PlanStatus, required: number, received: number): number {
  return (PAPER_OWED_STATUSES as readonly PlanStatus[]).includes(status) ? Math.max(0, required - received) : 0;
}

/** daysOverdue: an overdueCounter of the district's calendar at the same `now`. */
export function toBoardItem(row: BoardRow, now: Date, daysOverdue: (deadline: Date | null) => number): BoardItem {
  const waitingOn = waitingOnOf(row.plan_status);
  const overdue = row.deadline !== null && row.deadline.getTime() < now.getTime();
  return {
    planId: row.plan_id,
    school: { code: row.school_code, name: row.school_name, level: row.school_level, cluster: row.cluster_code },
    campaign: { id: row.campaign_id, key: row.campaign_key, title: row.campaign_title },
    status: row.plan_status,
    statusLabel: boardStatusLabel(row.plan_status),
    waitingOn,
    waitingOnLabel: waitingOn ? WAITING_ON_LABEL[waitingOn] : null,
    deadline: row.deadline,
    overdue,
    daysOverdue: daysOverdue(row.deadline),
    daysInState: daysInState(row.status_changed_at, now),
    remindersSent: row.reminders_sent,
    lastReminderAt: row.last_reminder_at,
    reviewer: row.reviewer_id ? { id: row.reviewer_id, fullName: row.reviewer_name ?? '' } : null,
    paperCopies: {
      required: row.paper_copies_required,
      received: row.paper_copies_received,
      missing: paperCopiesMissing(row.plan_status, row.paper_copies_required, row.paper_copies_received),
    },
  };
}
