// An approved plan with its approval, as a school files it: the school as the issuing body under the district's
// office, the plan of the approved version (its sections and indicators), and the office's decision with who signed
// it, in what capacity and when. What both renderings (DOCX, PDF) print is said here once.
import { formatVnDateTime } from '../common/format';
import { summaryOf } from './directive-docx';
import { type Issuer, placeName, vnDocumentDate } from './docx-blocks';

export interface ApprovalData {
  issuer: Issuer;
  officeName: string;
  districtName: string;
  timeZone: string;
  schoolName: string;
  campaign: { documentNumber: string; title: string; issuedOn: Date };
  version: { number: number; submittedAt: Date; submittedBy: string };
  sections: { title: string; text: string }[];
  indicators: { label: string; unit: string; baseline: string; target: string }[];
  decision: { decidedAt: Date; deciderName: string; capacity: string; comment: string | null };
}

export const INDICATOR_HEAD = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Hiện trạng', 'Chỉ tiêu đăng ký'];
export const INDICATOR_WIDTHS = [8, 46, 14, 14, 18];

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
export const sectionHeading = (i: number, title: string) =>
  `${roman[i] ?? String(i + 1)}. ${title.toLocaleUpperCase('vi')}`;

/** The lines both renderings print, in order. */
export function approvalTexts(a: ApprovalData) {
  const place = placeName(a.districtName);
  const issued = a.campaign.issuedOn.toISOString().slice(0, 10).split('-').reverse().join('/');
  return {
    placeDate: `${place}, ${vnDocumentDate(a.version.submittedAt, a.timeZone)}`,
    kind: 'KẾ HOẠCH',
    summary: summaryOf(a.campaign.title, 'Kế hoạch'),
    versionLine: `(Phiên bản số ${a.version.number}, nộp ${formatVnDateTime(a.version.submittedAt, a.timeZone)})`,
    basis:
      `Thực hiện Kế hoạch số ${a.campaign.documentNumber} ngày ${issued} của ${a.officeName} về ` +
      `${a.campaign.title.charAt(0).toLocaleLowerCase('vi')}${a.campaign.title.slice(1)}, ${a.schoolName} ` +
      'xây dựng kế hoạch như sau:',
    indicatorsHeading: sectionHeading(a.sections.length, 'Các chỉ tiêu'),
    schoolSigner: { capacity: 'HIỆU TRƯỞNG', fullName: a.version.submittedBy },
    schoolDistribution: [`${a.officeName} (để b/c);`, 'Lưu: VT.'],
    approvalHeading: `PHÊ DUYỆT CỦA ${a.officeName.toLocaleUpperCase('vi')}`,
    approvalLine:
      `Phê duyệt Kế hoạch của ${a.schoolName} (phiên bản số ${a.version.number}) ` +
      `lúc ${formatVnDateTime(a.decision.decidedAt, a.timeZone)}.`,
    comment: a.decision.comment ? `Ý kiến: ${a.decision.comment}` : null,
    approvalPlaceDate: `${place}, ${vnDocumentDate(a.decision.decidedAt, a.timeZone)}`,
    approver: { capacity: a.decision.capacity, fullName: a.decision.deciderName },
  };
}

export const approvalFileName = (a: Pick<ApprovalData, 'schoolName' | 'version'>, ext: 'docx' | 'pdf') =>
  `Kế hoạch ${a.schoolName} - phiên bản ${a.version.number} (đã duyệt).${ext}`;
