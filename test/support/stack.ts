import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { PrismaService } from '@duyet/database';
import { TemporalClientService } from '@duyet/temporal';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_APP_OPTIONS, setupApp } from '../../apps/api/src/setup-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export const DEMO_PASSWORD = 'Duyet@2026';

/** The API and the worker, both real, in this process, against the services global-setup started. */
export interface Stack {
  api: INestApplication;
  /** null when the test runs the worker itself (as a child process it can kill) */
  worker: INestApplicationContext | null;
  prisma: PrismaService;
  temporal: TemporalClientService;
  http: () => ReturnType<typeof request>;
  login: (email: string) => Promise<string>;
  close: () => Promise<void>;
}

export async function startStack({ worker: withWorker = true } = {}): Promise<Stack> {
  const worker = withWorker
    ? await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] })
    : null;
  await worker?.init();
  const api = await NestFactory.create(ApiModule, { ...API_APP_OPTIONS, logger: ['error', 'warn'] });
  setupApp(api);
  await api.init();
  const server = api.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    api,
    worker,
    prisma: api.get(PrismaService),
    temporal: api.get(TemporalClientService),
    http: () => request(server),
    login: async (email) => {
      const cached = tokens.get(email);
      if (cached) return cached;
      const res = await request(server).post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
      tokens.set(email, res.body.accessToken as string);
      return res.body.accessToken as string;
    },
    close: async () => {
      await api.close();
      await worker?.close();
    },
  };
}

/** Polls until check returns a value that is not undefined, or fails after timeoutMs. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Sets environment variables for the stack a suite starts (its config is read when the stack is created) and
 * returns what puts the previous values back, removing those that were unset.
 */
export function overrideEnv(vars: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
