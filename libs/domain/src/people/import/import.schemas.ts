import { z } from 'zod';
import '../../input/validation-messages';

/** Options of the apply: invite=true sends each new user an invitation to set their password. */
export const importApplyQuerySchema = z.object({
  invite: z
    .enum(['true', 'false'], 'Chỉ nhận true hoặc false')
    .optional()
    .transform((v) => v === 'true'),
});
export type ImportApplyQuery = z.infer<typeof importApplyQuerySchema>;
