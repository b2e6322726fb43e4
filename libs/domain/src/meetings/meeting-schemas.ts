// What the meeting routes accept. Dates and times are the district's local ones, as the office writes them.
import { z } from 'zod';
import { RUBRIC_CRITERIA } from '@duyet/workflows';
import { isLocalDate } from '../calendar/working-calendar';
import { instantSchema } from '../input/instant';
import { HH_MM } from './meeting-times';

const localDate = z
  .string()
  .refine(isLocalDate, 'Ngày phải có dạng YYYY-MM-DD và là một ngày có thật, ví dụ 2017-09-25');
const startTime = z.string().regex(HH_MM, 'Giờ bắt đầu phải có dạng HH:mm, ví dụ 07:30');
const slotMinutes = z
  .number({ error: 'Thời lượng mỗi trường phải là số phút' })
  .int('Thời lượng mỗi trường phải là số phút nguyên')
  .min(5, 'Mỗi trường cần ít nhất 5 phút')
  .max(240, 'Mỗi trường tối đa 240 phút');
const venue = z.string().trim().min(3, 'Cần ghi địa điểm').max(300, 'Địa điểm tối đa 300 ký tự');
const reason = z.string().trim().min(3, 'Cần ghi rõ lý do').max(2000, 'Lý do tối đa 2000 ký tự');
const schoolCode = z.string().trim().min(1, 'Cần mã trường').max(100, 'Mã trường quá dài');

export const scheduleMeetingSchema = z.object({
  cluster: z.string().trim().min(1, 'Cần mã cụm trường').max(20, 'Mã cụm trường quá dài'),
  date: localDate,
  startTime,
  slotMinutes,
  venue,
  /** the schools to invite, in order; default: the cluster's schools not yet on another meeting */
  schoolCodes: z.array(schoolCode).min(1, 'Chọn ít nhất một trường').max(100, 'Tối đa 100 trường').optional(),
});
export type ScheduleMeetingInput = z.infer<typeof scheduleMeetingSchema>;

export const rescheduleMeetingSchema = z
  .object({
    date: localDate.optional(),
    startTime: startTime.optional(),
    slotMinutes: slotMinutes.optional(),
    venue: venue.optional(),
    /** told to the invitees with the update */
    reason: reason.optional(),
  })
  .refine((b) => b.date !== undefined || b.startTime !== undefined || b.slotMinutes !== undefined || !!b.venue, {
    message: 'Cần thay đổi ít nhất một trong: ngày, giờ bắt đầu, thời lượng, địa điểm',
  });
export type RescheduleMeetingInput = z.infer<typeof rescheduleMeetingSchema>;

export const reorderSlotsSchema = z.object({
  slotIds: z.array(z.uuid('Mã lượt trình bày không hợp lệ')).min(1, 'Cần thứ tự của các trường').max(100),
});
export const addSlotSchema = z.object({ schoolCode });
export const moveSlotSchema = z.object({ meetingId: z.uuid('Mã hội nghị không hợp lệ') });
export const reasonSchema = z.object({ reason });

export const attendanceSchema = z.object({
  /** the invitees present; every other invitee is recorded absent */
  present: z.array(z.uuid('Mã người dự không hợp lệ')).max(500).default([]),
  /** people without an account who attended (the union executive, BCH Công đoàn) */
  guests: z
    .array(
      z.object({
        fullName: z.string().trim().min(2, 'Cần họ tên người dự').max(200),
        title: z.string().trim().min(2, 'Cần chức vụ người dự').max(200),
        schoolCode: schoolCode.optional(),
      }),
    )
    .max(200)
    .default([]),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const rubricSchema = z.partialRecord(
  z.enum(RUBRIC_CRITERIA),
  z.object({ rating: z.enum(['MET', 'PARTLY', 'NOT_MET']), note: z.string().trim().max(2000).optional() }),
);

export const meetingOutcomeSchema = z
  .object({
    outcome: z.enum(['APPROVED', 'RETURNED'], { error: 'Kết quả là APPROVED (phê duyệt) hoặc RETURNED (trả lại)' }),
    comment: z.string().trim().max(10_000, 'Ý kiến tối đa 10.000 ký tự').optional(),
    capacity: z.string().trim().min(1).max(200).optional(),
    rubric: rubricSchema.optional(),
    revisionDeadline: instantSchema.optional(),
  })
  .refine((b) => b.outcome === 'APPROVED' || !!b.comment, {
    path: ['comment'],
    message: 'Cần ghi ý kiến của hội nghị để nhà trường chỉnh sửa',
  });
export type MeetingOutcomeInput = z.infer<typeof meetingOutcomeSchema>;
