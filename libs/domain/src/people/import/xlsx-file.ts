import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { formatMegabytes } from '../../attachments/attachment-rules';
import { DomainError } from '../../common/errors';

/** The upload itself (multer stops reading past it). A province's file of 4,000 rows is about 150 KB. */
export const IMPORT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * What the file may inflate to, every part of the archive counted as it is decompressed (not as its header claims):
 * a zip bomb is refused before the reader writes or caches anything of it. A sheet at the row cap fits under it.
 */
export const IMPORT_MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** Rows with something in them, every sheet together. */
export const IMPORT_MAX_ROWS = 50_000;
/** Parts of the archive: an XLSX of three sheets has about fifteen. */
const MAX_ENTRIES = 500;

/** One row of a sheet as text: cells[0] is column A; the row number is Excel's (1 is the header). */
export interface RawRow {
  number: number;
  cells: string[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

const refuse = (message: string) => new DomainError('VALIDATION', message, { errors: [{ field: 'file', message }] });

const NOT_XLSX = 'Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu, điền vào và lưu dưới dạng .xlsx.';

/**
 * Refuses what is not an XLSX or would inflate past the cap: the ZIP signature first, then one pass over the archive
 * with the same reader ExcelJS uses (so it sees the same parts), counting the bytes each part really inflates to
 * and stopping at the cap.
 */
export async function guardXlsx(buffer: Buffer): Promise<void> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw refuse(NOT_XLSX);
  const zip = Readable.from([buffer]).pipe(unzipper.Parse({ forceStream: true }));
  let total = 0;
  let entries = 0;
  let sawWorkbook = false;
  try {
    for await (const entry of zip as AsyncIterable<unzipper.Entry>) {
      entries += 1;
      if (entry.path === 'xl/workbook.xml') sawWorkbook = true;
      for await (const chunk of entry) {
        total += (chunk as Buffer).length;
        if (total > IMPORT_MAX_UNCOMPRESSED_BYTES) throw tooLarge();
      }
      if (entries > MAX_ENTRIES) throw refuse(`${NOT_XLSX} (tệp nén có quá nhiều phần)`);
    }
  } catch (err) {
    zip.destroy();
    if (err instanceof DomainError) throw err;
    throw refuse(NOT_XLSX);
  }
  if (!sawWorkbook) throw refuse(NOT_XLSX);
}

const tooLarge = () =>
  refuse(
    `Tệp giải nén ra quá ${formatMegabytes(IMPORT_MAX_UNCOMPRESSED_BYTES)} MB: không nhận. ` +
      `Một tệp của cả tỉnh (vài nghìn dòng) chỉ vài trăm KB; hãy kiểm tra lại tệp.`,
  );

const tooManyRows = () =>
  refuse(`Tệp có hơn ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng: không nhận. Hãy chia thành nhiều tệp nhỏ hơn.`);

/** A cell's value as the text a person sees: a formula's result, a link's text, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; text?: unknown; result?: unknown; formula?: unknown };
    if (Array.isArray(v.richText)) return cellText(v.richText.map((r) => r.text ?? '').join(''));
    if ('text' in v) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
  }
  return '';
}

/**
 * Every sheet's non-empty rows as text, read with ExcelJS's streaming reader (rows are not kept as cells, only as
 * text). Call guardXlsx first: the reader itself has no cap on what it inflates.
 */
export async function readSheets(buffer: Buffer): Promise<RawSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: RawSheet[] = [];
  let dataRows = 0;
  try {
    for await (const worksheet of reader) {
      const sheet: RawSheet = { name: (worksheet as unknown as { name: string }).name, rows: [] };
      sheets.push(sheet);
      for await (const row of worksheet) {
        // Sparse: a cell left empty is a hole, read as ''.
        const cells = Array.from((row.values as unknown[]).slice(1), cellText);
        if (!cells.some((c) => c !== '')) continue;
        // The first row with something in it is the sheet's header.
        if (sheet.rows.length > 0 && ++dataRows > IMPORT_MAX_ROWS) throw tooManyRows();
        sheet.rows.push({ number: row.number, cells });
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw refuse(NOT_XLSX);
  }
  return sheets;
}
