// npm run bench: a national campaign on one machine. Sets up a Temporal server on PostgreSQL, a throwaway Duyệt
// database with a synthetic district of N schools, maildev, the built API and worker as child processes; then
// takes the five measurements of issue 6 with their baselines in the same run, prints a table and writes the
// figures to bench/results/<timestamp>.json. Everything it starts, it stops; the database is dropped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, bundleWorkflowCode } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { type SampleMessage, rawMailPipeline, rawTemporalStarts, waitForCount } from './lib/baselines';
import { type Catcher, startMaildev } from './lib/catcher';
import { ADMIN_EMAIL, BENCH_PASSWORD, officeEmails, writeSyntheticDistrict } from './lib/district';
import { HttpClient, closedLoop } from './lib/http';
import {
  MemoryWatch,
  type Managed,
  cpuMeter,
  freePort,
  machineLoad,
  memoryOf,
  sleep,
  startProcess,
  waitFor,
} from './lib/proc';
import { deliveryTally, latencySummary, mib, perSecond, ratio } from './lib/stats';
import { type RunningTemporal, startTemporalServer } from './lib/temporal-server';

Runtime.install({ logger: new DefaultLogger('WARN') });

const ROOT = path.resolve(__dirname, '..');

interface Options {
  schools: number;
  principals: number;
  boardSeconds: number;
  boardClients: number;
  rawConcurrency: number;
  keepDb: boolean;
  /** --profile: the API and the worker write V8 CPU profiles into the run's log folder */
  profile: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    schools: 10_000,
    principals: 200,
    boardSeconds: 20,
    boardClients: 50,
    rawConcurrency: 64, // START_CONCURRENCY of libs/domain/src/campaign-activities.service.ts
    keepDb: false,
    profile: false,
  };
  const numeric: Record<string, keyof Options> = {
    '--schools': 'schools',
    '--principals': 'principals',
    '--board-seconds': 'boardSeconds',
    '--board-clients': 'boardClients',
    '--raw-concurrency': 'rawConcurrency',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    if (flag === '--keep-db') opts.keepDb = true;
    else if (flag === '--profile') opts.profile = true;
    else if (numeric[flag]) {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
      (opts as unknown as Record<string, number>)[numeric[flag]] = value;
    } else if (flag === '--help' || flag === '-h') {
      console.log(
        'npm run bench -- [--schools 10000] [--principals 200] [--board-seconds 20] [--board-clients 50] ' +
          '[--raw-concurrency 64] [--keep-db] [--profile]',
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]} (try --help)`);
  }
  if (opts.principals > opts.schools) throw new Error('--principals cannot exceed --schools');
  return opts;
}

const log = (msg: string) => console.log(`\x1b[1;35m[bench]\x1b[0m ${msg}`);
const secs = (ms: number) => Math.round(ms) / 1000;

/** The newest modification time under some folders: the build is redone only when a source is newer. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(path.join(ROOT, d));
  return newest;
}

const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

function ensureBuild(): void {
  const built = [API_MAIN, WORKER_MAIN].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  if (Math.min(...built) > newestSource(['apps', 'libs', 'workflows', 'generated'])) return;
  log('Building the API and the worker (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * ANALYZE after bulk writes. This machine's PostgreSQL runs with autovacuum off, so nothing else would; in
 * production autovacuum analyzes a table once a tenth of it has changed, which a launch or a burst does.
 */
async function analyze(db: PgClient): Promise<void> {
  await db.query('ANALYZE');
}

/** Waits until the task queue's workflow backlog (tasks not yet handed to a worker) is empty twice in a row. */
async function waitForBacklog(
  connection: Connection,
  namespace: string,
  taskQueue: string,
  timeoutMs: number,
): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  let empty = 0;
  while (performance.now() < until) {
    const res = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      reportStats: true,
    });
    empty = Number(res.stats?.approximateBacklogCount ?? 0) === 0 ? empty + 1 : 0;
    if (empty >= 2) return true;
    await sleep(500);
  }
  return false;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const runId = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const dir = path.join(ROOT, '.data/bench', runId);
  mkdirSync(dir, { recursive: true });
  const pgAdminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const pgUrl = new URL(pgAdminUrl);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch (err) {
          console.error(`cleanup: ${String(err)}`);
        }
      }
    })());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping what the bench started`);
      void cleanup().then(() => process.exit(130));
    });
  }

  const results: Record<string, unknown> = {
    startedAt: startedAt.toISOString(),
    options: opts,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    load: { atStart: machineLoad() } as Record<string, unknown>,
    logs: path.relative(ROOT, dir),
  };
  const load = results.load as Record<string, unknown>;

  try {
    // --- Setup ------------------------------------------------------------------------------------------------
    const temporal: RunningTemporal = await startTemporalServer({
      root: ROOT,
      pg: {
        host: pgUrl.hostname,
        port: Number(pgUrl.port || 5432),
        user: decodeURIComponent(pgUrl.username || 'postgres'),
        password: decodeURIComponent(pgUrl.password),
      },
      logDir: path.join(ROOT, '.data/bench'),
      log,
    });
    cleanups.push(async () => {
      log('Stopping the Temporal server');
      await temporal.stop();
    });
    results.temporal = temporal.info;
    const serverName = `${temporal.info.server} on PostgreSQL`;

    const catcher: Catcher = await startMaildev(ROOT, dir, 'maildev');
    cleanups.push(() => catcher.stop());
    log(`maildev on SMTP ${catcher.smtpPort}, web ${catcher.webPort}`);

    const dbName = `duyet_bench_${runId.replace('-', '_')}`;
    const admin = new PgClient({ connectionString: pgAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const dbUrlObj = new URL(pgAdminUrl);
    dbUrlObj.pathname = `/${dbName}`;
    const databaseUrl = dbUrlObj.toString();
    if (!opts.keepDb) {
      cleanups.push(async () => {
        const c = new PgClient({ connectionString: pgAdminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        await c.end();
      });
    }
    log(`Database ${dbName}: migrating`);
    execFileSync(path.join(ROOT, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    });
    let t = performance.now();
    await writeSyntheticDistrict(databaseUrl, opts.schools);
    const seedMs = performance.now() - t;
    log(`Synthetic district of ${opts.schools} schools and principals written in ${secs(seedMs)} s`);
    const db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());

    ensureBuild();
    log('Bundling the workflows (product and baseline)');
    const productBundle = path.join(dir, 'workflow-bundle.js');
    const emptyBundle = path.join(dir, 'empty-bundle.js');
    const quiet = new DefaultLogger('WARN');
    writeFileSync(
      productBundle,
      (await bundleWorkflowCode({ workflowsPath: path.join(ROOT, 'workflows/src'), logger: quiet })).code,
    );
    writeFileSync(
      emptyBundle,
      (await bundleWorkflowCode({ workflowsPath: path.join(ROOT, 'bench/workflows/empty.ts'), logger: quiet })).code,
    );

    const apiPort = await freePort();
    const taskQueue = `duyet-bench-${runId}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(apiPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: taskQueue,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKFLOW_BUNDLE_PATH: productBundle,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(catcher.smtpPort),
      JWT_SECRET: `bench-secret-${runId}-0123456789`,
      STORAGE_DIR: path.join(dir, 'attachments'),
      CLOCK_SPEED: '1',
    };
    const profiling = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
    const worker: Managed = startProcess('worker', process.execPath, [...profiling, WORKER_MAIN], {
      env,
      cwd: dir,
      log: path.join(dir, 'worker.log'),
    });
    cleanups.push(() => worker.stop());
    const api: Managed = startProcess('api', process.execPath, [...profiling, API_MAIN], {
      env,
      cwd: dir,
      log: path.join(dir, 'api.log'),
    });
    cleanups.push(() => api.stop());
    const memory = new MemoryWatch(() => ({
      api: api.child.pid,
      worker: worker.child.pid,
      temporal: temporal.pid,
      maildev: catcher.pid,
    }));
    cleanups.push(async () => memory.stop());
    const pids = () => ({
      api: api.child.pid,
      worker: worker.child.pid,
      temporal: temporal.pid,
      maildev: catcher.pid,
      bench: process.pid,
    });
    const http = new HttpClient(new URL(`http://127.0.0.1:${apiPort}/api`));
    cleanups.push(async () => http.close());
    await waitFor(
      'the API',
      async () => {
        if (api.child.exitCode !== null) throw new Error(`exited, see ${api.log}`);
        const res = await http.request('GET', '/health');
        if (res.status !== 200) throw new Error(`health ${res.status}: ${JSON.stringify(res.body)}`);
      },
      120,
    );
    const login = async (email: string): Promise<string> => {
      const res = await http.request<{ accessToken: string }>('POST', '/auth/login', {
        body: { email, password: BENCH_PASSWORD },
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken;
    };
    const adminToken = await login(ADMIN_EMAIL);
    const temporalConnection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => temporalConnection.close());
    const temporalClient = new TemporalClient({ connection: temporalConnection, namespace: temporal.namespace });
    const autovacuum = (await db.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0].autovacuum;
    memory.mark('ready');
    results.setup = { seedSeconds: secs(seedMs), database: dbName, apiPort, taskQueue, postgresAutovacuum: autovacuum };
    memory.sample();

    // --- 1. Campaign launch, and the raw start rate of the same server ------------------------------------------
    log(`Baseline: a bare client starts ${opts.schools} empty workflows (${opts.rawConcurrency} in flight)`);
    load.beforeLaunchBaseline = machineLoad();
    let cpu = cpuMeter(pids());
    const raw = await rawTemporalStarts({
      address: temporal.address,
      namespace: temporal.namespace,
      bundlePath: emptyBundle,
      count: opts.schools,
      concurrency: opts.rawConcurrency,
      runId,
    });
    const rawCpu = cpu();
    log(`  ${perSecond(raw.workflows, raw.startMs)} starts/s`);

    log(`Campaign launch: one campaign over ${opts.schools} schools, through the API`);
    load.beforeLaunch = machineLoad();
    const now = Date.now();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const campaignBody = {
      key: `bench-${runId}`.toLowerCase(),
      documentNumber: `${opts.schools}/KH-BENCH`,
      title: `Kế hoạch thử tải ${opts.schools} trường`,
      issuedOn: day(now),
      period: { from: day(now), to: day(now + 365 * 86_400_000) },
      targetLevels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
      // Few requirements, so a principal's draft is one section.
      requiredSections: ['purpose'],
      requiredIndicators: [],
      // Three weeks away: every plan arms a deadline timer, and no ladder rung is due today.
      submissionDeadline: new Date(now + 21 * 86_400_000).toISOString(),
      signer: { email: ADMIN_EMAIL, title: 'Trưởng phòng' },
    };
    cpu = cpuMeter(pids());
    t = performance.now();
    const sentAt = Date.now();
    const created = await http.request<{ id: string }>('POST', '/campaigns', { token: adminToken, body: campaignBody });
    if (created.status !== 201) throw new Error(`campaign: ${created.status} ${JSON.stringify(created.body)}`);
    const campaignId = created.body.id;
    // Polled once a second (each poll counts the campaign's plans by status, work the launch should not compete
    // with); the end is plansOpenedAt, which the campaign workflow writes once its last batch of starts returned,
    // so the figure does not depend on the polling interval. Same machine, same clock.
    let rowsVisibleMs: number | null = null;
    let launchMs = 0;
    for (;;) {
      const res = await http.request<{ plansOpenedAt: string | null; planCounts: Record<string, number> }>(
        'GET',
        `/campaigns/${campaignId}`,
        { token: adminToken },
      );
      const rows = Object.values(res.body.planCounts ?? {}).reduce((a, b) => a + b, 0);
      if (rowsVisibleMs === null && rows >= opts.schools) rowsVisibleMs = performance.now() - t;
      if (res.body.plansOpenedAt && rows >= opts.schools) {
        launchMs = Math.max(Date.parse(res.body.plansOpenedAt) - sentAt, rowsVisibleMs ?? 0);
        break;
      }
      if (performance.now() - t > 60 * 60_000) throw new Error('the campaign did not open within an hour');
      await sleep(1000);
    }
    const launchCpu = cpu();
    const launchRate = perSecond(opts.schools, launchMs);
    log(`  ${launchRate} plans/s (${secs(launchMs)} s)`);
    memory.mark('launched');
    // Until the worker has run every plan workflow's first task: what the principals' first moves queue behind.
    const settledMs = await waitForBacklog(temporalConnection, temporal.namespace, taskQueue, 15 * 60_000).then((ok) =>
      ok ? performance.now() - t : null,
    );
    // The baseline again, now that the server is as idle as before the launch: the machine is shared, and the
    // ratio is taken to the mean of the two, so that someone else's work in one of the three windows shows as a
    // spread between the baselines rather than as a better or worse launch.
    log('Baseline again, after the launch has settled');
    const rawAfter = await rawTemporalStarts({
      address: temporal.address,
      namespace: temporal.namespace,
      bundlePath: emptyBundle,
      count: opts.schools,
      concurrency: opts.rawConcurrency,
      runId: `${runId}-after`,
    });
    const rawRates = [perSecond(raw.workflows, raw.startMs), perSecond(rawAfter.workflows, rawAfter.startMs)];
    const rawRate = Math.round(((rawRates[0] + rawRates[1]) / 2) * 10) / 10;
    log(`  ${rawRates[1]} starts/s; launch at ${ratio(launchRate, rawRate)} of the mean raw rate ${rawRate}`);
    await analyze(db);
    const visible = await waitForCount(
      temporalClient,
      `WorkflowType="planWorkflow" AND TaskQueue="${taskQueue}"`,
      opts.schools,
      120_000,
    );
    results.launch = {
      server: serverName,
      plans: opts.schools,
      createResponseMs: Math.round(created.ms),
      rowsVisibleSeconds: rowsVisibleMs === null ? null : secs(rowsVisibleMs),
      seconds: secs(launchMs),
      plansPerSecond: launchRate,
      planWorkflowsInVisibility: visible ? opts.schools : 'fewer than expected after 120 s',
      firstTasksDoneSeconds: settledMs === null ? null : secs(settledMs),
      baseline: {
        what: `bare client starting ${raw.workflows} empty workflows, ${raw.concurrency} in flight, run by a bare worker; before the launch and again after it settled`,
        startsPerSecond: rawRate,
        before: {
          seconds: secs(raw.startMs),
          startsPerSecond: rawRates[0],
          allCompletedSeconds: raw.completedMs === null ? null : secs(raw.completedMs),
        },
        after: {
          seconds: secs(rawAfter.startMs),
          startsPerSecond: rawRates[1],
          allCompletedSeconds: rawAfter.completedMs === null ? null : secs(rawAfter.completedMs),
        },
      },
      ratio: ratio(launchRate, rawRate),
      cpuCores: { launch: launchCpu, baseline: rawCpu },
      target: '>= 0.8 of the raw start rate',
      met: launchRate >= 0.8 * rawRate,
    };
    memory.sample();

    memory.mark('settled');
    // --- 2. Submissions: M principals at once ----------------------------------------------------------------
    log(`Submissions: ${opts.principals} principals submit at once`);
    const chosen = (
      await db.query<{ plan_id: string; email: string }>(
        `SELECT p.id AS plan_id, u.email FROM "Plan" p JOIN "School" s ON s.id = p."schoolId"
         JOIN "User" u ON u."schoolId" = s.id AND u.role = 'PRINCIPAL'
         WHERE p."campaignId" = $1 ORDER BY s.code LIMIT $2`,
        [campaignId, opts.principals],
      )
    ).rows;
    const inBatches = async <T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
      const out: R[] = [];
      for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
      return out;
    };
    const tokens = await inBatches(chosen, 20, (c) => login(c.email));
    t = performance.now();
    const drafts = await Promise.all(
      chosen.map((c, i) =>
        http.request('PUT', `/plans/${c.plan_id}/draft`, {
          token: tokens[i],
          headers: { 'idempotency-key': `bench-draft-${runId}-${i}` },
          body: {
            sections: { purpose: `Kế hoạch năm học của trường, mục đích và yêu cầu (thử tải, lượt ${i}).` },
            indicators: {},
          },
        }),
      ),
    );
    const draftMs = performance.now() - t;
    const draftFailures = drafts.filter((r) => r.status !== 200);
    if (draftFailures.length) {
      throw new Error(`${draftFailures.length} drafts refused, e.g. ${JSON.stringify(draftFailures[0].body)}`);
    }
    load.beforeSubmissions = machineLoad();
    memory.mark('drafted');
    cpu = cpuMeter(pids());
    t = performance.now();
    const submits = await Promise.all(
      chosen.map((c, i) =>
        http.request('POST', `/plans/${c.plan_id}/submit`, {
          token: tokens[i],
          headers: { 'idempotency-key': `bench-submit-${runId}-${i}` },
        }),
      ),
    );
    const submitMs = performance.now() - t;
    const submitCpu = cpu();
    const ok = submits.filter((r) => r.status === 200);
    const submitted = Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM "Plan" WHERE "campaignId" = $1 AND status = 'SUBMITTED'`,
          [campaignId],
        )
      ).rows[0].n,
    );
    results.submissions = {
      server: serverName,
      principals: opts.principals,
      succeeded: ok.length,
      failed: submits.length - ok.length,
      failures: [
        ...new Set(submits.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)),
      ].slice(0, 5),
      submittedInDatabase: submitted,
      seconds: secs(submitMs),
      submitsPerSecond: perSecond(ok.length, submitMs),
      latencyMs: latencySummary(ok.map((r) => r.ms)),
      cpuCores: submitCpu,
      draftSaves: { seconds: secs(draftMs), latencyMs: latencySummary(drafts.map((r) => r.ms)) },
    };
    log(`  ${perSecond(ok.length, submitMs)} submits/s, p95 ${latencySummary(ok.map((r) => r.ms)).p95} ms`);
    memory.sample();

    memory.mark('submitted');
    // --- 3. Reminder burst, and the bare mail pipeline into the same catcher -----------------------------------
    log('Reminder burst: "remind now" over the whole campaign');
    // The receipts of the submissions go out first; the burst starts from an empty inbox.
    await waitFor(
      'the receipts to go out',
      async () => {
        const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "EmailLog" WHERE status = 'QUEUED'`);
        if (Number(rows[0].n) > 0) throw new Error(`${rows[0].n} still queued`);
      },
      300,
    );
    await sleep(1000);
    await catcher.clear();
    load.beforeReminders = machineLoad();
    const burstStart = new Date();
    cpu = cpuMeter(pids());
    t = performance.now();
    const remind = await http.request<{ emails: number; plans: number }>(
      'POST',
      `/board/remind?campaignId=${campaignId}`,
      {
        token: adminToken,
      },
    );
    const remindResponseMs = performance.now() - t;
    if (remind.status !== 200) throw new Error(`remind now: ${remind.status} ${JSON.stringify(remind.body)}`);
    const expected = opts.schools - submitted;
    let caught = 0;
    let lastProgress = performance.now();
    while (caught < remind.body.emails) {
      const n = await catcher.count();
      if (n > caught) lastProgress = performance.now();
      caught = n;
      if (caught >= remind.body.emails) break;
      if (performance.now() - lastProgress > 180_000) break;
      await sleep(250);
    }
    const burstMs = performance.now() - t;
    const burstCpu = cpu();
    await sleep(3000);
    await catcher.count();
    const rowsSent = (
      await db.query<{ id: string; to: string; status: string }>(
        `SELECT id, "to", status FROM "EmailLog" WHERE template = 'REMINDER' AND "createdAt" >= $1`,
        [burstStart],
      )
    ).rows;
    const seen = catcher.messages();
    const seenIds = seen.map((m) => (m.messageId ?? '').replace(/@duyet\.example$/, ''));
    const { lost, duplicated } = deliveryTally(
      rowsSent.map((r) => r.id),
      seenIds,
    );
    const recipients = seen.flatMap((m) => m.to);
    const burstRate = perSecond(caught, burstMs);
    log(`  ${burstRate} msgs/s (${caught} in ${secs(burstMs)} s), lost ${lost}, duplicated ${duplicated}`);
    memory.sample();

    await analyze(db);
    const samples: SampleMessage[] = (
      await db.query<SampleMessage>(
        `SELECT "to", subject, html, text FROM "EmailLog" WHERE template = 'REMINDER' ORDER BY id LIMIT 50`,
      )
    ).rows;
    memory.mark('reminded');
    log(`Baseline: bare BullMQ → worker → pooled nodemailer → the same maildev, ${rowsSent.length} messages`);
    load.beforeMailBaseline = machineLoad();
    cpu = cpuMeter(pids());
    const rawMail = await rawMailPipeline({
      redisUrl,
      catcher,
      samples,
      count: Math.max(rowsSent.length, 1),
      runId,
      concurrency: 10,
      poolConnections: 5,
    });
    const rawMailCpu = cpu();
    const rawMailRate = perSecond(rawMail.accepted, rawMail.ms);
    log(`  ${rawMailRate} msgs/s`);
    results.reminders = {
      server: `${serverName}; Redis ${redisUrl}; maildev ${catcher.smtpPort}`,
      unsubmittedPlans: expected,
      messagesWritten: remind.body.emails,
      emailLogRows: rowsSent.length,
      accepted: caught,
      distinctRecipients: new Set(recipients).size,
      remindResponseSeconds: secs(remindResponseMs),
      seconds: secs(burstMs),
      messagesPerSecond: burstRate,
      lost,
      duplicated,
      notSentInDatabase: rowsSent.filter((r) => r.status !== 'SENT').length,
      averageMessageBytes: Math.round(
        samples.reduce((a, s) => a + s.html.length + s.text.length + s.subject.length, 0) / Math.max(samples.length, 1),
      ),
      baseline: {
        what: 'bare BullMQ producer → BullMQ worker (concurrency 10) → nodemailer pool (5) → the same maildev',
        messages: rawMail.messages,
        accepted: rawMail.accepted,
        seconds: secs(rawMail.ms),
        messagesPerSecond: rawMailRate,
        lost: rawMail.lost,
        duplicated: rawMail.duplicated,
      },
      ratio: ratio(burstRate, rawMailRate),
      cpuCores: { burst: burstCpu, baseline: rawMailCpu },
      target: '>= 0.8 of the raw pipeline, 0 lost, 0 duplicated',
      met: burstRate >= 0.8 * rawMailRate && lost === 0 && duplicated === 0 && caught >= expected,
    };
    memory.sample();

    // --- 4. The overdue board under load ------------------------------------------------------------------------
    // The target: the office at its boards, each client one of the district's office users (head, clerk, deputy
    // heads, specialists: each sees their own scope) on one of the first pages of the campaign's default view, the
    // most overdue first. Next to it, for comparison, every client on the very same view.
    const boardPath = `/board?campaignId=${campaignId}`;
    const office = await Promise.all(officeEmails().map(async (email) => ({ email, token: await login(email) })));
    const firstPages = 10;
    const boardOf = (client: number) => ({
      user: office[client % office.length],
      path: `${boardPath}&page=${(Math.floor(client / office.length) % firstPages) + 1}`,
    });
    log(
      `Board: ${opts.boardClients} clients (${office.length} office users × pages 1-${firstPages}) for ` +
        `${opts.boardSeconds} s on GET /api/board?campaignId=…&page=…`,
    );
    const first = await http.request<{ total: number }>('GET', boardPath, { token: adminToken });
    if (first.status !== 200) throw new Error(`board: ${first.status} ${JSON.stringify(first.body)}`);
    const ownBoard = (client: number) => {
      const { user, path: p } = boardOf(client);
      return http.request('GET', p, { token: user.token, discardBody: true });
    };
    await closedLoop(opts.boardClients, 2, ownBoard);
    load.beforeBoard = machineLoad();
    cpu = cpuMeter(pids());
    const board = await closedLoop(opts.boardClients, opts.boardSeconds, ownBoard);
    const boardCpu = cpu();
    const boardLatency = latencySummary(board.latencies);
    log(`  p50 ${boardLatency.p50} ms, p95 ${boardLatency.p95} ms, p99 ${boardLatency.p99} ms`);
    // For comparison: every client the office head on page 1, where identical reads share one statement.
    const same = await closedLoop(opts.boardClients, Math.min(opts.boardSeconds, 10), () =>
      http.request('GET', boardPath, { token: adminToken, discardBody: true }),
    );
    results.board = {
      server: `${serverName} (not involved: the board reads PostgreSQL)`,
      plans: first.body.total,
      clients: opts.boardClients,
      views: `${office.length} office users (${office.map((o) => o.email.split('@')[0]).join(', ')}) × pages 1-${firstPages}, default sort`,
      distinctViews: new Set(Array.from({ length: opts.boardClients }, (_, c) => JSON.stringify(boardOf(c)))).size,
      seconds: secs(board.elapsedMs),
      requests: board.latencies.length,
      requestsPerSecond: perSecond(board.latencies.length, board.elapsedMs),
      errors: board.errors,
      statuses: board.statuses,
      latencyMs: boardLatency,
      cpuCores: boardCpu,
      sameView: {
        seconds: secs(same.elapsedMs),
        requestsPerSecond: perSecond(same.latencies.length, same.elapsedMs),
        errors: same.errors,
        latencyMs: latencySummary(same.latencies),
      },
      target: 'p95 < 100 ms',
      met: boardLatency.p95 !== null && boardLatency.p95 < 100 && board.errors === 0,
    };

    memory.mark('board');
    // --- 5. Memory ----------------------------------------------------------------------------------------------
    const hwm = (pid: number | undefined) => (pid ? (memoryOf(pid)?.hwm ?? null) : null);
    const workerPeak = Math.max(hwm(worker.child.pid) ?? 0, memory.peak('worker') ?? 0);
    const apiPeak = Math.max(hwm(api.child.pid) ?? 0, memory.peak('api') ?? 0);
    results.memory = {
      workerPeakMiB: mib(workerPeak),
      apiPeakMiB: mib(apiPeak),
      temporalServerPeakMiB: mib(memory.peak('temporal')),
      maildevPeakMiB: mib(memory.peak('maildev')),
      residentMiBAfter: memory.timeline,
      marksAt: memory.at,
      how: 'VmHWM from /proc/<pid>/status at the end, and VmRSS sampled every 500 ms',
      target: 'worker < 1 GiB',
      met: workerPeak < 2 ** 30,
    };
    load.atEnd = machineLoad();
    results.finishedAt = new Date().toISOString();

    // --- Report -------------------------------------------------------------------------------------------------
    const outDir = path.join(ROOT, 'bench/results');
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${runId}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    console.log(`\n${renderTable(results)}\n`);
    log(`Figures written to ${path.relative(ROOT, file)}`);
    if (api.child.exitCode !== null || worker.child.exitCode !== null) log('Note: the API or the worker stopped early');
  } finally {
    await cleanup();
  }
}

/** The Markdown table printed at the end, and pasted into the README's Performance section. */
export function renderTable(r: Record<string, unknown>): string {
  const g = (path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], r);
  const yes = (v: unknown) => (v ? 'met' : '**missed**');
  const o = r.options as Options;
  const temporal = `Temporal ${String(g('temporal.server')).replace('temporal server ', '')} on PostgreSQL`;
  const rows: string[][] = [
    [
      'measure',
      `Duyệt (${o.schools.toLocaleString('en')} schools)`,
      'baseline, same run',
      'ratio',
      'target',
      'taken on',
    ],
    [
      'campaign launch (plans started and visible)',
      `${g('launch.plansPerSecond')} plans/s (${g('launch.seconds')} s)`,
      `${g('launch.baseline.startsPerSecond')} starts/s (mean of ${g('launch.baseline.before.startsPerSecond')} before, ${g('launch.baseline.after.startsPerSecond')} after)`,
      String(g('launch.ratio')),
      `≥ 0.8: ${yes(g('launch.met'))}`,
      temporal,
    ],
    [
      `submissions (${o.principals} principals at once)`,
      `${g('submissions.submitsPerSecond')} submits/s; p50 ${g('submissions.latencyMs.p50')} / p95 ${g('submissions.latencyMs.p95')} / p99 ${g('submissions.latencyMs.p99')} ms`,
      '',
      '',
      `${g('submissions.succeeded')}/${o.principals} ok`,
      `${temporal}; API → workflow update → activity`,
    ],
    [
      'reminder burst (until the catcher has all)',
      `${g('reminders.messagesPerSecond')} msgs/s (${g('reminders.accepted')} in ${g('reminders.seconds')} s); lost ${g('reminders.lost')}, duplicated ${g('reminders.duplicated')}`,
      `${g('reminders.baseline.messagesPerSecond')} msgs/s (${g('reminders.baseline.seconds')} s)`,
      String(g('reminders.ratio')),
      `≥ 0.8, 0 lost, 0 dup: ${yes(g('reminders.met'))}`,
      'Redis (BullMQ), maildev (SMTP, 5 pooled connections)',
    ],
    [
      `overdue board (${o.boardClients} clients: office users, each their own scope and page, ${o.boardSeconds} s)`,
      `p50 ${g('board.latencyMs.p50')} / p95 ${g('board.latencyMs.p95')} / p99 ${g('board.latencyMs.p99')} ms; ${g('board.requestsPerSecond')} req/s`,
      '',
      '',
      `p95 < 100 ms: ${yes(g('board.met'))}`,
      'API on PostgreSQL (no Temporal)',
    ],
    [
      `overdue board, all ${o.boardClients} clients on the same view (for comparison)`,
      `p50 ${g('board.sameView.latencyMs.p50')} / p95 ${g('board.sameView.latencyMs.p95')} / p99 ${g('board.sameView.latencyMs.p99')} ms; ${g('board.sameView.requestsPerSecond')} req/s`,
      '',
      '',
      '',
      'API on PostgreSQL (no Temporal)',
    ],
    [
      'peak resident memory',
      `worker ${g('memory.workerPeakMiB')} MiB, API ${g('memory.apiPeakMiB')} MiB`,
      `Temporal server ${g('memory.temporalServerPeakMiB')} MiB`,
      '',
      `worker < 1 GiB: ${yes(g('memory.met'))}`,
      'VmHWM of each process',
    ],
  ];
  const lines = rows.map((cells) => `| ${cells.join(' | ')} |`);
  lines.splice(1, 0, `|${rows[0].map(() => ' --- ').join('|')}|`);
  const loadAt = (k: string) => (g(`load.${k}.loadavg`) as number[] | undefined)?.[0];
  return [
    ...lines,
    '',
    `Temporal: ${g('temporal.server')}, ${g('temporal.persistence')}, at ${g('temporal.address')}. ` +
      `Load average (1 min) before launch ${loadAt('beforeLaunch')}, reminders ${loadAt('beforeReminders')}, ` +
      `board ${loadAt('beforeBoard')}.`,
  ].join('\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
