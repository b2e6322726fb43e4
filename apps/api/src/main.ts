import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { ApiModule } from './api.module';
import { API_APP_OPTIONS, setupApp } from './setup-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(ApiModule, { ...API_APP_OPTIONS, bufferLogs: false });
  setupApp(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
}

void bootstrap();
