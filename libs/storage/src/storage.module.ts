import path from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

/** Provides FILE_STORAGE; swapping the local disk for an S3-compatible store is a change of this factory only. */
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => new LocalDiskStorage(path.resolve(config.storage.dir)),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
