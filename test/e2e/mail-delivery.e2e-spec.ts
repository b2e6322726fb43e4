import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'bullmq';
import IORedis from 'ioredis';
import { MAIL_QUEUE, mailJobId } from '@duyet/mail';
import { freePort } from '../setup/global-setup';
import {
  type MailSide,
  caught,
  countByMessageId,
  dropOutbox,
  startCatcherOn,
  startMailSide,
  wipeQueuePrefix,
  writeOutbox,
} from '../support/mail-faults';
import { startPrivateMaildev } from '../support/maildev';
import { eventually } from '../support/stack';

// Issue 14, e-mail: nothing lost, nothing sent twice, whatever SMTP or Redis does. Each scenario writes its own rows
// (addresses @<tag>.example), runs a mail worker of its own on a queue prefix of this suite, and counts what the
// catcher received by Message-ID. The long versions (an outage past the old retry budget, a relay that never
// answers with the worker killed) are in test/faults (npm run test:faults).

const RUN = Date.now().toString(36);
const PREFIX = `${process.env.QUEUE_PREFIX}-mail`;
const N = 30;
const tags: string[] = [];

const report = (scenario: string, figures: Record<string, number | string>) =>
  process.stdout.write(
    `[mail] ${scenario}: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`,
  );

describe('e-mail delivery through SMTP and Redis faults', () => {
  let producer: MailSide;

  const rowsOf = (ids: string[]) => producer.prisma.emailLog.findMany({ where: { id: { in: ids } } });
  const allSent = (ids: string[], timeoutMs: number) =>
    eventually(
      async () => {
        const rows = await rowsOf(ids);
        return rows.every((r) => r.status === 'SENT') ? rows : undefined;
      },
      timeoutMs,
      'every message to be SENT',
    );
  const inboxOf = (url: string, tag: string, n: number) =>
    eventually(
      async () => {
        const mail = await caught(url);
        return countByMessageId(mail, tag).delivered >= n ? mail : undefined;
      },
      10_000,
      `${n} messages in the catcher`,
    );
  const tagged = (name: string) => {
    const tag = `${name}-${RUN}`;
    tags.push(tag);
    return tag;
  };

  beforeAll(async () => {
    producer = await startMailSide({ QUEUE_PREFIX: PREFIX });
  });

  afterAll(async () => {
    for (const tag of tags) await dropOutbox(producer.prisma, tag);
    await producer.close();
    await wipeQueuePrefix(process.env.REDIS_URL!, PREFIX);
  });

  it('keeps every message through an SMTP outage on its schedule, and sends each once as soon as SMTP is back', async () => {
    const tag = tagged('smtp-down');
    const [smtpPort, webPort] = await Promise.all([freePort(), freePort()]);
    const worker = await startMailSide({ QUEUE_PREFIX: PREFIX, SMTP_PORT: String(smtpPort) }, true);
    try {
      const ids = await writeOutbox(producer.prisma, tag, N);
      const down = Date.now();
      await producer.queue.enqueue(ids);
      const tried = await eventually(
        async () => {
          const rows = await rowsOf(ids);
          return rows.every((r) => r.status === 'QUEUED' && r.attempts >= 1) ? rows : undefined;
        },
        20_000,
        'a first attempt of every message',
      );
      // Refused connections: each waits its turn on the schedule (a minute after the first attempt), flagged as
      // waiting for the relay; none is FAILED.
      for (const r of tried) {
        expect(r.waitingForRelay).toBe(true);
        expect(r.lastError).toMatch(/ECONNREFUSED/);
        expect(r.nextAttemptAt.getTime() - r.lastAttemptAt!.getTime()).toBeGreaterThanOrEqual(59_000);
      }
      await sleep(Math.max(0, 15_000 - (Date.now() - down)));
      expect(await producer.prisma.emailLog.count({ where: { id: { in: ids }, status: 'FAILED' } })).toBe(0);

      const catcher = await startCatcherOn(smtpPort, webPort);
      const back = Date.now();
      try {
        const rows = await allSent(ids, 30_000);
        const recovery = (Date.now() - back) / 1000;
        const { delivered, duplicates } = countByMessageId(await inboxOf(catcher.url, tag, N), tag);
        report(`SMTP down ${Math.round((back - down) / 1000)} s`, {
          expected: N,
          found: delivered,
          duplicates,
          'recovery s': recovery.toFixed(1),
        });
        expect({ delivered, duplicates }).toEqual({ delivered: N, duplicates: 0 });
        // The relay probe, not the schedule (next attempt a minute later), sent them.
        expect(recovery).toBeLessThan(15);
        expect(rows.every((r) => r.attempts >= 2 && r.lastError === null && !r.waitingForRelay)).toBe(true);
      } finally {
        await catcher.stop();
      }
    } finally {
      await worker.close();
    }
  });

  it('sends every queued message once after Redis lost the queue, and reports the backlog meanwhile', async () => {
    const tag = tagged('redis-wiped');
    const catcher = await startPrivateMaildev();
    try {
      const ids = await writeOutbox(producer.prisma, tag, N);
      await producer.queue.enqueue(ids);
      expect(await producer.queue.queue.getWaitingCount()).toBeGreaterThanOrEqual(N);
      const removed = await wipeQueuePrefix(process.env.REDIS_URL!, PREFIX);
      expect(removed).toBeGreaterThan(0);
      expect(await producer.queue.queue.getWaitingCount()).toBe(0);
      await sleep(1100);
      const backlog = await producer.outbox.dueBacklog();
      expect(backlog.due).toBeGreaterThanOrEqual(N);
      expect(backlog.oldestDueSeconds).toBeGreaterThanOrEqual(1);

      const started = Date.now();
      const worker = await startMailSide({ QUEUE_PREFIX: PREFIX, SMTP_PORT: String(catcher.smtpPort) }, true);
      try {
        await allSent(ids, 30_000);
        const recovery = (Date.now() - started) / 1000;
        const { delivered, duplicates } = countByMessageId(await inboxOf(catcher.url, tag, N), tag);
        report('Redis wiped with jobs queued', {
          expected: N,
          found: delivered,
          duplicates,
          'recovery s': recovery.toFixed(1),
        });
        expect({ delivered, duplicates }).toEqual({ delivered: N, duplicates: 0 });
        expect((await producer.outbox.dueBacklog()).due).toBe(0);
      } finally {
        await worker.close();
      }
    } finally {
      await catcher.stop();
    }
  });

  it('sends messages whose jobs BullMQ kept as failed ("stalled more than allowable limit"), each once', async () => {
    const tag = tagged('stalled-jobs');
    const catcher = await startPrivateMaildev();
    const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    try {
      const ids = await writeOutbox(producer.prisma, tag, 10);
      const failedBefore = await producer.queue.queue.getFailedCount();
      // What two worker crashes left in Redis: each row's job failed, and kept, under the id of its first attempt.
      await producer.queue.queue.addBulk(
        ids.map((emailId) => ({
          name: 'send' as const,
          data: { emailId, attempt: 0 },
          opts: { jobId: mailJobId(emailId, 0), removeOnFail: false },
        })),
      );
      const crashed = new Worker(
        MAIL_QUEUE,
        async () => {
          throw new Error('job stalled more than allowable limit');
        },
        { connection, prefix: PREFIX },
      );
      await eventually(
        async () => ((await producer.queue.queue.getFailedCount()) >= failedBefore + ids.length ? true : undefined),
        10_000,
        'the jobs to fail',
      );
      await crashed.close();
      const untouched = await rowsOf(ids);
      expect(untouched.every((r) => r.status === 'QUEUED' && r.attempts === 0)).toBe(true);

      const started = Date.now();
      const worker = await startMailSide({ QUEUE_PREFIX: PREFIX, SMTP_PORT: String(catcher.smtpPort) }, true);
      try {
        await allSent(ids, 30_000);
        const { delivered, duplicates } = countByMessageId(await inboxOf(catcher.url, tag, ids.length), tag);
        report('jobs kept as failed after stalls', {
          expected: ids.length,
          found: delivered,
          duplicates,
          'recovery s': ((Date.now() - started) / 1000).toFixed(1),
        });
        expect({ delivered, duplicates }).toEqual({ delivered: ids.length, duplicates: 0 });
      } finally {
        await worker.close();
      }
    } finally {
      connection.disconnect();
      await catcher.stop();
    }
  });

  it('sends again, once, a message whose attempt a dead worker left SENDING', async () => {
    const tag = tagged('mid-send');
    const catcher = await startPrivateMaildev();
    try {
      const ids = await writeOutbox(producer.prisma, tag, 5);
      // The worker claimed them ten minutes ago and died before the relay answered: SENDING, attempt 1, no job left.
      await producer.prisma.emailLog.updateMany({
        where: { id: { in: ids } },
        data: { status: 'SENDING', attempts: 1, lastAttemptAt: new Date(Date.now() - 10 * 60_000) },
      });
      expect((await producer.outbox.dueBacklog()).due).toBeGreaterThanOrEqual(ids.length);
      const worker = await startMailSide(
        { QUEUE_PREFIX: PREFIX, SMTP_PORT: String(catcher.smtpPort), MAIL_SEND_LEASE_MS: '30000' },
        true,
      );
      try {
        const rows = await allSent(ids, 30_000);
        const { delivered, duplicates } = countByMessageId(await inboxOf(catcher.url, tag, ids.length), tag);
        expect({ delivered, duplicates }).toEqual({ delivered: ids.length, duplicates: 0 });
        expect(rows.map((r) => r.attempts)).toEqual(ids.map(() => 2));
      } finally {
        await worker.close();
      }
    } finally {
      await catcher.stop();
    }
  });
});
