import { z } from 'zod';
import { instantSchema } from './input/instant';
import { reminderPolicySchema } from './reminders/policy';
import { type IndicatorValue, type ParsedTarget, parseTargetText } from './plan-content/target-text';

// Vietnamese messages for every zod error that a schema gives no message of its own.
import './input/validation-messages';

export const schoolLevelSchema = z.enum(['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY']);
const isoDate = z.iso.date({ error: 'Ngày phải có dạng YYYY-MM-DD' });

const campaignKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Mã đợt chỉ gồm chữ thường không dấu, số và dấu gạch ngang (2-63 ký tự)');

export const campaignInputSchema = z
  .object({
    key: campaignKeySchema,
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
    submissionDeadline: instantSchema,
    paperCopies: z.number().int().min(0).max(20).default(1),
    receiver: z.email('Địa chỉ e-mail người nhận không hợp lệ').optional(),
    reviewMode: z.enum(['DESK', 'MEETING']).default('DESK'),
    /** 2: a specialist recommends, a deputy head or the head decides */
    approvalLevels: z.union([z.literal(1), z.literal(2)], { error: 'Số cấp duyệt là 1 hoặc 2' }).default(1),
    reviewDays: z.number().int().min(1).max(60).default(5),
    revisionDays: z.number().int().min(1).max(60).default(5),
    reminderPolicy: reminderPolicySchema.optional(),
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

/**
 * A target as a number, or as the text a school writes: "40 - 60", "12% - 15%", "≥ 98", "98,5". Read into
 * { target, targetMax } here, so the draft always stores numbers.
 */
const targetInputSchema = z
  .union([z.number().finite(), z.string().max(60)], {
    error: 'Mục tiêu phải là một số hoặc một khoảng, ví dụ 98,5 hoặc 40 - 60',
  })
  .transform((value, ctx): ParsedTarget => {
    if (typeof value === 'number') return { target: value };
    const parsed = parseTargetText(value);
    if (parsed) return parsed;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `Không đọc được mục tiêu "${value}": nhập một số (ví dụ 98,5) hoặc một khoảng (ví dụ 40 - 60, 12% - 15%)`,
    });
    return z.NEVER;
  });

/** A plan's editable content: free-text sections and indicator values. */
export const indicatorValueSchema = z
  .object({
    baseline: z.number().finite().nullable().optional(),
    target: targetInputSchema.nullable().optional(),
    targetMax: z.number().finite().nullable().optional(),
  })
  .transform((v, ctx): IndicatorValue => {
    const { target, ...rest } = v;
    if (target === undefined) return rest;
    if (target === null) return { ...rest, target };
    if (target.targetMax !== undefined && rest.targetMax != null) {
      ctx.issues.push({
        code: 'custom',
        path: ['targetMax'],
        input: rest.targetMax,
        message: 'Mục tiêu đã là một khoảng, không nhập thêm giá trị tối đa',
      });
      return z.NEVER;
    }
    return { ...rest, ...target };
  })
  .refine((v) => v.targetMax == null || v.target == null || v.targetMax >= v.target, {
    path: ['targetMax'],
    message: 'Giá trị tối đa phải lớn hơn hoặc bằng giá trị tối thiểu',
  });

/** A draft's bounds, from which the body limit of every request follows (JSON_BODY_LIMIT_BYTES). */
export const DRAFT_LIMITS = { sectionChars: 100_000, totalChars: 400_000, sections: 40, indicators: 300 } as const;

/**
 * The largest valid request is a draft at its limits written with every character escaped as \uXXXX (6 bytes),
 * plus its indicators; a body past this is refused with 413 before it is parsed.
 */
export const JSON_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

const vi = (n: number) => n.toLocaleString('vi-VN');
export const planDraftSchema = z.object({
  sections: z
    .record(
      z.string().min(1).max(64),
      z.string().max(DRAFT_LIMITS.sectionChars, `Nội dung mục quá dài (tối đa ${vi(DRAFT_LIMITS.sectionChars)} ký tự)`),
    )
    .refine((s) => Object.keys(s).length <= DRAFT_LIMITS.sections, {
      message: `Kế hoạch có tối đa ${DRAFT_LIMITS.sections} mục`,
    })
    .refine((s) => Object.values(s).reduce((n, text) => n + text.length, 0) <= DRAFT_LIMITS.totalChars, {
      message: `Tổng nội dung các mục quá dài (tối đa ${vi(DRAFT_LIMITS.totalChars)} ký tự)`,
    }),
  indicators: z
    .record(z.string().min(1).max(64), indicatorValueSchema)
    .refine((i) => Object.keys(i).length <= DRAFT_LIMITS.indicators, {
      message: `Kế hoạch có tối đa ${DRAFT_LIMITS.indicators} chỉ tiêu`,
    })
    .default({}),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;
