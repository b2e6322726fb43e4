// A synthetic district of N schools, one principal each, with the sample district's office and catalogues.
// The office and catalogues go through the product's own importer; the schools and principals, the bulk of it,
// are written by two set-based INSERT … SELECT over generate_series: 50,000 schools take seconds, not minutes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import bcrypt from 'bcryptjs';
import { Client } from 'pg';
import { PrismaClient } from '../../generated/prisma/client';
import { importDistrict } from '../../libs/domain/src/people/district-import';
import { districtFileSchema } from '../../libs/domain/src/people/district-file.schema';

export const BENCH_DOMAIN = 'bench.example';
export const BENCH_PASSWORD = 'Duyet@2026';
export const ADMIN_EMAIL = `truongphong@${BENCH_DOMAIN}`;
const SAMPLE = path.join(__dirname, '../../prisma/district-kien-xuong.json');

const readSample = () => districtFileSchema.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));
type SampleUser = ReturnType<typeof readSample>['users'][number];

/** The sample district's office (its head, clerk, deputy heads and specialists) under the bench's domain. */
const officeOf = (users: SampleUser[]): SampleUser[] =>
  users
    .filter((u) => u.role === 'ADMIN' || u.role === 'REVIEWER' || u.role === 'CLERK')
    .map((u) => ({ ...u, email: u.email.replace(/@.*$/, `@${BENCH_DOMAIN}`) }));

export const officeEmails = (): string[] => officeOf(readSample().users).map((u) => u.email);
export const principalEmail = (code: string) => `hieutruong.${code}@${BENCH_DOMAIN}`;
export const schoolCode = (i: number) => `sch-${String(i).padStart(6, '0')}`;

/** About as many schools per cluster (cụm trường) as a real district has. */
const SCHOOLS_PER_CLUSTER = 25;

export async function writeSyntheticDistrict(databaseUrl: string, schools: number): Promise<{ districtId: string }> {
  const sample = readSample();
  const clusters = Math.max(4, Math.ceil(schools / SCHOOLS_PER_CLUSTER));
  // The sample's cluster codes I–IV come first, so its specialists keep their clusters; the rest are numbered.
  const clusterCode = (i: number) => (['I', 'II', 'III', 'IV'][i] ?? `C${i + 1}`) as string;
  // A cheap hash: the bench logs 200 principals in, and the password is the demo's anyway.
  const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 4);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  let districtId: string;
  try {
    districtId = await importDistrict(
      prisma,
      {
        ...sample,
        district: { ...sample.district, code: 'bench', name: 'Tỉnh Thử Tải', office: 'Sở Giáo dục và Đào tạo Thử Tải' },
        clusters: Array.from({ length: clusters }, (_, i) => ({ code: clusterCode(i), name: `Cụm ${clusterCode(i)}` })),
        schools: [],
        users: officeOf(sample.users),
      },
      passwordHash,
    );
  } finally {
    await prisma.$disconnect();
  }

  const communes = [...new Set(sample.schools.map((s) => s.commune ?? 'Xã Thanh Tân'))];
  const names = sample.users.map((u) => u.fullName);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query('BEGIN');
    await pg.query(
      `INSERT INTO "School" (id, "districtId", "clusterId", code, name, level, commune, students, classes)
       SELECT gen_random_uuid(), $1::uuid, cl.id, 'sch-' || lpad(i::text, 6, '0'),
         (ARRAY['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS'])[i % 3 + 1] || ' '
           || replace(($3::text[])[i % cardinality($3::text[]) + 1], 'Xã ', '') || ' số ' || i,
         (ARRAY['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'])[i % 3 + 1]::"SchoolLevel",
         ($3::text[])[i % cardinality($3::text[]) + 1], 150 + i % 900, 5 + (150 + i % 900) / 30
       FROM generate_series(1, $2::int) i
       JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM "Cluster" WHERE "districtId" = $1::uuid) cl
         ON cl.n = i % $4::int`,
      [districtId, schools, communes, clusters],
    );
    await pg.query(
      `INSERT INTO "User" (id, "districtId", "schoolId", email, "fullName", "passwordHash", role, position, title)
       SELECT gen_random_uuid(), s."districtId", s.id, 'hieutruong.' || s.code || '@' || $2,
         ($3::text[])[abs(hashtext(s.code)) % cardinality($3::text[]) + 1], $4, 'PRINCIPAL', 'PRINCIPAL', 'Hiệu trưởng'
       FROM "School" s WHERE s."districtId" = $1::uuid`,
      [districtId, BENCH_DOMAIN, names, passwordHash],
    );
    await pg.query('COMMIT');
    await pg.query('ANALYZE "School"; ANALYZE "User"');
  } finally {
    await pg.end();
  }
  return { districtId };
}
