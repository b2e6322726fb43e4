import { z } from 'zod';
import { instantSchema } from '../input/instant';
import { schoolLevelSchema } from '../people/district-file.schema';
import { reminderPolicySchema } from '../reminders/policy';

// Vietnamese messages for every zod error that a schema gives no message of its own.
import '../input/validation-messages';

const isoDate = z.iso.date({ error: 'Ngày phải có dạng YYYY-MM-DD' });

const campaignKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Mã đợt chỉ gồm chữ thường không dấu, số và dấu gạch ngang (2-63 ký tự)');

const targetBound = z
  .number({ error: 'Mức chỉ tiêu phải là một số' })
  .min(0, 'Mức chỉ tiêu không được âm')
  .max(1_000_000, 'Mức chỉ tiêu quá lớn')
  .nullable()
  .optional();

/** The directive's own district target for one indicator: min and/or max (both empty: no target). */
export const campaignTargetSchema = z
  .object({ min: targetBound, max: targetBound })
  .refine((t) => t.min == null || t.max == null || t.min <= t.max, {
    path: ['max'],
    message: 'Mức tối đa phải lớn hơn hoặc bằng mức tối thiểu',
  });
export type CampaignTargetInput = z.infer<typeof campaignTargetSchema>;

export const campaignInputSchema = z
  .object({
    key: campaignKeySchema,
    /** PLAN: a plan per school; REPORT: a report (báo cáo định kỳ, đột xuất), sections only, desk review */
    kind: z.enum(['PLAN', 'REPORT'], { error: 'Loại đợt là kế hoạch (PLAN) hoặc báo cáo (REPORT)' }).default('PLAN'),
    documentNumber: z.string().trim().min(1, 'Cần nhập số văn bản').max(60),
    title: z.string().trim().min(5, 'Tiêu đề quá ngắn').max(500),
    legalBases: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
    issuedOn: isoDate,
    period: z.object({ from: isoDate, to: isoDate }),
    phases: z
      .array(z.object({ name: z.string().trim().min(1).max(300), from: isoDate, to: isoDate }))
      .max(20)
      .default([]),
    targetLevels: z.array(schoolLevelSchema).min(1, 'Chọn ít nhất một cấp học'),
    targetClusters: z.array(z.string().min(1)).default([]),
    requiredSections: z.array(z.string().min(1)).min(1, 'Chọn ít nhất một mục bắt buộc của kế hoạch'),
    requiredIndicators: z.array(z.string().min(1)).default([]),
    /**
     * The directive's district targets by indicator code, for required indicators only; a required indicator left
     * out takes the catalogue's target.
     */
    targets: z.record(z.string().min(1), campaignTargetSchema).optional(),
    submissionDeadline: instantSchema,
    paperCopies: z.number().int().min(0).max(20).default(1),
    receiver: z.email('Địa chỉ e-mail người nhận không hợp lệ').optional(),
    reviewMode: z.enum(['DESK', 'MEETING']).default('DESK'),
    /** 2: a specialist recommends, a deputy head or the head decides */
    approvalLevels: z.union([z.literal(1), z.literal(2)], { error: 'Số cấp duyệt là 1 hoặc 2' }).default(1),
    reviewDays: z.number().int().min(1).max(60).default(5),
    revisionDays: z.number().int().min(1).max(60).default(5),
    reminderPolicy: reminderPolicySchema.optional(),
    /** the campaign this one was pre-filled from ("Sao chép từ năm trước"), of the same district */
    copiedFromId: z.uuid('Đợt sao chép không hợp lệ').optional(),
    /** nơi nhận: the directive's distribution list, one line each, printed at its foot */
    distribution: z
      .array(
        z.string().trim().min(1, 'Dòng nơi nhận không được để trống').max(300, 'Mỗi dòng nơi nhận tối đa 300 ký tự'),
      )
      .max(30, 'Nơi nhận tối đa 30 dòng')
      .default([]),
    signer: z.object({
      email: z.email('Địa chỉ e-mail người ký không hợp lệ'),
      /** the directive's capacity as printed on it; omitted: computed from the signer's position */
      title: z.string().trim().min(1).max(200).optional(),
    }),
  })
  .refine((c) => c.period.from <= c.period.to, {
    path: ['period', 'to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu',
  });
export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** Copy last year's campaign: a new key, number and dates; everything else comes from the source. */
export const campaignCopySchema = z.object({
  key: campaignKeySchema,
  documentNumber: z.string().trim().min(1, 'Cần nhập số văn bản').max(60),
  title: z.string().trim().min(5, 'Tiêu đề quá ngắn').max(500).optional(),
  issuedOn: isoDate,
  period: z.object({ from: isoDate, to: isoDate }),
  phases: z
    .array(z.object({ name: z.string().trim().min(1).max(300), from: isoDate, to: isoDate }))
    .max(20)
    .optional(),
  submissionDeadline: instantSchema,
});
export type CampaignCopyInput = z.infer<typeof campaignCopySchema>;

const reasonSchema = z.string().trim().min(3, 'Cần ghi rõ lý do').max(2000);
export const campaignSchoolSchema = z.object({ schoolCode: z.string().trim().min(1).max(40) });
export const removeSchoolSchema = z.object({ reason: reasonSchema });
export const closeCampaignSchema = z.object({ reason: reasonSchema });
export const extendCampaignSchema = z.object({ until: instantSchema, reason: reasonSchema });

/** Where the reminders of a deadline would fall, before the campaign is issued. */
export const reminderPreviewSchema = z.object({
  submissionDeadline: instantSchema,
  reminderPolicy: reminderPolicySchema.optional(),
});
export type ReminderPreviewInput = z.infer<typeof reminderPreviewSchema>;
