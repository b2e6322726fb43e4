// What the e-mail fault tests need: the worker as a process of its own (to kill with SIGKILL, by its pid), a relay
// that accepts connections and never answers, a mail catcher on a chosen port, a wipe of one test queue's keys in
// Redis, and outbox rows written the way the application writes them.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type Server, type Socket, createServer } from 'node:net';
import path from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { ConfigModule } from '@duyet/config';
import { DatabaseModule, PrismaService } from '@duyet/database';
import { MAIL_QUEUE, MailModule, MailOutboxService, MailQueueService } from '@duyet/mail';
import request from 'supertest';
import { HttpClient } from '../../bench/lib/http';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_APP_OPTIONS, setupApp } from '../../apps/api/src/setup-app';
import { MailWorkerService } from '../../apps/worker/src/mail-worker.service';
import type { CaughtMail } from './mailbox';
import { DEMO_PASSWORD } from './stack';

const ROOT = path.join(__dirname, '../..');
const MAILDEV_BIN = path.join(ROOT, 'node_modules/maildev/bin/maildev');

/** Runs fn with process.env overridden, as ConfigModule reads it while a Nest context is created. */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

@Module({ imports: [ConfigModule, DatabaseModule, MailModule] })
class MailProducerModule {}

@Module({ imports: [ConfigModule, DatabaseModule, MailModule], providers: [MailWorkerService] })
class MailConsumerModule {}

/** The producer side (what the API holds): PostgreSQL, the queue, the outbox reads. */
export interface MailSide {
  app: INestApplicationContext;
  prisma: PrismaService;
  queue: MailQueueService;
  outbox: MailOutboxService;
  close(): Promise<void>;
}

export async function startMailSide(env: Record<string, string>, withWorker = false): Promise<MailSide> {
  const app = await withEnv(env, async () => {
    const ctx = await NestFactory.createApplicationContext(withWorker ? MailConsumerModule : MailProducerModule, {
      logger: ['error'],
    });
    await ctx.init();
    return ctx;
  });
  return {
    app,
    prisma: app.get(PrismaService),
    queue: app.get(MailQueueService),
    outbox: app.get(MailOutboxService),
    close: () => app.close(),
  };
}

/** The whole worker (apps/worker/src/main.ts) as a child process, started from the sources. */
export interface WorkerProcess {
  pid: number;
  /** SIGKILL by pid: a crash, nothing flushed */
  kill(): Promise<void>;
  /** SIGTERM by pid: a clean stop */
  stop(): Promise<void>;
}

export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(ROOT, 'apps/worker/src/main.ts')],
    { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  if (!child.pid) throw new Error('the worker did not start');
  const pid = child.pid;
  const exited = once(child, 'exit');
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(pid, sig);
    await exited;
  };
  await waitForMailWorker(
    env,
    () => child.exitCode !== null,
    () => stderr,
  );
  return { pid, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

/** Until a BullMQ worker of the prefix's mail queue is connected (the child's Nest app has bootstrapped). */
async function waitForMailWorker(env: Record<string, string>, dead: () => boolean, log: () => string) {
  const connection = new IORedis(env.REDIS_URL ?? process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  const queue = new Queue(MAIL_QUEUE, { connection, prefix: env.QUEUE_PREFIX ?? process.env.QUEUE_PREFIX });
  try {
    const until = Date.now() + 60_000;
    while ((await queue.getWorkersCount()) === 0) {
      if (dead()) throw new Error(`the worker exited: ${log()}`);
      if (Date.now() > until) throw new Error(`the worker did not connect within 60 s: ${log()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** The API alone (no worker), as a child of this process would run it, with env overridden. */
export interface ApiSide {
  http: () => ReturnType<typeof request>;
  /** a bearer header for a user of the sample district */
  as: (email: string) => Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function startApiSide(env: Record<string, string>): Promise<ApiSide> {
  const api = await withEnv(env, async () => {
    const app = await NestFactory.create(ApiModule, { ...API_APP_OPTIONS, logger: ['error'] });
    setupApp(app);
    await app.init();
    return app;
  });
  const http = () => request(api.getHttpServer());
  return {
    http,
    as: async (email) => {
      const res = await http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
      return { authorization: `Bearer ${res.body.accessToken as string}` };
    },
    close: () => api.close(),
  };
}

/** A relay that accepts every connection and never says a word (no greeting, no answer). */
export interface SilentRelay {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

export async function startSilentRelay(port = 0): Promise<SilentRelay> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as { port: number }).port,
    connections: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** maildev on the given SMTP port (and a free web port): the relay coming back where the application points. */
export interface Catcher {
  url: string;
  stop(): Promise<void>;
}

export async function startCatcherOn(smtpPort: number, webPort: number): Promise<Catcher> {
  const child = spawn(
    process.execPath,
    [MAILDEV_BIN, '--ip', '127.0.0.1', '--smtp', String(smtpPort), '--web', String(webPort), '--silent'],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${webPort}`;
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      await caught(url);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`maildev did not start on ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const exited = once(child, 'exit');
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** A catcher's inbox, on a connection of its own. */
export async function caught(url: string): Promise<CaughtMail[]> {
  const client = new HttpClient(new URL(url), 1);
  try {
    const res = await client.request<CaughtMail[]>('GET', '/email');
    if (res.status !== 200) throw new Error(`mailbox answered ${res.status}`);
    return res.body;
  } finally {
    client.close();
  }
}

/**
 * Deletes every key of one test queue prefix, and nothing else: what a Redis restart without persistence, or a
 * FLUSHDB, does to the mail queue. Refuses a prefix that is not a test's.
 */
export async function wipeQueuePrefix(redisUrl: string, prefix: string): Promise<number> {
  if (!prefix.startsWith('duyet-test-')) throw new Error(`refusing to wipe ${prefix}: not a test prefix`);
  const redis = new IORedis(redisUrl);
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/**
 * Outbox rows as plan-mails writes them (status QUEUED, due now), in the sample district, to addresses of the
 * scenario's own domain.
 */
export async function writeOutbox(prisma: PrismaService, tag: string, n: number, from = 0): Promise<string[]> {
  const district = await prisma.district.findUniqueOrThrow({ where: { code: 'kien-xuong' }, select: { id: true } });
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) {
    const row = await prisma.emailLog.create({
      data: {
        districtId: district.id,
        idempotencyKey: `mail-faults:${tag}:${i}`,
        template: 'SUBMISSION_RECEIPT',
        to: `vanthu${i}@${tag}.example`,
        cc: [],
        subject: `[Duyệt] Thư thử ${tag} số ${i}`,
        html: `<p>Thư số ${i}</p>`,
        text: `Thư số ${i}`,
      },
    });
    ids.push(row.id);
  }
  return ids;
}

/** The scenario's messages in a catcher, counted by Message-ID: how many arrived, and how many twice or more. */
export function countByMessageId(mail: CaughtMail[], tag: string): { delivered: number; duplicates: number } {
  const ids = mail
    .filter((m) => m.to.some((t) => t.address.endsWith(`@${tag}.example`)))
    .map((m) => m.headers['message-id']);
  return { delivered: new Set(ids).size, duplicates: ids.length - new Set(ids).size };
}

/** Removes a scenario's rows, so that no later suite's worker finds them. */
export async function dropOutbox(prisma: PrismaService, tag: string): Promise<void> {
  await prisma.emailLog.deleteMany({ where: { idempotencyKey: { startsWith: `mail-faults:${tag}:` } } });
}
