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
  return withErrorBodies(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] })));
}
