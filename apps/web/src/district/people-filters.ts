import { OFFICE_POSITIONS, POSITION_LABEL, type PositionKey, SCHOOL_POSITIONS } from './strings-people';

// The people pages' pure rules: the filters the address holds, how a position reads, when a principal hands over.

export const PEOPLE_PAGE_SIZE = 50;

export interface PeopleFilters {
  position?: PositionKey;
  schoolId?: string;
  active?: 'true' | 'false';
  q?: string;
  page: number;
  pageSize: number;
}

export type FilterChange = Partial<Record<'position' | 'schoolId' | 'active' | 'q' | 'page', string>>;

const POSITIONS: string[] = [...OFFICE_POSITIONS, ...SCHOOL_POSITIONS];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters an address names; anything the API would refuse (an unknown position, a bad id) is left out. */
export function parsePeopleFilters(params: URLSearchParams): PeopleFilters {
  const position = params.get('position') ?? '';
  const schoolId = params.get('schoolId') ?? '';
  const active = params.get('active');
  const page = Number(params.get('page'));
  return {
    position: POSITIONS.includes(position) ? (position as PositionKey) : undefined,
    schoolId: UUID.test(schoolId) ? schoolId : undefined,
    active: active === 'true' || active === 'false' ? active : undefined,
    q: params.get('q')?.trim().slice(0, 120) || undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PEOPLE_PAGE_SIZE,
  };
}

/** The address after a filter changed: an empty value removes it; any change but the page's starts at page 1. */
export function withFilters(prev: URLSearchParams, change: FilterChange): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(change)) {
    if (value && !(key === 'page' && value === '1')) next.set(key, value);
    else next.delete(key);
  }
  if (!('page' in change)) next.delete('page');
  return next;
}

/** "Q. Hiệu trưởng", with the person's own title when it says more than the position ("Trưởng phòng GD&ĐT"). */
export function positionText(u: { position: PositionKey; acting: boolean; title: string }): string {
  const position = `${u.acting ? 'Q. ' : ''}${POSITION_LABEL[u.position]}`;
  return u.title && u.title !== position ? `${position} (${u.title})` : position;
}

/**
 * Whether a change takes a principal away from their school (another school, another position, or, with neither
 * given, the account locked): the school's open plans are then handed over.
 */
export function leavesSchool(
  user: { position: PositionKey; school: { id: string } | null },
  position?: PositionKey,
  schoolId?: string,
): boolean {
  return user.position === 'PRINCIPAL' && !!user.school && (position !== 'PRINCIPAL' || schoolId !== user.school.id);
}
