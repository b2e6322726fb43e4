import ExcelJS from 'exceljs';
import { CLUSTER_SHEET, SCHOOL_SHEET, USER_SHEET } from '@duyet/domain';

/** A school row as the template's columns take it: code, name, level, cluster, commune, students. */
export type SchoolCells = [string, string, string, string, string?, (number | string)?];
/** A user row: e-mail, full name, position, acting, school code, title, levels, clusters. */
export type UserCells = [string, string, string, string?, string?, string?, string?, string?];

export interface WorkbookRows {
  clusters?: [string, string][];
  schools?: SchoolCells[];
  users?: UserCells[];
}

/** A district workbook written with the template's headers, as a person would fill the template in. */
export async function districtWorkbook(rows: WorkbookRows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const add = (spec: { name: string; columns: readonly { header: string }[] }, data: unknown[][] | undefined) => {
    if (!data) return;
    const ws = wb.addWorksheet(spec.name);
    ws.addRow(spec.columns.map((c) => c.header));
    for (const r of data) ws.addRow(r);
  };
  add(SCHOOL_SHEET, rows.schools);
  add(USER_SHEET, rows.users);
  add(CLUSTER_SHEET, rows.clusters);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A province-sized file: `schools` schools over the given clusters (primary, lower secondary and preschool in
 * turn), each with a principal and `perSchool - 1` staff, and an office of a deputy head and specialists.
 */
export function provinceRows(opts: {
  prefix: string;
  domain: string;
  schools: number;
  perSchool: number;
  clusters: string[];
}): Required<Pick<WorkbookRows, 'schools' | 'users'>> {
  const levels = ['Tiểu học', 'THCS', 'Mầm non'];
  const schools: SchoolCells[] = [];
  const users: UserCells[] = [];
  for (let i = 0; i < opts.schools; i += 1) {
    const code = `${opts.prefix}-${String(i + 1).padStart(5, '0')}`;
    schools.push([
      code,
      `Trường thử nghiệm số ${i + 1}`,
      levels[i % 3]!,
      opts.clusters[i % opts.clusters.length]!,
      `Xã ${(i % 40) + 1}`,
      200 + (i % 500),
    ]);
    users.push([`ht.${code}@${opts.domain}`, `Hiệu trưởng ${i + 1}`, 'Hiệu trưởng', '', code]);
    for (let k = 1; k < opts.perSchool; k += 1) {
      users.push([
        `gv${k}.${code}@${opts.domain}`,
        `Giáo viên ${k} trường ${i + 1}`,
        k === 1 ? 'Phó hiệu trưởng' : 'Tổ trưởng',
        '',
        code,
      ]);
    }
  }
  users.push([
    `pho.${opts.prefix}@${opts.domain}`,
    'Phó trưởng phòng thử nghiệm',
    'Phó trưởng phòng',
    '',
    '',
    '',
    'THCS',
  ]);
  for (const [n, cluster] of opts.clusters.entries()) {
    users.push([
      `cv${n + 1}.${opts.prefix}@${opts.domain}`,
      `Chuyên viên cụm ${cluster}`,
      'Chuyên viên',
      '',
      '',
      '',
      '',
      cluster,
    ]);
  }
  return { schools, users };
}
