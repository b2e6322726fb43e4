// Authority by position, over HTTP against the real stack: who may decide, exempt, reopen, close, grant and issue,
// and in what capacity each decision is recorded (the legal record): the head, an acting head (Q.), a deputy head
// (KT.), a specialist with and without the head's delegation (TL./TUQ.) inside and outside its days, the clerk
// trying every office move, and capacities forged by the client. A district of its own, so its second head and its
// delegations touch no other suite.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { DateTime } from 'luxon';
import mammoth from 'mammoth';
import type { Response } from 'supertest';
import { type DistrictFile, districtFileSchema, importDistrict } from '@duyet/domain';
import { RecipientDirectory } from '../../libs/domain/src/reminders/recipients';
import { bearer, campaignBody, openCampaign as issueCampaign } from '../support/campaign';
import { mailTo } from '../support/mailbox';
import { DEMO_PASSWORD, type Stack, eventually, startStack } from '../support/stack';

const DOMAIN = 'thamquyen.example';
const at = (local: string) => `${local}@${DOMAIN}`;
const HEAD = at('truongphong');
const ACTING = at('q.truongphong');
const CLERK = at('vanthu');
const DEPUTY = at('pho.phothong');
const SPECIALIST = at('chuyenvien1');
const principal = (school: string) => at(`hieutruong.${school}`);

const sample = districtFileSchema.parse(
  JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8')),
);
// Cluster I's primary and lower-secondary schools: the general deputy head and specialist 1 review them all.
const SCHOOLS = sample.schools.filter((s) => s.cluster === 'I' && s.level !== 'PRESCHOOL').map((s) => s.code);
const FUTURE = '2099-01-15T17:00:00+07:00';
const DRAFT = { sections: { purpose: 'Mục đích rõ ràng.', tasks: 'Nhiệm vụ và giải pháp cụ thể.' }, indicators: {} };

const KT = 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG';
const CLERK_REFUSAL = 'văn thư không được phê duyệt, trả lại, đề xuất, miễn, mở lại, đóng kế hoạch';

describe('authority by position, and the capacity each decision records', () => {
  let stack: Stack;
  let districtId: string;
  let today: string;
  const campaign: Record<'ONE' | 'TWO' | 'MEET', string> = { ONE: '', TWO: '', MEET: '' };
  const userId: Record<string, string> = {};

  const call = async (method: 'get' | 'post' | 'put' | 'delete', email: string, url: string, body?: object) => {
    const agent = stack.http();
    const req = agent[method](url).set(await bearer(stack, email));
    return body === undefined ? req : req.send(body);
  };
  const ok = (res: Response, status = 200): Response => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const plan = (key: keyof typeof campaign, school: string) =>
    stack.prisma.plan.findFirstOrThrow({ where: { campaignId: campaign[key], school: { code: school } } });
  /** A plan of the campaign, drafted and submitted by its principal. */
  const submitted = async (key: keyof typeof campaign, school: string): Promise<string> => {
    const { id } = await plan(key, school);
    ok(await call('put', principal(school), `/api/plans/${id}/draft`, DRAFT));
    ok(await call('post', principal(school), `/api/plans/${id}/submit`));
    return id;
  };
  const decisionsOf = (planId: string) =>
    stack.prisma.decision.findMany({ where: { planId }, orderBy: { decidedAt: 'asc' } });
  const day = (offset: number) => DateTime.fromISO(today).plus({ days: offset }).toISODate()!;
  const delegate = (body: object) => call('post', HEAD, '/api/delegations', body);

  const openCampaign = (key: string, overrides: Record<string, unknown>, by = HEAD): Promise<string> =>
    // The support's openCampaign (issues it, waits until every plan's workflow has started), in this district.
    issueCampaign(
      stack,
      {
        key: `tham-quyen-${key}`,
        documentNumber: `${key}/KH-PGDĐT`,
        targetLevels: ['PRIMARY', 'LOWER_SECONDARY'],
        targetClusters: ['I'],
        requiredSections: ['purpose', 'tasks'],
        requiredIndicators: [],
        submissionDeadline: FUTURE,
        signer: { email: by },
        receiver: undefined,
        ...overrides,
      },
      by,
    );

  beforeAll(async () => {
    stack = await startStack();
    const move = (email: string) => email.replace('@kienxuong.example', `@${DOMAIN}`);
    const file: DistrictFile = {
      ...sample,
      district: { ...sample.district, code: 'tham-quyen', name: 'Huyện Thẩm Quyền' },
      schools: sample.schools.filter((s) => SCHOOLS.includes(s.code)),
      users: [
        ...sample.users
          .filter((u) => !u.school || SCHOOLS.includes(u.school))
          .map((u) => ({ ...u, email: move(u.email) })),
        // A deputy appointed acting head while the head is away: the position, not the title, gives the powers.
        {
          email: ACTING,
          fullName: 'Lương Văn Quyền',
          position: 'HEAD',
          acting: true,
          title: 'Phó trưởng phòng phụ trách',
        },
      ],
    };
    districtId = await importDistrict(stack.prisma, file, await bcrypt.hash(DEMO_PASSWORD, 4));
    for (const u of await stack.prisma.user.findMany({ where: { districtId } })) userId[u.email] = u.id;
    today = ok(await call('get', HEAD, '/api/delegations')).body.today;
    campaign.ONE = await openCampaign('one', {});
    // Issued by the acting head, who signs it; with no title sent, the directive carries the computed capacity.
    campaign.TWO = await openCampaign('two', { approvalLevels: 2 }, ACTING);
    campaign.MEET = await openCampaign('meet', { reviewMode: 'MEETING' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('derives roles from positions: the acting head is an admin, the clerk a clerk, whatever their titles', async () => {
    const people = await stack.prisma.user.findMany({
      where: { districtId, email: { in: [HEAD, ACTING, CLERK, DEPUTY, SPECIALIST] } },
      select: { email: true, role: true, position: true, acting: true },
      orderBy: { email: 'asc' },
    });
    expect(people).toEqual([
      { email: SPECIALIST, role: 'REVIEWER', position: 'SPECIALIST', acting: false },
      { email: DEPUTY, role: 'REVIEWER', position: 'DEPUTY_HEAD', acting: false },
      { email: ACTING, role: 'ADMIN', position: 'HEAD', acting: true },
      { email: HEAD, role: 'ADMIN', position: 'HEAD', acting: false },
      { email: CLERK, role: 'CLERK', position: 'CLERK', acting: false },
    ]);
    const me = ok(await call('get', ACTING, '/api/auth/me')).body;
    expect(me).toMatchObject({ role: 'ADMIN', position: 'HEAD', acting: true, title: 'Phó trưởng phòng phụ trách' });
    // The database holds role and position together: a row that sets them apart is refused.
    await expect(stack.prisma.user.update({ where: { id: userId[CLERK] }, data: { role: 'ADMIN' } })).rejects.toThrow(
      /User_role_follows_position|check constraint/i,
    );
  });

  it('chooses the default receiver, the digest and the directive’s capacity by position', async () => {
    const one = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.ONE } });
    expect(one.receiverId).toBe(userId[CLERK]);
    expect(one.signerTitle).toBe('TRƯỞNG PHÒNG');
    const two = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.TWO } });
    expect(two).toMatchObject({
      signerId: userId[ACTING],
      signerTitle: 'Q. TRƯỞNG PHÒNG',
      createdById: userId[ACTING],
    });
    // A head whose title reads otherwise still gets the escalation digest; the clerk, an admin before, does not.
    await stack.prisma.user.update({ where: { id: userId[HEAD] }, data: { title: 'Trưởng phòng GD&ĐT' } });
    const directory = await RecipientDirectory.load(stack.prisma, districtId);
    expect(directory.admins.map((a) => a.email).sort()).toEqual([ACTING, HEAD].sort());
  });

  it('records the head, the acting head and a deputy head in the capacity their positions give', async () => {
    const cases: [string, string, string][] = [
      [SCHOOLS[0], HEAD, 'TRƯỞNG PHÒNG'],
      [SCHOOLS[1], ACTING, 'Q. TRƯỞNG PHÒNG'],
      [SCHOOLS[2], DEPUTY, KT],
      [SCHOOLS[3], SPECIALIST, 'CHUYÊN VIÊN'],
    ];
    for (const [school, who, capacity] of cases) {
      const planId = await submitted('ONE', school);
      const res = ok(await call('post', who, `/api/plans/${planId}/approve`, { comment: 'Đạt yêu cầu.' }));
      expect(res.body.status).toBe('APPROVED');
      const [decision] = await decisionsOf(planId);
      expect(decision).toMatchObject({ kind: 'APPROVE', capacity, decidedById: userId[who] });
      const event = await stack.prisma.auditEvent.findFirstOrThrow({ where: { planId, type: 'PLAN_APPROVED' } });
      expect(event.data).toMatchObject({ capacity });
    }
    // The principal's e-mail names the decider in the capacity recorded.
    const mail = await eventually(async () => {
      const found = (await mailTo(principal(SCHOOLS[1]))).find((m) => m.text.includes('Người phê duyệt'));
      return found ?? undefined;
    }, 30_000);
    expect(mail.text).toContain('Người phê duyệt: Lương Văn Quyền (Q. TRƯỞNG PHÒNG)');
  });

  it('refuses a forged capacity with the one the server would record, and changes nothing', async () => {
    const planId = await submitted('ONE', SCHOOLS[4]);
    const forged = await call('post', SPECIALIST, `/api/plans/${planId}/approve`, { capacity: KT });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toContain(`“${KT}”`);
    expect(forged.body.message).toContain('được ghi với danh nghĩa “CHUYÊN VIÊN”');
    const deputy = await call('post', DEPUTY, `/api/plans/${planId}/return`, {
      comment: 'Bổ sung giải pháp.',
      capacity: 'TRƯỞNG PHÒNG',
    });
    expect(deputy.status).toBe(403);
    expect(deputy.body.message).toContain(`“${KT}”`);
    const bulk = ok(
      await call('post', SPECIALIST, '/api/plans/bulk-decisions', {
        action: 'approve',
        planIds: [planId],
        capacity: 'TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN',
      }),
    );
    expect(bulk.body).toMatchObject({
      done: 0,
      failed: 1,
      results: [{ planId, ok: false, error: { code: 'FORBIDDEN' } }],
    });
    expect((await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('SUBMITTED');
    expect(await decisionsOf(planId)).toEqual([]);
    expect(
      await stack.prisma.auditEvent.count({ where: { planId, type: { in: ['PLAN_APPROVED', 'PLAN_RETURNED'] } } }),
    ).toBe(0);
    // The same capacity, however it is written, is no forgery: it is recorded as the server writes it.
    ok(await call('post', DEPUTY, `/api/plans/${planId}/approve`, { capacity: 'kt. Trưởng phòng / Phó trưởng phòng' }));
    expect((await decisionsOf(planId))[0].capacity).toBe(KT);
  });

  it('signs TL./TUQ. only under the head’s delegation on the day, and never after it is revoked', async () => {
    const approveAs = async (school: string) => {
      const planId = await submitted('ONE', school);
      ok(await call('post', SPECIALIST, `/api/plans/${planId}/approve`, {}));
      return (await decisionsOf(planId))[0].capacity;
    };
    // Only an admin records one, only from a head, only to a specialist, never two at once for one person.
    const tl = { from: HEAD, to: SPECIALIST, kind: 'TL', startsOn: day(-10), endsOn: day(-1) };
    expect((await call('post', CLERK, '/api/delegations', tl)).body.message).toContain(CLERK_REFUSAL);
    expect((await call('post', DEPUTY, '/api/delegations', tl)).status).toBe(403);
    expect((await delegate({ ...tl, from: DEPUTY })).status).toBe(400);
    expect((await delegate({ ...tl, to: DEPUTY })).body.message).toContain('ký thay (KT.)');
    expect((await delegate({ ...tl, startsOn: day(3), endsOn: day(1) })).status).toBe(400);
    // Ended yesterday, and starting tomorrow: outside their days, the specialist signs in their own name.
    const ended = ok(await delegate(tl), 201).body;
    expect(ended).toMatchObject({ kind: 'TL', startsOn: day(-10), endsOn: day(-1), inForce: false });
    ok(await delegate({ ...tl, kind: 'TUQ', startsOn: day(1), endsOn: day(30) }), 201);
    expect(await approveAs(SCHOOLS[5])).toBe('CHUYÊN VIÊN');
    const overlapping = await delegate({ ...tl, startsOn: day(-1), endsOn: day(0) });
    expect(overlapping.status).toBe(409);
    // The days in the office's way of writing them.
    expect(overlapping.body.message).toMatch(/ đã được giao ký TL\. từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}: /);
    // Today only: inside its days.
    const todayOnly = ok(await delegate({ ...tl, kind: 'TUQ', startsOn: day(0), endsOn: day(0) }), 201).body;
    expect(todayOnly).toMatchObject({ inForce: true, capacity: 'TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN' });
    expect(await approveAs(SCHOOLS[6])).toBe('TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN');
    const listed = ok(await call('get', HEAD, '/api/delegations?inForce=true')).body;
    expect(listed.items.map((d: { id: string }) => d.id)).toEqual([todayOnly.id]);
    // A return under it, and the e-mail the principal gets says so.
    const returned = await submitted('ONE', SCHOOLS[7]);
    ok(await call('post', SPECIALIST, `/api/plans/${returned}/return`, { comment: 'Bổ sung chỉ tiêu.' }));
    expect((await decisionsOf(returned))[0].capacity).toBe('TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN');
    const mail = await eventually(
      async () => (await mailTo(principal(SCHOOLS[7]))).find((m) => m.text.includes('Người trả lại')),
      30_000,
    );
    expect(mail.text).toContain('(TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN)');
    // Revoked: the next decision is the specialist's own again; a second revocation is refused.
    const revoked = ok(
      await call('post', HEAD, `/api/delegations/${todayOnly.id}/revoke`, { reason: 'Trưởng phòng đã về' }),
    );
    expect(revoked.body).toMatchObject({ inForce: false, revokeReason: 'Trưởng phòng đã về' });
    expect((await call('post', HEAD, `/api/delegations/${todayOnly.id}/revoke`, { reason: 'Lần nữa' })).status).toBe(
      409,
    );
    expect(await approveAs(SCHOOLS[8])).toBe('CHUYÊN VIÊN');
    const trail = await stack.prisma.auditEvent.findMany({
      where: { districtId, type: { in: ['DELEGATION_RECORDED', 'DELEGATION_REVOKED'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(trail.map((e) => [e.type, e.actorId])).toEqual([
      ['DELEGATION_RECORDED', userId[HEAD]],
      ['DELEGATION_RECORDED', userId[HEAD]],
      ['DELEGATION_RECORDED', userId[HEAD]],
      ['DELEGATION_REVOKED', userId[HEAD]],
    ]);
    expect(trail[3].data).toMatchObject({ delegationId: todayOnly.id, kind: 'TUQ', reason: 'Trưởng phòng đã về' });
  });

  it('lets only a deputy head or the head decide under two-level approval, delegation or not', async () => {
    ok(await delegate({ from: HEAD, to: SPECIALIST, kind: 'TL', startsOn: day(0), endsOn: day(0) }), 201);
    const first = await submitted('TWO', SCHOOLS[0]);
    ok(await call('post', SPECIALIST, `/api/plans/${first}/recommend`, { recommendation: 'APPROVE' }));
    // A recommendation is the specialist's own view: never signed on the head's behalf.
    expect((await decisionsOf(first))[0]).toMatchObject({
      kind: 'RECOMMEND_APPROVE',
      capacity: 'CHUYÊN VIÊN',
      final: false,
    });
    const refused = await call('post', SPECIALIST, `/api/plans/${first}/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('chỉ phó trưởng phòng hoặc trưởng phòng mới được quyết định');
    ok(await call('post', ACTING, `/api/plans/${first}/approve`, {}));
    expect((await decisionsOf(first))[1]).toMatchObject({ kind: 'APPROVE', capacity: 'Q. TRƯỞNG PHÒNG', final: true });
    const second = await submitted('TWO', SCHOOLS[1]);
    ok(
      await call('post', SPECIALIST, `/api/plans/${second}/recommend`, { recommendation: 'RETURN', comment: 'Thiếu.' }),
    );
    ok(await call('post', DEPUTY, `/api/plans/${second}/return`, { comment: 'Bổ sung nội dung.' }));
    expect((await decisionsOf(second))[1]).toMatchObject({ kind: 'RETURN', capacity: KT });
  });

  it('lets the clerk read the board and the plans, and refuses every office move with the clerk’s reason', async () => {
    const open = await submitted('ONE', SCHOOLS[9]);
    const approved = (await plan('ONE', SCHOOLS[0])).id;
    const fresh = (await plan('TWO', SCHOOLS[9])).id;
    const asked = ok(
      await call('post', principal(SCHOOLS[9]), `/api/plans/${fresh}/extension-requests`, {
        reason: 'Trường đang sửa chữa',
      }),
      201,
    ).body;
    const board = ok(await call('get', CLERK, `/api/board?campaignId=${campaign.ONE}`)).body;
    expect(board.total).toBe(SCHOOLS.length);
    ok(await call('get', CLERK, `/api/board/export.csv?campaignId=${campaign.ONE}`));
    ok(await call('get', CLERK, `/api/plans/${open}`));

    const meetingBody = { cluster: 'I', date: day(21), startTime: '07:30', slotMinutes: 30, venue: 'Hội trường Phòng' };
    const moves: [string, 'post' | 'put' | 'delete', string, object][] = [
      ['start review', 'post', `/api/plans/${open}/start-review`, {}],
      ['recommend', 'post', `/api/plans/${open}/recommend`, { recommendation: 'APPROVE' }],
      ['approve', 'post', `/api/plans/${open}/approve`, {}],
      ['return', 'post', `/api/plans/${open}/return`, { comment: 'Bổ sung.' }],
      ['bulk decision', 'post', '/api/plans/bulk-decisions', { action: 'approve', planIds: [open] }],
      ['comment', 'post', `/api/plans/${open}/comments`, { anchorType: 'GENERAL', body: 'Góp ý.' }],
      ['exempt', 'post', `/api/plans/${open}/exempt`, { reason: 'Trường sáp nhập' }],
      ['reopen', 'post', `/api/plans/${approved}/reopen`, { reason: 'Điều chỉnh giai đoạn' }],
      ['reassign', 'post', `/api/plans/${open}/reviewer`, { reviewerId: userId[DEPUTY] }],
      ['extend', 'post', `/api/plans/${open}/deadline`, { until: FUTURE, reason: 'Ngập lụt' }],
      ['grant', 'post', `/api/plans/${fresh}/extension-requests/${asked.id}/grant`, { until: FUTURE, note: 'Đồng ý' }],
      ['refuse', 'post', `/api/plans/${fresh}/extension-requests/${asked.id}/refuse`, { note: 'Không đồng ý' }],
      ['issue a campaign', 'post', '/api/campaigns', campaignBody({ key: 'cua-van-thu', signer: { email: CLERK } })],
      ['copy a campaign', 'post', `/api/campaigns/${campaign.ONE}/copy`, { key: 'sao-chep' }],
      ['extend a campaign', 'post', `/api/campaigns/${campaign.ONE}/deadline`, { until: FUTURE, reason: 'Bão' }],
      ['close a campaign', 'post', `/api/campaigns/${campaign.ONE}/close`, { reason: 'Kết thúc' }],
      ['schedule a meeting', 'post', `/api/campaigns/${campaign.MEET}/meetings`, meetingBody],
      [
        'record a delegation',
        'post',
        '/api/delegations',
        { from: HEAD, to: SPECIALIST, kind: 'TL', startsOn: day(5), endsOn: day(6) },
      ],
      ['remind now', 'post', `/api/board/remind?campaignId=${campaign.ONE}`, {}],
    ];
    const before = {
      plans: await stack.prisma.plan.findMany({
        where: { districtId },
        select: { id: true, status: true, updatedAt: true },
      }),
      events: await stack.prisma.auditEvent.count({ where: { districtId, actorId: userId[CLERK] } }),
      decisions: await stack.prisma.decision.count({ where: { plan: { districtId } } }),
      campaigns: await stack.prisma.campaign.count({ where: { districtId } }),
    };
    for (const [name, method, url, body] of moves) {
      const res = await call(method, CLERK, url, body);
      expect([name, res.status]).toEqual([name, 403]);
      expect([name, res.body.message]).toEqual([name, expect.stringContaining(CLERK_REFUSAL)]);
    }
    expect({
      plans: await stack.prisma.plan.findMany({
        where: { districtId },
        select: { id: true, status: true, updatedAt: true },
      }),
      events: await stack.prisma.auditEvent.count({ where: { districtId, actorId: userId[CLERK] } }),
      decisions: await stack.prisma.decision.count({ where: { plan: { districtId } } }),
      campaigns: await stack.prisma.campaign.count({ where: { districtId } }),
    }).toEqual(before);
    expect((await stack.prisma.extensionRequest.findUniqueOrThrow({ where: { id: asked.id } })).status).toBe('PENDING');
  });

  it('gives exempt, reopen, extension decisions and closing to the head and the acting head only', async () => {
    const open = (await plan('ONE', SCHOOLS[9])).id;
    const approved = (await plan('ONE', SCHOOLS[0])).id;
    const fresh = (await plan('TWO', SCHOOLS[9])).id;
    const request = await stack.prisma.extensionRequest.findFirstOrThrow({
      where: { planId: fresh, status: 'PENDING' },
    });
    for (const who of [DEPUTY, SPECIALIST]) {
      expect((await call('post', who, `/api/plans/${open}/exempt`, { reason: 'Trường sáp nhập' })).status).toBe(403);
      expect((await call('post', who, `/api/plans/${approved}/reopen`, { reason: 'Điều chỉnh' })).status).toBe(403);
      const grant = `/api/plans/${fresh}/extension-requests/${request.id}/grant`;
      expect((await call('post', who, grant, { until: FUTURE, note: 'Đồng ý' })).status).toBe(403);
      expect((await call('post', who, `/api/campaigns/${campaign.TWO}/close`, { reason: 'Kết thúc' })).status).toBe(
        403,
      );
    }
    ok(await call('post', ACTING, `/api/plans/${open}/exempt`, { reason: 'Trường sáp nhập' }));
    ok(await call('post', HEAD, `/api/plans/${approved}/reopen`, { reason: 'Điều chỉnh cuối giai đoạn' }));
    ok(
      await call('post', ACTING, `/api/plans/${fresh}/extension-requests/${request.id}/refuse`, {
        note: 'Không có lý do chính đáng',
      }),
    );
    expect(await stack.prisma.plan.findUniqueOrThrow({ where: { id: open } })).toMatchObject({ status: 'EXEMPTED' });
    expect(await stack.prisma.plan.findUniqueOrThrow({ where: { id: approved } })).toMatchObject({
      status: 'DRAFTING',
    });
    expect(await stack.prisma.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: 'REFUSED',
      decidedById: userId[ACTING],
    });
    ok(await call('post', ACTING, `/api/campaigns/${campaign.TWO}/close`, { reason: 'Kết thúc đợt' }));
    expect((await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.TWO } })).status).toBe('CLOSED');
  });

  it('records meeting outcomes in the computed capacity, refused to the clerk and to a forged capacity', async () => {
    const [a, b] = [SCHOOLS[2], SCHOOLS[3]];
    for (const school of [a, b]) await submitted('MEET', school);
    const date = (() => {
      let d = DateTime.fromISO(day(21));
      while (d.weekday > 5) d = d.plus({ days: 1 });
      return d.toISODate()!;
    })();
    const meeting = ok(
      await call('post', HEAD, `/api/campaigns/${campaign.MEET}/meetings`, {
        cluster: 'I',
        date,
        startTime: '07:30',
        slotMinutes: 30,
        venue: 'Hội trường Phòng GD&ĐT',
      }),
      201,
    ).body;
    const slot = (school: string) => meeting.slots.find((s: { school: { code: string } }) => s.school.code === school);
    const url = (school: string) => `/api/meetings/${meeting.id}/slots/${slot(school).id}/outcome`;
    const clerk = await call('post', CLERK, url(a), { outcome: 'APPROVED' });
    expect(clerk.status).toBe(403);
    expect(clerk.body.message).toContain(CLERK_REFUSAL);
    const forged = await call('post', SPECIALIST, url(a), { outcome: 'APPROVED', capacity: 'TRƯỞNG PHÒNG' });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toContain('TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN');
    ok(await call('post', SPECIALIST, url(a), { outcome: 'APPROVED', comment: 'Thông qua.' }));
    ok(await call('post', DEPUTY, url(b), { outcome: 'RETURNED', comment: 'Bổ sung chỉ tiêu.' }));
    const [approvedBy, returnedBy] = await Promise.all(
      [a, b].map(async (s) => (await decisionsOf((await plan('MEET', s)).id))[0]),
    );
    expect(approvedBy).toMatchObject({ kind: 'APPROVE', capacity: 'TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN' });
    expect(returnedBy).toMatchObject({ kind: 'RETURN', capacity: KT });
    // The minutes show each outcome with who decided it, in the capacity recorded.
    const minutes = await stack
      .http()
      .get(`/api/meetings/${meeting.id}/minutes`)
      .set(await bearer(stack, HEAD))
      .responseType('blob');
    ok(minutes);
    const { value: text } = await mammoth.extractRawText({ buffer: minutes.body as Buffer });
    expect(text).toContain('Mai Đức Hương (TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN)');
    expect(text).toContain(`Nguyễn Anh Hà (${KT})`);
  });
});
