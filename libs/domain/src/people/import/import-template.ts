import ExcelJS from 'exceljs';
import { POSITION_LABEL } from '../positions';
import {
  CLUSTER_SHEET,
  LEVEL_WORD,
  POSITION_WORD,
  SCHOOL_SHEET,
  type SheetSpec,
  USER_SHEET,
  columnLetter,
} from './import-columns';
import { IMPORT_MAX_ROWS } from './xlsx-file';

/** Rows of the template that offer the closed lists as a drop-down. */
const LIST_ROWS = 5000;

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

const listOf = (words: string[]) => `"${words.join(',')}"`;

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, lists: Record<string, string[]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  spec.columns.forEach((c, i) => {
    const words = lists[c.key];
    if (!words) return;
    const letter = columnLetter(i + 1);
    // Typed in ExcelJS's worksheet model but not in its declarations.
    (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${letter}2:${letter}${LIST_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listOf(words)],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `Chọn một giá trị trong danh sách: ${words.join(', ')}`,
    });
  });
  return ws;
}

function addGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Hướng dẫn');
  ws.columns = [
    { header: 'Trang', width: 14 },
    { header: 'Cột', width: 22 },
    { header: 'Bắt buộc', width: 10 },
    { header: 'Cách ghi', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const spec of [SCHOOL_SHEET, USER_SHEET, CLUSTER_SHEET] as SheetSpec[]) {
    for (const c of spec.columns) {
      ws.addRow([spec.name, c.header.replace(/\s*\*$/, ''), c.required ? 'Có' : '', c.note]);
    }
  }
  const lines = [
    '',
    `Cấp học: ${Object.values(LEVEL_WORD).join(', ')}.`,
    `Chức vụ: ${Object.entries(POSITION_WORD)
      .map(([p, w]) => `${w} (${POSITION_LABEL[p as keyof typeof POSITION_LABEL]})`)
      .join('; ')}.`,
    'Quyền (Q.): ghi Có với trưởng phòng hoặc hiệu trưởng giữ chức vụ ở dạng quyền; để trống nếu không.',
    'Mỗi huyện một trưởng phòng, mỗi trường một hiệu trưởng.',
    'Nhập lại cùng tệp không thay đổi gì; tệp đã sửa thì cập nhật theo mã trường và e-mail, không tạo bản trùng.',
    'Ô không bắt buộc để trống thì giữ nguyên thông tin đang có. Tệp không xóa ai và không xóa trường nào.',
    'Người dùng mới chưa có mật khẩu: họ đặt mật khẩu qua thư mời (gửi khi nhập, nếu chọn, hoặc gửi sau).',
    `Tối đa ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng. Dòng 1 của mỗi trang là tiêu đề, không đổi tên cột.`,
  ];
  for (const line of lines) ws.addRow(['', '', '', line]);
}

/**
 * The workbook a district fills in: the schools and users sheets with Vietnamese headers and drop-down lists for
 * the closed columns, the clusters sheet (filled with the district's clusters, so their codes are at hand), and a
 * guide. The import reads the same specs, so the template and the reader cannot drift apart.
 */
export async function importTemplate(clusters: { code: string; name: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duyệt';
  const levels = Object.values(LEVEL_WORD);
  addSheet(wb, SCHOOL_SHEET, { level: levels });
  addSheet(wb, USER_SHEET, { position: Object.values(POSITION_WORD), acting: ['Có', 'Không'] });
  const clusterSheet = addSheet(wb, CLUSTER_SHEET, {});
  for (const c of clusters) clusterSheet.addRow([c.code, c.name]);
  addGuide(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
