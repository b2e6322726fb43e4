import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { setupHttpEdge } from './common/http-edge';
import { setupLinkPages } from './common/link-pages';

/** Nest's own body parsers stay off: setupHttpEdge installs the ones whose limits follow the schemas. */
export const API_APP_OPTIONS = { bodyParser: false } as const;

/**
 * Everything main.ts and the tests both need: the body rules and parser, the /api prefix and the OpenAPI
 * document at /api/docs. The app must be created with API_APP_OPTIONS.
 */
export function setupApp(app: INestApplication): void {
  setupHttpEdge(app);
  setupLinkPages(app);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle('Duyệt API')
    .setDescription('Xây dựng, nộp, xét duyệt kế hoạch của các trường - Phòng GD&ĐT')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
