// The directive (the campaign's Kế hoạch) as the office files it, from the campaign's fields alone: number, date,
// summary, legal bases, period and phases, the schools it targets, what their plans must hold, the indicators with
// the district's targets, the deadline and paper copies, the signer in the capacity recorded, and nơi nhận.
import { DateTime } from 'luxon';
import { formatVnDateTime } from '../common/format';
import {
  type Issuer,
  documentHeader,
  documentTitle,
  grid,
  packDocx,
  para,
  placeName,
  signatureBlock,
  vnDocumentDate,
} from './docx-blocks';

export interface DirectiveData {
  issuer: Issuer;
  /** "Huyện Kiến Xương" */
  districtName: string;
  officeName: string;
  timeZone: string;
  documentNumber: string;
  /** a calendar day (stored at 00:00 UTC) */
  issuedOn: Date;
  title: string;
  legalBases: string[];
  period: { from: Date; to: Date };
  phases: { name: string; from: Date; to: Date }[];
  /** "Mầm non", "Tiểu học" */
  levels: string[];
  /** cluster names; empty: every cluster */
  clusters: string[];
  sections: { title: string; required: boolean }[];
  indicators: { label: string; level: string; unit: string; target: string }[];
  submissionDeadline: Date;
  paperCopies: number;
  /** "Đặng Anh Tuấn - Văn thư"; null: no named receiver */
  receiver: string | null;
  reviewMode: 'DESK' | 'MEETING';
  signer: { capacity: string; fullName: string } | null;
  distribution: string[];
}

const KINDS: Record<string, string> = {
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  CV: 'Công văn',
};

/** "455/KH-UBND" → "Kế hoạch": the kind of document its symbol (ký hiệu) says. */
export function documentKind(documentNumber: string): string {
  const code = /\/([^-/]+)/.exec(documentNumber)?.[1]?.toUpperCase() ?? 'KH';
  return KINDS[code] ?? 'Kế hoạch';
}

/** The summary (trích yếu) under the kind: the title without the kind's word it starts with. */
export function summaryOf(title: string, kind: string): string {
  const rest = title.toLocaleLowerCase('vi').startsWith(kind.toLocaleLowerCase('vi'))
    ? title.slice(kind.length).trim()
    : title;
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

const lowerFirst = (t: string) => t.charAt(0).toLocaleLowerCase('vi') + t.slice(1);

const dayText = (d: Date) => DateTime.fromJSDate(d, { zone: 'UTC' }).toFormat('dd/LL/yyyy');

function scope(d: DirectiveData) {
  const clusters = d.clusters.length ? `các cụm trường: ${d.clusters.join(', ')}` : 'tất cả các cụm trường';
  return [
    para({ text: 'I. PHẠM VI, ĐỐI TƯỢNG VÀ THỜI GIAN THỰC HIỆN', bold: true }),
    para(`1. Đối tượng: các trường ${d.levels.join(', ').toLocaleLowerCase('vi')} thuộc ${clusters}.`),
    para(`2. Thời gian thực hiện: từ ngày ${dayText(d.period.from)} đến ngày ${dayText(d.period.to)}.`),
    ...d.phases.map((p, i) => para(`- Giai đoạn ${i + 1}: ${p.name} (từ ${dayText(p.from)} đến ${dayText(p.to)}).`)),
  ];
}

function content(d: DirectiveData) {
  return [
    para({ text: 'II. NỘI DUNG KẾ HOẠCH CỦA CÁC TRƯỜNG', bold: true }),
    para('Kế hoạch của mỗi trường gồm các nội dung sau:'),
    ...d.sections.map((s, i) => para(`${i + 1}. ${s.title}${s.required ? '' : ' (nếu có)'}.`)),
    para({ text: 'III. CÁC CHỈ TIÊU CHỦ YẾU', bold: true }),
    ...(d.indicators.length
      ? [
          para('Các trường xây dựng chỉ tiêu phù hợp điều kiện thực tiễn, phấn đấu đạt hoặc vượt chỉ tiêu của huyện:'),
          grid(
            ['STT', 'Chỉ tiêu', 'Cấp học', 'Đơn vị tính', 'Chỉ tiêu của huyện'],
            d.indicators.map((i, n) => [String(n + 1), i.label, i.level, i.unit, i.target || '—']),
            [8, 44, 16, 12, 20],
          ),
          para({ text: '', after: 6 }),
        ]
      : [para('Kế hoạch này không quy định bảng chỉ tiêu bắt buộc.')]),
  ];
}

function organisation(d: DirectiveData) {
  const paper = d.paperCopies
    ? ` và nộp ${String(d.paperCopies).padStart(2, '0')} bản giấy (có chữ ký, đóng dấu) về ${d.officeName}` +
      `${d.receiver ? ` (người nhận: ${d.receiver})` : ' (bộ phận văn thư)'}`
    : '';
  const review =
    d.reviewMode === 'MEETING'
      ? `${d.officeName} tổ chức hội nghị duyệt kế hoạch theo cụm trường; lịch duyệt thông báo sau.`
      : `${d.officeName} duyệt kế hoạch tại bàn, góp ý và trả lời từng trường trên hệ thống.`;
  return [
    para({ text: 'IV. TỔ CHỨC THỰC HIỆN', bold: true }),
    para(
      `1. Các trường hoàn thành kế hoạch, nộp trên hệ thống Duyệt chậm nhất vào ` +
        `${formatVnDateTime(d.submissionDeadline, d.timeZone)}${paper}.`,
    ),
    para(`2. ${review}`),
    para(
      `3. ${d.officeName} thu thập, tổng hợp kế hoạch của các trường và báo cáo theo quy định. Trong quá trình ` +
        'thực hiện, nếu có khó khăn, vướng mắc vượt thẩm quyền, các trường báo cáo bằng văn bản để được hướng dẫn.',
    ),
    para({ text: '', after: 12 }),
  ];
}

function body(d: DirectiveData) {
  const kind = documentKind(d.documentNumber);
  return [
    documentHeader({
      issuer: d.issuer,
      number: `Số: ${d.documentNumber}`,
      placeDate: `${placeName(d.districtName)}, ${vnDocumentDate(d.issuedOn, 'UTC')}`,
    }),
    ...documentTitle(kind, summaryOf(d.title, kind)),
    ...d.legalBases.map((b) =>
      para({ text: `Căn cứ ${b.replace(/^căn cứ\s+/i, '').replace(/[;.]$/, '')};`, italic: true }),
    ),
    para(`${d.officeName} ban hành ${kind.toLocaleLowerCase('vi')} ${lowerFirst(summaryOf(d.title, kind))} như sau:`),
    ...scope(d),
    ...content(d),
    ...organisation(d),
    signatureBlock(d.signer, d.distribution),
  ];
}

/** The directive as a .docx file. */
export function buildDirectiveDocx(d: DirectiveData): Promise<Buffer> {
  return packDocx({ creator: d.officeName, title: `${documentKind(d.documentNumber)} ${d.documentNumber}` }, body(d));
}
