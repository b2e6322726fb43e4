import { PLAN_STATUSES, type PlanStatus } from '@shared/plan-moves';
import type { paths } from '../api/client';

// The board's filter lives in the address (?campaignId=…&overdue=true, the links e-mails carry): this reads it,
// turns it into the API's query, and writes a change back. Pure, so it is tested without a browser.

export const LEVELS = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'] as const;
export type Level = (typeof LEVELS)[number];

export const STATUSES = PLAN_STATUSES;
export type Status = PlanStatus;

/** The board's orders, as the API names them (a leading "-" reverses one); the type is the API's own. */
export type Sort = NonNullable<NonNullable<paths['/api/board']['get']['parameters']['query']>['sort']>;
export type SortKey = Exclude<Sort, `-${string}`>;
const SORT_KEYS: readonly SortKey[] = ['daysOverdue', 'school', 'daysInState', 'deadline', 'status'];
const isSort = (value: string): value is Sort => SORT_KEYS.some((k) => value === k || value === `-${k}`);

export const DEFAULT_SORT: Sort = '-daysOverdue';
export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;

/** Submitted plans whose paper copies are all in, or not yet (the API's paperCopies filter). */
export const PAPER_COPIES = ['MISSING', 'COMPLETE'] as const;
export type PaperCopies = (typeof PAPER_COPIES)[number];

export interface BoardFilters {
  campaignId?: string;
  level: Level[];
  cluster: string[];
  status: Status[];
  waitingOn?: 'SCHOOL' | 'OFFICE';
  paperCopies?: PaperCopies;
  overdue: boolean;
  q?: string;
}

export interface BoardView extends BoardFilters {
  sort: Sort;
  page: number;
  pageSize: number;
}

/** "A,B" and "a=A&a=B" both read as a list, the way the API reads them; unknown values are dropped. */
function listParam<T extends string>(params: URLSearchParams, name: string, allowed?: readonly T[]): T[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return [
    ...new Set(allowed ? values.filter((v): v is T => (allowed as readonly string[]).includes(v)) : values),
  ] as T[];
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

export function viewFrom(params: URLSearchParams): BoardView {
  const waitingOn = params.get('waitingOn');
  const paperCopies = params.get('paperCopies');
  const sort = params.get('sort');
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  return {
    campaignId: params.get('campaignId') || undefined,
    level: listParam(params, 'level', LEVELS),
    cluster: listParam(params, 'cluster'),
    status: listParam(params, 'status', STATUSES),
    waitingOn: waitingOn === 'SCHOOL' || waitingOn === 'OFFICE' ? waitingOn : undefined,
    paperCopies: paperCopies === 'MISSING' || paperCopies === 'COMPLETE' ? paperCopies : undefined,
    overdue: params.get('overdue') === 'true' || params.get('overdue') === '1',
    q: params.get('q')?.trim() || undefined,
    sort: sort && isSort(sort) ? sort : DEFAULT_SORT,
    page: positive(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The filter as the API's board, export and remind routes take it (what is not set is left out). */
export function filterQuery(f: BoardFilters) {
  return {
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    ...(f.level.length ? { level: f.level } : {}),
    ...(f.cluster.length ? { cluster: f.cluster } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.waitingOn ? { waitingOn: f.waitingOn } : {}),
    ...(f.paperCopies ? { paperCopies: f.paperCopies } : {}),
    ...(f.overdue ? { overdue: 'true' as const } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

/** The address of the view: the filter, then the order and page when they are not the default. */
export function searchOf(v: BoardView): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(filterQuery(v))) {
    out.set(name, Array.isArray(value) ? value.join(',') : value);
  }
  if (v.sort !== DEFAULT_SORT) out.set('sort', v.sort);
  if (v.page !== 1) out.set('page', String(v.page));
  if (v.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(v.pageSize));
  return out;
}

/** A changed filter starts again at its first page; a changed page or order keeps the filter. */
export function changeView(v: BoardView, change: Partial<BoardView>): BoardView {
  const filterChanged = Object.keys(change).some((k) => k !== 'page' && k !== 'sort' && k !== 'pageSize');
  return { ...v, ...change, page: change.page ?? (filterChanged || change.pageSize ? 1 : v.page) };
}

/** The CSV export of the filter (the whole of it, not the page), in the board's order. */
export function csvHref(v: BoardView): string {
  const search = searchOf({ ...v, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const query = search.toString();
  return `/api/board/export.csv${query ? `?${query}` : ''}`;
}

/** The column and direction a sort names: "-daysOverdue" is daysOverdue, descending. */
export function sortParts(sort: Sort): { key: SortKey; order: 'ascend' | 'descend' } {
  return sort.startsWith('-')
    ? { key: sort.slice(1) as SortKey, order: 'descend' }
    : { key: sort as SortKey, order: 'ascend' };
}

export function sortOf(key: SortKey, order: 'ascend' | 'descend' | null | undefined): Sort {
  if (!order) return DEFAULT_SORT;
  return (order === 'descend' ? `-${key}` : key) as Sort;
}
