// The reviewer's queue, pure: which plans are waiting, in which order, and how many each filter would leave. The
// service loads the plans in the reviewer's scope; this decides the rest, so it can be read and tested on its own.

export const QUEUE_STATUSES = ['SUBMITTED', 'UNDER_REVIEW'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueRow {
  id: string;
  status: QueueStatus;
  reviewDueAt: Date | null;
  submittedAt: Date | null;
  campaign: { id: string; title: string; documentNumber: string };
  school: { code: string; name: string; level: string; cluster: string };
}

export interface QueueFilters {
  campaignId?: string;
  level?: string;
  /** the cluster's code ("I", "II" …) */
  cluster?: string;
  status?: QueueStatus;
  /** true: only plans whose review is past due; false: only those still in time */
  overdue?: boolean;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface QueueFacets {
  campaign: FacetCount[];
  level: FacetCount[];
  cluster: FacetCount[];
  status: FacetCount[];
  overdue: FacetCount[];
}

type Facet = keyof QueueFacets;

export const isOverdue = (row: QueueRow, now: Date): boolean => !!row.reviewDueAt && row.reviewDueAt < now;

const valueOf = (row: QueueRow, facet: Facet, now: Date): string => {
  switch (facet) {
    case 'campaign':
      return row.campaign.id;
    case 'level':
      return row.school.level;
    case 'cluster':
      return row.school.cluster;
    case 'status':
      return row.status;
    case 'overdue':
      return String(isOverdue(row, now));
  }
};

const wanted = (f: QueueFilters): Partial<Record<Facet, string>> => ({
  campaign: f.campaignId,
  level: f.level,
  cluster: f.cluster,
  status: f.status,
  overdue: f.overdue === undefined ? undefined : String(f.overdue),
});

/** Whether a row passes every filter but `except` (a facet's counts ignore its own choice, so each stays a choice). */
function passes(row: QueueRow, filters: QueueFilters, now: Date, except?: Facet): boolean {
  const w = wanted(filters);
  return (Object.keys(w) as Facet[]).every((k) => k === except || w[k] === undefined || valueOf(row, k, now) === w[k]);
}

/** Earliest review due date first (the most urgent), plans without one last, then by school code. */
export function byReviewDue(a: QueueRow, b: QueueRow): number {
  const da = a.reviewDueAt?.getTime() ?? Infinity;
  const db = b.reviewDueAt?.getTime() ?? Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return a.school.code.localeCompare(b.school.code);
}

/** The rows that pass the filters, most urgent first. */
export function filterQueue<R extends QueueRow>(rows: R[], filters: QueueFilters, now: Date): R[] {
  return rows.filter((r) => passes(r, filters, now)).sort(byReviewDue);
}

const labelOf = (row: QueueRow, facet: Facet, now: Date): string =>
  facet === 'campaign' ? `${row.campaign.documentNumber} - ${row.campaign.title}` : valueOf(row, facet, now);

/**
 * For each facet, every value present in the scope with how many plans choosing it would show, given the other
 * filters (a value the other filters leave empty is listed with 0, so a chosen value never disappears).
 */
export function queueFacets(rows: QueueRow[], filters: QueueFilters, now: Date): QueueFacets {
  const facet = (name: Facet): FacetCount[] => {
    const counts = new Map<string, FacetCount>();
    for (const r of rows) {
      const value = valueOf(r, name, now);
      const entry = counts.get(value) ?? { value, label: labelOf(r, name, now), count: 0 };
      if (passes(r, filters, now, name)) entry.count += 1;
      counts.set(value, entry);
    }
    return [...counts.values()].sort((a, b) => a.value.localeCompare(b.value));
  };
  return {
    campaign: facet('campaign'),
    level: facet('level'),
    cluster: facet('cluster'),
    status: facet('status'),
    overdue: facet('overdue'),
  };
}
