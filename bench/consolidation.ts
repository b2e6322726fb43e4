// npm run bench (its last step), or alone: npm run bench -- consolidation [--schools 50000]. The consolidation
// (tổng hợp, issue 19) of a campaign whose every school has an approved plan: a throwaway database with a synthetic
// district of N schools, the campaign, its plans, versions and approvals written by set-based SQL (no workflows: the
// read is what is measured), then ConsolidationService.forCampaign timed as the API runs it. Prints the figures beside
// the 2 s budget and drops the database.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import type { AppConfig } from '@duyet/config';
import { PreparedReads, PrismaService } from '@duyet/database';
import { ConsolidationService, DistrictReadAccess, PhaseResultsService } from '@duyet/domain';
import { ADMIN_EMAIL, writeSyntheticDistrict } from './lib/district';

const ROOT = path.resolve(__dirname, '..');
const BUDGET_MS = 2000;
const RUNS = 5;
/** The sample's nam-2022 indicators, with a count (city-level prizes) and a range-target rate (district prizes). */
const REQUIRED = [
  'MN_ENROL_KINDER',
  'MN_STUNTING',
  'MN_TWO_SESSIONS',
  'TH_QUALITIES_GOOD',
  'TH_LEARNING_DONE',
  'THCS_CONDUCT_GOOD',
  'THCS_ACADEMIC_GOOD',
  'THCS_ACADEMIC_WEAK',
  'THCS_GRADUATION',
  'HSG_CITY_PRIZES',
  'HSG_DISTRICT_RATE',
  'SWIM_CERT',
  'STAFF_PARTY_RATE',
  'STAFF_QUALIFIED',
];

const log = (msg: string) => console.log(`\x1b[1;35m[bench consolidation]\x1b[0m ${msg}`);

function schoolsArg(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--schools' || a.startsWith('--schools='));
  if (i < 0) return 50_000;
  const value = Number(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error('--schools needs a positive whole number');
  return value;
}

/** The campaign, one approved plan per school (every 20th still under review), its version and its approval. */
async function writeApprovedCampaign(db: PgClient, districtId: string): Promise<string> {
  await db.query('BEGIN');
  const admin = (await db.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [ADMIN_EMAIL])).rows[0].id;
  const campaign = (
    await db.query<{ id: string }>(
      `INSERT INTO "Campaign" (id, "districtId", key, "documentNumber", title, "legalBases", "issuedOn", "periodFrom",
         "periodTo", "targetLevels", "targetClusters", sections, "requiredIndicators", "submissionDeadline", "workflowId",
         "createdById", "plansOpenedAt")
       VALUES (gen_random_uuid(), $1, 'bench-tong-hop', '1/KH-BENCH', 'Kế hoạch thử tải tổng hợp', '{}', now(), now(),
         now() + interval '1 year', '{PRESCHOOL,PRIMARY,LOWER_SECONDARY}', '{}',
         '[{"key":"purpose","title":"Mục đích, yêu cầu","required":true}]', $2, now(), 'campaign:bench-tong-hop', $3, now())
       RETURNING id`,
      [districtId, REQUIRED, admin],
    )
  ).rows[0].id;
  await db.query(
    `INSERT INTO "CampaignTarget" (id, "campaignId", "indicatorCode", "targetMin", "targetMax")
     SELECT gen_random_uuid(), $1, code, "targetMin", "targetMax" FROM "Indicator"
     WHERE "districtId" = $2 AND code = ANY($3)`,
    [campaign, districtId, REQUIRED],
  );
  await db.query(
    `INSERT INTO "Plan" (id, "districtId", "campaignId", "schoolId", status, "workflowId", "currentVersionNo",
       "submittedAt", "decidedAt", "updatedAt")
     SELECT gen_random_uuid(), s."districtId", $1::uuid, s.id,
       (CASE WHEN row_number() OVER (ORDER BY s.code) % 20 = 0 THEN 'UNDER_REVIEW' ELSE 'APPROVED' END)::"PlanStatus",
       'plan:' || $1::text || ':' || s.id, 1, now(), now(), now()
     FROM "School" s WHERE s."districtId" = $2`,
    [campaign, districtId],
  );
  // Each school's targets, varied by a hash of its code: some below the directive's, a range now and then.
  await db.query(
    `INSERT INTO "PlanVersion" (id, "planId", number, sections, indicators, "submittedById")
     SELECT gen_random_uuid(), p.id, 1, '{"purpose":"Kế hoạch thử tải."}',
       (SELECT jsonb_object_agg(i.code, CASE
           WHEN i.rollup = 'COUNT' THEN jsonb_build_object('target', h % 6)
           WHEN i.direction = 'LOWER' THEN jsonb_build_object('target', 1 + (h % 30) / 10.0, 'targetMax', 2 + (h % 30) / 10.0)
           WHEN i.code = 'HSG_DISTRICT_RATE' THEN jsonb_build_object('target', 9 + h % 8, 'targetMax', 16)
           ELSE jsonb_build_object('target', LEAST(100, COALESCE(i."targetMin", 50) - 3 + (h % 70) / 10.0)) END)
        FROM "Indicator" i CROSS JOIN LATERAL (SELECT abs(hashtext(s.code || i.code)) AS h) x
        WHERE i."districtId" = $2 AND i.code = ANY($3) AND (i.level IS NULL OR i.level = s.level)),
       $4
     FROM "Plan" p JOIN "School" s ON s.id = p."schoolId"
     WHERE p."campaignId" = $1`,
    [campaign, districtId, REQUIRED, admin],
  );
  await db.query(
    `INSERT INTO "Decision" (id, "planId", "versionId", kind, "decidedById", capacity, "deciderName")
     SELECT gen_random_uuid(), p.id, v.id, 'APPROVE', $2, 'TRƯỞNG PHÒNG', 'Thử tải'
     FROM "Plan" p JOIN "PlanVersion" v ON v."planId" = p.id WHERE p."campaignId" = $1 AND p.status = 'APPROVED'`,
    [campaign, admin],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE "School"; ANALYZE "Plan"; ANALYZE "PlanVersion"; ANALYZE "CampaignTarget"');
  return campaign;
}

async function main(): Promise<void> {
  const schools = schoolsArg(process.argv.slice(2));
  const keepDb = process.argv.includes('--keep-db');
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `duyet_bench_consol_${Date.now()}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const db = new PgClient({ connectionString: databaseUrl });
  let prisma: PrismaService | undefined;
  let reads: PreparedReads | undefined;
  try {
    log(`Database ${dbName}: migrating`);
    execFileSync(path.join(ROOT, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    });
    let t = performance.now();
    const { districtId } = await writeSyntheticDistrict(databaseUrl, schools);
    await db.connect();
    const campaignId = await writeApprovedCampaign(db, districtId);
    const plans = Number((await db.query('SELECT count(*) AS n FROM "Plan"')).rows[0].n);
    log(`${plans} plans of ${schools} schools, approved but every 20th, written in ${secs(performance.now() - t)} s`);

    prisma = new PrismaService({ databaseUrl } as AppConfig);
    reads = new PreparedReads({ databaseUrl } as AppConfig);
    const service = new ConsolidationService(
      prisma,
      reads,
      new DistrictReadAccess(prisma),
      new PhaseResultsService(prisma),
    );
    const timings: number[] = [];
    let indicators = 0;
    for (let run = 0; run < RUNS; run++) {
      t = performance.now();
      const result = await service.forCampaign(districtId, campaignId);
      timings.push(performance.now() - t);
      indicators = result.indicators.length;
      if (run === 0) {
        const rate = result.indicators.find((i) => i.code === 'HSG_DISTRICT_RATE')!;
        log(
          `  ${result.plans.approved}/${result.plans.total} approved; HSG_DISTRICT_RATE ${rate.district.value}% ` +
            `(median ${rate.district.median}, ${rate.schoolsBelow.total} schools below 12%), ` +
            `${result.indicators[0].clusters.length} clusters`,
        );
      }
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const max = sorted[sorted.length - 1];
    console.log(
      `\n| measure | Duyệt (${schools.toLocaleString('en')} schools) | target |\n| --- | --- | --- |\n` +
        `| consolidation of a campaign (${indicators} indicators; district, levels, clusters; ConsolidationService.forCampaign) ` +
        `| first ${ms(timings[0])} ms, median ${ms(median)} ms, slowest ${ms(max)} ms of ${RUNS} | ` +
        `< ${BUDGET_MS} ms: ${max < BUDGET_MS ? 'met' : '**missed**'} |\n\n` +
        `${cpus().length} CPUs, load average (1 min) ${loadavg()[0].toFixed(2)} when the timings ended.\n`,
    );
  } finally {
    await prisma?.$disconnect();
    await reads?.onModuleDestroy();
    await db.end().catch(() => undefined);
    if (keepDb) log(`Kept the database ${dbName} (--keep-db)`);
    else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

const secs = (msValue: number) => Math.round(msValue / 100) / 10;
const ms = (value: number) => Math.round(value);

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
