// npm run bench:documents (and the end of npm run bench; --document-schools N, --explain, --profile): issue 19's document figures. The consolidated XLSX of a
// 50,000-school campaign (seeded with direct SQL, no workflows) streamed over HTTP from the API running as a process
// of its own, its resident memory sampled every 10 ms during the download; and the DOCX report of the 60-school
// sample district. Prints the figures beside their budgets and writes them to bench/results/documents-<stamp>.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PrismaPg } from '@prisma/adapter-pg';
import bcrypt from 'bcryptjs';
import ExcelJS from 'exceljs';
import { districtFileSchema, importDistrict } from '@duyet/domain';
import { PrismaClient } from '../generated/prisma/client';
import globalSetup from '../test/setup/global-setup';
import globalTeardown from '../test/setup/global-teardown';
import { seedCampaign, seedSchools } from './lib/document-seed';
import { freePort, memoryOf, sleep, startProcess, waitFor } from './lib/proc';

const ROOT = path.resolve(__dirname, '..');
const PASSWORD = 'Duyet@2026';
const BUDGET = { xlsxMs: 5_000, xlsxRiseMiB: 200, docxMs: 1_000 };
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

interface Download {
  status: number;
  ms: number;
  bytes: number;
  body: Buffer | null;
}

function download(port: number, url: string, token: string, keep: boolean): Promise<Download> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: url, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (keep) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: Math.round(performance.now() - started),
            bytes,
            body: keep ? Buffer.concat(chunks) : null,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

async function login(port: number, email: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The download's time and the API's resident memory above what it held just before, sampled every 10 ms. */
async function measuredDownload(port: number, pid: number, url: string, token: string, keep: boolean) {
  await sleep(500);
  const before = memoryOf(pid)!.rss;
  let peak = before;
  const timer = setInterval(() => {
    const m = memoryOf(pid);
    if (m) peak = Math.max(peak, m.rss);
  }, 10);
  try {
    const d = await download(port, url, token, keep);
    return { ...d, baselineMiB: mib(before), riseMiB: mib(peak - before) };
  } finally {
    clearInterval(timer);
  }
}

/** Rows per sheet, read back with exceljs' streaming reader: the file is whole and holds every school. */
async function rowsPerSheet(xlsx: Buffer): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(xlsx), { worksheets: 'emit' });
  for await (const sheet of reader) {
    let n = 0;
    for await (const _row of sheet) n++;
    out[(sheet as unknown as { name: string }).name] = n - 1;
  }
  return out;
}

async function seed(prisma: PrismaClient, schools: number) {
  const sample = districtFileSchema.parse(
    JSON.parse(readFileSync(path.join(ROOT, 'prisma/district-kien-xuong.json'), 'utf8')),
  );
  const domain = 'bench-docs.example';
  const districtId = await importDistrict(
    prisma as never,
    {
      ...sample,
      district: { ...sample.district, code: 'bench-docs', name: 'Huyện Bench' },
      schools: [],
      users: sample.users.filter((u) => !u.school).map((u) => ({ ...u, email: u.email.replace(/@.*$/, `@${domain}`) })),
      campaigns: [],
    },
    await bcrypt.hash(PASSWORD, 4),
  );
  const t0 = performance.now();
  await seedSchools(prisma, districtId, 'bd', schools);
  const admin = await prisma.user.findFirstOrThrow({ where: { districtId, position: 'HEAD' } });
  const big = await seedCampaign(prisma, {
    districtId,
    adminId: admin.id,
    key: 'bench-docs',
    documentNumber: '1/KH-B',
  });
  const seedSeconds = Math.round(performance.now() - t0) / 1000;
  const kx = await prisma.district.findUniqueOrThrow({ where: { code: 'kien-xuong' } });
  const kxAdmin = await prisma.user.findFirstOrThrow({ where: { districtId: kx.id, position: 'HEAD' } });
  const small = await seedCampaign(prisma, {
    districtId: kx.id,
    adminId: kxAdmin.id,
    key: 'bench-docs-kx',
    documentNumber: '2/KH-PGDĐT',
  });
  return { big, small, bigAdmin: admin.email, smallAdmin: kxAdmin.email, seedSeconds };
}

async function main(): Promise<void> {
  const schools = arg('document-schools', 50_000);
  await globalSetup();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  const port = await freePort();
  const logDir = path.join(ROOT, '.data/bench');
  mkdirSync(logDir, { recursive: true });
  // --profile: the API writes a V8 CPU profile into .data/bench when it stops.
  const profile = process.argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${logDir}`] : [];
  const api = startProcess('api', process.execPath, [...profile, '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', RESPONSE_VALIDATION: 'off' },
    log: path.join(logDir, 'documents-api.log'),
  });
  try {
    const s = await seed(prisma, schools);
    await waitFor('the API', () => login(port, s.bigAdmin), 120);
    const [bigToken, smallToken] = [await login(port, s.bigAdmin), await login(port, s.smallAdmin)];
    const pid = api.child.pid!;
    const xlsxUrl = (id: string) => `/api/campaigns/${id}/documents/report.xlsx`;
    const docxUrl = (id: string) => `/api/campaigns/${id}/documents/report.docx`;

    // Warm-up: the routes' code loaded and compiled, the pools open (the small campaign).
    for (const url of [xlsxUrl(s.small), docxUrl(s.small)]) {
      const w = await download(port, url, smallToken, false);
      if (w.status !== 200) throw new Error(`warm-up ${url}: ${w.status}`);
    }

    const xlsx = [
      await measuredDownload(port, pid, xlsxUrl(s.big), bigToken, true),
      await measuredDownload(port, pid, xlsxUrl(s.big), bigToken, false),
    ];
    if (xlsx.some((x) => x.status !== 200)) throw new Error(`XLSX: ${xlsx.map((x) => x.status).join(', ')}`);
    const sheets = await rowsPerSheet(xlsx[0].body!);
    const docx: number[] = [];
    for (let i = 0; i < 5; i++) {
      const d = await download(port, docxUrl(s.small), smallToken, false);
      if (d.status !== 200) throw new Error(`DOCX: ${d.status}`);
      docx.push(d.ms);
    }
    if (process.argv.includes('--explain')) {
      const { reportRowsSql } = await import('../libs/domain/src/documents/report-rows');
      const { BENCH_INDICATORS } = await import('./lib/document-seed');
      const district = await prisma.district.findUniqueOrThrow({ where: { code: 'bench-docs' } });
      const sql = reportRowsSql(
        { districtId: district.id, campaignId: s.big, role: 'ADMIN', reviewLevels: [], reviewClusterIds: [] },
        'PRIMARY',
        BENCH_INDICATORS,
        { after: `bd-${String(Math.floor(schools / 2)).padStart(6, '0')}`, limit: 500 },
      );
      const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
        ...sql.values,
      );
      process.stdout.write(`${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    }
    const docxMedian = [...docx].sort((a, b) => a - b)[2];

    const ok = (met: boolean) => (met ? 'met' : 'MISSED');
    const xlsxMs = Math.max(...xlsx.map((x) => x.ms));
    const rise = Math.max(...xlsx.map((x) => x.riseMiB));
    const out = [
      `Documents: ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${schools.toLocaleString('en-US')} schools seeded by SQL in ${s.seedSeconds} s`,
      ...xlsx.map(
        (x, i) =>
          `XLSX report, ${schools.toLocaleString('en-US')} schools, run ${i + 1}: ${x.ms.toLocaleString('en-US')} ms, ` +
          `${(x.bytes / 1048576).toFixed(1)} MiB; API RSS ${x.baselineMiB} MiB + ${x.riseMiB} MiB`,
      ),
      `  rows per sheet (read back): ${JSON.stringify(sheets)}`,
      `  budget ${BUDGET.xlsxMs} ms: ${ok(xlsxMs < BUDGET.xlsxMs)}; memory rise budget ${BUDGET.xlsxRiseMiB} MiB: ${ok(
        rise < BUDGET.xlsxRiseMiB,
      )}`,
      `DOCX report, 60-school sample district: ${docx.join(', ')} ms (median ${docxMedian} ms); budget ${
        BUDGET.docxMs
      } ms: ${ok(Math.max(...docx) < BUDGET.docxMs)}`,
    ];
    process.stdout.write(`\n${out.join('\n')}\n\n`);
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const result = path.join(ROOT, `bench/results/documents-${stamp}.json`);
    writeFileSync(
      result,
      JSON.stringify(
        {
          schools,
          cores: cpus().length,
          load: loadavg(),
          seedSeconds: s.seedSeconds,
          xlsx: xlsx.map(({ body: _b, ...x }) => x),
          sheets,
          docxMs: docx,
          budget: BUDGET,
        },
        null,
        2,
      ),
    );
    process.stdout.write(`figures written to ${path.relative(ROOT, result)}\n`);
    const total = Object.values(sheets).reduce((a, b) => a + b, 0);
    if (
      xlsxMs >= BUDGET.xlsxMs ||
      rise >= BUDGET.xlsxRiseMiB ||
      Math.max(...docx) >= BUDGET.docxMs ||
      total !== schools
    )
      process.exitCode = 1;
  } finally {
    await api.stop();
    await prisma.$disconnect();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
