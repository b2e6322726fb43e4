import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_APP_OPTIONS, setupApp } from '../../apps/api/src/setup-app';
import { freePort } from '../setup/global-setup';

async function health(envOverride: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, envOverride);
  const app = await NestFactory.create(ApiModule, { ...API_APP_OPTIONS, logger: false });
  try {
    setupApp(app);
    await app.init();
    return await request(app.getHttpServer()).get('/api/health');
  } finally {
    process.env = saved;
    await app.close();
  }
}

describe('GET /api/health', () => {
  it('answers 200 when PostgreSQL, Redis, Temporal and SMTP all answer', async () => {
    const res = await health({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', down: [] });
    expect(Object.keys(res.body.services).sort()).toEqual(['postgres', 'redis', 'smtp', 'temporal']);
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
