// npm run bench:import: issue 18's import figure. A province file of 1,000 schools and 3,000 users (and a small
// office) is checked (dry run) and applied over HTTP against the real stack the tests start (PostgreSQL, Redis, an
// in-memory Temporal, maildev, the API and the worker in this process), then applied a second time (changes nothing).
// Beside it, the same rows through the old JSON path (importDistrict, one upsert a row) into a district of their own.
// Prints the figures next to the 10 s budget and writes them to bench/results/import-<timestamp>.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import {
  type DistrictFile,
  districtFileSchema,
  importDistrict,
  parseLevel,
  parsePosition,
  parseYesNo,
} from '@duyet/domain';
import globalSetup from '../test/setup/global-setup';
import globalTeardown from '../test/setup/global-teardown';
import { bearer } from '../test/support/campaign';
import { importSampleDistrict } from '../test/support/district';
import { type UserCells, districtWorkbook, provinceRows } from '../test/support/import-workbook';
import { type Stack, startStack } from '../test/support/stack';

const ROOT = path.resolve(__dirname, '..');
const BUDGET_MS = 10_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CLUSTERS = ['I', 'II', 'III', 'IV'];
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Math.round(Number(process.hrtime.bigint() - started) / 1e6), value };
}

/** The same rows as the JSON file the command-line import reads. */
function asDistrictFile(rows: ReturnType<typeof provinceRows>, code: string, domain: string): DistrictFile {
  const sample = districtFileSchema.parse(
    JSON.parse(readFileSync(path.join(ROOT, 'prisma/district-kien-xuong.json'), 'utf8')),
  );
  const user = ([email, fullName, position, acting, school, title, levels, clusters]: UserCells) => {
    const p = parsePosition(position)!;
    return {
      email: email.replace(/@.*$/, `@${domain}`),
      fullName,
      position: p.position,
      acting: p.acting || !!parseYesNo(acting ?? ''),
      title: title || position,
      ...(school ? { school } : {}),
      ...(levels ? { levels: levels.split(',').map((l) => parseLevel(l)!) } : {}),
      ...(clusters ? { clusters: clusters.split(',').map((c) => c.trim()) } : {}),
    };
  };
  return {
    ...sample,
    district: { ...sample.district, code },
    schools: rows.schools.map(([c, name, level, cluster, commune, students]) => ({
      code: c,
      name,
      level: parseLevel(level)!,
      cluster,
      ...(commune ? { commune } : {}),
      ...(students !== undefined ? { students: Number(students) } : {}),
    })),
    users: [
      ...sample.users.filter((u) => !u.school).map((u) => ({ ...u, email: u.email.replace(/@.*$/, `@${domain}`) })),
      ...rows.users.map(user),
    ],
    campaigns: [],
  };
}

async function main(): Promise<void> {
  const schools = arg('schools', 1000);
  const perSchool = arg('per-school', 3);
  await globalSetup();
  let stack: Stack | undefined;
  try {
    stack = await startStack();
    const s = stack;
    const district = await importSampleDistrict(s.prisma, {
      code: 'bench-import',
      domain: 'bench-import.example',
      schools: [],
    });
    const rows = provinceRows({ prefix: 'bi', domain: 'bench-import.example', schools, perSchool, clusters: CLUSTERS });
    const file = await districtWorkbook(rows);
    const auth = await bearer(s, district.admin);
    // Every school renamed and every user's name changed: the apply's worst case, all updates.
    const edited = await districtWorkbook({
      schools: rows.schools.map(([code, name, ...rest]) => [code, `${name} (sửa)`, ...rest]),
      users: rows.users.map(([email, fullName, ...rest]) => [email, `${fullName} Sửa`, ...rest]),
    });
    const send = async (route: 'check' | 'apply', body = file) => {
      const res = await s
        .http()
        .post(`/api/district-import/${route}`)
        .set(auth)
        .attach('file', body, { filename: 'tinh.xlsx', contentType: XLSX });
      if (res.status !== 200) throw new Error(`${route}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
      return res.body as { changes: Record<string, { created: number; updated: number; unchanged: number }> };
    };

    // Warm-up: the template and a dry run of a small file (code paths loaded and compiled, pools open).
    await s.http().get('/api/district-import/template').set(auth).expect(200);
    const small = provinceRows({
      prefix: 'warm',
      domain: 'bench-import.example',
      schools: 3,
      perSchool: 1,
      clusters: CLUSTERS,
    });
    await s
      .http()
      .post('/api/district-import/check')
      .set(auth)
      .attach('file', await districtWorkbook({ schools: small.schools }), { filename: 'w.xlsx', contentType: XLSX })
      .expect(200);

    const check = await timed(() => send('check'));
    const apply = await timed(() => send('apply'));
    const again = await timed(() => send('apply'));
    const update = await timed(() => send('apply', edited));
    const json = asDistrictFile(rows, 'bench-import-json', 'bench-import-json.example');
    const jsonFirst = await timed(() => importDistrict(s.prisma, json, '!bench'));
    const jsonAgain = await timed(() => importDistrict(s.prisma, json, '!bench'));

    const users = rows.users.length;
    const line = (what: string, ms: number, note = '') =>
      `${what.padEnd(44)} ${`${ms.toLocaleString('en-US')} ms`.padStart(10)}  ${note}`;
    const within = check.ms + apply.ms;
    const out = [
      `Import: ${schools.toLocaleString('en-US')} schools, ${users.toLocaleString('en-US')} users ` +
        `(${(file.length / 1024).toFixed(0)} KB XLSX); ${cpus().length} cores, load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      line('dry run (POST /api/district-import/check)', check.ms, 'writes nothing'),
      line('apply, first (POST …/apply)', apply.ms, JSON.stringify(apply.value.changes.users)),
      line(
        'dry run + apply',
        within,
        `budget ${BUDGET_MS.toLocaleString('en-US')} ms: ${within < BUDGET_MS ? 'met' : 'MISSED'}`,
      ),
      line('apply, same file again', again.ms, JSON.stringify(again.value.changes.users)),
      line('apply, every row edited', update.ms, JSON.stringify(update.value.changes.users)),
      line('baseline: JSON importDistrict, first', jsonFirst.ms, 'one upsert a row, no checks'),
      line('baseline: JSON importDistrict, again', jsonAgain.ms, 'writes every row again'),
    ];
    process.stdout.write(`\n${out.join('\n')}\n\n`);
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const result = path.join(ROOT, `bench/results/import-${stamp}.json`);
    writeFileSync(
      result,
      JSON.stringify(
        {
          schools,
          users,
          bytes: file.length,
          cores: cpus().length,
          load: loadavg(),
          ms: {
            check: check.ms,
            apply: apply.ms,
            again: again.ms,
            update: update.ms,
            jsonFirst: jsonFirst.ms,
            jsonAgain: jsonAgain.ms,
          },
          changes: { apply: apply.value.changes, again: again.value.changes, update: update.value.changes },
        },
        null,
        2,
      ),
    );
    process.stdout.write(`figures written to ${path.relative(ROOT, result)}\n`);
    if (within >= BUDGET_MS) process.exitCode = 1;
  } finally {
    await stack?.close();
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
