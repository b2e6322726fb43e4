import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { seed } from '../../prisma/seed';
import { freePort } from '../setup/global-setup';

const ROOT = path.resolve(__dirname, '../..');

/** Debian keeps the server's programs under /usr/lib/postgresql/<major>/bin; elsewhere they are on PATH. */
function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const major = readdirSync(base).sort((a, b) => Number(b) - Number(a))[0];
    if (major) return path.join(base, major, 'bin', name);
  }
  return name;
}

export interface PostgresServer {
  url: string;
  stop: () => void;
  start: () => void;
  /** stops it for good and removes its files */
  destroy: () => void;
}

/**
 * A PostgreSQL server of a test's own, in a temporary directory on a free port, with Duyệt's migrations and the
 * sample district: a fault test can stop and start it without touching the machine's server that the other
 * suites use. Run as the postgres user when the tests run as root (initdb refuses root).
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duyet-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', pgBin(bin), ...args], { stdio: 'ignore' })
      : execFileSync(pgBin(bin), args, { stdio: 'ignore' });
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', opts, '-w', '-l', path.join(dir, 'log'), 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  const admin = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE duyet');
  await admin.end();
  const url = `postgresql://postgres@127.0.0.1:${port}/duyet`;
  execFileSync(path.join(ROOT, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'ignore',
  });
  await seed(url);
  return {
    url,
    stop,
    start,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
