import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Pool, type PoolConfig, types } from 'pg';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import type { Prisma } from '../../../generated/prisma/client';
import { DATABASE_TIMEOUTS } from './prisma.service';

/** SQLSTATEs of a lost connection or a server going away: connection exceptions, shutdown, too many clients. */
const CONNECTION_STATES = /^(08|57|53)/;

/** A network error (no server answer at all), or the server's own word that the connection is going. */
const lostConnection = (err: object): boolean => {
  const { severity, code } = err as { severity?: unknown; code?: unknown };
  return severity === undefined || CONNECTION_STATES.test(String(code));
};

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
  private readonly logger = new Logger(PreparedReads.name);

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({
      connectionString: config.databaseUrl,
      max: 8,
      types: readTypes,
      // These reads are planned once and run often: PostgreSQL's JIT compiling them again on every run cost more
      // than it saved (about 60 ms of the consolidation's 50,000-school statement, npm run bench)
      options: '-c jit=off',
      ...DATABASE_TIMEOUTS,
    });
    // An idle connection the server closes (a restart: 57P01) is an 'error' event on the pool; without a listener
    // it is an uncaught exception that ends the process. The pool drops that connection and opens a new one.
    this.pool.on('error', (err) => this.logger.warn(`idle board connection lost: ${err.message}`));
  }

  /** Runs a statement built with Prisma.sql; its text names the prepared statement, so any filter reuses its own. */
  async query<T>(sql: Prisma.Sql): Promise<T[]> {
    const name = `duyet_${createHash('sha1').update(sql.text).digest('base64url').slice(0, 20)}`;
    try {
      const res = await this.pool.query({ name, text: sql.text, values: sql.values as unknown[] });
      return res.rows as T[];
    } catch (err) {
      // A connection that could not be made or was cut says nothing of which server it was for: say it here,
      // so that the API answers 503 naming the database (libs/domain failures.ts reads `dependency`).
      if (typeof err === 'object' && err !== null && lostConnection(err))
        Object.assign(err, { dependency: 'postgres' });
      throw err;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
