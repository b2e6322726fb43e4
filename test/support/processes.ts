import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface Child {
  process: ChildProcess;
  pid: number;
  /** the last lines it wrote, for a failure's message */
  output: () => string;
  /** kill -9 by process id, and wait until it has gone */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s */
  stop: () => Promise<void>;
}

/**
 * One of Duyệt's processes (the worker, the API) from its TypeScript sources, with the environment the tests
 * run in (global-setup's services) and what `env` adds. Fault tests kill it by its pid, never by name.
 */
export function startApp(app: 'worker' | 'api', env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${app} did not start`);
  return {
    process: child,
    pid,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
