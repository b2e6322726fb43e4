import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/**
 * A mail operator's schedule: quick retries for a blip, then hours apart, 11 attempts over about 32 hours. A relay
 * that was unreachable is retried as soon as it answers again, whatever the schedule says (the worker probes it).
 */
export const DEFAULT_MAIL_RETRY_SCHEDULE = '1m,5m,15m,30m,1h,2h,4h,8h,8h,8h';

const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "1m,5m,1.5h" → [60000, 300000, 5400000]; undefined when any item is not a positive duration. */
export function parseDurations(text: string): number[] | undefined {
  const items = text.split(',').map((item) => item.trim());
  const waits = items.map((item) => {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(item);
    return m ? Number(m[1]) * DURATION_UNITS_MS[m[2] as keyof typeof DURATION_UNITS_MS] : NaN;
  });
  return waits.length && waits.every((w) => Number.isFinite(w) && w > 0) ? waits : undefined;
}

/** The repository: the nearest folder above this file with a package.json, from the sources and from dist/ alike. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
const REPO_ROOT = findRepoRoot(__dirname);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  DATABASE_URL: z.string().url(),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('duyet'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('duyet'),
  /**
   * Plans per activity of the campaign workflow (starting, closing or telling every plan). Each batch costs a
   * round trip through the workflow: at 200 a national campaign spent about a tenth of its launch between
   * batches (npm run bench); at 1000 a batch is still seconds. Smaller in a fault test, to crash a worker mid-batch.
   */
  CAMPAIGN_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** a plan's workflow continues as new past this many history events (a test's); unset: when the server suggests */
  PLAN_HISTORY_LIMIT: z.coerce.number().int().min(20).optional(),
  TEMPORAL_UI_URL: z.string().url().optional(),
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  SMTP_SECURE: bool,
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('"Duyệt - Phòng GD&ĐT" <no-reply@duyet.example>'),
  MAILBOX_URL: z.string().url().optional(),
  /** the waits between a message's attempts (after the first, the second…): past the last, it fails for good */
  MAIL_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_MAIL_RETRY_SCHEDULE)
    .transform((text, ctx) => {
      const waits = parseDurations(text);
      if (!waits) ctx.addIssue({ code: 'custom', message: 'a comma-separated list of durations: 1m,5m,1h,8h' });
      return waits ?? [];
    }),
  /** how often the worker looks for e-mails that are due, whatever Redis holds */
  MAIL_SWEEP_MS: z.coerce.number().int().min(100).default(10_000),
  /** an attempt still SENDING this long after it started, with no live worker holding it, was interrupted */
  MAIL_SEND_LEASE_MS: z.coerce.number().int().min(1000).default(300_000),
  /** while messages wait for an unreachable relay, how often the worker checks whether it answers again */
  MAIL_RELAY_PROBE_MS: z.coerce.number().int().min(100).default(30_000),
  JWT_SECRET: z.string().min(16, 'JWT_SECRET must be at least 16 characters'),
  /** how long a session lasts, as a duration (30m, 8h, 1d): the token's expiry and the session cookie's Max-Age */
  JWT_TTL: z
    .string()
    .default('8h')
    .transform((text, ctx) => {
      const [ms, ...more] = parseDurations(text) ?? [];
      if (ms === undefined || more.length || ms < 1000)
        ctx.addIssue({ code: 'custom', message: 'one duration of at least 1s: 30m, 8h, 1d' });
      return Math.floor((ms ?? 0) / 1000);
    }),
  /** the built browser app the API serves at / (default: apps/web/dist under the repository) */
  WEB_DIST_DIR: z.string().min(1).optional(),
  /**
   * Express's "trust proxy": whose X-Forwarded-Proto to believe when telling whether a request came over TLS (HSTS).
   * Default: a proxy on this machine. "false" trusts none.
   */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  /**
   * Sign-in and password-link requests accepted per minute from one address (a school's or the office's network
   * may put sixty people behind one address on a meeting morning) and for one account (e-mail), across every API
   * process (kept in Redis). Past either, 429 until the minute is over.
   */
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
  SIGN_IN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  /** false: campaigns do not start their district's daily reminder run (test suites that set states by hand) */
  REMINDER_RUNS: bool,
  /** virtual seconds per real second: > 1 only for demos and tests (see workflows/src/clock.ts) */
  CLOCK_SPEED: z.coerce.number().positive().default(1),
  /** with CLOCK_SPEED: the real instant … */
  CLOCK_ANCHOR_REAL: z.iso.datetime({ offset: true }).optional(),
  /** … and the virtual instant it stands for */
  CLOCK_ANCHOR_VIRTUAL: z.iso.datetime({ offset: true }).optional(),
  /** where LocalDiskStorage keeps plan attachments, relative to the working directory */
  STORAGE_DIR: z.string().min(1).default('.data/attachments'),
  /** one attachment's size limit (default 20 MiB), enforced while the upload streams in */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20_971_520),
  /**
   * Each JSON answer checked against the schema its route declares (the OpenAPI document's): 'fail' answers a
   * mismatch 500 RESPONSE_SCHEMA_MISMATCH (the tests, so a drift fails loudly), 'log' only logs it, 'off' skips it.
   */
  RESPONSE_VALIDATION: z.enum(['off', 'log', 'fail']).default('off'),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  publicUrl: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  databaseUrl: string;
  redis: { url: string; prefix: string };
  /** requests per minute to the sign-in and password routes, per address and per account */
  signInLimits: { perAddress: number; perAccount: number };
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    uiUrl?: string;
    workflowBundlePath?: string;
    campaignBatchSize: number;
    planHistoryLimit?: number;
  };
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    user?: string;
    password?: string;
    from: string;
    mailboxUrl?: string;
  };
  mail: {
    /** ms to wait after each failed attempt; attempts in all: its length + 1 */
    retryScheduleMs: number[];
    sweepMs: number;
    sendLeaseMs: number;
    relayProbeMs: number;
  };
  /** ttlSeconds: a session's lifetime */
  jwt: { secret: string; ttlSeconds: number };
  /** distDir: the built browser app, absolute; trustProxy: Express's trust proxy setting */
  web: { distDir: string; trustProxy: boolean | string };
  clock: { anchorRealMs: number; anchorVirtualMs: number; speed: number };
  storage: { dir: string; maxUploadBytes: number };
  reminders: { runs: boolean };
  /** what a JSON answer that does not match its route's declared schema does (RESPONSE_VALIDATION) */
  responseValidation: 'off' | 'log' | 'fail';
}

export class ConfigError extends Error {}

/** Parses and validates the environment once; lists every bad key at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    redis: { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    signInLimits: { perAddress: e.SIGN_IN_LIMIT_PER_ADDRESS, perAccount: e.SIGN_IN_LIMIT_PER_ACCOUNT },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      campaignBatchSize: e.CAMPAIGN_BATCH_SIZE,
      planHistoryLimit: e.PLAN_HISTORY_LIMIT,
      uiUrl: e.TEMPORAL_UI_URL,
      workflowBundlePath: e.WORKFLOW_BUNDLE_PATH,
    },
    smtp: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE ?? false,
      user: e.SMTP_USER,
      password: e.SMTP_PASSWORD,
      from: e.MAIL_FROM,
      mailboxUrl: e.MAILBOX_URL,
    },
    mail: {
      retryScheduleMs: e.MAIL_RETRY_SCHEDULE,
      sweepMs: e.MAIL_SWEEP_MS,
      sendLeaseMs: e.MAIL_SEND_LEASE_MS,
      relayProbeMs: e.MAIL_RELAY_PROBE_MS,
    },
    jwt: { secret: e.JWT_SECRET, ttlSeconds: e.JWT_TTL },
    web: {
      distDir: path.resolve(e.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'apps/web/dist')),
      trustProxy: e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY,
    },
    reminders: { runs: e.REMINDER_RUNS ?? true },
    responseValidation: e.RESPONSE_VALIDATION,
    clock: {
      anchorRealMs: e.CLOCK_ANCHOR_REAL ? Date.parse(e.CLOCK_ANCHOR_REAL) : 0,
      anchorVirtualMs: e.CLOCK_ANCHOR_VIRTUAL ? Date.parse(e.CLOCK_ANCHOR_VIRTUAL) : 0,
      speed: e.CLOCK_SPEED,
    },
    storage: { dir: e.STORAGE_DIR, maxUploadBytes: e.MAX_UPLOAD_BYTES },
  };
}
