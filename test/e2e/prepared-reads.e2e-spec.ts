import { loadConfig } from '@duyet/config';
import { Prisma, PreparedReads } from '@duyet/database';

// The board's reads bypass Prisma: what Prisma would have returned must come back the same, on a real server.
describe('PreparedReads against PostgreSQL', () => {
  let reads: PreparedReads;
  const tz = process.env.TZ;

  beforeAll(() => {
    reads = new PreparedReads(loadConfig());
  });
  afterAll(async () => {
    process.env.TZ = tz;
    await reads.onModuleDestroy();
  });

  it("reads Prisma's timestamps as UTC whatever the process's time zone", async () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    const at = '2026-12-01 08:00:00.123';
    const [row] = await reads.query<{ t: Date; n: number; j: { a: number }; none: Date | null }>(
      Prisma.sql`SELECT ${at}::timestamp(3) AS t, 2::int AS n, '{"a":1}'::json AS j, NULL::timestamp AS none`,
    );
    expect(row.t.toISOString()).toBe('2026-12-01T08:00:00.123Z');
    expect(row).toMatchObject({ n: 2, j: { a: 1 }, none: null });
  });

  it('reuses a prepared statement with new values, and keeps statements of different text apart', async () => {
    const square = (n: number) => Prisma.sql`SELECT ${n}::int * ${n}::int AS v`;
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      expect(await reads.query<{ v: number }>(square(n))).toEqual([{ v: n * n }]);
    }
    expect(await reads.query<{ v: number }>(Prisma.sql`SELECT ${3}::int + ${3}::int AS v`)).toEqual([{ v: 6 }]);
    expect(await reads.query<{ v: string[] }>(Prisma.sql`SELECT ${['PRIMARY', 'PRESCHOOL']}::text[] AS v`)).toEqual([
      { v: ['PRIMARY', 'PRESCHOOL'] },
    ]);
  });
});
