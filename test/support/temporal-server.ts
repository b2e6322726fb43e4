import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort } from '../setup/global-setup';

const ROOT = path.resolve(__dirname, '../..');

export interface TemporalServer {
  address: string;
  /** kill -9 by pid: the server goes away as in a crash */
  kill: () => Promise<void>;
  /** starts it again on the same port and history file */
  start: () => Promise<void>;
  destroy: () => Promise<void>;
}

/** A Temporal dev server of a test's own, its history in a file, so it can be killed and started again. */
export async function startTemporalServer(): Promise<TemporalServer> {
  const bin = process.env.TEMPORAL_BIN ?? path.join(ROOT, '.tools/bin/temporal');
  const dir = mkdtempSync(path.join(tmpdir(), 'duyet-temporal-'));
  const [port, http, metrics] = await Promise.all([freePort(), freePort(), freePort()]);
  const address = `127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      bin,
      [
        'server',
        'start-dev',
        '--headless',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--http-port',
        String(http),
        '--metrics-port',
        String(metrics),
        '--db-filename',
        path.join(dir, 'temporal.db'),
        '--log-level',
        'error',
      ],
      { stdio: 'ignore' },
    );
    const until = Date.now() + 60_000;
    for (;;) {
      try {
        await (await Connection.connect({ address, connectTimeout: 1000 })).close();
        return;
      } catch (err) {
        if (Date.now() > until) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };
  const kill = async () => {
    const c = child;
    if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    process.kill(c.pid, 'SIGKILL');
    await exited;
  };
  await start();
  return {
    address,
    kill,
    start,
    destroy: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
