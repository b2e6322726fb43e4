import { Global, Module } from '@nestjs/common';
import { PreparedReads } from './prepared-reads.service';
import { PrismaService } from './prisma.service';

@Global()
@Module({ providers: [PrismaService, PreparedReads], exports: [PrismaService, PreparedReads] })
export class DatabaseModule {}
