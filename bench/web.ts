// npm run bench:web: issue 16's weight and speed bars, measured in Chromium against the real stack. Builds
// nothing: it reads apps/web/dist (npm run web:build) and starts its own stack the way the tests do (an in-memory
// Temporal, maildev, a throwaway database with the sample district), plus a district of its own whose primary
// schools' plans have 40 indicators. Prints the figures and writes them to bench/results/web-<timestamp>.json.
import { readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import bcrypt from 'bcryptjs';
import type { BrowserContext } from 'playwright-core';
import { type DistrictFile, districtFileSchema, importDistrict } from '@duyet/domain';
import globalSetup from '../test/setup/global-setup';
import globalTeardown from '../test/setup/global-teardown';
import { type BrowserStack, startBrowserStack } from '../test/support/browser';
import { campaignBody, planIdOf } from '../test/support/campaign';
import { DEMO_PASSWORD, eventually } from '../test/support/stack';
import { percentile } from './lib/stats';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'apps/web/dist');
const JS_BUDGET_KIB = 350;
const USABLE_BUDGET_MS = 1000;
const RUNS = 5;
const INDICATORS = 40;
const DOMAIN = 'bench-web.example';
const SCHOOL = 'th-vu-quy';

/** Milliseconds from navigation start: usable, the last script loaded, the last API answer received. */
interface PlanTiming {
  usable: number;
  scripts: number;
  api: number;
}

interface ScriptLoad {
  url: string;
  /** bytes on the wire, as Chromium received them (brotli or gzip, whichever the server chose) */
  wire: number;
  /** the same file gzipped at compression's default level: the budget is stated in gzip */
  gzip: number;
}

/** A district of the sample's shape whose primary schools answer 40 indicators: the sample's 10 and 30 more. */
async function importBenchDistrict(web: BrowserStack): Promise<{ admin: string; principal: string }> {
  const sample = districtFileSchema.parse(
    JSON.parse(readFileSync(path.join(ROOT, 'prisma/district-kien-xuong.json'), 'utf8')),
  );
  const move = (email: string) => email.replace('@kienxuong.example', `@${DOMAIN}`);
  const forPrimary = sample.indicators.filter((i) => !i.level || i.level === 'PRIMARY');
  const extra = Array.from({ length: INDICATORS - forPrimary.length }, (_, n) => ({
    ...forPrimary.find((i) => i.level === 'PRIMARY')!,
    code: `TH_BENCH_${n + 1}`,
    label: `Chỉ tiêu thử nghiệm số ${n + 1} của bậc tiểu học`,
  }));
  const file: DistrictFile = {
    ...sample,
    district: { ...sample.district, code: 'bench-web' },
    schools: sample.schools.filter((s) => s.code === SCHOOL),
    users: sample.users.filter((u) => !u.school || u.school === SCHOOL).map((u) => ({ ...u, email: move(u.email) })),
    indicators: [...sample.indicators, ...extra],
    campaigns: [],
  };
  await importDistrict(web.stack.prisma, file, await bcrypt.hash(DEMO_PASSWORD, 4));
  const admin = `truongphong@${DOMAIN}`;
  const token = await web.stack.login(admin);
  const res = await web.stack
    .http()
    .post('/api/campaigns')
    .set('authorization', `Bearer ${token}`)
    .send(
      campaignBody({
        key: 'bench-web-40',
        documentNumber: '40/KH-PGDĐT',
        targetLevels: ['PRIMARY'],
        requiredIndicators: [...forPrimary, ...extra].map((i) => i.code),
        submissionDeadline: '2027-06-30T17:00:00+07:00',
        signer: { email: admin, title: 'Trưởng phòng' },
      }),
    );
  if (res.status !== 201) throw new Error(`campaign not created: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  await eventually(
    async () => (await web.stack.prisma.campaign.findUniqueOrThrow({ where: { id } })).plansOpenedAt ?? undefined,
    60_000,
    'the bench campaign to open its plans',
  );
  return { admin, principal: `hieutruong.${SCHOOL}@${DOMAIN}` };
}

async function signedInContext(web: BrowserStack, email: string): Promise<BrowserContext> {
  const context = await web.newContext();
  const res = await context.request.post('/api/auth/session', { data: { email, password: DEMO_PASSWORD } });
  if (res.status() !== 200) throw new Error(`sign-in refused: ${res.status()}`);
  return context;
}

/** Every script a first visit loads (a fresh profile: nothing cached), until the network is idle. */
async function scriptsOfFirstVisit(context: BrowserContext, url: string): Promise<ScriptLoad[]> {
  const page = await context.newPage();
  const pending: Promise<ScriptLoad>[] = [];
  page.on('requestfinished', (req) => {
    if (req.resourceType() !== 'script') return;
    pending.push(
      req.sizes().then((sizes) => {
        const local = path.join(DIST, new URL(req.url()).pathname);
        const gzip = existsSync(local) ? gzipSync(readFileSync(local), { level: 6 }).length : sizes.responseBodySize;
        return { url: new URL(req.url()).pathname, wire: sizes.responseBodySize, gzip };
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const loads = await Promise.all(pending);
  await page.close();
  return loads;
}

/**
 * Milliseconds from navigation start until the indicator table shows all its inputs (two per indicator) enabled and
 * editable, read in the page (performance.now() counts from the navigation) on every animation frame.
 */
async function planUsable(context: BrowserContext, planId: string): Promise<PlanTiming> {
  const page = await context.newPage();
  await page.goto(`/plans/${planId}`, { waitUntil: 'commit' });
  // A function, not a string (the page's CSP forbids eval); typed by hand, as this project has no DOM types.
  const handle = await page.waitForFunction(
    (inputs: number) => {
      const g = globalThis as unknown as {
        document: { querySelectorAll: (selector: string) => { length: number } };
        performance: {
          now: () => number;
          getEntriesByType: (type: string) => { name: string; initiatorType: string; responseEnd: number }[];
        };
      };
      const ready = g.document.querySelectorAll(
        'table.indicator-table tbody input:not([disabled]):not([readonly])',
      ).length;
      if (ready < inputs) return false;
      const resources = g.performance.getEntriesByType('resource');
      const lastEnd = (pick: (name: string) => boolean) =>
        Math.max(0, ...resources.filter((r) => pick(r.name)).map((r) => r.responseEnd));
      return {
        usable: g.performance.now(),
        scripts: lastEnd((name) => name.endsWith('.js')),
        api: lastEnd((name) => name.includes('/api/')),
      };
    },
    INDICATORS * 2,
    { polling: 'raf', timeout: 30_000 },
  );
  const timing = (await handle.jsonValue()) as PlanTiming;
  await page.close();
  return timing;
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const sum = (loads: ScriptLoad[], key: 'wire' | 'gzip') => loads.reduce((n, l) => n + l[key], 0);

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('apps/web/dist is not built: run npm run web:build first (this bench builds nothing)');
  }
  process.stdout.write('Starting the stack (Temporal, maildev, a throwaway database, API, worker, Chromium)…\n');
  await globalSetup();
  let web: BrowserStack | undefined;
  try {
    web = await startBrowserStack();
    const people = await importBenchDistrict(web);
    const planId = await planIdOf(
      web.stack,
      (await web.stack.prisma.campaign.findFirstOrThrow({ where: { key: 'bench-web-40' } })).id,
      SCHOOL,
    );

    const loginContext = await web.newContext();
    const login = await scriptsOfFirstVisit(loginContext, '/login');
    await loginContext.close();
    const homeContext = await signedInContext(web, people.principal);
    const home = await scriptsOfFirstVisit(homeContext, '/');
    await homeContext.close();

    // One run to warm the server (its first plan read, the JIT) that is not counted, then RUNS cold browsers.
    // Each cold run is followed by a second visit in the same browser: the principal's usual case, the app's files
    // cached (immutable), only the API read again.
    const timings: PlanTiming[] = [];
    const warmTimings: PlanTiming[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await signedInContext(web, people.principal);
      const timing = await planUsable(context, planId);
      const warm = await planUsable(context, planId);
      await context.close();
      if (i > 0) timings.push(timing);
      if (i > 0) warmTimings.push(warm);
    }
    const runs = timings.map((t) => Math.round(t.usable));
    const median = percentile(runs, 50)!;
    const warmRuns = warmTimings.map((t) => Math.round(t.usable));
    const warmMedian = percentile(warmRuns, 50)!;
    const medianOf = (key: keyof PlanTiming) =>
      Math.round(
        percentile(
          timings.map((t) => t[key]),
          50,
        )!,
      );

    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const lines = [
      '',
      `JavaScript of a first visit (budget ${JS_BUDGET_KIB} KiB compressed):`,
      ...(
        [
          ['/login', login],
          ['/ (signed in)', home],
        ] as const
      ).map(
        ([what, loads]) =>
          `  ${what.padEnd(14)} ${String(kib(sum(loads, 'gzip'))).padStart(7)} KiB gzip, ${String(kib(sum(loads, 'wire'))).padStart(7)} KiB on the wire (as served to Chromium), ${loads.length} files: ${verdict(kib(sum(loads, 'gzip')) <= JS_BUDGET_KIB)}`,
      ),
      '',
      `Plan page with ${INDICATORS} indicators usable (navigation to every indicator input enabled), fresh browser each run (budget ${USABLE_BUDGET_MS} ms):`,
      `  median ${median} ms of ${RUNS} runs [${runs.join(', ')}]: ${verdict(median < USABLE_BUDGET_MS)}`,
      `  (medians: last script loaded at ${medianOf('scripts')} ms, last API answer at ${medianOf('api')} ms)`,
      `  again in the same browser (files cached): median ${warmMedian} ms of ${RUNS} runs [${warmRuns.join(', ')}]: ${verdict(warmMedian < USABLE_BUDGET_MS)}`,
      // The figures are CPU-bound: say how busy the machine was (another test suite beside this one slows both).
      `  machine: ${cpus().length} cores, load average over the last minute ${loadavg()[0].toFixed(2)}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    const out = path.join(ROOT, 'bench/results', `web-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ jsBudgetKiB: JS_BUDGET_KIB, login, home, planUsableMs: { runs, median, timings }, planUsableCachedMs: { runs: warmRuns, median: warmMedian, timings: warmTimings }, usableBudgetMs: USABLE_BUDGET_MS, cores: cpus().length, loadAverage1m: loadavg()[0] }, null, 2)}\n`,
    );
    process.stdout.write(`Figures written to ${path.relative(ROOT, out)}\n`);
  } finally {
    await web?.close();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
