import { z } from 'zod';
import { type IndicatorValue, type ParsedTarget, parseTargetText } from './target-text';

// Vietnamese messages for every zod error that a schema gives no message of its own.
import '../input/validation-messages';

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

/** A self-assessment's result: one number, typed as a number or as text ("98,5"), never a range. */
const resultInputSchema = z
  .union([z.number().finite(), z.string().max(60)], { error: 'Kết quả phải là một số, ví dụ 98,5' })
  .transform((value, ctx): number => {
    if (typeof value === 'number') return value;
    const parsed = parseTargetText(value);
    if (parsed && parsed.targetMax === undefined) return parsed.target;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `Không đọc được kết quả "${value}": nhập một số, ví dụ 98,5`,
    });
    return z.NEVER;
  });

/** A plan's editable content: free-text sections and indicator values. */
export const indicatorValueSchema = z
  .object({
    baseline: z.number().finite().nullable().optional(),
    target: targetInputSchema.nullable().optional(),
    targetMax: z.number().finite().nullable().optional(),
    result: resultInputSchema.nullable().optional(),
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
