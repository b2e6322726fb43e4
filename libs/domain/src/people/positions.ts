import type { Position, Role } from '@duyet/database';
import type { OfficeRank } from '@duyet/workflows';

// Positions (chức vụ), the closed list the rules read; a user's title is display text only and decides nothing.
// Names follow the organisation chart: the office (Phòng GD&ĐT) has a head, deputy heads, specialists and a clerk;
// a school has a principal, deputy principals, group leaders (tổ/khối trưởng) and the rest of its staff.

export const OFFICE_POSITIONS = ['HEAD', 'DEPUTY_HEAD', 'SPECIALIST', 'CLERK'] as const satisfies readonly Position[];
export const SCHOOL_POSITIONS = [
  'PRINCIPAL',
  'DEPUTY_PRINCIPAL',
  'GROUP_LEADER',
  'STAFF',
] as const satisfies readonly Position[];
export const POSITIONS = [...OFFICE_POSITIONS, ...SCHOOL_POSITIONS] as const;

/** How a position is written in a signature block or a sentence ("Phó trưởng phòng"). */
export const POSITION_LABEL: Record<Position, string> = {
  HEAD: 'Trưởng phòng',
  DEPUTY_HEAD: 'Phó trưởng phòng',
  SPECIALIST: 'Chuyên viên',
  CLERK: 'Văn thư',
  PRINCIPAL: 'Hiệu trưởng',
  DEPUTY_PRINCIPAL: 'Phó hiệu trưởng',
  GROUP_LEADER: 'Tổ trưởng chuyên môn',
  STAFF: 'Giáo viên, nhân viên',
  PROVINCE_OFFICER: 'Cán bộ Sở GD&ĐT',
};

const ROLE_OF: Record<Position, Role> = {
  HEAD: 'ADMIN',
  DEPUTY_HEAD: 'REVIEWER',
  SPECIALIST: 'REVIEWER',
  CLERK: 'CLERK',
  PRINCIPAL: 'PRINCIPAL',
  DEPUTY_PRINCIPAL: 'SCHOOL_STAFF',
  GROUP_LEADER: 'SCHOOL_STAFF',
  STAFF: 'SCHOOL_STAFF',
  PROVINCE_OFFICER: 'PROVINCE',
};

/** The role a position carries (the database holds the two together with a check constraint). */
export function positionRole(position: Position): Role {
  return ROLE_OF[position];
}

/** Where an office position stands for two-level approval (the workflow's rules read the rank, not the position). */
export function officeRank(position: Position): OfficeRank {
  switch (position) {
    case 'HEAD':
    case 'DEPUTY_HEAD':
    case 'SPECIALIST':
      return position;
    default:
      return 'STAFF';
  }
}

export const isOfficePosition = (p: Position): boolean => (OFFICE_POSITIONS as readonly Position[]).includes(p);

/** Only the head of a unit is appointed as acting (quyền, "Q."): the office's head or a school's principal. */
export const mayAct = (p: Position): boolean => p === 'HEAD' || p === 'PRINCIPAL';

/**
 * The position a title names, for district files written before positions existed (a file may now say the position
 * itself). Only the import reads it: nothing at run time compares titles.
 */
export function positionFromTitle(title: string, role?: Role): { position: Position; acting: boolean } {
  const t = title.normalize('NFC').trim().toLocaleLowerCase('vi');
  const acting = /^(q\.|quyền )/.test(t);
  const position = ((): Position => {
    if (role === 'PRINCIPAL' || /hiệu trưởng/.test(t)) {
      if (/phó hiệu trưởng/.test(t)) return 'DEPUTY_PRINCIPAL';
      if (role === undefined || role === 'PRINCIPAL') return 'PRINCIPAL';
    }
    if (role === 'SCHOOL_STAFF') return /(tổ|khối) trưởng/.test(t) ? 'GROUP_LEADER' : 'STAFF';
    if (/văn thư/.test(t)) return 'CLERK';
    if (/phó trưởng phòng/.test(t)) return 'DEPUTY_HEAD';
    if (/chuyên viên/.test(t)) return 'SPECIALIST';
    if (/trưởng phòng/.test(t) || role === 'ADMIN') return 'HEAD';
    if (/(tổ|khối) trưởng/.test(t)) return 'GROUP_LEADER';
    return role === 'REVIEWER' ? 'SPECIALIST' : 'STAFF';
  })();
  return { position, acting: acting && mayAct(position) };
}

/** The title shown for a position when the admin gives none: "Hiệu trưởng", "Q. Trưởng phòng". */
export const defaultTitle = (position: Position, acting: boolean): string =>
  `${acting ? 'Q. ' : ''}${POSITION_LABEL[position]}`;
