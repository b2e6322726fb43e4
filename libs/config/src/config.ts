import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

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
  TEMPORAL_UI_URL: z.string().url().optional(),
  WORKFLOW_BUNDLE_PATH: z.string().optional(),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  SMTP_SECURE: bool,
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('"Duyệt - Phòng GD&ĐT" <no-reply@duyet.example>'),
  MAILBOX_URL: z.string().url().optional(),
  MAIL_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  MAIL_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
  JWT_SECRET: z.string().min(16, 'JWT_SECRET must be at least 16 characters'),
  JWT_TTL: z.string().default('8h'),
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
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  publicUrl: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  databaseUrl: string;
  redis: { url: string; prefix: string };
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl?: string; workflowBundlePath?: string };
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    user?: string;
    password?: string;
    from: string;
    mailboxUrl?: string;
  };
  mail: { attempts: number; backoffMs: number };
  jwt: { secret: string; ttl: string };
  clock: { anchorRealMs: number; anchorVirtualMs: number; speed: number };
  storage: { dir: string; maxUploadBytes: number };
  reminders: { runs: boolean };
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
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
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
    mail: { attempts: e.MAIL_ATTEMPTS, backoffMs: e.MAIL_BACKOFF_MS },
    jwt: { secret: e.JWT_SECRET, ttl: e.JWT_TTL },
    reminders: { runs: e.REMINDER_RUNS ?? true },
    clock: {
      anchorRealMs: e.CLOCK_ANCHOR_REAL ? Date.parse(e.CLOCK_ANCHOR_REAL) : 0,
      anchorVirtualMs: e.CLOCK_ANCHOR_VIRTUAL ? Date.parse(e.CLOCK_ANCHOR_VIRTUAL) : 0,
      speed: e.CLOCK_SPEED,
    },
    storage: { dir: e.STORAGE_DIR, maxUploadBytes: e.MAX_UPLOAD_BYTES },
  };
}
