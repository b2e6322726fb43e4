import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Pool, type PoolConfig, types } from 'pg';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import type { Prisma } from '../../../generated/prisma/client';

// Prisma's DateTime is timestamp(3) without a time zone, holding UTC: read it as UTC, whatever TZ the process has.
const TIMESTAMP = 1114;
const readTypes: PoolConfig['types'] = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP && format !== 'binary'
      ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/**
 * Hot read-only statements (the overdue board's) as named prepared statements on a small pool of its own: each
 * connection parses and plans a statement once, then only binds and executes it. Through Prisma every call was
 * parsed and planned again, and its query engine and result mapping cost the API as much CPU as the statement
 * cost PostgreSQL (npm run bench). Writes, and everything else, stay with PrismaService.
 */
@Injectable()
export class PreparedReads implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 8, types: readTypes });
  }

  /** Runs a statement built with Prisma.sql; its text names the prepared statement, so any filter reuses its own. */
  async query<T>(sql: Prisma.Sql): Promise<T[]> {
    const name = `duyet_${createHash('sha1').update(sql.text).digest('base64url').slice(0, 20)}`;
    const res = await this.pool.query({ name, text: sql.text, values: sql.values as unknown[] });
    return res.rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
