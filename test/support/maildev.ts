import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

const MAILDEV_BIN = path.join(__dirname, '../../node_modules/maildev/bin/maildev');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/**
 * A mail catcher of one suite's own, which the suite can take down and bring back on the same ports: an SMTP
 * outage as the application sees it (connections refused). A restarted catcher starts with an empty inbox.
 */
export interface PrivateMaildev {
  smtpPort: number;
  /** the REST API's base, for MAILBOX_URL */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startPrivateMaildev(): Promise<PrivateMaildev> {
  const [smtpPort, webPort] = await Promise.all([freePort(), freePort()]);
  const url = `http://127.0.0.1:${webPort}`;
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    child = spawn(
      process.execPath,
      [MAILDEV_BIN, '--ip', '127.0.0.1', '--smtp', String(smtpPort), '--web', String(webPort), '--silent'],
      { stdio: 'ignore' },
    );
    const until = Date.now() + 15_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/email`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`maildev did not start on ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    await exited;
  };

  await start();
  return { smtpPort, url, start, stop };
}
