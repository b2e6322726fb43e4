import { type PlanStatus, statusLabel } from '@shared/plan-transitions';

export type { PlanStatus };

/** The status in the server's own words (the same as its e-mails and refusals), as a label starts: "Đã nộp". */
export function planStatusLabel(status: PlanStatus): string {
  const label = statusLabel(status);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Ant Design tag colours: blue while the school works, gold while the office does, green when done. */
export const STATUS_COLOR: Record<PlanStatus, string> = {
  NOT_STARTED: 'default',
  DRAFTING: 'processing',
  SUBMITTED: 'gold',
  UNDER_REVIEW: 'orange',
  RETURNED: 'red',
  APPROVED: 'green',
  EXEMPTED: 'default',
  CLOSED: 'default',
};
