import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { setupHttpEdge } from './common/http-edge';
import { setupLinkPages } from './common/link-pages';
import { API_PREFIX, buildOpenApiDocument } from './openapi';

/** Nest's own body parsers stay off: setupHttpEdge installs the ones whose limits follow the schemas. */
export const API_APP_OPTIONS = { bodyParser: false } as const;

/**
 * Everything main.ts and the tests both need: the body rules and parser, the /api prefix and the OpenAPI
 * document at /api/docs. The app must be created with API_APP_OPTIONS.
 */
export function setupApp(app: INestApplication): void {
  setupHttpEdge(app);
  setupLinkPages(app);
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
