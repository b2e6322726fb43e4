import type { PlanStatus, SchoolLevel } from '@duyet/database';
import { statusLabel } from '@duyet/workflows';
import type { WaitingOn } from './board-query';

/** The district's calendar: a deadline at 17:00 on the 28th is one day late on the 29th, whatever the hour. */
export const BOARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';
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
  daysOverdue: number;
  daysInState: number;
  remindersSent: number;
  lastReminderAt: Date | null;
  reviewer: { id: string; fullName: string } | null;
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

const dayKey = new Intl.DateTimeFormat('en-CA', {
  timeZone: BOARD_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Midnight UTC of the calendar day the instant falls on in the district: a number of days apart is exact. */
function calendarDay(at: Date): number {
  const parts = Object.fromEntries(dayKey.formatToParts(at).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
}

/** Calendar days from one instant's day to another's, in the district's time zone (negative if to is earlier). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((calendarDay(to) - calendarDay(from)) / DAY_MS);
}

/** Whole calendar days since a deadline that has passed; 0 before it, on its day, or when there is none. */
export function daysOverdue(deadline: Date | null, now: Date): number {
  if (!deadline || deadline.getTime() >= now.getTime()) return 0;
  return Math.max(0, calendarDaysBetween(deadline, now));
}

/** Whole 24-hour days since the plan entered its status. */
export function daysInState(statusChangedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - statusChangedAt.getTime()) / DAY_MS));
}

const vnDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: BOARD_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** dd/mm/yyyy in the district's time zone, as Vietnamese documents and Excel (vi-VN) read a date. */
export function formatVnDate(at: Date): string {
  return vnDate.format(at);
}

export function toBoardItem(row: BoardRow, now: Date): BoardItem {
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
    daysOverdue: daysOverdue(row.deadline, now),
    daysInState: daysInState(row.status_changed_at, now),
    remindersSent: row.reminders_sent,
    lastReminderAt: row.last_reminder_at,
    reviewer: row.reviewer_id ? { id: row.reviewer_id, fullName: row.reviewer_name ?? '' } : null,
  };
}
