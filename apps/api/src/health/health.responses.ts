// What the health route answers, with 200 and with 503 alike.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { declaredAs } from '../common/shared.responses';

export class HealthDto extends createZodDto(
  z.object({
    status: declaredAs<string>(z.enum(['ok', 'down'])),
    /** the services that did not answer */
    down: z.array(z.string()),
    message: z.string(),
    services: z.record(z.string(), z.object({ status: z.enum(['up', 'down']), error: z.string().optional() })),
    worker: z.object({
      /** worker processes consuming the mail queue; null while Redis is down */
      mailConsumers: z.int().nullable(),
      /** pollers on the Temporal task queue seen within the last long poll */
      temporalPollers: z.int().nullable(),
    }),
    /** e-mails due and not sent, and how long the oldest has waited (null while the database is down) */
    mail: z.object({ due: z.int(), oldestDueSeconds: z.number() }).nullable(),
  }),
  { codec: true },
) {}
