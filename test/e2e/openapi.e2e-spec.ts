// Every route of the API is in the OpenAPI document with a summary and the errors it can answer.
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_APP_OPTIONS, setupApp } from '../../apps/api/src/setup-app';

interface Operation {
  summary?: string;
  responses: Record<string, unknown>;
  security?: unknown[];
}

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    app = await NestFactory.create(ApiModule, { ...API_APP_OPTIONS, logger: false });
    setupApp(app);
    await app.init();
    const res = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    paths = res.body.paths;
  });

  afterAll(async () => {
    await app?.close();
  });

  const operations = () =>
    Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  it('lists the lifecycle, deadline and board routes', () => {
    const routes = operations().map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/plans/{id}/draft',
        'PUT /api/plans/{id}/draft',
        'POST /api/plans/{id}/submit',
        'POST /api/plans/{id}/withdraw',
        'POST /api/plans/{id}/start-review',
        'POST /api/plans/{id}/recommend',
        'POST /api/plans/{id}/approve',
        'POST /api/plans/{id}/return',
        'POST /api/plans/{id}/exempt',
        'POST /api/plans/{id}/reopen',
        'POST /api/plans/{id}/reviewer',
        'POST /api/plans/{id}/deadline',
        'POST /api/plans/bulk-decisions',
        'GET /api/plans/{id}/audit',
        'GET /api/plans/{id}/validation',
        'GET /api/plans/{id}/diff',
        'POST /api/plans/{id}/comments',
        'POST /api/plans/{id}/attachments',
        'POST /api/plans/{id}/extension-requests',
        'POST /api/campaigns/{id}/copy',
        'POST /api/campaigns/{id}/schools',
        'DELETE /api/campaigns/{id}/schools/{schoolCode}',
        'POST /api/campaigns/{id}/close',
        'GET /api/campaigns/{id}/audit',
        'GET /api/board',
        'GET /api/board/export.csv',
      ]),
    );
  });

  it('gives every route a summary and at least one documented error', () => {
    const undocumented = operations()
      .filter(({ op }) => !op.summary || !Object.keys(op.responses).some((code) => /^[45]\d\d$/.test(code)))
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(undocumented).toEqual([]);
  });
});
