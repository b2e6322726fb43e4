// What the e-mail routes answer: the outbox row as stored.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { EmailStatus } from '@duyet/database';
import { isoDateTime } from '../common/answers';
import { page, uuid } from '../common/shared.responses';

const email = z.object({
  id: uuid,
  planId: uuid.nullable(),
  campaignId: uuid.nullable(),
  template: z.string(),
  to: z.string(),
  cc: z.array(z.string()),
  subject: z.string(),
  status: z.enum(EmailStatus),
  attempts: z.int(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  nextAttemptAt: isoDateTime,
  lastAttemptAt: isoDateTime.nullable(),
  waitingForRelay: z.boolean(),
  sentAt: isoDateTime.nullable(),
  failedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});

export class EmailDto extends createZodDto(email, { codec: true }) {}
export class EmailPageDto extends createZodDto(page(email), { codec: true }) {}
export class ResendFailedResultDto extends createZodDto(z.object({ resent: z.int() }), { codec: true }) {}
