import { z } from 'zod';

// Vietnamese messages for every zod error, for users and for the API's 400 responses.
z.config(z.locales.vi());

export const schoolLevelSchema = z.enum(['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY']);
const isoDate = z.iso.date({ error: 'Ngày phải có dạng YYYY-MM-DD' });
const isoInstant = z.iso.datetime({ offset: true, error: 'Thời điểm phải có dạng 2022-01-28T17:00:00+07:00' });

export const campaignInputSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Mã đợt chỉ gồm chữ thường không dấu, số và dấu gạch ngang (2-63 ký tự)'),
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
    submissionDeadline: isoInstant,
    paperCopies: z.number().int().min(0).max(20).default(1),
    receiver: z.email('Địa chỉ e-mail người nhận không hợp lệ').optional(),
    reviewMode: z.enum(['DESK', 'MEETING']).default('DESK'),
    signer: z.object({
      email: z.email('Địa chỉ e-mail người ký không hợp lệ'),
      title: z.string().trim().min(1).max(200),
    }),
  })
  .refine((c) => c.period.from <= c.period.to, {
    path: ['period', 'to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu',
  });
export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** The sample district file (prisma/district-kien-xuong.json) and any district imported the same way. */
export const districtFileSchema = z.object({
  district: z.object({
    code: z.string(),
    name: z.string(),
    province: z.string(),
    office: z.string(),
    timezone: z.string(),
  }),
  clusters: z.array(z.object({ code: z.string(), name: z.string() })),
  schools: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: schoolLevelSchema,
      cluster: z.string(),
      commune: z.string().optional(),
      students: z.number().int().optional(),
    }),
  ),
  users: z.array(
    z.object({
      email: z.email(),
      fullName: z.string(),
      role: z.enum(['PRINCIPAL', 'SCHOOL_STAFF', 'REVIEWER', 'ADMIN']),
      title: z.string(),
      school: z.string().optional(),
      levels: z.array(schoolLevelSchema).optional(),
      clusters: z.array(z.string()).optional(),
    }),
  ),
  sections: z.array(z.object({ key: z.string(), title: z.string(), required: z.boolean() })),
  indicators: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      level: schoolLevelSchema.nullable(),
      better: z.enum(['HIGHER', 'LOWER', 'NONE']),
      districtTarget: z.object({ min: z.number().optional(), max: z.number().optional() }),
    }),
  ),
  campaigns: z.array(z.looseObject({ key: z.string() })),
});
export type DistrictFile = z.infer<typeof districtFileSchema>;

/** A plan's editable content: free-text sections and indicator values. */
export const indicatorValueSchema = z
  .object({
    baseline: z.number().finite().nullable().optional(),
    target: z.number().finite().nullable().optional(),
    targetMax: z.number().finite().nullable().optional(),
  })
  .refine((v) => v.targetMax == null || v.target == null || v.targetMax >= v.target, {
    path: ['targetMax'],
    message: 'Giá trị tối đa phải lớn hơn hoặc bằng giá trị tối thiểu',
  });

export const planDraftSchema = z.object({
  sections: z.record(z.string().min(1).max(64), z.string().max(100_000, 'Nội dung mục quá dài (tối đa 100.000 ký tự)')),
  indicators: z.record(z.string().min(1).max(64), indicatorValueSchema).default({}),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;
