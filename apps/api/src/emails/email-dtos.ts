// The query strings of the e-mail routes, from zod schemas (validation and OpenAPI alike).
import { createZodDto } from 'nestjs-zod';
import { emailListQuerySchema, resendFailedQuerySchema } from '@duyet/domain';

export class EmailListQueryDto extends createZodDto(emailListQuerySchema) {}
export class ResendFailedQueryDto extends createZodDto(resendFailedQuerySchema) {}
