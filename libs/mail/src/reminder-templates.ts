// The reminder about paper copies (bản giấy) still owed for a submitted plan: how many are missing, and to whom and
// where they go (the campaign's receiver at the office).
import { type RenderedMail, compose } from './template-parts';

export interface PaperCopiesReminderMailData {
  recipientName: string;
  schoolName: string;
  campaignTitle: string;
  documentNumber: string;
  /** the day the plan was (last) submitted, "05/01/2027" */
  submittedOn: string;
  required: number;
  received: number;
  /** the receiver the directive names (người nhận), or the office's clerk; null when the office has neither */
  receiver: { fullName: string; title: string } | null;
  officeName: string;
  /** which reminder of this plan's copies this is (1, 2, …) */
  reminderNo: number;
  planUrl: string;
}

export function renderPaperCopiesReminder(d: PaperCopiesReminderMailData): RenderedMail {
  const missing = Math.max(0, d.required - d.received);
  const to = d.receiver ? `${d.receiver.fullName} (${d.receiver.title}), ${d.officeName}` : d.officeName;
  return compose({
    subject: `[Duyệt] Nhắc nộp bản giấy: ${d.schoolName} còn thiếu ${missing} bản`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      `Kế hoạch của ${d.schoolName} đã nộp trên hệ thống ngày ${d.submittedOn}, nhưng ${d.officeName} mới nhận ` +
        `${d.received}/${d.required} bản giấy có chữ ký, đóng dấu theo yêu cầu của văn bản ${d.documentNumber}.`,
      `Đề nghị Anh/Chị gửi ${missing} bản giấy còn thiếu đến ${to}.`,
      'Nếu nhà trường đã gửi, Anh/Chị vui lòng bỏ qua thư này: văn thư sẽ ghi nhận khi nhận được.',
    ],
    facts: [
      ['Đợt kế hoạch', d.campaignTitle],
      ['Văn bản', d.documentNumber],
      ['Số bản phải nộp', String(d.required)],
      ['Đã nhận', String(d.received)],
      ['Còn thiếu', String(missing)],
      ['Nơi nhận', to],
      ['Lần nhắc', String(d.reminderNo)],
    ],
    link: { label: 'Mở kế hoạch', url: d.planUrl },
    signature: d.officeName,
  });
}
