// The query strings of the e-mail routes, from zod schemas (validation and OpenAPI alike).
import { createZodDto } from 'nestjs-zod';
import { failedEmailsQuerySchema } from '@duyet/domain';

/** A page of one district's messages, optionally of one campaign: the failed-e-mail list's own parameters. */
export const emailListQuerySchema = failedEmailsQuerySchema;
export const resendFailedQuerySchema = failedEmailsQuerySchema.pick({ campaignId: true });

export class EmailListQueryDto extends createZodDto(emailListQuerySchema) {}
export class ResendFailedQueryDto extends createZodDto(resendFailedQuerySchema) {}
