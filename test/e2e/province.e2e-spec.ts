import type { Test } from 'supertest';
import { ADMIN, bearer, principal } from '../support/campaign';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { type Stack, startStack } from '../support/stack';

// A province department (Sở GD&ĐT) reads its districts' campaigns and nothing else: two districts of Thái Bình (the
// sample's and one of this suite's), and a district of another province it never sees. Every other route of the API
// refuses it, whatever the route was written for.

const PROVINCE_USER = 'so.gddt@thaibinh.example';
const NIL = '00000000-0000-4000-8000-000000000000';
const SCHOOLS = ['mn-thanh-tan', 'th-thanh-tan', 'th-binh-minh'];

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('province users (Sở GD&ĐT)', () => {
  let stack: Stack;
  let tienHai: TestDistrict;
  let haiHau: TestDistrict;
  let kienXuongId: string;
  let tienHaiCampaign: string;
  let haiHauCampaign: string;

  beforeAll(async () => {
    stack = await startStack();
    const thaiBinh = await stack.prisma.province.findUniqueOrThrow({ where: { code: 'thai-binh' } });
    kienXuongId = (await stack.prisma.district.findUniqueOrThrow({ where: { code: 'kien-xuong' } })).id;
    // A second district of Thái Bình, and a district of Nam Định with a reader of its own.
    tienHai = await importSampleDistrict(stack.prisma, {
      code: 'province-tien-hai',
      domain: 'province-tienhai.example',
      schools: SCHOOLS,
    });
    await stack.prisma.district.update({ where: { id: tienHai.id }, data: { provinceId: thaiBinh.id } });
    haiHau = await importSampleDistrict(stack.prisma, {
      code: 'province-hai-hau',
      domain: 'province-haihau.example',
      schools: SCHOOLS,
    });
    const namDinh = await stack.prisma.province.create({
      data: { code: 'province-nam-dinh', name: 'Tỉnh Nam Định', officeName: 'Sở Giáo dục và Đào tạo tỉnh Nam Định' },
    });
    await stack.prisma.district.update({ where: { id: haiHau.id }, data: { provinceId: namDinh.id } });

    const campaign = (key: string) => ({
      key,
      documentNumber: `12/KH-PGDĐT-${key}`,
      title: 'Kế hoạch phát triển giáo dục năm học 2031-2032',
      targetLevels: ['PRESCHOOL', 'PRIMARY'],
      targetClusters: ['I'],
      submissionDeadline: '2031-06-30T17:00:00+07:00',
    });
    tienHaiCampaign = await openDistrictCampaign(stack, tienHai, campaign('province-tien-hai-2031'));
    haiHauCampaign = await openDistrictCampaign(stack, haiHau, campaign('province-hai-hau-2031'));
    // Two plans moved on (the moves are other features'): one submitted, one approved.
    const plans = await stack.prisma.plan.findMany({
      where: { campaignId: tienHaiCampaign },
      include: { school: true },
      orderBy: { schoolCode: 'asc' },
    });
    const bySchool = new Map(plans.map((p) => [p.school.code, p.id]));
    await stack.prisma.plan.update({
      where: { id: bySchool.get('th-binh-minh')! },
      data: { status: 'SUBMITTED', submittedAt: new Date() },
    });
    await stack.prisma.plan.update({
      where: { id: bySchool.get('th-thanh-tan')! },
      data: { status: 'APPROVED', submittedAt: new Date(), decidedAt: new Date() },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const get = async (email: string, path: string) =>
    stack
      .http()
      .get(path)
      .set(await bearer(stack, email));

  /** The plans of a campaign by state, counted in the test from the rows themselves. */
  async function countsOf(campaignId: string): Promise<Record<string, number>> {
    const plans = await stack.prisma.plan.findMany({ where: { campaignId, removedAt: null } });
    const counts: Record<string, number> = {};
    for (const s of [
      'NOT_STARTED',
      'DRAFTING',
      'SUBMITTED',
      'UNDER_REVIEW',
      'RETURNED',
      'APPROVED',
      'EXEMPTED',
      'CLOSED',
    ])
      counts[s] = plans.filter((p) => p.status === s).length;
    return counts;
  }

  it('signs in as a province user: no district, its province, and its home', async () => {
    const me = await get(PROVINCE_USER, '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      role: 'PROVINCE',
      position: 'PROVINCE_OFFICER',
      districtId: '00000000-0000-0000-0000-000000000000',
      schoolId: null,
    });
    const row = await stack.prisma.user.findUniqueOrThrow({ where: { email: PROVINCE_USER } });
    expect(row.districtId).toBeNull();
    expect(me.body.provinceId).toBe(row.provinceId);
  });

  it('lists the two districts of its province with their campaigns counted by state, and not the third', async () => {
    const res = await get(PROVINCE_USER, '/api/province/districts');
    expect(res.status).toBe(200);
    expect(res.body.province).toMatchObject({ code: 'thai-binh', name: 'Tỉnh Thái Bình' });
    const ids = res.body.districts.map((d: { id: string }) => d.id);
    expect(ids).toEqual(expect.arrayContaining([kienXuongId, tienHai.id]));
    expect(ids).not.toContain(haiHau.id);
    // Every district of Thái Bình in the database, and no other (other suites may add districts of none).
    const inProvince = await stack.prisma.district.findMany({ where: { provinceRef: { code: 'thai-binh' } } });
    expect([...ids].sort()).toEqual(inProvince.map((d) => d.id).sort());

    const tienHaiRow = res.body.districts.find((d: { id: string }) => d.id === tienHai.id);
    expect(tienHaiRow.campaigns).toHaveLength(1);
    expect(tienHaiRow.campaigns[0]).toMatchObject({ id: tienHaiCampaign, key: 'province-tien-hai-2031', total: 3 });
    expect(tienHaiRow.campaigns[0].byState).toEqual(await countsOf(tienHaiCampaign));
    expect(tienHaiRow.campaigns[0].byState).toMatchObject({ NOT_STARTED: 1, SUBMITTED: 1, APPROVED: 1 });
    // The sample district's campaigns, whatever other suites issued there, each counted as the database has it.
    const kienXuong = res.body.districts.find((d: { id: string }) => d.id === kienXuongId);
    const sampleCampaigns = await stack.prisma.campaign.count({ where: { districtId: kienXuongId } });
    expect(kienXuong.campaigns).toHaveLength(sampleCampaigns);
    for (const c of kienXuong.campaigns) expect(c.byState).toEqual(await countsOf(c.id));
  });

  it('reads a campaign of either district by level, and not a campaign of another province', async () => {
    const res = await get(PROVINCE_USER, `/api/province/districts/${tienHai.id}/campaigns/${tienHaiCampaign}`);
    expect(res.status).toBe(200);
    expect(res.body.district).toMatchObject({ id: tienHai.id, code: 'province-tien-hai' });
    expect(res.body.total).toBe(3);
    expect(res.body.byState).toEqual(await countsOf(tienHaiCampaign));
    expect(res.body.byLevel.map((l: { level: string; total: number }) => [l.level, l.total])).toEqual([
      ['PRESCHOOL', 1],
      ['PRIMARY', 2],
    ]);
    expect(res.body.byLevel[1].byState).toMatchObject({ SUBMITTED: 1, APPROVED: 1, NOT_STARTED: 0 });

    // Nam Định's district, its campaign, or its campaign under a district of Thái Bình: not found, nothing told.
    const other = await get(PROVINCE_USER, `/api/province/districts/${haiHau.id}/campaigns/${haiHauCampaign}`);
    expect(other.status).toBe(404);
    const smuggled = await get(PROVINCE_USER, `/api/province/districts/${tienHai.id}/campaigns/${haiHauCampaign}`);
    expect(smuggled.status).toBe(404);
    expect(smuggled.body.message).toBe('Không tìm thấy đợt kế hoạch này.');
    const bad = await get(PROVINCE_USER, `/api/province/districts/not-a-uuid/campaigns/${tienHaiCampaign}`);
    expect(bad.status).toBe(400);
  });

  it('refuses the province user on the office routes: board, plans, people, campaigns', async () => {
    const plan = await stack.prisma.plan.findFirstOrThrow({ where: { campaignId: tienHaiCampaign } });
    for (const path of [
      '/api/board',
      '/api/board/export.csv',
      '/api/plans',
      `/api/plans/${plan.id}`,
      '/api/users',
      '/api/schools',
      '/api/campaigns',
      `/api/campaigns/${tienHaiCampaign}`,
      '/api/review-queue',
    ]) {
      const res = await get(PROVINCE_USER, path);
      expect([path, res.status]).toEqual([path, 403]);
      expect(res.body.message).toMatch(/^Tài khoản của Sở GD&ĐT chỉ xem các huyện của tỉnh/);
    }
    const move = await stack
      .http()
      .post(`/api/plans/${plan.id}/approve`)
      .set(await bearer(stack, PROVINCE_USER))
      .send({});
    expect(move.status).toBe(403);
  });

  it('refuses it on every route of the API that needs a sign-in, but its own and the account routes', async () => {
    const router = (stack.api.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router;
    const routes = router.stack.flatMap((l) =>
      l.route && l.route.path.startsWith('/api/')
        ? Object.keys(l.route.methods).map((m) => ({ method: m, path: l.route!.path }))
        : [],
    );
    expect(routes.length).toBeGreaterThan(60);
    const allowed = new Set([
      'get /api/province/districts',
      'get /api/province/districts/:districtId/campaigns/:campaignId',
      // the summaries of its districts' campaigns (404 here: the nil campaign is in none of its districts)
      'get /api/campaigns/:id/consolidation',
      'get /api/campaigns/:id/documents/directive.docx',
      'get /api/campaigns/:id/documents/report.docx',
      'get /api/campaigns/:id/documents/report.xlsx',
      'get /api/plans/:id/documents/approval.docx',
      'get /api/plans/:id/documents/approval.pdf',
      'get /api/auth/me',
      'post /api/auth/password',
    ]);
    const token = await stack.login(PROVINCE_USER);
    const call = (method: string, path: string, auth: boolean): Test => {
      const agent = stack.http() as unknown as Record<string, (url: string) => Test>;
      const req = agent[method](path.replace(/:[A-Za-z]+/g, NIL));
      return auth ? req.set('authorization', `Bearer ${token}`) : req;
    };
    const leaks: string[] = [];
    let checked = 0;
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      // The account's own routes (sign-in, password links) are public or listed; the sign-in's throttle is not probed.
      if (allowed.has(key) || r.path.startsWith('/api/auth')) continue;
      // A route answering 401 without a token needs a sign-in: the province user must then be refused (403).
      if ((await call(r.method, r.path, false)).status !== 401) continue;
      checked++;
      const res = await call(r.method, r.path, true);
      if (res.status !== 403) leaks.push(`${key}: ${res.status}`);
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('lets an admin read their own district the same way, and nobody else across districts', async () => {
    const own = await get(ADMIN, '/api/province/districts');
    expect(own.status).toBe(200);
    expect(own.body.districts.map((d: { id: string }) => d.id)).toEqual([kienXuongId]);
    expect(own.body.province).toMatchObject({ code: 'thai-binh' });
    const neighbour = await get(ADMIN, `/api/province/districts/${tienHai.id}/campaigns/${tienHaiCampaign}`);
    expect(neighbour.status).toBe(404);
    const hisOwn = await get(tienHai.admin, `/api/province/districts/${tienHai.id}/campaigns/${tienHaiCampaign}`);
    expect(hisOwn.status).toBe(200);
    const school = await get(principal('th-thanh-tan'), '/api/province/districts');
    expect(school.status).toBe(403);
  });

  it('keeps a province user out of every district in the database itself', async () => {
    const row = await stack.prisma.user.findUniqueOrThrow({ where: { email: PROVINCE_USER } });
    await expect(
      stack.prisma.user.update({ where: { id: row.id }, data: { districtId: kienXuongId } }),
    ).rejects.toThrow(/User_district_or_province/);
    const admin = await stack.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } });
    await expect(
      stack.prisma.user.update({ where: { id: admin.id }, data: { provinceId: row.provinceId } }),
    ).rejects.toThrow(/User_district_or_province/);
  });
});
