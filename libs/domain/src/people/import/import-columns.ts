import type { Position, SchoolLevel } from '@duyet/database';

// The district workbook's sheets and columns as the template writes them and the import reads them: Vietnamese
// headers, found by their text (any order, a trailing "*" or a "(…)" hint aside), and the closed lists of words a
// cell may hold for a school level, a position and "acting".

export type SheetKey = 'clusters' | 'schools' | 'users';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** the header as the template writes it ("*": required) */
  header: string;
  required: boolean;
  /** a note in the template's guide sheet */
  note: string;
  width: number;
}

export interface SheetSpec<K extends string = string> {
  key: SheetKey;
  name: string;
  columns: readonly ColumnSpec<K>[];
}

const col = <K extends string>(key: K, header: string, required: boolean, note: string, width = 18) => ({
  key,
  header: required ? `${header} *` : header,
  required,
  note,
  width,
});

export const CLUSTER_SHEET = {
  key: 'clusters',
  name: 'Cụm trường',
  columns: [
    col('code', 'Mã cụm', true, 'Mã ngắn của cụm, như "I", "II": cột Cụm của trang Trường ghi mã này', 12),
    col('name', 'Tên cụm', true, 'Tên đầy đủ, như "Cụm I"', 30),
  ],
} as const satisfies SheetSpec;

export const SCHOOL_SHEET = {
  key: 'schools',
  name: 'Trường',
  columns: [
    col('code', 'Mã trường', true, 'Mã duy nhất trong huyện; nhập lại cùng mã thì cập nhật, không tạo trường mới', 16),
    col('name', 'Tên trường', true, 'Tên đầy đủ của trường', 36),
    col('level', 'Cấp học', true, 'Mầm non, Tiểu học hoặc THCS', 12),
    col('cluster', 'Cụm', true, 'Mã cụm đã có trong huyện hoặc trong trang Cụm trường', 8),
    col('commune', 'Xã/thị trấn', false, 'Không bắt buộc; để trống thì giữ nguyên', 20),
    col('students', 'Số học sinh', false, 'Số nguyên không âm; để trống thì giữ nguyên', 12),
  ],
} as const satisfies SheetSpec;

export const USER_SHEET = {
  key: 'users',
  name: 'Người dùng',
  columns: [
    col('email', 'E-mail', true, 'Địa chỉ đăng nhập, duy nhất; nhập lại cùng e-mail thì cập nhật người đó', 32),
    col('fullName', 'Họ và tên', true, 'Họ tên đầy đủ', 26),
    col('position', 'Chức vụ', true, 'Một trong danh sách chức vụ (trang Hướng dẫn)', 22),
    col('acting', 'Quyền (Q.)', false, 'Có nếu giữ chức vụ ở dạng quyền; chỉ trưởng phòng và hiệu trưởng', 10),
    col('school', 'Mã trường', false, 'Bỏ trống với cán bộ Phòng; bắt buộc với người của trường', 14),
    col('title', 'Chức danh hiển thị', false, 'Không bắt buộc, như "Trưởng phòng GD&ĐT"; chỉ để hiển thị', 26),
    col('levels', 'Cấp học phụ trách', false, 'Phó trưởng phòng, chuyên viên: các cấp học cách nhau dấu phẩy', 20),
    col('clusters', 'Cụm phụ trách', false, 'Phó trưởng phòng, chuyên viên: các mã cụm cách nhau dấu phẩy', 16),
  ],
} as const satisfies SheetSpec;

export const IMPORT_SHEETS = [CLUSTER_SHEET, SCHOOL_SHEET, USER_SHEET] as const;

export type ClusterColumn = (typeof CLUSTER_SHEET.columns)[number]['key'];
export type SchoolColumn = (typeof SCHOOL_SHEET.columns)[number]['key'];
export type UserColumn = (typeof USER_SHEET.columns)[number]['key'];

/** Letters, no marks, lower case, single spaces: "Cấp  học *" and "cap hoc" read the same. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A header as the import compares it: folded, without "*" and "(…)" hints ("Quyền (Q.)" stays "quyen"). */
export function headerKey(text: string): string {
  return fold(text.replace(/\([^)]*\)/g, '').replace(/\*/g, ''));
}

export const LEVEL_WORD: Record<SchoolLevel, string> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
};

const LEVEL_WORDS: Record<string, SchoolLevel> = {
  'mam non': 'PRESCHOOL',
  mn: 'PRESCHOOL',
  preschool: 'PRESCHOOL',
  'tieu hoc': 'PRIMARY',
  th: 'PRIMARY',
  primary: 'PRIMARY',
  thcs: 'LOWER_SECONDARY',
  'trung hoc co so': 'LOWER_SECONDARY',
  lower_secondary: 'LOWER_SECONDARY',
};

export function parseLevel(text: string): SchoolLevel | null {
  return LEVEL_WORDS[fold(text)] ?? null;
}

/**
 * The words of the "Chức vụ" column, one per position, as the template's list offers them. A district's file never
 * makes a province user (Sở GD&ĐT): that position has no word here, so the import refuses it.
 */
export const POSITION_WORD: Record<Exclude<Position, 'PROVINCE_OFFICER'>, string> = {
  HEAD: 'Trưởng phòng',
  DEPUTY_HEAD: 'Phó trưởng phòng',
  SPECIALIST: 'Chuyên viên',
  CLERK: 'Văn thư',
  PRINCIPAL: 'Hiệu trưởng',
  DEPUTY_PRINCIPAL: 'Phó hiệu trưởng',
  GROUP_LEADER: 'Tổ trưởng',
  STAFF: 'Giáo viên/nhân viên',
};

/** A position a district's file may name: every one but the province's. */
export type DistrictPosition = keyof typeof POSITION_WORD;

const POSITION_WORDS: Record<string, DistrictPosition> = {
  ...Object.fromEntries(Object.entries(POSITION_WORD).map(([p, w]) => [fold(w), p as DistrictPosition])),
  ...Object.fromEntries(Object.keys(POSITION_WORD).map((p) => [fold(p), p as DistrictPosition])),
  'to truong chuyen mon': 'GROUP_LEADER',
  'khoi truong': 'GROUP_LEADER',
  'giao vien': 'STAFF',
  'nhan vien': 'STAFF',
  'giao vien, nhan vien': 'STAFF',
};

/** A position as the cell names it; "Q. Trưởng phòng" names the head, held as acting. */
export function parsePosition(text: string): { position: DistrictPosition; acting: boolean } | null {
  const folded = fold(text);
  const acting = /^(q\.|quyen )\s*/.exec(folded);
  const position = POSITION_WORDS[acting ? folded.slice(acting[0].length) : folded];
  return position ? { position, acting: !!acting } : null;
}

const YES = new Set(['co', 'x', 'q', 'q.', 'yes', 'true', '1']);
const NO = new Set(['', 'khong', 'no', 'false', '0']);

/** "Có" / "Không" (and what Excel makes of a tick: TRUE, 1, x); null for anything else. */
export function parseYesNo(text: string): boolean | null {
  const folded = fold(text);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return null;
}

/** The column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
