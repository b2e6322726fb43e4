export * from './prisma.service';
export * from './database.module';
export * from '../../../generated/prisma/client';
