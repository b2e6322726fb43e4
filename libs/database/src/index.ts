export * from './prisma.service';
export * from './prepared-reads.service';
export * from './database.module';
export * from '../../../generated/prisma/client';
