import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  for (const child of (globalThis as { __DUYET_CHILDREN__?: ChildProcess[] }).__DUYET_CHILDREN__ ?? []) {
    child.kill('SIGTERM');
  }
  const name = process.env.TEST_DATABASE_NAME;
  if (name && process.env.DATABASE_ADMIN_URL && !process.env.KEEP_TEST_DB) {
    const admin = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
