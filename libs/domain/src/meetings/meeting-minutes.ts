// The meeting's minutes (biên bản hội nghị duyệt kế hoạch) as a Word document, from the meeting's data alone:
// who attended, each school's outcome with the meeting's comments, and the signature block of the campaign's
// signer. Built on demand, so it always shows the outcomes recorded so far.
import { Document, Packer, convertMillimetersToTwip } from 'docx';
import { DateTime } from 'luxon';
import { FONT, SIZE, grid, para, sideBySide } from './docx-blocks';

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

/** Nghị định 30/2020: a day below 10 and the months 1 and 2 are written with a leading zero. */
export function vnDocumentDate(at: Date, zone: string): string {
  const d = DateTime.fromJSDate(at, { zone });
  const day = String(d.day).padStart(2, '0');
  const month = d.month <= 2 ? String(d.month).padStart(2, '0') : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

/** half-points: the header's upper lines are 12 pt, so the national motto fits on one line */
const HEADER_SIZE = 24;

const placeName = (district: string): string => district.replace(/^(Huyện|Quận|Thị xã|Thành phố)\s+/i, '');

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
  const signerLines = (m.signer?.capacity ?? '')
    .toUpperCase()
    .split(/\s+-\s+/)
    .filter(Boolean);
  return [
    sideBySide(
      [
        { text: `UBND ${m.districtName.toUpperCase()}`, size: HEADER_SIZE },
        { text: m.officeName.toUpperCase(), bold: true, size: HEADER_SIZE },
      ],
      [
        { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: HEADER_SIZE },
        { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
      ],
      40,
    ),
    para({
      text: `${placeName(m.districtName)}, ${vnDocumentDate(m.startsAt, m.timeZone)}`,
      italic: true,
      align: 'right',
      after: 12,
    }),
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
        ...signerLines.map((text) => ({ text, bold: true })),
        { text: '(Ký, ghi rõ họ tên)', italic: true, after: 48 },
        { text: m.signer?.fullName ?? '', bold: true },
      ],
    ),
  ];
}

/** The minutes as a .docx file. */
export function buildMinutesDocx(m: MinutesData): Promise<Buffer> {
  const doc = new Document({
    creator: m.officeName,
    title: `Biên bản ${m.meetingTitle}`,
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
        children: body(m),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
