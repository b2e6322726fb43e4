// What a failed attempt means for the message: tried again later, as soon as the relay answers, or never.

/** How much of a relay's error is kept on the row. */
const MAX_REASON = 1000;

export interface AttemptFailure {
  /** a 5xx answer to this message (no such mailbox, refused content): sending it again cannot help */
  permanent: boolean;
  /** no SMTP answer at all (connection refused, no greeting, DNS): the relay, not the message, is the problem */
  relayUnreachable: boolean;
  reason: string;
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
}

/** A relay's text on one line, without control characters: PostgreSQL refuses a NUL, and its record must not fail. */
const printable = (text: string): string =>
  [...text]
    .map((c) => (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f ? c : /[\t\r\n]/.test(c) ? ' ' : ''))
    .join('');

/** Sorts a nodemailer error (code, responseCode) into what the schedule does with it. */
export function classifyFailure(err: unknown): AttemptFailure {
  const e: SmtpError = typeof err === 'object' && err !== null ? (err as SmtpError) : {};
  const reason = printable(e.message ?? String(err)).slice(0, MAX_REASON);
  const answered = typeof e.responseCode === 'number';
  // A 5xx on authentication is the relay's configuration, fixed by an operator: keep trying on the schedule.
  const refused = answered && e.responseCode! >= 500 && e.code !== 'EAUTH';
  // "No recipients defined": the row has no address the relay can use.
  const noRecipient = !answered && e.code === 'EENVELOPE';
  const unreachable =
    !answered && ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED'].includes(e.code ?? '');
  return { permanent: refused || noRecipient, relayUnreachable: unreachable, reason };
}

/**
 * When attempt `made` (1-based) has failed: the wait before the next one, or undefined when it was the last.
 * The schedule lists the waits after the first, second… attempt.
 */
export function retryDelayMs(schedule: readonly number[], made: number): number | undefined {
  return made >= 1 && made <= schedule.length ? schedule[made - 1] : undefined;
}

/** Attempts in all under a schedule: the first, then one after each wait. */
export const maxAttempts = (schedule: readonly number[]): number => schedule.length + 1;
