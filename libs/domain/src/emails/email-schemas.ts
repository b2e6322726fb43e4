import { failedEmailsQuerySchema } from '../board/board-query';

/** A page of one district's messages, optionally of one campaign: the failed-e-mail list's own parameters. */
export const emailListQuerySchema = failedEmailsQuerySchema;
export const resendFailedQuerySchema = failedEmailsQuerySchema.pick({ campaignId: true });
