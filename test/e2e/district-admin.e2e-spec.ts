// Managing the district over HTTP against the real stack: clusters, schools (closing one), people (adding and
// inviting, changing position or school, deactivating), the reviewers' scope, the safety rules (no self-lockout, the
// office always keeps a head), a departing principal's handover, and personal data (export, erasure by pseudonym).
// A district of its own, so nothing here touches the sample district the other suites share.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { Response } from 'supertest';
import { type DistrictFile, districtFileSchema, importDistrict } from '@duyet/domain';
import { openCampaign as issueCampaign } from '../support/campaign';
import { mailTo } from '../support/mailbox';
import { DEMO_PASSWORD, type Stack, eventually, startStack } from '../support/stack';

const DOMAIN = 'quantri.example';
const at = (local: string) => `${local}@${DOMAIN}`;
const HEAD = at('truongphong');
const CLERK = at('vanthu');
const SPECIALIST = at('chuyenvien1');
const SPECIALIST_2 = at('chuyenvien2');
const principal = (school: string) => at(`hieutruong.${school}`);
const deputy = (school: string) => at(`phohieutruong.${school}`);

const sample = districtFileSchema.parse(
  JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8')),
);
const SCHOOLS = ['th-thanh-tan', 'th-binh-minh', 'th-nam-binh', 'th-binh-dinh'];
const DRAFT = { sections: { purpose: 'Mục đích rõ ràng.', tasks: 'Nhiệm vụ và giải pháp cụ thể.' }, indicators: {} };
const FUTURE = '2099-01-15T17:00:00+07:00';

let counter = 0;
/** A documentation address per sign-in, so this suite's sign-ins stay under the per-address limit. */
const freshAddress = () => `198.51.100.${(counter++ % 250) + 1}`;

describe('managing the district: clusters, schools, people, and their personal data', () => {
  let stack: Stack;
  let districtId: string;
  const tokens = new Map<string, string>();
  const userId: Record<string, string> = {};
  const schoolId: Record<string, string> = {};

  const signIn = (email: string) =>
    stack
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', freshAddress())
      .send({ email, password: DEMO_PASSWORD });
  const login = async (email: string): Promise<string> => {
    const cached = tokens.get(email);
    if (cached) return cached;
    const res = ok(await signIn(email));
    tokens.set(email, res.body.accessToken);
    return res.body.accessToken;
  };
  const call = async (
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    email: string,
    url: string,
    body?: object,
  ): Promise<Response> => {
    const agent = stack.http();
    const req = agent[method](url).set({ authorization: `Bearer ${await login(email)}` });
    return body === undefined ? req : req.send(body);
  };
  const ok = (res: Response, status = 200): Response => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const refused = (res: Response, status: number, text: string | RegExp) => {
    expect({ status: res.status, message: res.body.message }).toEqual({
      status,
      message: typeof text === 'string' ? expect.stringContaining(text) : expect.stringMatching(text),
    });
  };
  const lastAudit = (type: string) =>
    stack.prisma.auditEvent.findFirstOrThrow({
      where: { districtId, type: type as never },
      orderBy: { createdAt: 'desc' },
    });
  /** A person made directly in the database, with the demo password, for a test that needs them to sign in. */
  const withPassword = async (id: string) =>
    stack.prisma.user.update({ where: { id }, data: { passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4) } });
  const addHead = async (tag: string): Promise<string> => {
    const res = ok(
      await call('post', HEAD, '/api/users', {
        email: at(`truongphong.${tag}`),
        fullName: `Trưởng phòng ${tag}`,
        position: 'HEAD',
        acting: true,
      }),
      201,
    );
    await withPassword(res.body.user.id);
    return at(`truongphong.${tag}`);
  };

  const openCampaign = (key: string): Promise<string> =>
    // The support's openCampaign (issues it, waits until every plan's workflow has started), in this district.
    issueCampaign(
      stack,
      {
        key: `quan-tri-${key}`,
        documentNumber: `${key}/KH-PGDĐT`,
        targetLevels: ['PRIMARY'],
        targetClusters: [],
        requiredSections: ['purpose', 'tasks'],
        requiredIndicators: [],
        submissionDeadline: FUTURE,
        signer: { email: HEAD },
        receiver: undefined,
      },
      HEAD,
    );
  const planOf = (campaignId: string, school: string) =>
    stack.prisma.plan.findFirst({ where: { campaignId, school: { code: school } } });

  beforeAll(async () => {
    stack = await startStack();
    const move = (email: string) => email.replace('@kienxuong.example', `@${DOMAIN}`);
    const file: DistrictFile = {
      ...sample,
      district: { ...sample.district, code: 'quan-tri', name: 'Huyện Quản Trị' },
      schools: sample.schools.filter((s) => SCHOOLS.includes(s.code)),
      users: sample.users
        .filter((u) => !u.school || SCHOOLS.includes(u.school))
        .map((u) => ({ ...u, email: move(u.email) })),
    };
    districtId = await importDistrict(stack.prisma, file, await bcrypt.hash(DEMO_PASSWORD, 4));
    for (const u of await stack.prisma.user.findMany({ where: { districtId } })) userId[u.email] = u.id;
    for (const s of await stack.prisma.school.findMany({ where: { districtId } })) schoolId[s.code] = s.id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('is for admins only: a specialist, the clerk and a principal are refused every route', async () => {
    const routes: [string, 'get' | 'post' | 'patch' | 'put', string, object?][] = [
      [SPECIALIST, 'get', '/api/users'],
      [SPECIALIST, 'get', '/api/clusters'],
      [CLERK, 'post', '/api/schools', { code: 'x', name: 'Trường X', level: 'PRIMARY', cluster: 'I' }],
      [CLERK, 'post', `/api/users/${userId[SPECIALIST]}/deactivate`, {}],
      [principal('th-thanh-tan'), 'get', `/api/users/${userId[SPECIALIST]}/personal-data`],
      [principal('th-thanh-tan'), 'put', `/api/users/${userId[SPECIALIST]}/review-scope`, { levels: [], clusters: [] }],
    ];
    for (const [who, method, url, body] of routes) {
      const res = await call(method, who, url, body);
      expect({ url, status: res.status }).toEqual({ url, status: 403 });
    }
    expect(await stack.prisma.auditEvent.count({ where: { districtId, actorId: { not: userId[HEAD] } } })).toBe(0);
  });

  describe('clusters', () => {
    it('lists the clusters with their schools and reviewers', async () => {
      const res = ok(await call('get', HEAD, '/api/clusters'));
      expect(res.body.items.map((c: { code: string; schools: number; reviewers: number }) => c)).toEqual([
        expect.objectContaining({ code: 'I', schools: 4, reviewers: 1 }),
        expect.objectContaining({ code: 'II', schools: 0, reviewers: 1 }),
        expect.objectContaining({ code: 'III', schools: 0 }),
        expect.objectContaining({ code: 'IV', schools: 0 }),
      ]);
    });

    it('adds, renames and removes an empty cluster, each audited; a taken code is a 409', async () => {
      const created = ok(await call('post', HEAD, '/api/clusters', { code: 'V', name: 'Cụm V' }), 201).body;
      expect(created).toMatchObject({ code: 'V', name: 'Cụm V', schools: 0 });
      refused(await call('post', HEAD, '/api/clusters', { code: 'V', name: 'Cụm khác' }), 409, 'đã có cụm mã "V"');
      const renamed = ok(await call('patch', HEAD, `/api/clusters/${created.id}`, { name: 'Cụm Đông' })).body;
      expect(renamed).toMatchObject({ code: 'V', name: 'Cụm Đông' });
      expect((await lastAudit('CLUSTER_RENAMED')).data).toEqual({
        clusterId: created.id,
        code: 'V',
        before: 'Cụm V',
        after: 'Cụm Đông',
      });
      ok(await call('delete', HEAD, `/api/clusters/${created.id}`), 204);
      expect(await stack.prisma.cluster.findUnique({ where: { id: created.id } })).toBeNull();
      expect((await lastAudit('CLUSTER_REMOVED')).actorId).toBe(userId[HEAD]);
    });

    it('refuses to remove a cluster that still has schools, and an unknown one', async () => {
      const one = await stack.prisma.cluster.findFirstOrThrow({ where: { districtId, code: 'I' } });
      // Named as a sentence names it: "Cụm I còn …", not "Cụm Cụm I còn …".
      refused(await call('delete', HEAD, `/api/clusters/${one.id}`), 409, /^Cụm I còn 4 trường: hãy chuyển/);
      expect(await stack.prisma.cluster.findUnique({ where: { id: one.id } })).not.toBeNull();
      refused(await call('delete', HEAD, '/api/clusters/00000000-0000-4000-8000-000000000000'), 404, 'Không tìm thấy');
    });
  });

  describe('schools', () => {
    it('adds a school, refuses a taken code or an unknown cluster, edits it with before and after audited', async () => {
      const body = { code: 'th-quan-tri', name: 'Trường Tiểu học Quản Trị', level: 'PRIMARY', cluster: 'II' };
      const created = ok(await call('post', HEAD, '/api/schools', { ...body, students: 420 }), 201).body;
      expect(created).toMatchObject({ code: 'th-quan-tri', students: 420, closedAt: null, cluster: { code: 'II' } });
      schoolId['th-quan-tri'] = created.id;
      refused(await call('post', HEAD, '/api/schools', body), 409, 'đã có trường mã');
      const unknown = await call('post', HEAD, '/api/schools', { ...body, code: 'th-khac', cluster: 'IX' });
      refused(unknown, 400, 'không có cụm mã "IX"');
      const changed = ok(
        await call('patch', HEAD, `/api/schools/${created.id}`, {
          cluster: 'I',
          students: 430,
          commune: 'Xã Bình Minh',
        }),
      ).body;
      expect(changed).toMatchObject({ cluster: { code: 'I' }, students: 430, commune: 'Xã Bình Minh' });
      // A search by a part of the name, the code or the commune, in any case; each school with its principal.
      const found = ok(await call('get', HEAD, '/api/schools?q=BÌNH MINH')).body.items;
      expect(found.map((s: { code: string }) => s.code).sort()).toEqual(['th-binh-minh', 'th-quan-tri']);
      const binhMinh = found.find((s: { code: string }) => s.code === 'th-binh-minh');
      expect(binhMinh.principal).toEqual({
        id: userId[principal('th-binh-minh')],
        fullName: expect.any(String),
        acting: false,
      });
      expect(binhMinh.openPlans).toBe(0);
      expect((await lastAudit('SCHOOL_CHANGED')).data).toEqual({
        schoolId: created.id,
        code: 'th-quan-tri',
        before: { cluster: 'II', students: 420, commune: null },
        after: { cluster: 'I', students: 430, commune: 'Xã Bình Minh' },
      });
      refused(
        await call('patch', HEAD, '/api/schools/00000000-0000-4000-8000-000000000000', { name: 'Trường Y' }),
        404,
        'Không tìm thấy',
      );
    });

    it('a closed school gets no plan in a new campaign and cannot be added to one; its open plans stay readable', async () => {
      const before = await openCampaign('truoc-dong');
      const plan = await planOf(before, 'th-quan-tri');
      expect(plan).not.toBeNull();
      const closed = ok(
        await call('post', HEAD, `/api/schools/${schoolId['th-quan-tri']}/close`, {
          reason: 'Sáp nhập vào trường Bình Minh',
        }),
      ).body;
      expect(closed.closedAt).toEqual(expect.any(String));
      expect((await lastAudit('SCHOOL_CLOSED')).data).toMatchObject({ code: 'th-quan-tri', openPlans: 1 });
      refused(
        await call('post', HEAD, `/api/schools/${schoolId['th-quan-tri']}/close`, { reason: 'Lần nữa' }),
        409,
        'đã đóng',
      );
      ok(await call('get', HEAD, `/api/plans/${plan!.id}`));

      const after = await openCampaign('sau-dong');
      expect(await planOf(after, 'th-quan-tri')).toBeNull();
      expect(await planOf(after, 'th-thanh-tan')).not.toBeNull();
      const add = await call('post', HEAD, `/api/campaigns/${after}/schools`, { schoolCode: 'th-quan-tri' });
      refused(add, 409, 'đã đóng cửa');
      const listed = ok(await call('get', HEAD, '/api/schools?closed=true')).body.items;
      expect(listed.map((s: { code: string }) => s.code)).toEqual(['th-quan-tri']);
      // The open plan closing left as it was is still counted, for the screen's confirmation.
      expect(listed[0]).toMatchObject({ openPlans: 1, principal: null, closeReason: 'Sáp nhập vào trường Bình Minh' });

      ok(await call('post', HEAD, `/api/schools/${schoolId['th-quan-tri']}/reopen`));
      expect((await lastAudit('SCHOOL_REOPENED')).data).toMatchObject({ code: 'th-quan-tri' });
    });
  });

  describe('people', () => {
    it('lists people by position, school and whether active', async () => {
      const principals = ok(await call('get', HEAD, '/api/users?position=PRINCIPAL')).body;
      expect(principals.total).toBe(4);
      expect(principals.items.every((u: { role: string }) => u.role === 'PRINCIPAL')).toBe(true);
      const ofSchool = ok(await call('get', HEAD, `/api/users?schoolId=${schoolId['th-binh-dinh']}`)).body;
      expect(ofSchool.items.map((u: { email: string }) => u.email).sort()).toEqual(
        [deputy('th-binh-dinh'), principal('th-binh-dinh')].sort(),
      );
      const specialist = ok(await call('get', HEAD, `/api/users/${userId[SPECIALIST]}`)).body;
      expect(specialist.reviewScope).toEqual({ levels: [], clusters: [expect.objectContaining({ code: 'I' })] });
      expect(specialist).not.toHaveProperty('passwordHash');
    });

    it('finds people by part of their name or e-mail, any case, with the other filters', async () => {
      const byMail = ok(await call('get', HEAD, '/api/users?q=TH-BINH-DINH')).body;
      expect(byMail.items.map((u: { email: string }) => u.email).sort()).toEqual(
        [deputy('th-binh-dinh'), principal('th-binh-dinh')].sort(),
      );
      const head = ok(await call('get', HEAD, `/api/users/${userId[principal('th-binh-dinh')]}`)).body;
      const part = (head.fullName as string).split(' ').slice(-2).join(' ').toLocaleUpperCase('vi');
      const byName = ok(await call('get', HEAD, `/api/users?q=${encodeURIComponent(part)}&position=PRINCIPAL`)).body;
      expect(byName.items.map((u: { id: string }) => u.id)).toContain(head.id);
      expect(byName.items.every((u: { role: string }) => u.role === 'PRINCIPAL')).toBe(true);
      const none = ok(await call('get', HEAD, '/api/users?q=kh%C3%B4ng-ai-c%C3%B3-t%C3%AAn-n%C3%A0y')).body;
      expect(none).toMatchObject({ total: 0, items: [] });
    });

    it('adds a person with an invitation, role from the position; refuses a taken e-mail and a contradictory standing', async () => {
      const email = at('giaovien.moi');
      const res = ok(
        await call('post', HEAD, '/api/users', {
          email: email.toUpperCase(),
          fullName: 'Đỗ Thị Mới',
          position: 'GROUP_LEADER',
          schoolId: schoolId['th-binh-dinh'],
          invite: true,
        }),
        201,
      ).body;
      expect(res.user).toMatchObject({ email, role: 'SCHOOL_STAFF', title: 'Tổ trưởng chuyên môn', active: true });
      expect(res.warnings).toEqual([]);
      const mail = await eventually(async () => (await mailTo(email))[0], 20_000, 'the invitation');
      expect(mail.text).toMatch(/\/password\?token=/);
      expect((await lastAudit('USER_CREATED')).data).toMatchObject({
        invited: true,
        after: { position: 'GROUP_LEADER', school: 'th-binh-dinh' },
      });
      // No password until the invitation is used.
      expect((await signIn(email)).status).toBe(401);

      refused(
        await call('post', HEAD, '/api/users', { email, fullName: 'Trùng Địa Chỉ', position: 'CLERK' }),
        409,
        'đã có tài khoản',
      );
      const office = await call('post', HEAD, '/api/users', {
        email: at('cv.sai'),
        fullName: 'Chuyên Viên Sai',
        position: 'SPECIALIST',
        schoolId: schoolId['th-binh-dinh'],
      });
      refused(office, 400, 'là cán bộ Phòng, không thuộc trường nào');
      const acting = await call('post', HEAD, '/api/users', {
        email: at('cv.quyen'),
        fullName: 'Chuyên Viên Quyền',
        position: 'SPECIALIST',
        acting: true,
      });
      refused(acting, 400, 'dạng quyền (Q.)');
      const noSchool = await call('post', HEAD, '/api/users', {
        email: at('gv.khong'),
        fullName: 'Giáo Viên',
        position: 'STAFF',
      });
      refused(noSchool, 400, 'cần có trường');
    });

    it('changes a position: the role follows, the title too unless given, before and after audited', async () => {
      const id = userId[deputy('th-nam-binh')];
      const res = ok(
        await call('patch', HEAD, `/api/users/${id}`, { position: 'GROUP_LEADER', fullName: 'Vũ Văn Đổi' }),
      );
      expect(res.body.user).toMatchObject({
        position: 'GROUP_LEADER',
        role: 'SCHOOL_STAFF',
        title: 'Tổ trưởng chuyên môn',
      });
      const audit = await lastAudit('USER_CHANGED');
      expect(audit.data).toMatchObject({
        user: { id, fullName: 'Vũ Văn Đổi' },
        before: { position: 'DEPUTY_PRINCIPAL', title: 'Phó hiệu trưởng' },
        after: { position: 'GROUP_LEADER', title: 'Tổ trưởng chuyên môn', fullName: 'Vũ Văn Đổi' },
      });
      // A specialist made deputy head keeps reviewing; made clerk, their scope goes (and the audit says so).
      const clerk = ok(await call('patch', HEAD, `/api/users/${userId[at('chuyenvien4')]}`, { position: 'CLERK' }));
      expect(clerk.body.user).toMatchObject({ role: 'CLERK', reviewScope: { levels: [], clusters: [] } });
      expect((await lastAudit('USER_CHANGED')).data).toMatchObject({ reviewScopeCleared: true });
      refused(
        await call('patch', HEAD, '/api/users/00000000-0000-4000-8000-000000000000', { fullName: 'Không Ai' }),
        404,
        'Không tìm thấy',
      );
    });

    it('replaces the levels and clusters a reviewer covers; refuses a non-reviewer and an unknown cluster', async () => {
      const url = `/api/users/${userId[SPECIALIST_2]}/review-scope`;
      const res = ok(await call('put', HEAD, url, { levels: ['PRIMARY'], clusters: ['I', 'III', 'I'] }));
      expect(res.body.levels).toEqual(['PRIMARY']);
      expect(res.body.clusters.map((c: { code: string }) => c.code).sort()).toEqual(['I', 'III']);
      expect(ok(await call('get', HEAD, url)).body).toEqual(res.body);
      expect((await lastAudit('REVIEW_SCOPE_CHANGED')).data).toMatchObject({
        before: { levels: [], clusters: ['II'] },
        after: { levels: ['PRIMARY'], clusters: ['I', 'III'] },
      });
      // The reviewer's reads follow within a second: a plan of cluster I is now theirs to read.
      const campaignId = (
        await stack.prisma.campaign.findFirstOrThrow({ where: { districtId, key: 'quan-tri-sau-dong' } })
      ).id;
      const plan = await planOf(campaignId, 'th-thanh-tan');
      ok(await call('get', SPECIALIST_2, `/api/plans/${plan!.id}`));
      refused(await call('put', HEAD, url, { levels: [], clusters: ['IX'] }), 400, 'không có cụm mã "IX"');
      const principalScope = `/api/users/${userId[principal('th-binh-dinh')]}/review-scope`;
      refused(
        await call('put', HEAD, principalScope, { levels: ['PRIMARY'], clusters: [] }),
        400,
        'không phải phó trưởng phòng hay chuyên viên',
      );
    });
  });

  describe('a principal who leaves the school hands its open plans over', () => {
    let campaignId: string;
    beforeAll(async () => {
      campaignId = (await stack.prisma.campaign.findFirstOrThrow({ where: { districtId, key: 'quan-tri-sau-dong' } }))
        .id;
    });

    it('moved mid-year to another school: the named successor becomes principal and gets the plans, audited', async () => {
      const plan = (await planOf(campaignId, 'th-thanh-tan'))!;
      ok(await call('put', principal('th-thanh-tan'), `/api/plans/${plan.id}/draft`, DRAFT));
      const mover = userId[principal('th-thanh-tan')];
      const successor = userId[deputy('th-thanh-tan')];
      const res = ok(
        await call('patch', HEAD, `/api/users/${mover}`, {
          schoolId: schoolId['th-nam-binh'],
          successorId: successor,
          successorActing: true,
        }),
      ).body;
      const open = await stack.prisma.plan.count({
        where: { schoolId: schoolId['th-thanh-tan'], removedAt: null, status: { in: ['NOT_STARTED', 'DRAFTING'] } },
      });
      expect(res.handover).toEqual({
        school: 'th-thanh-tan',
        plans: open,
        to: { id: successor, fullName: expect.any(String) },
      });
      expect(res.user).toMatchObject({ position: 'PRINCIPAL', school: { code: 'th-nam-binh' } });
      // th-nam-binh now has two principals: allowed (a handover takes a day), and said.
      expect(res.warnings).toEqual([expect.stringContaining('còn một hiệu trưởng khác')]);
      const heir = await stack.prisma.user.findUniqueOrThrow({ where: { id: successor } });
      expect(heir).toMatchObject({
        position: 'PRINCIPAL',
        role: 'PRINCIPAL',
        acting: true,
        title: 'Q. Hiệu trưởng',
        schoolId: schoolId['th-thanh-tan'],
      });

      const trail = ok(await call('get', HEAD, `/api/plans/${plan.id}/audit`)).body;
      const handed = trail.find((e: { type: string }) => e.type === 'PLAN_HANDED_OVER');
      expect(handed.summary).toMatch(/bàn giao kế hoạch của hiệu trưởng .+ cho .+\.$/);
      expect(handed.data).toMatchObject({
        from: { id: mover },
        to: { id: successor },
        schoolCode: 'th-thanh-tan',
        status: 'DRAFTING',
      });
      expect((await lastAudit('USER_CHANGED')).data).toMatchObject({
        user: { id: mover },
        before: { school: 'th-thanh-tan' },
        after: { school: 'th-nam-binh' },
        handedOver: { school: 'th-thanh-tan', plans: open },
      });
      // Within a second the successor writes the plan and the one who left no longer reads it.
      await new Promise((r) => setTimeout(r, 1100));
      ok(await call('put', deputy('th-thanh-tan'), `/api/plans/${plan.id}/draft`, DRAFT));
      expect((await call('get', principal('th-thanh-tan'), `/api/plans/${plan.id}`)).status).toBe(403);
    });

    it('deactivated without a successor: the plans wait for the admin, and the trail says so', async () => {
      const leaver = userId[principal('th-binh-minh')];
      const res = ok(await call('post', HEAD, `/api/users/${leaver}/deactivate`, {})).body;
      expect(res.handover).toMatchObject({ school: 'th-binh-minh', to: null });
      expect(res.handover.plans).toBeGreaterThan(0);
      const plan = (await planOf(campaignId, 'th-binh-minh'))!;
      const event = await stack.prisma.auditEvent.findFirstOrThrow({
        where: { planId: plan.id, type: 'PLAN_HANDED_OVER' },
      });
      expect(event.data).toMatchObject({ from: { id: leaver }, to: null });
    });

    it('refuses a successor from the office, and one who is principal of another school', async () => {
      const mover = userId[principal('th-binh-dinh')];
      const office = await call('patch', HEAD, `/api/users/${mover}`, {
        schoolId: schoolId['th-binh-minh'],
        successorId: userId[CLERK],
      });
      refused(office, 400, 'là cán bộ Phòng');
      const elsewhere = await call('patch', HEAD, `/api/users/${mover}`, {
        schoolId: schoolId['th-binh-minh'],
        successorId: userId[principal('th-nam-binh')],
      });
      refused(elsewhere, 409, 'đang là hiệu trưởng trường th-nam-binh');
      const unchanged = await stack.prisma.user.findUniqueOrThrow({ where: { id: mover } });
      expect(unchanged.schoolId).toBe(schoolId['th-binh-dinh']);
    });
  });

  describe('deactivation', () => {
    it("ends the person's sessions within a second; reactivated, they sign in again", async () => {
      const email = deputy('th-binh-dinh');
      const token = await login(email);
      ok(
        await stack
          .http()
          .get('/api/auth/me')
          .set({ authorization: `Bearer ${token}` }),
      );
      const started = Date.now();
      ok(await call('post', HEAD, `/api/users/${userId[email]}/deactivate`, {}));
      await eventually(
        async () =>
          (
            await stack
              .http()
              .get('/api/auth/me')
              .set({ authorization: `Bearer ${token}` })
          ).status === 401
            ? true
            : undefined,
        3_000,
        'the session to end',
      );
      const elapsed = Date.now() - started;
      console.log(`session refused ${elapsed} ms after the deactivation was answered`);
      expect(elapsed).toBeLessThan(1_500);
      expect((await signIn(email)).status).toBe(401);
      refused(await call('post', HEAD, `/api/users/${userId[email]}/deactivate`, {}), 409, 'đã ngừng hoạt động');

      ok(await call('post', HEAD, `/api/users/${userId[email]}/reactivate`));
      expect((await signIn(email)).status).toBe(200);
      // The old session stays ended: deactivation raised the account's session version.
      expect(
        (
          await stack
            .http()
            .get('/api/auth/me')
            .set({ authorization: `Bearer ${token}` })
        ).status,
      ).toBe(401);
      expect((await lastAudit('USER_REACTIVATED')).data).toMatchObject({ user: { id: userId[email] } });
    });
  });

  describe('personal data (Nghị định 13/2023/NĐ-CP)', () => {
    let planId: string;
    let decisionId: string;
    const reviewer = SPECIALIST;
    let name: string;

    beforeAll(async () => {
      name = (await stack.prisma.user.findUniqueOrThrow({ where: { id: userId[reviewer] } })).fullName;
      const campaignId = (
        await stack.prisma.campaign.findFirstOrThrow({ where: { districtId, key: 'quan-tri-sau-dong' } })
      ).id;
      planId = (await planOf(campaignId, 'th-binh-dinh'))!.id;
      ok(await call('put', principal('th-binh-dinh'), `/api/plans/${planId}/draft`, DRAFT));
      ok(await call('post', principal('th-binh-dinh'), `/api/plans/${planId}/submit`));
      ok(
        await call('post', reviewer, `/api/plans/${planId}/comments`, {
          anchorType: 'GENERAL',
          body: 'Kế hoạch rõ ràng, khả thi.',
        }),
        201,
      );
      decisionId = ok(await call('post', reviewer, `/api/plans/${planId}/approve`, { comment: 'Đạt yêu cầu.' })).body
        .decisionId;
      // Promoted afterwards: the export shows both positions, with their dates.
      ok(await call('patch', HEAD, `/api/users/${userId[reviewer]}`, { position: 'DEPUTY_HEAD' }));
    });

    it('exports what Duyệt holds about a person, and records that it did', async () => {
      const res = ok(await call('get', HEAD, `/api/users/${userId[reviewer]}/personal-data`)).body;
      expect(res.legalBasis).toContain('13/2023/NĐ-CP');
      expect(res.profile).toMatchObject({
        id: userId[reviewer],
        email: reviewer,
        fullName: name,
        position: 'DEPUTY_HEAD',
      });
      expect(res.positionsHeld).toEqual([
        expect.objectContaining({ position: 'SPECIALIST', school: null, until: expect.any(String) }),
        expect.objectContaining({ position: 'DEPUTY_HEAD', school: null, until: null }),
      ]);
      expect(res.decisions).toEqual([
        expect.objectContaining({
          id: decisionId,
          kind: 'APPROVE',
          capacity: 'CHUYÊN VIÊN',
          deciderName: name,
          school: { code: 'th-binh-dinh', name: expect.any(String) },
        }),
      ]);
      expect(res.comments).toEqual([expect.objectContaining({ planId, body: 'Kế hoạch rõ ràng, khả thi.' })]);
      expect(res.auditEvents.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['COMMENT_ADDED', 'PLAN_APPROVED']),
      );
      expect(res.auditEvents.find((e: { type: string }) => e.type === 'PLAN_APPROVED').summary).toContain(name);
      expect(res.signIns.length).toBeGreaterThan(0);
      expect(res.signIns[0]).toMatchObject({ ok: true, email: reviewer, ip: expect.stringMatching(/^198\.51\.100\./) });
      expect((await lastAudit('PERSONAL_DATA_EXPORTED')).data).toEqual({
        user: { id: userId[reviewer], fullName: name },
      });
    });

    it('refuses to erase someone still at work, or an unknown person', async () => {
      refused(await call('post', HEAD, `/api/users/${userId[reviewer]}/erase`), 409, 'vẫn đang làm việc');
      refused(await call('post', HEAD, '/api/users/00000000-0000-4000-8000-000000000000/erase'), 404, 'Không tìm thấy');
      refused(
        await call('get', HEAD, '/api/users/00000000-0000-4000-8000-000000000000/personal-data'),
        404,
        'Không tìm thấy',
      );
    });

    it('erases a person who has left: pseudonymised, while decisions and the audit trail keep their meaning', async () => {
      const id = userId[reviewer];
      ok(await call('post', HEAD, `/api/users/${id}/deactivate`, {}));
      const res = ok(await call('post', HEAD, `/api/users/${id}/erase`)).body;
      const pseudonym = `Người dùng đã xoá #${id.slice(0, 8)}`;
      expect(res.user).toMatchObject({
        fullName: pseudonym,
        email: `da-xoa-${id}@erased.invalid`,
        active: false,
        erasedAt: expect.any(String),
        position: 'DEPUTY_HEAD',
      });
      expect(res.signIns).toBeGreaterThan(0);

      const row = await stack.prisma.user.findUniqueOrThrow({ where: { id } });
      expect(row.passwordHash).not.toMatch(/^\$2/);
      expect(await stack.prisma.user.findUnique({ where: { email: reviewer } })).toBeNull();
      expect((await signIn(reviewer)).status).toBe(401);
      const signIns = await stack.prisma.signInAttempt.findMany({ where: { userId: id } });
      expect(signIns.every((s) => s.email === '' && s.ip === '')).toBe(true);
      expect(await stack.prisma.signInAttempt.count({ where: { email: reviewer } })).toBeGreaterThan(0); // the attempt just above, by an unknown address now
      expect(await stack.prisma.emailLog.count({ where: { to: reviewer } })).toBe(0);

      // The signed decision is the office's legal record: its name and capacity as signed.
      const plan = ok(await call('get', HEAD, `/api/plans/${planId}`)).body;
      expect(plan.decisions).toEqual([
        expect.objectContaining({ id: decisionId, decidedById: id, deciderName: name, capacity: 'CHUYÊN VIÊN' }),
      ]);
      // The trail keeps who (by id, under the pseudonym) did what, when.
      const trail = ok(await call('get', HEAD, `/api/plans/${planId}/audit`)).body;
      const approved = trail.find((e: { type: string }) => e.type === 'PLAN_APPROVED');
      expect(approved.actor).toEqual({ id, fullName: pseudonym, title: expect.any(String) });
      expect(approved.summary).toContain(pseudonym);
      expect(JSON.stringify(trail)).not.toContain(name);
      const events = await stack.prisma.auditEvent.findMany({ where: { districtId } });
      const naming = events.filter(
        (e) => JSON.stringify(e.data).includes(name) || JSON.stringify(e.data).includes(reviewer),
      );
      expect(naming).toEqual([]);
      expect((await lastAudit('USER_CHANGED')).data).toMatchObject({ user: { id, fullName: pseudonym } });

      // The export after erasure shows the pseudonym and what remains.
      const exported = ok(await call('get', HEAD, `/api/users/${id}/personal-data`)).body;
      expect(exported.profile).toMatchObject({ fullName: pseudonym, erasedAt: expect.any(String) });
      expect(exported.decisions).toHaveLength(1);
      expect(exported.signIns.every((s: { email: string; ip: string }) => s.email === '' && s.ip === '')).toBe(true);

      refused(await call('post', HEAD, `/api/users/${id}/erase`), 409, 'đã được xoá');
      refused(await call('post', HEAD, `/api/users/${id}/reactivate`), 409, 'đã được xoá');
    });
  });

  describe('safety: nobody locks themself out, the office keeps a head', () => {
    it('an admin cannot deactivate or demote themself', async () => {
      refused(await call('post', HEAD, `/api/users/${userId[HEAD]}/deactivate`, {}), 409, 'không thể tự khoá');
      refused(
        await call('patch', HEAD, `/api/users/${userId[HEAD]}`, { position: 'DEPUTY_HEAD' }),
        409,
        'không thể tự khoá',
      );
      const me = await stack.prisma.user.findUniqueOrThrow({ where: { id: userId[HEAD] } });
      expect(me).toMatchObject({ active: true, position: 'HEAD', role: 'ADMIN' });
      // Changing one's own display title is no lockout.
      ok(await call('patch', HEAD, `/api/users/${userId[HEAD]}`, { title: 'Trưởng phòng GD&ĐT' }));
    });

    // Last in the file: the race may leave either head in office.
    it('the last two heads removing each other at once: one wins, the other is refused, the office keeps a head', async () => {
      const other = await addHead('a');
      const otherId = await idOf(other);
      await login(other);
      const [byHead, byOther] = await Promise.all([
        call('post', HEAD, `/api/users/${otherId}/deactivate`, {}),
        call('patch', other, `/api/users/${userId[HEAD]}`, { position: 'DEPUTY_HEAD' }),
      ]);
      const heads = await stack.prisma.user.count({ where: { districtId, position: 'HEAD', active: true } });
      const statuses = [byHead.status, byOther.status].sort();
      expect({ heads, won: statuses[0] }).toEqual({ heads: 1, won: 200 });
      // The loser's session may already be refused (401, or 403 once no longer a head) or its change refused as the
      // last head's removal (409).
      const loser = byHead.status === 200 ? byOther : byHead;
      expect([401, 403, 409]).toContain(loser.status);
      if (loser.status === 409) expect(loser.body.message).toMatch(/trưởng phòng duy nhất đang làm việc/);
    });
  });

  const idOf = async (email: string) => {
    userId[email] ??= (await stack.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    return userId[email];
  };
});
