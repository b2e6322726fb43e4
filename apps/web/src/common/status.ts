import { type PlanStatus, statusLabel } from '@shared/plan-moves';

export type { PlanStatus };

/** The status in the server's own words (the same as its e-mails and refusals), as a label starts: "Đã nộp". */
export function planStatusLabel(status: PlanStatus): string {
  const label = statusLabel(status);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * Tag colours: blue while the school works, amber while the office does, green when approved, red when returned.
 * Dark text on a light tint, every pair above 4.5:1 (Ant Design's preset tag colours are not).
 */
const STATUS_STYLE: Record<PlanStatus, { color: string; background: string; borderColor: string }> = {
  NOT_STARTED: { color: '#3d4452', background: '#f0f2f5', borderColor: '#c9ced6' },
  DRAFTING: { color: '#0d47a1', background: '#e8f1fd', borderColor: '#9dbff0' },
  SUBMITTED: { color: '#6b4200', background: '#fff6e0', borderColor: '#f0c770' },
  UNDER_REVIEW: { color: '#6b4200', background: '#fff6e0', borderColor: '#f0c770' },
  RETURNED: { color: '#9b1c1c', background: '#fdeceb', borderColor: '#f2a9a4' },
  APPROVED: { color: '#1e5e0a', background: '#ebf7e4', borderColor: '#9fd48a' },
  EXEMPTED: { color: '#3d4452', background: '#f0f2f5', borderColor: '#c9ced6' },
  CLOSED: { color: '#3d4452', background: '#f0f2f5', borderColor: '#c9ced6' },
};

export const statusTagStyle = (status: PlanStatus) => STATUS_STYLE[status];
