import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** Everything main.ts and the tests both need: the /api prefix and the OpenAPI document at /api/docs. */
export function setupApp(app: INestApplication): void {
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
