// Building blocks of the office's Word documents, in the administrative style of Nghị định 30/2020/NĐ-CP
// (Times New Roman 13–14 pt, A4, borderless header and signature tables). One home for every document Duyệt
// files: the directive, an approved plan, the consolidated report and the meetings' minutes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  type ITableCellOptions,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { DateTime } from 'luxon';

export const FONT = 'Times New Roman';
/** half-points: 13 pt */
export const SIZE = 26;
/** half-points: the header's upper lines are 12 pt, so the national motto fits on one line */
export const HEADER_SIZE = 24;
/** half-points: the distribution list (nơi nhận) is 11 pt, as the decree's sample shows it */
const SMALL = 22;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface Line {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right' | 'both';
  size?: number;
  /** space after, in points */
  after?: number;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

export function para(line: Line | string): Paragraph {
  const l = typeof line === 'string' ? { text: line } : line;
  return new Paragraph({
    alignment: ALIGN[l.align ?? 'both'],
    spacing: { after: (l.after ?? 4) * 20 },
    children: [new TextRun({ text: l.text, bold: l.bold, italics: l.italic, font: FONT, size: l.size ?? SIZE })],
  });
}

/** Free text as typed (a plan's section): one paragraph per line, empty lines dropped. */
export function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => para(t));
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** Two columns of lines without borders: the document header and the signature block. */
export function sideBySide(left: Line[], right: Line[], leftPercent = 50): Table {
  const cell = (lines: Line[], percent: number) =>
    new TableCell({
      width: { size: percent, type: WidthType.PERCENTAGE },
      children: lines.length ? lines.map((l) => para({ align: 'center', after: 0, ...l })) : [para('')],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftPercent), cell(right, 100 - leftPercent)] })],
  });
}

/** A bordered table with a bold header row; widths in percent. */
export function grid(head: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, i: number, header: boolean): TableCell => {
    const options: ITableCellOptions = {
      width: { size: widths[i], type: WidthType.PERCENTAGE },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text
        .split('\n')
        .map((t) => para({ text: t, bold: header, align: header ? 'center' : 'left', after: 0 })),
    };
    return new TableCell(options);
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }),
      // A row is never split across two pages: a school's outcome and comment read as one.
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** Nghị định 30/2020: a day below 10 and the months 1 and 2 are written with a leading zero. */
export function vnDocumentDate(at: Date, zone: string): string {
  const d = DateTime.fromJSDate(at, { zone });
  const day = String(d.day).padStart(2, '0');
  const month = d.month <= 2 ? String(d.month).padStart(2, '0') : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

/** "Huyện Kiến Xương" → "Kiến Xương": the place a document is dated at. */
export const placeName = (district: string): string => district.replace(/^(Huyện|Quận|Thị xã|Thành phố)\s+/i, '');

/** The issuing body (cơ quan ban hành): its parent body above it, and its own name in bold. */
export interface Issuer {
  /** "UBND HUYỆN KIẾN XƯƠNG" */
  parent: string;
  /** "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" */
  name: string;
}

/** The district's education office as the issuing body: under the district's people's committee (UBND). */
export function officeIssuer(district: { name: string; officeName: string }): Issuer {
  // "Phòng Giáo dục và Đào tạo Kiến Xương": the place is said by the line above, so the decree's sample drops it.
  const place = placeName(district.name);
  const office = district.officeName.endsWith(` ${place}`)
    ? district.officeName.slice(0, -place.length - 1)
    : district.officeName;
  return { parent: `UBND ${district.name}`.toLocaleUpperCase('vi'), name: office.toLocaleUpperCase('vi') };
}

/** A school as the issuing body, under the district's office ("PHÒNG GD&ĐT KIẾN XƯƠNG"). */
export function schoolIssuer(district: { name: string }, schoolName: string): Issuer {
  return {
    parent: `PHÒNG GD&ĐT ${placeName(district.name)}`.toLocaleUpperCase('vi'),
    name: schoolName.toLocaleUpperCase('vi'),
  };
}

export interface DocumentHead {
  issuer: Issuer;
  /** "Số: 455/KH-PGDĐT"; null: the document carries no number (the minutes) */
  number: string | null;
  /** "Kiến Xương, ngày 30 tháng 12 năm 2021" */
  placeDate: string;
}

/** The header of Nghị định 30: issuing body and number on the left, the national title, motto, place and date right. */
export function documentHeader(h: DocumentHead): Table {
  return sideBySide(
    [
      { text: h.issuer.parent, size: HEADER_SIZE },
      { text: h.issuer.name, bold: true, size: HEADER_SIZE },
      ...(h.number ? [{ text: h.number, size: SIZE, after: 0 }] : []),
    ],
    [
      { text: NATIONAL_TITLE, bold: true, size: HEADER_SIZE },
      { text: NATIONAL_MOTTO, bold: true },
      { text: h.placeDate, italic: true, after: 0 },
    ],
    40,
  );
}

/** The kind of document and its summary (trích yếu), centred under the header. */
export function documentTitle(kind: string, summary: string): Paragraph[] {
  return [
    para({ text: '', after: 6 }),
    para({ text: kind.toLocaleUpperCase('vi'), bold: true, align: 'center', size: 28, after: 0 }),
    para({ text: summary, bold: true, align: 'center', after: 12 }),
  ];
}

/** "KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG" → its lines, as the capacity is recorded (lines joined with " - "). */
export const capacityLines = (capacity: string): string[] =>
  capacity
    .toLocaleUpperCase('vi')
    .split(/\s+-\s+/)
    .filter(Boolean);

/**
 * The foot of the document: the distribution list (nơi nhận) on the left, the signature block on the right with the
 * capacity as recorded, room for the signature and the signer's name.
 */
export function signatureBlock(signer: { capacity: string; fullName: string } | null, distribution: string[]): Table {
  const left: Line[] = distribution.length
    ? [
        { text: 'Nơi nhận:', bold: true, italic: true, align: 'left', size: 24 },
        ...distribution.map((d): Line => ({ text: `- ${d}`, align: 'left', size: SMALL })),
      ]
    : [];
  const right: Line[] = [
    ...capacityLines(signer?.capacity ?? '').map((text): Line => ({ text, bold: true })),
    { text: '(Ký, ghi rõ họ tên)', italic: true, after: 48 },
    { text: signer?.fullName ?? '', bold: true },
  ];
  return sideBySide(left, right);
}

/** A document of the office: A4, the decree's margins, Times New Roman. */
export function packDocx(meta: { creator: string; title: string }, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
