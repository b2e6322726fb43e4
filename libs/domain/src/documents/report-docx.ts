// The consolidated report (báo cáo tổng hợp) as a Word document: a pure function of the figures, which are the
// consolidation's (ConsolidationService.forCampaign, laid out by report-figures.ts).
import { formatFigure } from '../plan-content/content';
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

/** One scope's figures of an indicator: the district, a level or a cluster. */
export interface ReportRow {
  /** "Toàn huyện", "Mầm non", "Cụm I" */
  scope: string;
  /** schools the indicator applies to */
  schools: number;
  /** of those, with an approved plan */
  approved: number;
  /** of the approved, with a target for this indicator */
  withTarget: number;
  min: number | null;
  median: number | null;
  max: number | null;
  /** the average (a rate, weighted as the catalogue says) or the sum (a count) of the schools' targets */
  value: number | null;
  /** the directive's target, as printed ("≥ 95%"); "" when none */
  target: string;
  /** null: no target, or no figure to compare */
  met: boolean | null;
  /** names of the schools whose own target falls short of the district's */
  below: string[];
}

export interface ReportIndicator {
  label: string;
  unit: string;
  /** how the schools' figures roll up: averaged (a rate per school) or summed (a count) */
  rollUp: 'AVERAGE' | 'SUM';
  rows: ReportRow[];
}

export interface ReportInput {
  issuer: Issuer;
  districtName: string;
  officeName: string;
  timeZone: string;
  /** "Số:      /BC-PGDĐT" */
  number: string;
  date: Date;
  campaign: { documentNumber: string; title: string; issuedOn: Date };
  totals: { schools: number; submitted: number; approved: number };
  indicators: ReportIndicator[];
  signer: { capacity: string; fullName: string } | null;
  distribution: string[];
}

const HEAD = ['Phạm vi', 'Số trường', 'Đã duyệt', 'Có chỉ tiêu', 'Thấp nhất', 'Trung vị', 'Cao nhất'];
const WIDTHS = [16, 9, 9, 9, 10, 10, 10, 11, 9, 7];

const fig = (v: number | null, unit: string) => (v === null ? '—' : formatFigure(Math.round(v * 1000) / 1000, unit));
const metText = (met: boolean | null) => (met === null ? '—' : met ? 'Đạt' : 'Chưa đạt');

function indicatorBlock(i: ReportIndicator, n: number) {
  const valueHead = i.rollUp === 'AVERAGE' ? 'Bình quân' : 'Tổng';
  const below = i.rows.filter((r) => r.below.length);
  return [
    para({ text: `${n}. ${i.label} (${i.unit})`, bold: true }),
    grid(
      [...HEAD, valueHead, 'Chỉ tiêu huyện', 'Đánh giá'],
      i.rows.map((r) => [
        r.scope,
        String(r.schools),
        String(r.approved),
        String(r.withTarget),
        fig(r.min, i.unit),
        fig(r.median, i.unit),
        fig(r.max, i.unit),
        fig(r.value, i.unit),
        r.target || '—',
        metText(r.met),
      ]),
      WIDTHS,
    ),
    ...below.map((r) =>
      para({ text: `Các trường dưới chỉ tiêu (${r.scope}): ${r.below.join('; ')}.`, italic: true, after: 6 }),
    ),
    para({ text: '', after: 4 }),
  ];
}

function body(r: ReportInput) {
  const issued = r.campaign.issuedOn.toISOString().slice(0, 10).split('-').reverse().join('/');
  const t = r.totals;
  return [
    documentHeader({
      issuer: r.issuer,
      number: r.number,
      placeDate: `${placeName(r.districtName)}, ${vnDocumentDate(r.date, r.timeZone)}`,
    }),
    ...documentTitle(
      'Báo cáo',
      `Tổng hợp kế hoạch của các trường thực hiện Kế hoạch số ${r.campaign.documentNumber} ngày ${issued}`,
    ),
    para(
      `Thực hiện Kế hoạch số ${r.campaign.documentNumber} ngày ${issued} về ${r.campaign.title.charAt(0).toLocaleLowerCase('vi')}` +
        `${r.campaign.title.slice(1)}, ${r.officeName} tổng hợp kế hoạch của các trường như sau:`,
    ),
    para({ text: 'I. TÌNH HÌNH XÂY DỰNG VÀ PHÊ DUYỆT KẾ HOẠCH', bold: true }),
    para(
      `Tổng số trường thực hiện: ${t.schools}; đã nộp kế hoạch: ${t.submitted}; đã được phê duyệt: ${t.approved}` +
        `${t.schools - t.approved > 0 ? `; chưa được phê duyệt: ${t.schools - t.approved}` : ''}.`,
    ),
    para({ text: 'II. TỔNG HỢP CHỈ TIÊU CỦA CÁC TRƯỜNG', bold: true }),
    para(
      'Số liệu tổng hợp từ chỉ tiêu trong phiên bản kế hoạch đã được phê duyệt của từng trường; tỷ lệ tính bình quân ' +
        'theo trường (có trọng số theo số học sinh hoặc số lớp khi danh mục chỉ tiêu quy định), số lượng tính tổng ' +
        'toàn huyện và chỉ so sánh với chỉ tiêu của huyện theo tổng số.',
    ),
    ...r.indicators.flatMap((i, n) => indicatorBlock(i, n + 1)),
    para({ text: 'III. ĐỀ XUẤT, KIẾN NGHỊ', bold: true }),
    para(
      'Đề nghị các trường có chỉ tiêu thấp hơn chỉ tiêu của huyện rà soát, điều chỉnh giải pháp để phấn đấu đạt chỉ tiêu ' +
        'chung; Phòng tiếp tục theo dõi, đôn đốc và đánh giá kết quả thực hiện theo từng giai đoạn.',
    ),
    para({ text: '', after: 12 }),
    signatureBlock(r.signer, r.distribution),
  ];
}

export function buildReportDocx(r: ReportInput): Promise<Buffer> {
  return packDocx({ creator: r.officeName, title: `Báo cáo tổng hợp ${r.campaign.documentNumber}` }, body(r));
}
