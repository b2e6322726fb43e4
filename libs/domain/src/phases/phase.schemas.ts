import { z } from 'zod';
import { instantSchema } from '../input/instant';

// Vietnamese messages for every zod error that a schema gives no message of its own.
import '../input/validation-messages';

/** Opening a phase: the self-assessments' deadline, and the approved plans left out, each with why. */
export const openPhaseSchema = z.object({
  submissionDeadline: instantSchema,
  exceptions: z
    .array(
      z.object({
        schoolId: z.uuid('Trường không hợp lệ'),
        reason: z.string().trim().min(3, 'Cần ghi rõ lý do không tự đánh giá').max(2000),
      }),
    )
    .max(50_000)
    .default([])
    .refine((list) => new Set(list.map((e) => e.schoolId)).size === list.length, {
      message: 'Mỗi trường chỉ được nêu một lần trong danh sách ngoại lệ',
    }),
});
export type OpenPhaseInput = z.infer<typeof openPhaseSchema>;
