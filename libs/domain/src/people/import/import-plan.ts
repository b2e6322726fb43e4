import type { Position, SchoolLevel } from '@duyet/database';
import { z } from 'zod';
import { POSITION_LABEL, defaultTitle, isOfficePosition, mayAct, positionRole } from '../positions';
import {
  CLUSTER_SHEET,
  type ColumnSpec,
  POSITION_WORD,
  SCHOOL_SHEET,
  type SheetSpec,
  USER_SHEET,
  columnLetter,
  fold,
  headerKey,
  parseLevel,
  parsePosition,
  parseYesNo,
} from './import-columns';
import type { RawRow, RawSheet } from './xlsx-file';

// The import's rules, pure: the workbook's rows and what the district holds now in, every problem (sheet, row,
// column, in Vietnamese) and the changes that would bring the district to the file out. Nothing here reads or
// writes the database, so the dry run and the apply (which re-plans inside its transaction) agree by construction.

/** One problem of the file, where a person finds it in Excel. */
export interface ImportProblem {
  sheet: string;
  /** Excel's row number (the header is usually 1); null for the whole sheet or file */
  row: number | null;
  /** the column's letter (C); null for the whole row */
  column: string | null;
  /** the column's header without its "*" */
  field: string | null;
  message: string;
}

export interface ExistingSchool {
  id: string;
  code: string;
  name: string;
  level: SchoolLevel;
  clusterCode: string;
  commune: string | null;
  students: number | null;
  classes: number | null;
}

export interface ExistingUser {
  id: string;
  email: string;
  fullName: string;
  title: string;
  position: Position;
  acting: boolean;
  schoolCode: string | null;
  active: boolean;
  levels: SchoolLevel[];
  clusterCodes: string[];
}

/** What the district holds now, keyed as the file keys it (codes, lower-case e-mails). */
export interface DistrictSnapshot {
  clusters: Map<string, { id: string; name: string }>;
  schools: Map<string, ExistingSchool>;
  users: Map<string, ExistingUser>;
  /** e-mails of the file that belong to accounts of another district */
  foreignEmails: Set<string>;
  /** who imports: their own position is not changed by a file */
  actorEmail: string;
}

export interface ImportClusterRow {
  code: string;
  name: string;
}
export interface ImportSchoolRow {
  code: string;
  name: string;
  level: SchoolLevel;
  clusterCode: string;
  commune: string | null;
  students: number | null;
  classes: number | null;
}
export interface ImportUserRow {
  email: string;
  fullName: string;
  title: string;
  position: Position;
  acting: boolean;
  schoolCode: string | null;
  /** a reviewer's scope; empty for anyone else */
  levels: SchoolLevel[];
  clusterCodes: string[];
}

export interface Changes<T> {
  create: T[];
  update: (T & { id: string })[];
  unchanged: number;
}

export interface ImportPlan {
  problems: ImportProblem[];
  clusters: Changes<ImportClusterRow>;
  schools: Changes<ImportSchoolRow>;
  users: Changes<ImportUserRow>;
}

/** The rows of one sheet with the cells of its known columns by key, and where each column is. */
interface ReadSheet<K extends string> {
  name: string;
  columns: Map<K, number>;
  rows: { number: number; get: (key: K) => string }[];
}

class Problems {
  readonly list: ImportProblem[] = [];
  private readonly rowsWithProblems = new Set<string>();

  add(sheet: string, row: number | null, column: { spec: ColumnSpec; index: number } | null, message: string): void {
    this.list.push({
      sheet,
      row,
      column: column ? columnLetter(column.index + 1) : null,
      field: column ? column.spec.header.replace(/\s*\*$/, '') : null,
      message,
    });
    if (row !== null) this.rowsWithProblems.add(`${sheet}:${row}`);
  }

  has(sheet: string, row: number): boolean {
    return this.rowsWithProblems.has(`${sheet}:${row}`);
  }
}

/** The sheet of the spec: by its name, else the first whose header row carries every required column. */
function findSheet(sheets: RawSheet[], spec: SheetSpec): RawSheet | undefined {
  const required = spec.columns.filter((c) => c.required).map((c) => headerKey(c.header));
  return (
    sheets.find((s) => fold(s.name) === fold(spec.name)) ??
    sheets.find((s) => {
      const header = new Set((s.rows[0]?.cells ?? []).map(headerKey));
      return required.every((h) => header.has(h));
    })
  );
}

function readSheet<K extends string>(
  sheets: RawSheet[],
  spec: SheetSpec<K>,
  problems: Problems,
): ReadSheet<K> | undefined {
  const raw = findSheet(sheets, spec);
  if (!raw || raw.rows.length === 0) return undefined;
  const [header, ...rows] = raw.rows as [RawRow, ...RawRow[]];
  const keys = header.cells.map(headerKey);
  const columns = new Map<K, number>();
  for (const c of spec.columns) {
    const index = keys.indexOf(headerKey(c.header));
    if (index >= 0) columns.set(c.key, index);
    else if (c.required) {
      const name = c.header.replace(/\s*\*$/, '');
      problems.add(raw.name, header.number, null, `Thiếu cột “${name}” ở dòng tiêu đề.`);
    }
  }
  if (spec.columns.some((c) => c.required && !columns.has(c.key))) return undefined;
  return {
    name: raw.name,
    columns,
    rows: rows.map((r) => ({
      number: r.number,
      get: (key: K) => {
        const i = columns.get(key);
        return i === undefined ? '' : (r.cells[i] ?? '');
      },
    })),
  };
}

/** Reports a problem at a column of a row: `at(row, 'email')('…')`. */
function reporter<K extends string>(sheet: ReadSheet<K>, spec: SheetSpec<K>, problems: Problems) {
  return (row: number, key: K | null) => (message: string) => {
    const index = key === null ? undefined : sheet.columns.get(key);
    const column = index === undefined ? null : { spec: spec.columns.find((c) => c.key === key)!, index };
    problems.add(sheet.name, row, column, message);
  };
}

const list = (text: string) =>
  text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');

const tooLong = (text: string, max: number) => text.length > max;
const email = z.email();

function readClusters(sheets: RawSheet[], problems: Problems): Map<string, ImportClusterRow> {
  const out = new Map<string, ImportClusterRow>();
  const sheet = readSheet(sheets, CLUSTER_SHEET, problems);
  if (!sheet) return out;
  const at = reporter(sheet, CLUSTER_SHEET, problems);
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const code = r.get('code');
    const name = r.get('name');
    if (!code) at(r.number, 'code')('Thiếu mã cụm.');
    else if (tooLong(code, 20)) at(r.number, 'code')('Mã cụm dài quá 20 ký tự.');
    else if (seen.has(code)) at(r.number, 'code')(`Mã cụm “${code}” trùng với dòng ${seen.get(code)}.`);
    if (!name) at(r.number, 'name')('Thiếu tên cụm.');
    else if (tooLong(name, 100)) at(r.number, 'name')('Tên cụm dài quá 100 ký tự.');
    if (code && !seen.has(code)) seen.set(code, r.number);
    if (!problems.has(sheet.name, r.number)) out.set(code, { code, name });
  }
  return out;
}

function readSchools(
  sheets: RawSheet[],
  clusterCodes: Set<string>,
  problems: Problems,
): { rows: Map<string, ImportSchoolRow>; codes: Set<string> } {
  const rows = new Map<string, ImportSchoolRow>();
  const codes = new Set<string>();
  const sheet = readSheet(sheets, SCHOOL_SHEET, problems);
  if (!sheet) return { rows, codes };
  const at = reporter(sheet, SCHOOL_SHEET, problems);
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const code = r.get('code');
    if (!code) at(r.number, 'code')('Thiếu mã trường.');
    else if (tooLong(code, 50)) at(r.number, 'code')('Mã trường dài quá 50 ký tự.');
    else if (seen.has(code)) at(r.number, 'code')(`Mã trường “${code}” trùng với dòng ${seen.get(code)}.`);
    else seen.set(code, r.number);
    if (code) codes.add(code);
    const name = r.get('name');
    if (!name) at(r.number, 'name')('Thiếu tên trường.');
    else if (tooLong(name, 200)) at(r.number, 'name')('Tên trường dài quá 200 ký tự.');
    const levelText = r.get('level');
    const level = parseLevel(levelText);
    if (!levelText) at(r.number, 'level')('Thiếu cấp học (Mầm non, Tiểu học hoặc THCS).');
    else if (!level) at(r.number, 'level')(`Không có cấp học “${levelText}”: chỉ Mầm non, Tiểu học hoặc THCS.`);
    const clusterCode = r.get('cluster');
    if (!clusterCode) at(r.number, 'cluster')('Thiếu cụm.');
    else if (!clusterCodes.has(clusterCode)) {
      at(
        r.number,
        'cluster',
      )(
        `Không có cụm “${clusterCode}” trong huyện cũng như trong trang “${CLUSTER_SHEET.name}”: thêm cụm đó vào trang này hoặc sửa mã.`,
      );
    }
    const commune = r.get('commune');
    if (tooLong(commune, 200)) at(r.number, 'commune')('Tên xã/thị trấn dài quá 200 ký tự.');
    const studentsText = r.get('students');
    const students = studentsText === '' ? null : Number(studentsText);
    if (students !== null && !(Number.isInteger(students) && students >= 0 && students <= 100_000)) {
      at(r.number, 'students')(`Số học sinh phải là số nguyên từ 0 đến 100.000, không phải “${studentsText}”.`);
    }
    const classesText = r.get('classes');
    const classes = classesText === '' ? null : Number(classesText);
    if (classes !== null && !(Number.isInteger(classes) && classes >= 0 && classes <= 10_000)) {
      at(r.number, 'classes')(`Số lớp phải là số nguyên từ 0 đến 10.000, không phải “${classesText}”.`);
    }
    if (problems.has(sheet.name, r.number)) continue;
    rows.set(code, { code, name, level: level!, clusterCode, commune: commune || null, students, classes });
  }
  return { rows, codes };
}

interface ReadUser extends ImportUserRow {
  row: number;
  sheet: string;
  /** the title cell and scope cells were left empty: an existing user keeps theirs */
  titleGiven: boolean;
  scopeGiven: boolean;
  at: (key: 'email' | 'position' | 'school') => (message: string) => void;
}

function readUserRow(
  r: ReadSheet<(typeof USER_SHEET.columns)[number]['key']>['rows'][number],
  at: ReturnType<typeof reporter<(typeof USER_SHEET.columns)[number]['key']>>,
  known: { schoolCodes: Set<string>; clusterCodes: Set<string> },
): Omit<ReadUser, 'sheet' | 'at'> | null {
  const address = r.get('email').toLowerCase();
  if (!address) at(r.number, 'email')('Thiếu e-mail.');
  else if (tooLong(address, 254) || !email.safeParse(address).success) {
    at(r.number, 'email')(`“${address}” không phải địa chỉ e-mail hợp lệ.`);
  }
  const fullName = r.get('fullName');
  if (!fullName) at(r.number, 'fullName')('Thiếu họ và tên.');
  else if (tooLong(fullName, 200)) at(r.number, 'fullName')('Họ và tên dài quá 200 ký tự.');
  const positionText = r.get('position');
  const parsed = parsePosition(positionText);
  const words = Object.values(POSITION_WORD).join(', ');
  if (!positionText) at(r.number, 'position')(`Thiếu chức vụ (một trong: ${words}).`);
  else if (!parsed) at(r.number, 'position')(`Không có chức vụ “${positionText}”; chỉ nhận: ${words}.`);
  const actingText = r.get('acting');
  const actingCell = parseYesNo(actingText);
  if (actingCell === null) at(r.number, 'acting')(`Cột Quyền (Q.) ghi Có hoặc để trống, không phải “${actingText}”.`);
  const acting = !!actingCell || !!parsed?.acting;
  const position = parsed?.position;
  if (position && acting && !mayAct(position)) {
    at(
      r.number,
      'acting',
    )(`Chỉ trưởng phòng hoặc hiệu trưởng mới giữ chức vụ ở dạng quyền (Q.), không phải ${POSITION_LABEL[position]}.`);
  }
  const schoolCode = r.get('school');
  if (position && isOfficePosition(position) && schoolCode) {
    at(r.number, 'school')(`${POSITION_LABEL[position]} là cán bộ Phòng: để trống mã trường.`);
  } else if (position && !isOfficePosition(position) && !schoolCode) {
    at(r.number, 'school')(`${POSITION_LABEL[position]} cần mã trường.`);
  } else if (schoolCode && !known.schoolCodes.has(schoolCode)) {
    at(
      r.number,
      'school',
    )(
      `Không có trường mã “${schoolCode}” trong tệp cũng như trong huyện: thêm trường vào trang “${SCHOOL_SHEET.name}” hoặc sửa mã.`,
    );
  }
  const title = r.get('title');
  if (tooLong(title, 200)) at(r.number, 'title')('Chức danh dài quá 200 ký tự.');
  const levelTexts = list(r.get('levels'));
  const clusterCodes = list(r.get('clusters'));
  const reviewer = position && positionRole(position) === 'REVIEWER';
  if (position && !reviewer && (levelTexts.length || clusterCodes.length)) {
    at(
      r.number,
      levelTexts.length ? 'levels' : 'clusters',
    )(`Chỉ phó trưởng phòng và chuyên viên có phạm vi phụ trách; ${POSITION_LABEL[position]} để trống cột này.`);
  }
  const levels = levelTexts.map(parseLevel);
  const badLevel = levelTexts.find((_, i) => !levels[i]);
  if (badLevel) at(r.number, 'levels')(`Không có cấp học “${badLevel}”: chỉ Mầm non, Tiểu học hoặc THCS.`);
  const badCluster = clusterCodes.find((c) => !known.clusterCodes.has(c));
  if (badCluster) at(r.number, 'clusters')(`Không có cụm “${badCluster}” trong huyện cũng như trong tệp.`);
  if (!position) return null;
  return {
    row: r.number,
    email: address,
    fullName,
    title: title || defaultTitle(position, acting),
    titleGiven: title !== '',
    position,
    acting,
    schoolCode: isOfficePosition(position) ? null : schoolCode,
    levels: [...new Set(levels.filter((l): l is SchoolLevel => !!l))].sort(),
    clusterCodes: [...new Set(clusterCodes)].sort(),
    scopeGiven: levelTexts.length + clusterCodes.length > 0,
  };
}

function readUsers(
  sheets: RawSheet[],
  snapshot: DistrictSnapshot,
  known: { schoolCodes: Set<string>; clusterCodes: Set<string> },
  problems: Problems,
): ReadUser[] {
  const sheet = readSheet(sheets, USER_SHEET, problems);
  if (!sheet) return [];
  const at = reporter(sheet, USER_SHEET, problems);
  const seen = new Map<string, number>();
  const users: ReadUser[] = [];
  for (const r of sheet.rows) {
    const user = readUserRow(r, at, known);
    const address = r.get('email').toLowerCase();
    if (address && seen.has(address)) {
      at(r.number, 'email')(`E-mail ${address} trùng với dòng ${seen.get(address)}: mỗi người một dòng.`);
    } else if (address) seen.set(address, r.number);
    if (address && snapshot.foreignEmails.has(address)) {
      at(r.number, 'email')(`E-mail ${address} đã là tài khoản của một đơn vị khác: không dùng lại được.`);
    }
    if (user) users.push({ ...user, sheet: sheet.name, at: (key) => at(r.number, key) });
  }
  return users;
}

/** The district after the import may have one head and each school one principal: the file and who stays. */
function checkHolders(users: ReadUser[], snapshot: DistrictSnapshot): void {
  const inFile = new Map(users.map((u) => [u.email, u]));
  // Who keeps their place: everyone the file leaves out, and the admin importing, whom no file moves.
  const staying = [...snapshot.users.values()].filter(
    (u) =>
      u.active &&
      (!inFile.has(u.email) || (u.email === snapshot.actorEmail && inFile.get(u.email)!.position !== u.position)),
  );
  const rowsOf = (rows: ReadUser[]) => rows.map((u) => u.row).join(', ');

  const heads = users.filter((u) => u.position === 'HEAD');
  const headsStaying = staying.filter((u) => u.position === 'HEAD');
  if (heads.length + headsStaying.length > 1) {
    for (const u of heads) {
      u.at('position')(
        heads.length > 1
          ? `Mỗi huyện một trưởng phòng, tệp ghi ${heads.length} người (dòng ${rowsOf(heads)}).`
          : `Huyện đã có trưởng phòng ${headsStaying.map((h) => `${h.fullName} (${h.email})`).join(', ')}: ` +
              'mỗi huyện một trưởng phòng; ghi cả người đó vào tệp với chức vụ mới.',
      );
    }
  }

  const principals = new Map<string, ReadUser[]>();
  for (const u of users.filter((x) => x.position === 'PRINCIPAL')) {
    principals.set(u.schoolCode!, [...(principals.get(u.schoolCode!) ?? []), u]);
  }
  for (const [school, rows] of principals) {
    const others = staying.filter((s) => s.position === 'PRINCIPAL' && s.schoolCode === school);
    if (rows.length + others.length <= 1) continue;
    for (const u of rows) {
      u.at('position')(
        rows.length > 1
          ? `Trường ${school} chỉ có một hiệu trưởng, tệp ghi ${rows.length} người (dòng ${rowsOf(rows)}).`
          : `Trường ${school} đã có hiệu trưởng ${others.map((o) => `${o.fullName} (${o.email})`).join(', ')}: ` +
              'ghi cả người đó vào tệp với chức vụ hoặc trường mới.',
      );
    }
  }

  const self = users.find((u) => u.email === snapshot.actorEmail);
  if (self && self.position !== 'HEAD') {
    self.at('position')(
      'Đây là tài khoản bạn đang dùng (trưởng phòng): tệp không đổi được chức vụ của chính bạn, vì bạn sẽ mất quyền quản trị.',
    );
  }
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

function diffSchools(rows: Map<string, ImportSchoolRow>, snapshot: DistrictSnapshot): Changes<ImportSchoolRow> {
  const out: Changes<ImportSchoolRow> = { create: [], update: [], unchanged: 0 };
  for (const row of rows.values()) {
    const now = snapshot.schools.get(row.code);
    if (!now) {
      out.create.push(row);
      continue;
    }
    // An empty optional cell keeps what the district has.
    const next = {
      ...row,
      commune: row.commune ?? now.commune,
      students: row.students ?? now.students,
      classes: row.classes ?? now.classes,
    };
    const same =
      now.name === next.name &&
      now.level === next.level &&
      now.clusterCode === next.clusterCode &&
      now.commune === next.commune &&
      now.students === next.students &&
      now.classes === next.classes;
    if (same) out.unchanged += 1;
    else out.update.push({ ...next, id: now.id });
  }
  return out;
}

function diffUsers(users: ReadUser[], snapshot: DistrictSnapshot): Changes<ImportUserRow> {
  const out: Changes<ImportUserRow> = { create: [], update: [], unchanged: 0 };
  for (const u of users) {
    const row: ImportUserRow = {
      email: u.email,
      fullName: u.fullName,
      title: u.title,
      position: u.position,
      acting: u.acting,
      schoolCode: u.schoolCode,
      levels: u.levels,
      clusterCodes: u.clusterCodes,
    };
    const now = snapshot.users.get(u.email);
    if (!now) {
      out.create.push(row);
      continue;
    }
    const reviewer = positionRole(u.position) === 'REVIEWER';
    const keepScope = reviewer && !u.scopeGiven;
    const next: ImportUserRow = {
      ...row,
      title: u.titleGiven ? u.title : now.title,
      levels: keepScope ? now.levels : row.levels,
      clusterCodes: keepScope ? now.clusterCodes : row.clusterCodes,
    };
    const same =
      now.fullName === next.fullName &&
      now.title === next.title &&
      now.position === next.position &&
      now.acting === next.acting &&
      now.schoolCode === next.schoolCode &&
      sameList(now.levels, next.levels) &&
      sameList(now.clusterCodes, next.clusterCodes);
    if (same) out.unchanged += 1;
    else out.update.push({ ...next, id: now.id });
  }
  return out;
}

function diffClusters(rows: Map<string, ImportClusterRow>, snapshot: DistrictSnapshot): Changes<ImportClusterRow> {
  const out: Changes<ImportClusterRow> = { create: [], update: [], unchanged: 0 };
  for (const row of rows.values()) {
    const now = snapshot.clusters.get(row.code);
    if (!now) out.create.push(row);
    else if (now.name !== row.name) out.update.push({ ...row, id: now.id });
    else out.unchanged += 1;
  }
  return out;
}

/**
 * Every problem of the workbook against the district as it is, and the changes that would bring the district to
 * the file: rows keyed by school code and e-mail, so an edited file updates and never duplicates, and the same file
 * twice changes nothing. The changes are only to be written when there is no problem.
 */
export function planImport(sheets: RawSheet[], snapshot: DistrictSnapshot): ImportPlan {
  const problems = new Problems();
  const clusters = readClusters(sheets, problems);
  const clusterCodes = new Set([...snapshot.clusters.keys(), ...clusters.keys()]);
  const schools = readSchools(sheets, clusterCodes, problems);
  const schoolCodes = new Set([...snapshot.schools.keys(), ...schools.codes]);
  const users = readUsers(sheets, snapshot, { schoolCodes, clusterCodes }, problems);
  checkHolders(users, snapshot);
  if (!findSheet(sheets, SCHOOL_SHEET) && !findSheet(sheets, USER_SHEET)) {
    problems.add(
      sheets[0]?.name ?? 'Tệp',
      null,
      null,
      `Không thấy trang “${SCHOOL_SHEET.name}” hay “${USER_SHEET.name}”: hãy dùng tệp mẫu.`,
    );
  }
  const valid = users.filter((u) => !problems.has(u.sheet, u.row));
  return {
    problems: problems.list,
    clusters: diffClusters(clusters, snapshot),
    schools: diffSchools(schools.rows, snapshot),
    users: diffUsers(valid, snapshot),
  };
}
