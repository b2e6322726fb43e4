// The approved plan with its approval as a Word document (see plan-approval.ts for what it says).
import {
  capacityLines,
  documentHeader,
  documentTitle,
  grid,
  packDocx,
  para,
  paragraphs,
  sideBySide,
  signatureBlock,
} from './docx-blocks';
import { type ApprovalData, INDICATOR_HEAD, INDICATOR_WIDTHS, approvalTexts, sectionHeading } from './plan-approval';

export function buildApprovalDocx(a: ApprovalData): Promise<Buffer> {
  const t = approvalTexts(a);
  const children = [
    documentHeader({ issuer: a.issuer, number: 'Số:      /KH', placeDate: t.placeDate }),
    ...documentTitle(t.kind, t.summary),
    para({ text: t.versionLine, italic: true, align: 'center', after: 12 }),
    para(t.basis),
    ...a.sections.flatMap((s, i) => [para({ text: sectionHeading(i, s.title), bold: true }), ...paragraphs(s.text)]),
    ...(a.indicators.length
      ? [
          para({ text: t.indicatorsHeading, bold: true }),
          grid(
            INDICATOR_HEAD,
            a.indicators.map((r, i) => [String(i + 1), r.label, r.unit, r.baseline, r.target]),
            INDICATOR_WIDTHS,
          ),
        ]
      : []),
    para({ text: '', after: 12 }),
    signatureBlock(t.schoolSigner, t.schoolDistribution),
    para({ text: '', after: 12 }),
    para({ text: t.approvalHeading, bold: true, align: 'center' }),
    para(t.approvalLine),
    ...(t.comment ? [para(t.comment)] : []),
    sideBySide(
      [],
      [
        { text: t.approvalPlaceDate, italic: true },
        ...capacityLines(t.approver.capacity).map((text) => ({ text, bold: true })),
        { text: '(Đã ký)', italic: true, after: 24 },
        { text: t.approver.fullName, bold: true },
      ],
    ),
  ];
  return packDocx({ creator: a.schoolName, title: `Kế hoạch ${a.schoolName}` }, children);
}
