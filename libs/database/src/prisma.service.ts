import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { PrismaClient } from '../../../generated/prisma/client';

/**
 * Bounds on every connection to PostgreSQL: while the server is down a request fails in two seconds (and the API
 * answers 503 naming it) instead of waiting on a connection that will not come.
 */
export const DATABASE_TIMEOUTS = { connectionTimeoutMillis: 2000 } as const;

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      adapter: new PrismaPg(
        { connectionString: config.databaseUrl, max: 20, ...DATABASE_TIMEOUTS },
        { onPoolError: (err) => new Logger('Prisma').warn(`idle database connection lost: ${err.message}`) },
      ),
    });
  }

  /** One round trip to the server, for the health probes. */
  async ping(): Promise<void> {
    await this.$queryRaw`SELECT 1`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
