import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formatVnDate } from '../common/format';
import { type BoardItem, LEVEL_LABEL } from './board-rows';

interface CsvColumn {
  header: string;
  value: (item: BoardItem) => string | number;
}

const date = (at: Date | null) => (at ? formatVnDate(at) : '');

/** The export's columns, headed in Vietnamese for the office's own spreadsheets. */
export const BOARD_CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'Mã trường', value: (i) => i.school.code },
  { header: 'Tên trường', value: (i) => i.school.name },
  { header: 'Cấp học', value: (i) => LEVEL_LABEL[i.school.level] },
  { header: 'Cụm trường', value: (i) => i.school.cluster },
  { header: 'Đợt kế hoạch', value: (i) => i.campaign.title },
  { header: 'Trạng thái', value: (i) => i.statusLabel },
  { header: 'Đang chờ', value: (i) => i.waitingOnLabel ?? '' },
  { header: 'Hạn', value: (i) => date(i.deadline) },
  { header: 'Quá hạn', value: (i) => (i.overdue ? 'Có' : 'Không') },
  { header: 'Số ngày làm việc quá hạn', value: (i) => i.daysOverdue },
  { header: 'Số ngày (theo lịch) ở trạng thái hiện tại', value: (i) => i.daysInState },
  { header: 'Số lần đã nhắc', value: (i) => i.remindersSent },
  { header: 'Lần nhắc gần nhất', value: (i) => date(i.lastReminderAt) },
  { header: 'Người duyệt được giao', value: (i) => i.reviewer?.fullName ?? '' },
  { header: 'Số bản giấy phải nộp', value: (i) => i.paperCopies.required },
  { header: 'Số bản giấy đã nhận', value: (i) => i.paperCopies.received },
  { header: 'Số bản giấy còn thiếu', value: (i) => i.paperCopies.missing },
];

// A cell that starts like a formula would run as one when Excel opens the file (CSV injection, OWASP); a
// leading apostrophe makes Excel show it as text.
function neutralise(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsvRecord(item: BoardItem): (string | number)[] {
  return BOARD_CSV_COLUMNS.map((c) => neutralise(c.value(item)));
}

/**
 * The board as CSV that Excel opens with its Vietnamese intact: UTF-8 with a BOM (without one Excel reads the
 * bytes as the Windows code page), CRLF line ends and RFC 4180 quoting. Batches are written as they arrive; a
 * failure midway aborts the stream, so a download is never a silently truncated file.
 */
export function boardCsvStream(batches: AsyncIterable<BoardItem[]>): Readable {
  async function* records() {
    for await (const batch of batches) for (const item of batch) yield toCsvRecord(item);
  }
  const csv = stringify({
    bom: true,
    header: true,
    columns: BOARD_CSV_COLUMNS.map((c) => c.header),
    record_delimiter: 'windows',
  });
  return pipeline(Readable.from(records()), csv, () => undefined);
}
