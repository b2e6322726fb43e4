// The OpenAPI document describes every answer: the browser app's client is generated from it (npm run openapi).
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from './api.module';
import { API_PREFIX, buildOpenApiDocument } from './openapi';

interface Response {
  description?: string;
  content?: Record<string, { schema?: { $ref?: string; type?: string; format?: string } }>;
}
interface Operation {
  responses: Record<string, Response>;
}

const ERROR_REF = '#/components/schemas/ErrorBodyDto';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Built as `npm run openapi` builds it: Nest's preview mode, no provider made, nothing connected. */
async function buildDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Why a success answer says nothing a client could be typed from (undefined when it does). */
function successGap(op: Operation): string | undefined {
  const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
  if (!successes.length) return 'no 2xx answer';
  for (const [status, response] of successes) {
    if (status === '204') {
      if (response.content) return '204 with a body';
      continue;
    }
    const content = Object.entries(response.content ?? {});
    if (!content.length) return `${status} without a schema`;
    for (const [type, media] of content) {
      const schema = media.schema ?? {};
      if (type === 'application/json' ? !schema.$ref : schema.format !== 'binary') {
        return `${status} ${type} is neither a named schema nor binary`;
      }
    }
  }
  return undefined;
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  let operations: { key: string; op: Operation }[];

  beforeAll(async () => {
    document = await buildDocument();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op: op as Operation })),
    );
  }, 60_000);

  it('gives every operation a typed success answer: a named JSON schema, a binary file, or 204 without a body', () => {
    const gaps = operations.flatMap(({ key, op }) => {
      const gap = successGap(op);
      return gap ? [`${key}: ${gap}`] : [];
    });
    const typed = operations.length - gaps.length;
    process.stdout.write(`OpenAPI: ${operations.length} operations, ${typed} with a typed success answer\n`);
    expect(operations.length).toBeGreaterThan(60);
    expect(gaps).toEqual([]);
  });

  it('answers every error with the shared error body, whose code lists the domain codes', () => {
    const untyped = operations.flatMap(({ key, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(([status, r]) => r.content?.['application/json']?.schema?.$ref !== ERROR_REF && status !== '503')
        .map(([status]) => `${key} ${status}`),
    );
    expect(untyped).toEqual([]);
    const errorBody = document.components?.schemas?.ErrorBodyDto as { properties: { code: { enum: string[] } } };
    expect(errorBody.properties.code.enum).toEqual(
      expect.arrayContaining(['VALIDATION', 'NOT_FOUND', 'INVALID_TRANSITION', 'PRECONDITION_FAILED', 'UNAVAILABLE']),
    );
  });

  it('declares the errors every route of its kind can answer: 401 behind a login, 400 with input, 500 and 503', () => {
    const missing = operations.flatMap(({ key, op }) => {
      const wanted = ['500', '503'];
      if (key.includes('{')) wanted.push('400');
      if ((op as { security?: unknown[] }).security?.length) wanted.push('401');
      return wanted.filter((s) => !op.responses[s]).map((s) => `${key} ${s}`);
    });
    expect(missing).toEqual([]);
  });

  it('describes a 503 of its own only where the route answers one (the health check: the same body as its 200)', () => {
    const own = operations
      .filter(({ op }) => op.responses['503']?.content?.['application/json']?.schema?.$ref !== ERROR_REF)
      .map(({ key, op }) => [key, op.responses['503']?.content?.['application/json']?.schema?.$ref]);
    expect(own).toEqual([['GET /api/health', '#/components/schemas/HealthDto']]);
  });

  it('shows instants as date-time strings and JSON columns as one recursive JsonValue schema', () => {
    const schemas = document.components?.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.PlanDetailDto!.properties.statusChangedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schemas.PlanDetailDto!.properties.draft).toEqual({ $ref: '#/components/schemas/JsonValue' });
    expect(schemas.JsonValue).toBeDefined();
  });

  it("writes a nullable value in OpenAPI 3.0's words, never as a list of types a client would read as an array", () => {
    const lists: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray((node as { type?: unknown }).type)) lists.push(at);
      for (const [key, value] of Object.entries(node)) walk(value, `${at}.${key}`);
    };
    walk(document, '');
    expect(lists).toEqual([]);
    const list = document.components?.schemas?.CampaignListDto as { items: { properties: Record<string, unknown> } };
    expect(list.items.properties.signerTitle).toEqual({ type: 'string', nullable: true });
    // A DTO's own property, which @nestjs/swagger took for an array, and a real array beside it.
    const school = document.components?.schemas?.SchoolDto as { properties: Record<string, unknown> };
    expect(school.properties.closeReason).toEqual({ type: 'string', nullable: true });
    const campaign = document.components?.schemas?.CampaignDto as { properties: Record<string, { type?: string }> };
    expect(campaign.properties.targetLevels?.type).toBe('array');
  });
});
