// The review meeting's e-mails (hội nghị duyệt kế hoạch): a school's invitation, the reviewers' agenda, and the
// cancellation. Each carries the invitee's iCalendar file; the text says the same for those who read mail only.
import { type RenderedMail, compose } from './template-parts';

interface MeetingMailBase {
  recipientName: string;
  officeName: string;
  /** "Hội nghị duyệt kế hoạch - Cụm I" */
  meetingTitle: string;
  campaignTitle: string;
  documentNumber: string;
  venue: string;
  /** "Thứ Hai, 25/09/2017" */
  day: string;
  /** the whole meeting, "07:30 - 10:00" */
  meetingTime: string;
  meetingUrl: string;
  /** NEW: first invitation; UPDATED: something the invitee must know changed */
  change: 'NEW' | 'UPDATED';
  /** what changed, in a sentence, for an update */
  note?: string;
}

export interface MeetingInvitationMailData extends MeetingMailBase {
  schoolName: string;
  position: number;
  /** the school's own slot, "08:00 - 08:30" */
  slotTime: string;
  /** the plan still waits to be submitted: the deadline in force, "07:30 25/09/2017" */
  submitBy?: string;
}

export interface MeetingAgendaMailData extends MeetingMailBase {
  rows: { position: number; time: string; schoolName: string; planStatus: string }[];
}

export interface MeetingCancelledMailData extends Omit<MeetingMailBase, 'change' | 'note'> {
  /** true: the meeting is called off; false: the recipient's school no longer presents at it */
  whole: boolean;
  reason: string;
}

const facts = (d: MeetingMailBase): [string, string][] => [
  ['Hội nghị', d.meetingTitle],
  ['Kế hoạch', `${d.documentNumber} - ${d.campaignTitle}`],
  ['Ngày', d.day],
  ['Thời gian', d.meetingTime],
  ['Địa điểm', d.venue],
];

const changeLine = (d: MeetingMailBase): string[] =>
  d.change === 'UPDATED' ? [`Lịch hội nghị đã thay đổi${d.note ? `: ${d.note}` : '.'}`] : [];

export function renderMeetingInvitation(d: MeetingInvitationMailData): RenderedMail {
  return compose({
    subject: `[Duyệt] ${d.change === 'NEW' ? 'Giấy mời' : 'Thay đổi lịch'}: ${d.meetingTitle} - ${d.schoolName} trình bày ${d.slotTime}, ${d.day}`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      ...changeLine(d),
      `${d.officeName} trân trọng kính mời Ban Giám hiệu và BCH Công đoàn ${d.schoolName} dự ${d.meetingTitle} và trình bày kế hoạch của nhà trường.`,
      `Thời gian trình bày của trường: ${d.slotTime}, ${d.day} (thứ tự ${d.position}).`,
      ...(d.submitBy ? [`Đề nghị nhà trường nộp kế hoạch trên hệ thống trước ${d.submitBy}.`] : []),
      'Lịch hội nghị kèm theo thư này (tệp .ics) có thể thêm vào lịch của Anh/Chị.',
    ],
    facts: [...facts(d), ['Trường', d.schoolName], ['Giờ trình bày', d.slotTime]],
    link: { label: 'Xem chương trình hội nghị', url: d.meetingUrl },
    signature: d.officeName,
  });
}

export function renderMeetingAgenda(d: MeetingAgendaMailData): RenderedMail {
  return compose({
    subject: `[Duyệt] ${d.change === 'NEW' ? 'Chương trình' : 'Cập nhật chương trình'}: ${d.meetingTitle}, ${d.day}`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      ...changeLine(d),
      `${d.officeName} gửi Anh/Chị chương trình ${d.meetingTitle}, gồm ${d.rows.length} trường trình bày kế hoạch:`,
    ],
    table: {
      head: ['STT', 'Thời gian', 'Trường', 'Kế hoạch'],
      rows: d.rows.map((r) => [String(r.position), r.time, r.schoolName, r.planStatus]),
    },
    facts: facts(d),
    link: { label: 'Xem chương trình hội nghị', url: d.meetingUrl },
    signature: d.officeName,
  });
}

export function renderMeetingCancelled(d: MeetingCancelledMailData): RenderedMail {
  return compose({
    subject: `[Duyệt] ${d.whole ? 'Hủy' : 'Thay đổi'} lịch: ${d.meetingTitle}, ${d.day}`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      d.whole
        ? `${d.meetingTitle} dự kiến ${d.meetingTime}, ${d.day} không tổ chức nữa.`
        : `Anh/Chị không còn trong thành phần dự ${d.meetingTitle} (${d.meetingTime}, ${d.day}).`,
      `Lý do: ${d.reason}`,
      'Lịch đã gửi trước đây sẽ được gỡ khỏi lịch của Anh/Chị.',
    ],
    facts: facts({ ...d, change: 'UPDATED' }),
    link: { label: 'Xem chi tiết', url: d.meetingUrl },
    signature: d.officeName,
  });
}
