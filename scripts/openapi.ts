// Writes the API's OpenAPI document to a file (default generated/openapi.json) without starting anything: the
// app is built in Nest's preview mode, where no provider is instantiated, so no connection to PostgreSQL, Redis
// or Temporal is attempted and no setting is read. `npm run openapi -- <file>`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../apps/api/src/api.module';
import { API_PREFIX, buildOpenApiDocument } from '../apps/api/src/openapi';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'generated/openapi.json');
  const app = await NestFactory.create(ApiModule, { preview: true, logger: ['error'], abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApiDocument(app);
  await app.close();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
  process.stdout.write(`${path.relative(process.cwd(), out)}: ${operations.length} operations\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
