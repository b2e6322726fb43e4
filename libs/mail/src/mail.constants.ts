export const MAIL_QUEUE = 'mail';

/** Job name → payload. Payloads carry ids; the processor re-reads the row. */
export interface MailJobs {
  /**
   * One attempt at one message. attempt: the attempts the row had made when the job was enqueued; the job runs the
   * next one only if the row still stands there, so a stale or duplicate job is a no-op. Jobs enqueued before
   * attempts were numbered carry none.
   */
  send: { emailId: string; attempt?: number };
}

/** One job id per attempt: a kept record of an earlier attempt's job never blocks the next one. */
export const mailJobId = (emailId: string, attempt: number): string => `${emailId}-${attempt}`;
