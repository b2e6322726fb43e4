// The meeting's minutes (biên bản hội nghị duyệt kế hoạch) as a Word document, from the meeting's data alone:
// who attended, each school's outcome with the meeting's comments, and the signature block of the campaign's
// signer. Built on demand, so it always shows the outcomes recorded so far.
import { DateTime } from 'luxon';
import {
  capacityLines,
  documentHeader,
  grid,
  officeIssuer,
  packDocx,
  para,
  placeName,
  sideBySide,
  vnDocumentDate,
} from '../documents/docx-blocks';

export interface MinutesPerson {
  fullName: string;
  title: string;
  /** null: attendance not recorded */
  present: boolean | null;
}

export interface MinutesSchool {
  position: number;
  schoolName: string;
  /** "07:30 - 08:00" */
  time: string;
  attendees: MinutesPerson[];
  outcome: 'APPROVED' | 'RETURNED' | null;
  comment: string | null;
  /** for RETURNED: "17:00 05/10/2017" */
  revisionDeadline: string | null;
  /** the plan was never submitted: nothing to decide */
  missing: boolean;
  /** who decided the outcome, and in what capacity, as the decision records it */
  decidedBy?: { fullName: string; capacity: string } | null;
}

export interface MinutesData {
  /** "Huyện Kiến Xương" */
  districtName: string;
  officeName: string;
  meetingTitle: string;
  campaign: { documentNumber: string; title: string; issuedOn: Date };
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string;
  office: MinutesPerson[];
  schools: MinutesSchool[];
  signer: { capacity: string; fullName: string } | null;
}

const person = (p: MinutesPerson): string => `${p.fullName} - ${p.title}${p.present === false ? ' (vắng mặt)' : ''}`;

export const OUTCOME_LABEL = { APPROVED: 'Phê duyệt', RETURNED: 'Trả lại để chỉnh sửa' } as const;

function outcomeText(s: MinutesSchool): string {
  const by = s.outcome && s.decidedBy ? `\n${s.decidedBy.fullName} (${s.decidedBy.capacity})` : '';
  if (s.outcome === 'RETURNED' && s.revisionDeadline) {
    return `${OUTCOME_LABEL.RETURNED}\nNộp lại trước ${s.revisionDeadline}${by}`;
  }
  if (s.outcome) return `${OUTCOME_LABEL[s.outcome]}${by}`;
  return s.missing ? 'Chưa nộp kế hoạch' : 'Chưa có kết quả';
}

function conclusion(schools: MinutesSchool[]): string {
  const approved = schools.filter((s) => s.outcome === 'APPROVED').length;
  const returned = schools.filter((s) => s.outcome === 'RETURNED').length;
  const open = schools.length - approved - returned;
  return (
    `Hội nghị đã xét duyệt kế hoạch của ${schools.length} trường: ${approved} kế hoạch được phê duyệt, ` +
    `${returned} kế hoạch trả lại để chỉnh sửa${open ? `, ${open} trường chưa có kết quả` : ''}. ` +
    'Các trường có kế hoạch trả lại tiếp thu ý kiến của hội nghị, chỉnh sửa và nộp lại đúng thời hạn.'
  );
}

function body(m: MinutesData) {
  const hhmm = (d: Date) => DateTime.fromJSDate(d, { zone: m.timeZone }).toFormat('HH:mm');
  const day = DateTime.fromJSDate(m.startsAt, { zone: m.timeZone }).setLocale('vi').toFormat('cccc, dd/LL/yyyy');
  const issued = DateTime.fromJSDate(m.campaign.issuedOn, { zone: 'UTC' }).toFormat('dd/LL/yyyy');
  return [
    documentHeader({
      issuer: officeIssuer({ name: m.districtName, officeName: m.officeName }),
      number: null,
      placeDate: `${placeName(m.districtName)}, ${vnDocumentDate(m.startsAt, m.timeZone)}`,
    }),
    para({ text: '', after: 6 }),
    para({ text: 'BIÊN BẢN', bold: true, align: 'center', size: 28, after: 0 }),
    para({ text: m.meetingTitle, bold: true, align: 'center', after: 12 }),
    para(`Thực hiện Kế hoạch số ${m.campaign.documentNumber} ngày ${issued} về ${m.campaign.title}.`),
    para(`Thời gian: từ ${hhmm(m.startsAt)} đến ${hhmm(m.endsAt)}, ${day}.`),
    para(`Địa điểm: ${m.venue}.`),
    para({ text: 'I. THÀNH PHẦN THAM DỰ', bold: true }),
    para({ text: `1. ${m.officeName}:`, bold: true }),
    ...m.office.map((p) => para(`- ${person(p)}`)),
    para({ text: '2. Ban Giám hiệu, BCH Công đoàn các trường:', bold: true }),
    ...m.schools.map((s) => para(`- ${s.schoolName}: ${s.attendees.map(person).join('; ') || 'không có người dự'}.`)),
    para({ text: 'II. NỘI DUNG VÀ KẾT QUẢ DUYỆT KẾ HOẠCH', bold: true }),
    para('Các trường lần lượt trình bày kế hoạch; hội nghị góp ý và thống nhất kết quả duyệt như sau:'),
    grid(
      ['STT', 'Trường', 'Thời gian', 'Kết quả', 'Ý kiến của hội nghị'],
      m.schools.map((s) => [String(s.position), s.schoolName, s.time, outcomeText(s), s.comment ?? '']),
      [7, 25, 17, 20, 31],
    ),
    para({ text: '' }),
    para({ text: 'III. KẾT LUẬN', bold: true }),
    para(conclusion(m.schools)),
    para({ text: `Hội nghị kết thúc lúc ${hhmm(m.endsAt)} cùng ngày.`, after: 12 }),
    sideBySide(
      [
        { text: 'THƯ KÝ HỘI NGHỊ', bold: true },
        { text: '(Ký, ghi rõ họ tên)', italic: true },
      ],
      [
        ...capacityLines(m.signer?.capacity ?? '').map((text) => ({ text, bold: true })),
        { text: '(Ký, ghi rõ họ tên)', italic: true, after: 48 },
        { text: m.signer?.fullName ?? '', bold: true },
      ],
    ),
  ];
}

/** The minutes as a .docx file. */
export function buildMinutesDocx(m: MinutesData): Promise<Buffer> {
  return packDocx({ creator: m.officeName, title: `Biên bản ${m.meetingTitle}` }, body(m));
}
