// The bench's Temporal server: go.temporal.io/server v1.29.1 on PostgreSQL (bench/temporal/bench.yaml), its own
// two databases set up with the server's SQL schema tool, on ports that never collide with a dev server on 7233.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { type Managed, freePort, portFree, sleep, startProcess, waitFor } from './proc';

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

export interface TemporalServerOptions {
  root: string;
  pg: { host: string; port: number; user: string; password: string };
  logDir: string;
  log: (msg: string) => void;
}

export interface RunningTemporal {
  address: string;
  namespace: string;
  server: Managed;
  pid: number;
  info: Record<string, unknown>;
  stop: () => Promise<void>;
}

function findGo(): string | null {
  for (const go of ['go', '/usr/local/go/bin/go']) {
    try {
      execFileSync(go, ['version'], { stdio: 'ignore' });
      return go;
    } catch {
      // try the next
    }
  }
  return null;
}

/** A binary in .tools/bin under one of its names, or built once with `go install` from the module proxy. */
function ensureBinary(opts: TemporalServerOptions, names: string[], pkg: string): string {
  const bin = path.join(opts.root, '.tools/bin');
  for (const name of names) if (existsSync(path.join(bin, name))) return path.join(bin, name);
  const go = findGo();
  if (!go) throw new Error(`${names[0]} is missing from .tools/bin and Go is not installed to build ${pkg}`);
  opts.log(`Building ${pkg}@${TEMPORAL_SERVER_VERSION} once with Go into .tools/bin (several minutes)`);
  mkdirSync(bin, { recursive: true });
  execFileSync(go, ['install', `${pkg}@${TEMPORAL_SERVER_VERSION}`], {
    env: { ...process.env, GOBIN: bin, GOFLAGS: '-mod=mod' },
    stdio: 'inherit',
  });
  const built = path.join(bin, path.basename(pkg));
  if (!existsSync(built)) throw new Error(`go install ${pkg} did not produce ${built}`);
  return built;
}

/** The PostgreSQL schema files shipped in the server module (its versioned migrations). */
function schemaDir(opts: TemporalServerOptions): string {
  const go = findGo();
  const cache = go
    ? execFileSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim()
    : path.join(process.env.HOME ?? '/root', 'go/pkg/mod');
  let dir = path.join(cache, `${MODULE}@${TEMPORAL_SERVER_VERSION}`);
  if (!existsSync(dir)) {
    if (!go)
      throw new Error(`The schema files of ${MODULE}@${TEMPORAL_SERVER_VERSION} are missing and Go is not installed`);
    opts.log(`Downloading ${MODULE}@${TEMPORAL_SERVER_VERSION} for its schema files`);
    const info = JSON.parse(
      execFileSync(go, ['mod', 'download', '-json', `${MODULE}@${TEMPORAL_SERVER_VERSION}`], { encoding: 'utf8' }),
    ) as { Dir: string };
    dir = info.Dir;
  }
  return path.join(dir, 'schema/postgresql/v12');
}

/**
 * Creates the two databases afresh and migrates them to the server's schema: each run starts from an empty
 * history, so runs compare, and no plan workflow of an earlier run keeps timers firing into this one.
 */
function resetDatabases(opts: TemporalServerOptions, sqlTool: string, dbs: { main: string; visibility: string }) {
  const schema = schemaDir(opts);
  const base = [
    '--plugin',
    'postgres12',
    '--ep',
    opts.pg.host,
    '-p',
    String(opts.pg.port),
    '-u',
    opts.pg.user,
    ...(opts.pg.password ? ['--pw', opts.pg.password] : []),
  ];
  const run = (db: string, args: string[]) =>
    execFileSync(sqlTool, [...base, '--db', db, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  for (const [db, versioned] of [
    [dbs.main, 'temporal/versioned'],
    [dbs.visibility, 'visibility/versioned'],
  ] as const) {
    run(db, ['drop-database', '--force']);
    run(db, ['create-database']);
    run(db, ['setup-schema', '-v', '0.0']);
    run(db, ['update-schema', '-d', path.join(schema, versioned)]);
  }
}

const PORT_KEYS = [
  'BENCH_TEMPORAL_PORT',
  'BENCH_TEMPORAL_HTTP_PORT',
  'BENCH_TEMPORAL_FRONTEND_MEMBERSHIP_PORT',
  'BENCH_TEMPORAL_HISTORY_PORT',
  'BENCH_TEMPORAL_HISTORY_MEMBERSHIP_PORT',
  'BENCH_TEMPORAL_MATCHING_PORT',
  'BENCH_TEMPORAL_MATCHING_MEMBERSHIP_PORT',
  'BENCH_TEMPORAL_WORKER_PORT',
  'BENCH_TEMPORAL_WORKER_MEMBERSHIP_PORT',
] as const;
// The config's defaults: Temporal's own ports plus 10000.
const DEFAULT_PORTS = [17233, 17243, 16933, 17234, 16934, 17235, 16935, 17239, 16939];

/** The fixed ports when all are free (a stable address to point a UI at), otherwise free ones. */
async function choosePorts(): Promise<Record<(typeof PORT_KEYS)[number], string>> {
  const fixed = (await Promise.all(DEFAULT_PORTS.map(portFree))).every(Boolean);
  const ports = fixed ? DEFAULT_PORTS : await Promise.all(DEFAULT_PORTS.map(() => freePort()));
  return Object.fromEntries(PORT_KEYS.map((k, i) => [k, String(ports[i])])) as Record<
    (typeof PORT_KEYS)[number],
    string
  >;
}

/** A server this bench left running (killed or crashed before its cleanup) would hold the databases: stop it. */
function stopStaleServer(pidFile: string, log: (m: string) => void): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('bench/temporal')) {
      log(`Stopping the bench's Temporal server left from an earlier run (pid ${pid})`);
      process.kill(pid, 'SIGTERM');
    }
  } catch {
    // gone already
  }
}

export async function startTemporalServer(opts: TemporalServerOptions): Promise<RunningTemporal> {
  const serverBin = ensureBinary(opts, ['temporal-server', 'server'], `${MODULE}/cmd/server`);
  const sqlTool = ensureBinary(opts, ['temporal-sql-tool', 'sql'], `${MODULE}/cmd/tools/sql`);
  const pidFile = path.join(opts.logDir, 'temporal-server.pid');
  stopStaleServer(pidFile, opts.log);
  await sleep(500);
  const dbs = { main: 'temporal_bench', visibility: 'temporal_bench_visibility' };
  opts.log(`Setting up ${dbs.main} and ${dbs.visibility} with the Temporal SQL tool`);
  resetDatabases(opts, sqlTool, dbs);

  const ports = await choosePorts();
  const address = `127.0.0.1:${ports.BENCH_TEMPORAL_PORT}`;
  opts.log(`Starting the Temporal server ${TEMPORAL_SERVER_VERSION} (PostgreSQL) on ${address}`);
  const server = startProcess(
    'temporal',
    serverBin,
    ['--root', opts.root, '--config', 'bench/temporal', '--env', 'bench', '--allow-no-auth', 'start'],
    {
      cwd: opts.root,
      log: path.join(opts.logDir, 'temporal-server.log'),
      env: {
        ...process.env,
        ...ports,
        BENCH_TEMPORAL_DB: dbs.main,
        BENCH_TEMPORAL_VISIBILITY_DB: dbs.visibility,
        BENCH_PG_ADDR: `${opts.pg.host}:${opts.pg.port}`,
        BENCH_PG_USER: opts.pg.user,
        BENCH_PG_PASSWORD: opts.pg.password,
        BENCH_TEMPORAL_DYNAMIC_CONFIG: path.join(opts.root, 'bench/temporal/dynamicconfig.yaml'),
      },
    },
  );
  writeFileSync(pidFile, String(server.child.pid));

  let connection: Connection | undefined;
  await waitFor(
    'the Temporal server',
    async () => {
      if (server.child.exitCode !== null) throw new Error(`exited, see ${server.log}`);
      connection = await Connection.connect({ address, connectTimeout: 1000 });
    },
    90,
  );
  const namespace = 'default';
  const service = connection!.workflowService;
  type Retention = NonNullable<Parameters<typeof service.registerNamespace>[0]['workflowExecutionRetentionPeriod']>;
  // The server binary, unlike the dev server, starts without namespaces.
  await waitFor(
    'the default namespace',
    async () => {
      try {
        await service.describeNamespace({ namespace });
      } catch {
        // protobufjs takes a plain number for the int64 seconds; the generated type only names Long.
        const retention = { seconds: 86_400 } as unknown as Retention;
        await service.registerNamespace({ namespace, workflowExecutionRetentionPeriod: retention });
        throw new Error('registered, waiting for it to show');
      }
    },
    60,
  );
  // The frontend reads namespaces from a cache refreshed every few seconds: wait until a start goes through.
  const probe = new Client({ connection: connection!, namespace });
  await waitFor(
    'the namespace to take starts',
    async () => {
      const handle = await probe.workflow.start('benchProbe', {
        workflowId: `bench-probe-${Date.now()}`,
        taskQueue: 'bench-probe',
      });
      await handle.terminate('probe');
    },
    60,
  );
  const system = await service.getSystemInfo({});
  await connection!.close();
  const info = {
    server: `temporal server ${system.serverVersion || TEMPORAL_SERVER_VERSION}`,
    binary: path.relative(opts.root, serverBin),
    persistence: 'PostgreSQL (postgres12 plugin), databases temporal_bench + temporal_bench_visibility',
    numHistoryShards: 4,
    config: 'bench/temporal/bench.yaml',
    address,
  };
  return {
    address,
    namespace,
    server,
    pid: server.child.pid!,
    info,
    stop: async () => {
      await server.stop();
      writeFileSync(pidFile, '');
    },
  };
}
