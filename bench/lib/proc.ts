// Child processes of the bench: started with their output in a log file, watched for peak memory, stopped by pid.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, uptime } from 'node:os';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** True when nothing listens on 127.0.0.1:port. */
export const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

export async function waitFor(what: string, probe: () => Promise<unknown>, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await probe();
      return;
    } catch (err) {
      if (Date.now() > until) throw new Error(`${what} not ready after ${seconds} s: ${String(err)}`);
      await sleep(250);
    }
  }
}

export interface Managed {
  name: string;
  child: ChildProcess;
  log: string;
  stop: () => Promise<void>;
}

/** Starts a process whose stdout and stderr go to a log file; stop() sends SIGTERM, then SIGKILL after 10 s. */
export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; log: string },
): Managed {
  const out = createWriteStream(opts.log, { flags: 'w' });
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    log: opts.log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Resident memory of a process from /proc: now (VmRSS) and its peak so far (VmHWM), in bytes. */
export function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (user + system), in seconds, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU time the whole machine has been busy (all cores), in seconds, from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // idle and iowait (4th and 5th) are not busy
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** CPU time so far of each PostgreSQL process, by pid (the server is shared: other databases' work counts too). */
function postgresSeconds(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      out.set(Number(entry), cpuSecondsOf(Number(entry)) ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** What PostgreSQL processes used between two readings; a backend that exited meanwhile is not counted. */
function postgresDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Share of one core each process used during a phase: 1.0 is a core busy all along (who was the bottleneck). */
export function cpuMeter(pids: Record<string, number | undefined>): () => Record<string, number> {
  const t0 = performance.now();
  const start = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid ? cpuSecondsOf(pid) : null]));
  const [machine0, postgres0] = [machineBusySeconds(), postgresSeconds()];
  return () => {
    const wall = (performance.now() - t0) / 1000;
    const share = (used: number) => Math.round((used / wall) * 100) / 100;
    const out: Record<string, number> = {
      machine: share(machineBusySeconds() - machine0),
      postgres: share(postgresDelta(postgres0, postgresSeconds())),
    };
    for (const [k, pid] of Object.entries(pids)) {
      const end = pid ? cpuSecondsOf(pid) : null;
      const begin = start[k];
      if (end !== null && begin !== null && begin !== undefined) out[k] = share(end - begin);
    }
    return out;
  };
}

/** Samples the resident memory of some processes every interval; peak() reads VmHWM, which misses nothing. */
export class MemoryWatch {
  private readonly peaks = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: () => Record<string, number | undefined>,
    intervalMs = 500,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    for (const [name, pid] of Object.entries(this.pids())) {
      if (!pid) continue;
      const m = memoryOf(pid);
      if (m) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, m.hwm, m.rss));
    }
  }

  readonly timeline: Record<string, Record<string, number>> = {};
  /** when each mark was taken: to cut a CPU profile (--profile) into the bench's phases */
  readonly at: Record<string, string> = {};

  /** Resident memory (MiB) of each process now, under a label: where in the run memory grows. */
  mark(label: string): void {
    this.sample();
    const now: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids())) {
      const m = pid ? memoryOf(pid) : null;
      if (m) now[name] = Math.round(m.rss / 1048576);
    }
    this.timeline[label] = now;
    this.at[label] = new Date().toISOString();
  }

  peak(name: string): number | null {
    this.sample();
    return this.peaks.get(name) ?? null;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** What else the machine is doing: the bench shares 2 cores with whoever else works on it. */
export function machineLoad(): { loadavg: number[]; uptimeSeconds: number } {
  return { loadavg: loadavg().map((l) => Math.round(l * 100) / 100), uptimeSeconds: Math.round(uptime()) };
}
