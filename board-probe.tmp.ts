import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, Prisma } from './generated/prisma/client';
import { boardPageSql, boardIdsSql, boardRowsSql } from './libs/domain/src/board/board-sql';
import { boardQuerySchema } from './libs/domain/src/board/board-query';

async function main() {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:5432/duyet_board_scratch' }) });
  const d = await prisma.district.findFirstOrThrow();
  const cl = await prisma.cluster.findFirstOrThrow({ where: { code: 'I' } });
  const admin = { districtId: d.id, role: 'ADMIN' as const, reviewLevels: [], reviewClusterIds: [] };
  const rev = { districtId: d.id, role: 'REVIEWER' as const, reviewLevels: [], reviewClusterIds: [cl.id] };
  const camp = await prisma.campaign.findFirstOrThrow({ where: { key: 'gen-7' } });
  const cases: [string, any, Record<string, unknown>][] = [
    ['admin default', admin, {}],
    ['admin overdue', admin, { overdue: 'true' }],
    ['admin campaign', admin, { campaignId: camp.id }],
    ['reviewer cluster', rev, {}],
    ['admin q', admin, { q: 'thu nghiem so 12', sort: 'school' }],
    ['admin sort school', admin, { sort: 'school' }],
    ['admin q Đông', admin, { q: 'TRUONG THU NGHIEM' }],
    ['admin page 100', admin, { page: '100' }],
    ['admin status school waiting', admin, { waitingOn: 'SCHOOL', sort: 'daysInState' }],
  ];
  const explain = process.argv.includes('--explain');
  for (const [name, scope, raw] of cases) {
    const q = boardQuerySchema.parse(raw);
    const sql = boardPageSql(scope, { filter: q, now: new Date(), limit: q.pageSize, offset: (q.page - 1) * q.pageSize, countFailedEmails: scope.role === 'ADMIN' });
    const times: number[] = [];
    let rows: any[] = [];
    for (let i = 0; i < 15; i++) { const t = performance.now(); rows = await prisma.$queryRaw<any[]>(sql); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    console.log(name.padEnd(30), 'median', times[7].toFixed(1), 'ms; total', rows[0].total, 'overdue', rows[0].overdue_total, 'rows', rows.length, rows[0].school_name, rows[0].reminders_sent);
    if (explain) {
      const plan = await prisma.$queryRaw<any[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
  const q = boardQuerySchema.parse({});
  let t = performance.now();
  const ids = await prisma.$queryRaw<any[]>(boardIdsSql(admin, q, new Date()));
  console.log('ids', ids.length, (performance.now() - t).toFixed(1));
  t = performance.now();
  const rows = await prisma.$queryRaw<any[]>(boardRowsSql(admin, q, new Date(), ids.slice(0, 1000).map((r) => r.plan_id)));
  console.log('batch', rows.length, (performance.now() - t).toFixed(1));
  await prisma.$disconnect();
}
main();
