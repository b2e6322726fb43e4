import { z } from 'zod';
import { versionNumberSchema } from '../input/numbers';
// Side effect: Vietnamese messages for what these schemas do not spell out.
import '../input/validation-messages';

export const commentBodySchema = z
  .string({ error: 'Cần nhập nội dung ý kiến' })
  .trim()
  .min(1, 'Nội dung ý kiến không được để trống')
  .max(10_000, 'Nội dung ý kiến tối đa 10.000 ký tự');

export const commentAnchorSchema = z.enum(['GENERAL', 'SECTION', 'INDICATOR'], {
  error: 'anchorType phải là GENERAL (ý kiến chung), SECTION (một mục) hoặc INDICATOR (một chỉ tiêu)',
});

export const startCommentSchema = z
  .object({
    anchorType: commentAnchorSchema,
    anchorKey: z.string().trim().min(1, 'Mã mục hoặc chỉ tiêu không được để trống').max(64).optional(),
    body: commentBodySchema,
  })
  .superRefine((c, ctx) => {
    // Which keys exist depends on the campaign and the district's catalogue: the service checks that part.
    if (c.anchorType === 'GENERAL' && c.anchorKey !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['anchorKey'],
        message: 'Ý kiến chung không gắn với mục hay chỉ tiêu nào: bỏ anchorKey',
      });
    }
    if (c.anchorType !== 'GENERAL' && c.anchorKey === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['anchorKey'],
        message:
          c.anchorType === 'SECTION' ? 'Cần nêu mã mục của kế hoạch (anchorKey)' : 'Cần nêu mã chỉ tiêu (anchorKey)',
      });
    }
  });
export type StartCommentInput = z.infer<typeof startCommentSchema>;

export const replyCommentSchema = z.object({ body: commentBodySchema });
export type ReplyCommentInput = z.infer<typeof replyCommentSchema>;

export const commentListQuerySchema = z.object({
  version: versionNumberSchema('version', 0).optional(),
  open: z.enum(['true', 'false'], { error: 'open phải là true hoặc false' }).optional(),
});
export type CommentListQuery = z.infer<typeof commentListQuerySchema>;
