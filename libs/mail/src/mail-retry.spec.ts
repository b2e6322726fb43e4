import { DEFAULT_MAIL_RETRY_SCHEDULE, loadConfig, parseDurations } from '@duyet/config';
import { classifyFailure, maxAttempts, retryDelayMs } from './mail-retry';

const HOUR = 3_600_000;
const env = { DATABASE_URL: 'postgresql://localhost/x', JWT_SECRET: '0123456789abcdef0123' };

describe('the retry schedule', () => {
  it('spreads the default attempts over more than a day, the waits growing from a minute to eight hours', () => {
    const schedule = loadConfig(env).mail.retryScheduleMs;
    expect(schedule).toEqual(parseDurations(DEFAULT_MAIL_RETRY_SCHEDULE));
    expect(schedule[0]).toBe(60_000);
    expect(Math.max(...schedule)).toBe(8 * HOUR);
    expect(schedule.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * HOUR);
    expect(maxAttempts(schedule)).toBe(11);
  });

  it('is data: MAIL_RETRY_SCHEDULE sets it, and a bad one is refused at boot', () => {
    expect(loadConfig({ ...env, MAIL_RETRY_SCHEDULE: '200ms, 1.5s,2m' }).mail.retryScheduleMs).toEqual([
      200, 1500, 120_000,
    ]);
    expect(() => loadConfig({ ...env, MAIL_RETRY_SCHEDULE: '1m,soon' })).toThrow(/MAIL_RETRY_SCHEDULE/);
    expect(() => loadConfig({ ...env, MAIL_RETRY_SCHEDULE: '0s' })).toThrow(/MAIL_RETRY_SCHEDULE/);
  });

  it('gives the wait after each failed attempt, and none after the last', () => {
    const schedule = [1000, 5000];
    expect([1, 2, 3].map((made) => retryDelayMs(schedule, made))).toEqual([1000, 5000, undefined]);
  });
});

describe('classifyFailure', () => {
  const err = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

  it('takes a relay that gave no answer for unreachable, to be retried as soon as it answers', () => {
    for (const code of ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']) {
      expect(classifyFailure(err('x', { code }))).toMatchObject({ permanent: false, relayUnreachable: true });
    }
  });

  it("keeps the relay's reason printable, so that recording it cannot fail", () => {
    expect(classifyFailure(err('451 busy\u0000\u0007 later', { responseCode: 451 })).reason).toBe('451 busy later');
  });

  it('keeps to the schedule for a 4xx answer and a refused login, and gives up on a 5xx refusal', () => {
    expect(classifyFailure(err('451 try later', { code: 'EENVELOPE', responseCode: 451 }))).toMatchObject({
      permanent: false,
      relayUnreachable: false,
    });
    expect(classifyFailure(err('535 auth', { code: 'EAUTH', responseCode: 535 })).permanent).toBe(false);
    expect(classifyFailure(err('550 no such user', { code: 'EENVELOPE', responseCode: 550 }))).toEqual({
      permanent: true,
      relayUnreachable: false,
      reason: '550 no such user',
    });
  });
});
