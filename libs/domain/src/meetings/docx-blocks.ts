// Small building blocks for the office's Word documents, in the administrative style of Nghị định 30/2020/NĐ-CP
// (Times New Roman 13–14 pt, A4, borderless header and signature tables).
import {
  AlignmentType,
  BorderStyle,
  type ITableCellOptions,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export const FONT = 'Times New Roman';
/** half-points: 13 pt */
export const SIZE = 26;

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

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** Two columns of centred lines without borders: the document header and the signature block. */
export function sideBySide(left: Line[], right: Line[], leftPercent = 50): Table {
  const cell = (lines: Line[], percent: number) =>
    new TableCell({
      width: { size: percent, type: WidthType.PERCENTAGE },
      children: lines.map((l) => para({ align: 'center', after: 0, ...l })),
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
