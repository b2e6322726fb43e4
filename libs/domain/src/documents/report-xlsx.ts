// The consolidated report as a workbook, one sheet per school level, written with exceljs' streaming WorkbookWriter
// straight into the response: rows are committed as they come, so no whole workbook is ever held in memory.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { boardStatusLabel } from '../board/board-rows';
import { readPlanContent } from '../plan-content/content';
import { type IndicatorTarget } from './campaign-targets';
import type { ReportSchoolRow } from './report-rows';

export interface XlsxSheet {
  name: string;
  indicators: IndicatorTarget[];
  rows: AsyncIterable<ReportSchoolRow[]>;
}

const FIXED = [
  { header: 'Mã trường', width: 16 },
  { header: 'Tên trường', width: 36 },
  { header: 'Cụm trường', width: 12 },
  { header: 'Trạng thái', width: 18 },
  { header: 'Phiên bản đã duyệt', width: 12 },
];

/** A school's approved target: a number, or "40 - 60" for a range (Excel keeps a lone figure as a number). */
function targetCell(row: ReportSchoolRow, code: string, content: ReturnType<typeof readPlanContent>) {
  if (row.approvedVersion === null) return null;
  const v = content.indicators[code];
  if (!v || v.target === null || v.target === undefined) return null;
  if (v.targetMax !== null && v.targetMax !== undefined && v.targetMax !== v.target) return `${v.target} - ${v.targetMax}`;
  return v.target;
}

export async function writeReportXlsx(out: Writable, meta: { creator: string }, sheets: XlsxSheet[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = meta.creator;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    ws.columns = [
      ...FIXED,
      ...sheet.indicators.map((i) => ({ header: `${i.label} (${i.unit})`, width: Math.min(40, 14 + i.label.length / 4) })),
    ];
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    head.height = 48;
    head.commit();
    for await (const batch of sheet.rows) {
      for (const r of batch) {
        const content = readPlanContent({}, r.indicators);
        ws.addRow([
          r.code,
          r.name,
          r.cluster,
          boardStatusLabel(r.status),
          r.approvedVersion,
          ...sheet.indicators.map((i) => targetCell(r, i.code, content)),
        ]).commit();
      }
      // The client reads slower than the database answers: wait for it rather than buffer the rest in memory.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    ws.commit();
  }
  await wb.commit();
}
