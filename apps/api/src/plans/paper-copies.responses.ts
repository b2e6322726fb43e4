// What the paper-copy routes answer: the copies a plan owes, received so far, and each delivery.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDateTime } from '../common/answers';
import { personRef, uuid } from '../common/shared.responses';

export class PaperCopiesDto extends createZodDto(
  z.object({
    /** copies the directive asks of the school */
    required: z.number().int(),
    received: z.number().int(),
    complete: z.boolean(),
    receipts: z.array(
      z.object({
        id: uuid,
        copies: z.number().int(),
        receivedAt: isoDateTime,
        note: z.string().nullable(),
        recordedBy: personRef,
      }),
    ),
  }),
  { codec: true },
) {}
