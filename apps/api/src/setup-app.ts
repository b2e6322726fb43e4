import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { setupHttpEdge } from './common/http-edge';
import { setupSecurityHeaders } from './common/security-headers';
import { setupWebApp } from './common/web-app';
import { API_PREFIX, buildOpenApiDocument } from './openapi';

/** Nest's own body parsers stay off: setupHttpEdge installs the ones whose limits follow the schemas. */
export const API_APP_OPTIONS = { bodyParser: false } as const;

/**
 * Everything main.ts and the tests both need: security headers, the body rules and parser, the browser app at /,
 * the /api prefix and the OpenAPI document at /api/docs. The app must be created with API_APP_OPTIONS.
 */
export function setupApp(app: INestApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  setupSecurityHeaders(app, { publicUrl: config.publicUrl, trustProxy: config.web.trustProxy });
  setupHttpEdge(app);
  setupWebApp(app, config.web.distDir);
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
