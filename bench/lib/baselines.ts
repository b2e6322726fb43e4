// The two baselines: what Temporal and the mail pipeline do with none of Duyệt's code in the way.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Queue, Worker as QueueWorker } from 'bullmq';
import IORedis from 'ioredis';
import nodemailer from 'nodemailer';
import type { Catcher } from './catcher';
import { sleep } from './proc';
import { deliveryTally } from './stats';

/** Starts `count` workflows with `concurrency` requests in flight; resolves with the time to the last start. */
export async function startMany(
  count: number,
  concurrency: number,
  startOne: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await startOne(next++);
    }),
  );
  return performance.now() - t0;
}

/** Polls a visibility count until it reaches `count`; false after `timeoutMs`. */
export async function waitForCount(client: Client, query: string, count: number, timeoutMs: number) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const { count: n } = await client.workflow.count(query);
    if (n >= count) return true;
    if (performance.now() > until) return false;
    await sleep(250);
  }
}

export interface RawTemporalResult {
  workflows: number;
  concurrency: number;
  /** from the first start request to the last one acknowledged */
  startMs: number;
  /** until the bare worker had completed every one of them */
  completedMs: number | null;
}

/**
 * A bare client starting `count` empty workflows, which a bare worker runs: the raw start rate of the server.
 * The worker is part of it, as Duyệt's worker is part of a launch: each start also costs its first workflow task.
 */
export async function rawTemporalStarts(opts: {
  address: string;
  namespace: string;
  bundlePath: string;
  count: number;
  concurrency: number;
  runId: string;
}): Promise<RawTemporalResult> {
  const taskQueue = `bench-raw-${opts.runId}`;
  const native = await NativeConnection.connect({ address: opts.address });
  const worker = await Worker.create({
    connection: native,
    namespace: opts.namespace,
    taskQueue,
    workflowBundle: { codePath: opts.bundlePath },
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: opts.address });
  const client = new Client({ connection, namespace: opts.namespace });
  try {
    const startMs = await startMany(opts.count, opts.concurrency, (i) =>
      client.workflow.start('benchEmptyWorkflow', { workflowId: `bench-raw-${opts.runId}-${i}`, taskQueue }),
    );
    const t0 = performance.now() - startMs;
    // Completion is read from visibility (eventually consistent, so an upper bound): 10,000 result long-polls
    // would hit the frontend's cap on concurrent long-running requests.
    const completedMs = await waitForCount(
      client,
      `TaskQueue="${taskQueue}" AND ExecutionStatus="Completed"`,
      opts.count,
      120_000,
    ).then((ok) => (ok ? performance.now() - t0 : null));
    return { workflows: opts.count, concurrency: opts.concurrency, startMs, completedMs };
  } finally {
    worker.shutdown();
    await running;
    await native.close();
    await connection.close();
  }
}

export interface SampleMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface RawMailResult {
  messages: number;
  /** from the first job added until the catcher had accepted every message */
  ms: number;
  accepted: number;
  lost: number;
  duplicated: number;
}

/**
 * A bare BullMQ producer → worker → pooled nodemailer pipeline into the same catcher, with the product's queue
 * settings (worker concurrency 10, 5 pooled SMTP connections) and messages of the product's size and shape,
 * but no database: each job carries its message.
 */
export async function rawMailPipeline(opts: {
  redisUrl: string;
  catcher: Catcher;
  samples: SampleMessage[];
  count: number;
  runId: string;
  concurrency: number;
  poolConnections: number;
}): Promise<RawMailResult> {
  const prefix = `bench-raw-${opts.runId}`;
  const messageIdOf = (n: number) => `raw-${n}@${prefix}`;
  const producerConnection = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null });
  const workerConnection = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('mail', { connection: producerConnection, prefix });
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: opts.poolConnections,
    host: '127.0.0.1',
    port: opts.catcher.smtpPort,
    ignoreTLS: true,
  });
  const worker = new QueueWorker<SampleMessage & { messageId: string }>(
    'mail',
    async (job) => {
      const { messageId, ...mail } = job.data;
      await transport.sendMail({ from: 'bench@duyet.example', ...mail, messageId: `<${messageId}>` });
    },
    { connection: workerConnection, prefix, concurrency: opts.concurrency },
  );
  await opts.catcher.clear();
  try {
    const t0 = performance.now();
    for (let i = 0; i < opts.count; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, opts.count - i) }, (_, k) => {
          const n = i + k;
          const sample = opts.samples[n % opts.samples.length];
          const messageId = messageIdOf(n);
          return {
            name: 'send',
            data: { ...sample, to: `raw-${n}@bench.example`, messageId },
            opts: {
              jobId: messageId,
              attempts: 8,
              backoff: { type: 'exponential', delay: 2000 },
              removeOnComplete: true,
            },
          };
        }),
      );
    }
    let accepted = 0;
    const until = performance.now() + 30 * 60_000;
    while (accepted < opts.count && performance.now() < until) {
      accepted = await opts.catcher.count();
      if (accepted < opts.count) await sleep(250);
    }
    const ms = performance.now() - t0;
    const { lost, duplicated } = deliveryTally(
      Array.from({ length: opts.count }, (_, n) => messageIdOf(n)),
      opts.catcher.messages().map((m) => m.messageId ?? ''),
    );
    return { messages: opts.count, ms, accepted, lost, duplicated };
  } finally {
    await worker.close();
    transport.close();
    await queue.obliterate({ force: true });
    await queue.close();
    producerConnection.disconnect();
    workerConnection.disconnect();
  }
}
