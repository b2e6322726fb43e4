// Starts the real services one test run needs, on free ports, and hands their addresses to the tests
// through process.env: an in-memory Temporal dev server, maildev, a fresh database with migrations and
// the sample district, and the workflow bundle built once.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { Connection } from '@temporalio/client';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { seed } from '../../prisma/seed';

const ROOT = path.resolve(__dirname, '../..');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

async function waitFor(what: string, probe: () => Promise<unknown>, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await probe();
      return;
    } catch (err) {
      if (Date.now() > until) throw new Error(`${what} not ready after ${seconds} s: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function start(cmd: string, args: string[], name: string): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  child.on('exit', (code) => {
    if (code && code !== 0) process.stderr.write(`${name} exited with ${code}: ${stderr}\n`);
  });
  return child;
}

export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const temporalBin = process.env.TEMPORAL_BIN ?? path.join(ROOT, '.tools/bin/temporal');
  const [temporalPort, temporalHttp, temporalMetrics, smtpPort, webPort] = await Promise.all(
    Array.from({ length: 5 }, freePort),
  );

  const temporal = start(
    temporalBin,
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(temporalPort),
      '--http-port',
      String(temporalHttp),
      '--metrics-port',
      String(temporalMetrics),
      '--log-level',
      'error',
    ],
    'temporal',
  );
  const maildev = start(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/maildev/bin/maildev'),
      '--ip',
      '127.0.0.1',
      '--smtp',
      String(smtpPort),
      '--web',
      String(webPort),
    ],
    'maildev',
  );

  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
  const dbName = `duyet_test_${runId}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const databaseUrl = dbUrl.toString();
  execFileSync(path.join(ROOT, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  await seed(databaseUrl);

  const bundle = await bundleWorkflowCode({
    workflowsPath: path.join(ROOT, 'workflows/src'),
    logger: new DefaultLogger('WARN'),
  });
  const bundleDir = path.join(ROOT, '.data/test');
  mkdirSync(bundleDir, { recursive: true });
  const bundlePath = path.join(bundleDir, `workflow-bundle-${runId}.js`);
  writeFileSync(bundlePath, bundle.code);

  await waitFor(
    'Temporal',
    async () => (await Connection.connect({ address: `127.0.0.1:${temporalPort}`, connectTimeout: 1000 })).close(),
    60,
  );
  await waitFor(
    'maildev',
    async () => {
      const res = await fetch(`http://127.0.0.1:${webPort}/email`);
      if (!res.ok) throw new Error(String(res.status));
    },
    30,
  );

  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_ADMIN_URL: adminUrl,
    TEST_DATABASE_NAME: dbName,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `duyet-test-${runId}`,
    // No district reminder run on real time: suites that set plan states by hand would get stray e-mails at
    // 07:30. The deadline scenarios switch it on for their own district.
    REMINDER_RUNS: 'false',
    // The suites sign in hundreds of times a minute from one address: the limits are the accounts suite's to test.
    SIGN_IN_LIMIT_PER_ADDRESS: '1000000',
    SIGN_IN_LIMIT_PER_ACCOUNT: '1000000',
    // An answer that drifts from its route's declared schema (the OpenAPI document) fails the suite that got it.
    RESPONSE_VALIDATION: 'fail',
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_TASK_QUEUE: `duyet-test-${runId}`,
    WORKFLOW_BUNDLE_PATH: bundlePath,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    MAILBOX_URL: `http://127.0.0.1:${webPort}`,
    // The production retry schedule, with the worker's sweep and relay probe on a test's time scale.
    MAIL_SWEEP_MS: '1000',
    MAIL_RELAY_PROBE_MS: '1000',
    JWT_SECRET: `test-secret-${runId}-0123456789`,
    PUBLIC_URL: 'http://duyet.test',
  });
  (globalThis as { __DUYET_CHILDREN__?: ChildProcess[] }).__DUYET_CHILDREN__ = [temporal, maildev];
}
