import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { ErrorBodyDto, withErrorBodies } from './common/error-body';

/** Every route lives under it; the document's paths carry it too. */
export const API_PREFIX = 'api';

/**
 * The OpenAPI document of the API, as served at /api/docs/openapi.json and written by `npm run openapi`: the one
 * builder both use, so the file a client is generated from is the document the server serves.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Duyệt API')
    .setDescription('Xây dựng, nộp, xét duyệt kế hoạch của các trường - Phòng GD&ĐT')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] });
  return withErrorBodies(nullableAsOpenApi30(cleanupOpenApiDoc(unlistNullableProperties(document))));
}

const ZOD_EMPTY_TYPE = 'x-nestjs_zod-empty-type';

/**
 * A DTO's own nullable property (`z.string().nullable()`) reaches @nestjs/swagger as `type: ['string', 'null']`, which
 * it reads as its array notation and writes `type: 'array', items: { type: 'string' }`. nestjs-zod marks such a
 * property (its type was not one string); a real array never carries the mark. Put back as a nullable value.
 */
function unlistNullableProperties<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const item of node) unlistNullableProperties(item);
  } else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    const items = schema.items as { type?: unknown } | undefined;
    if (schema[ZOD_EMPTY_TYPE] && schema.type === 'array' && typeof items?.type === 'string') {
      schema.type = items.type;
      schema.nullable = true;
      delete schema.items;
    }
    for (const value of Object.values(schema)) unlistNullableProperties(value);
  }
  return node;
}

/**
 * The document says OpenAPI 3.0, where a nullable value is `nullable: true`; zod writes the 3.1 form `type: ['string',
 * 'null']`, which 3.0 readers (the web app's client generator) take for an array. Rewritten in place, in 3.0's words.
 */
export function nullableAsOpenApi30<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const item of node) nullableAsOpenApi30(item);
  } else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (Array.isArray(schema.type)) {
      const types = (schema.type as string[]).filter((t) => t !== 'null');
      if (types.length === 1) {
        if (types.length < (schema.type as string[]).length) schema.nullable = true;
        schema.type = types[0];
      }
    }
    for (const value of Object.values(schema)) nullableAsOpenApi30(value);
  }
  return node;
}
