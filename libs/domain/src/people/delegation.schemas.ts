import { z } from 'zod';
import '../input/validation-messages';

const day = z.iso.date({ error: 'Ngày phải có dạng YYYY-MM-DD' });

/** An admin records the head's delegation of signing: from the head, to a specialist, TL. or TUQ., between two days. */
export const delegationInputSchema = z
  .object({
    from: z.email('Địa chỉ e-mail của trưởng phòng không hợp lệ'),
    to: z.email('Địa chỉ e-mail của người được giao ký không hợp lệ'),
    kind: z.enum(['TL', 'TUQ'], { error: 'Hình thức ký phải là TL (thừa lệnh) hoặc TUQ (thừa ủy quyền)' }),
    startsOn: day,
    endsOn: day,
    /** the decision the delegation rests on: "Quyết định số 12/QĐ-PGDĐT ngày 01/10/2027" */
    reference: z.string().trim().min(3).max(300).optional(),
  })
  .refine((d) => d.startsOn <= d.endsOn, { path: ['endsOn'], message: 'Ngày kết thúc không được trước ngày bắt đầu' });
export type DelegationInput = z.infer<typeof delegationInputSchema>;

export const delegationListQuerySchema = z.object({
  /** only those in force today (true) */
  inForce: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type DelegationListQuery = z.infer<typeof delegationListQuerySchema>;

export const delegationRevokeSchema = z.object({
  reason: z.string().trim().min(3, 'Cần ghi rõ lý do').max(2000),
});
