import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_APP_OPTIONS, setupApp } from '../../apps/api/src/setup-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { freePort } from '../setup/global-setup';

async function health(envOverride: Record<string, string>, { worker = true } = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, envOverride);
  const app = await NestFactory.create(ApiModule, { ...API_APP_OPTIONS, logger: false });
  const workerApp = worker ? await NestFactory.createApplicationContext(WorkerModule, { logger: false }) : null;
  try {
    await workerApp?.init();
    setupApp(app);
    await app.init();
    return await request(app.getHttpServer()).get('/api/health');
  } finally {
    process.env = saved;
    await app.close();
    await workerApp?.close();
  }
}

describe('GET /api/health', () => {
  it('answers 200 when PostgreSQL, Redis, Temporal, the worker and SMTP all answer, and counts the worker', async () => {
    const res = await health({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', down: [] });
    expect(Object.keys(res.body.services).sort()).toEqual(['postgres', 'redis', 'smtp', 'temporal', 'worker']);
    expect(res.body.worker.mailConsumers).toBeGreaterThanOrEqual(1);
    expect(res.body.worker.temporalPollers).toBeGreaterThanOrEqual(1);
    expect(res.body.mail).toEqual({ due: expect.any(Number), oldestDueSeconds: expect.any(Number) });
  });

  it('answers 503 naming the worker when no worker runs', async () => {
    const res = await health({}, { worker: false });
    expect(res.status).toBe(503);
    expect(res.body.down).toEqual(['worker']);
    expect(res.body.worker.mailConsumers).toBe(0);
  });

  it('answers 503 naming the service that is down', async () => {
    const closed = String(await freePort());
    const res = await health({ SMTP_PORT: closed });
    expect(res.status).toBe(503);
    expect(res.body.down).toEqual(['smtp']);
    expect(res.body.message).toBe('Dịch vụ không hoạt động: smtp');
    expect(res.body.services.postgres).toEqual({ status: 'up' });
  });
});
