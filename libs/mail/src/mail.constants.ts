export const MAIL_QUEUE = 'mail';

/** Job name → payload. Payloads carry ids; the processor re-reads the row. */
export interface MailJobs {
  send: { emailId: string };
}
