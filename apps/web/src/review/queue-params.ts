// The queue's filters as the address holds them (so a link to a filtered queue can be shared), what the API is asked,
// and the neighbours of a plan in the queue's order (the plan page's "previous" and "next").

/** The address's names of the queue's filters, in the order the page shows them. */
export const QUEUE_FILTERS = ['campaignId', 'level', 'cluster', 'status', 'overdue'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export interface QueueQuery {
  campaignId?: string;
  level?: 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY';
  cluster?: string;
  status?: 'SUBMITTED' | 'UNDER_REVIEW';
  overdue?: 'true' | 'false';
}

const LEVELS = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'];
const STATUSES = ['SUBMITTED', 'UNDER_REVIEW'];
const BOOLEANS = ['true', 'false'];

/** The filters the address names, each kept only when the API would accept it (a hand-edited link does no harm). */
export function queueQuery(params: URLSearchParams): QueueQuery {
  const q: QueueQuery = {};
  const get = (name: QueueFilter) => params.get(name)?.trim() || undefined;
  const campaignId = get('campaignId');
  if (campaignId && /^[0-9a-f-]{36}$/i.test(campaignId)) q.campaignId = campaignId;
  const level = get('level');
  if (level && LEVELS.includes(level)) q.level = level as QueueQuery['level'];
  const cluster = get('cluster');
  if (cluster) q.cluster = cluster;
  const status = get('status');
  if (status && STATUSES.includes(status)) q.status = status as QueueQuery['status'];
  const overdue = get('overdue');
  if (overdue && BOOLEANS.includes(overdue)) q.overdue = overdue as QueueQuery['overdue'];
  return q;
}

/** The address's search with one filter set (or cleared with undefined), the other parameters left as they are. */
export function withFilter(params: URLSearchParams, name: QueueFilter, value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}

/** "?level=PRIMARY&overdue=true": the queue's filters only, carried from the queue to a plan and between plans. */
export function queueSearch(q: QueueQuery): string {
  const params = new URLSearchParams();
  for (const name of QUEUE_FILTERS) {
    const value = q[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether the address came from the queue: the plan page then offers the queue's previous and next plan. */
export const fromQueue = (params: URLSearchParams): boolean => params.get('from') === 'queue';

/** The plan before and after this one in the queue's order; a plan no longer in the queue leads to its first. */
export function neighbours(ids: string[], current: string): { prev?: string; next?: string; index: number } {
  const at = ids.indexOf(current);
  if (at < 0) return { next: ids[0], index: -1 };
  return { prev: ids[at - 1], next: ids[at + 1], index: at };
}

/** A plan opened from the queue: its address carries the queue's filters, so the plan page can go on through it. */
export function planLink(id: string, q: QueueQuery): string {
  const search = queueSearch(q);
  return `/plans/${id}${search ? `${search}&` : '?'}from=queue`;
}
