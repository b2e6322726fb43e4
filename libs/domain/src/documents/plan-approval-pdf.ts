// The approved plan with its approval as a PDF (pdfkit), in the DejaVu Serif typeface shipped with the
// dejavu-fonts-ttf package, so Vietnamese diacritics print the same on any machine: no system font is used.
import PDFDocument from 'pdfkit';
import { NATIONAL_MOTTO, NATIONAL_TITLE, capacityLines } from './docx-blocks';
import { type ApprovalData, INDICATOR_HEAD, INDICATOR_WIDTHS, approvalTexts, sectionHeading } from './plan-approval';

const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
} as const;
type Face = keyof typeof FONTS;

const MM = 72 / 25.4;
const BODY = 11.5;

interface Column {
  lines: { text: string; face?: Face; size?: number; gap?: number; align?: 'left' | 'center' }[];
  x: number;
  width: number;
}

class Writer {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  text(
    text: string,
    opts: { face?: Face; size?: number; align?: 'left' | 'center' | 'right' | 'justify'; gap?: number } = {},
  ) {
    this.doc
      .font(opts.face ?? 'regular')
      .fontSize(opts.size ?? BODY)
      .text(text, this.left, undefined, { width: this.width, align: opts.align ?? 'justify' });
    this.doc.moveDown(opts.gap ?? 0.3);
  }

  /** Columns of centred lines side by side (the header, the signature block); the cursor goes below the longest. */
  columns(cols: Column[]) {
    const top = this.doc.y;
    let bottom = top;
    for (const c of cols) {
      this.doc.y = top;
      for (const l of c.lines) {
        this.doc
          .font(l.face ?? 'regular')
          .fontSize(l.size ?? BODY)
          .text(l.text, c.x, undefined, { width: c.width, align: l.align ?? 'center' });
        if (l.gap) this.doc.moveDown(l.gap);
      }
      bottom = Math.max(bottom, this.doc.y);
    }
    this.doc.x = this.left;
    this.doc.y = bottom;
    this.doc.moveDown(0.6);
  }

  table(head: string[], rows: string[][], percents: number[]) {
    const widths = percents.map((p) => (p / 100) * this.width);
    const pad = 3;
    const row = (cells: string[], face: Face) => {
      this.doc.font(face).fontSize(10);
      const height =
        Math.max(...cells.map((c, i) => this.doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
      if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
      const y = this.doc.y;
      let x = this.left;
      cells.forEach((c, i) => {
        this.doc.rect(x, y, widths[i], height).stroke();
        this.doc.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: face === 'bold' ? 'center' : 'left' });
        x += widths[i];
      });
      this.doc.x = this.left;
      this.doc.y = y + height;
    };
    row(head, 'bold');
    for (const r of rows) row(r, 'regular');
    this.doc.moveDown(0.6);
  }
}

function write(w: Writer, a: ApprovalData) {
  const t = approvalTexts(a);
  const leftW = w.width * 0.42;
  const rightX = w.left + leftW;
  w.columns([
    {
      x: w.left,
      width: leftW,
      lines: [
        { text: a.issuer.parent, size: 10.5 },
        { text: a.issuer.name, face: 'bold', size: 10.5 },
        { text: 'Số:      /KH', size: 10.5 },
      ],
    },
    {
      x: rightX,
      width: w.width - leftW,
      lines: [
        { text: NATIONAL_TITLE, face: 'bold', size: 10.5 },
        { text: NATIONAL_MOTTO, face: 'bold', size: 11, gap: 0.3 },
        { text: t.placeDate, face: 'italic', size: 10.5 },
      ],
    },
  ]);
  w.text(t.kind, { face: 'bold', size: 13, align: 'center', gap: 0 });
  w.text(t.summary, { face: 'bold', align: 'center', gap: 0.2 });
  w.text(t.versionLine, { face: 'italic', align: 'center', gap: 0.8 });
  w.text(t.basis);
  a.sections.forEach((s, i) => {
    w.text(sectionHeading(i, s.title), { face: 'bold' });
    for (const p of s.text.split(/\r?\n/).filter((l) => l.trim())) w.text(p.trim());
  });
  if (a.indicators.length) {
    w.text(t.indicatorsHeading, { face: 'bold' });
    w.table(
      INDICATOR_HEAD,
      a.indicators.map((r, i) => [String(i + 1), r.label, r.unit, r.baseline, r.target]),
      INDICATOR_WIDTHS,
    );
  }
  const half = w.width / 2;
  w.columns([
    {
      x: w.left,
      width: half,
      lines: [
        { text: 'Nơi nhận:', face: 'bold', size: 10, align: 'left' },
        ...t.schoolDistribution.map((d) => ({ text: `- ${d}`, size: 9.5, align: 'left' as const })),
      ],
    },
    {
      x: w.left + half,
      width: half,
      lines: [
        { text: t.schoolSigner.capacity, face: 'bold' },
        { text: '(Ký, ghi rõ họ tên)', face: 'italic', size: 10, gap: 2 },
        { text: t.schoolSigner.fullName, face: 'bold' },
      ],
    },
  ]);
  w.doc.moveDown(0.5);
  w.text(t.approvalHeading, { face: 'bold', align: 'center' });
  w.text(t.approvalLine);
  if (t.comment) w.text(t.comment);
  w.columns([
    {
      x: w.left + half,
      width: half,
      lines: [
        { text: t.approvalPlaceDate, face: 'italic', size: 10.5 },
        ...capacityLines(t.approver.capacity).map((text) => ({ text, face: 'bold' as const })),
        { text: '(Đã ký)', face: 'italic', size: 10, gap: 1.5 },
        { text: t.approver.fullName, face: 'bold' },
      ],
    },
  ]);
}

/** The approved plan and its approval as a PDF file (A4, the decree's margins). */
export function buildApprovalPdf(a: ApprovalData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
    info: { Title: `Kế hoạch ${a.schoolName}`, Author: a.schoolName, Subject: a.campaign.title },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(new Writer(doc), a);
  doc.end();
  return done;
}
