import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type PlanState, planStateQuery } from '@duyet/workflows';
import { PRIMARY_DRAFT } from '../support/campaign';
import { clearMailbox, mailTo } from '../support/mailbox';
import { type Stack, eventually, startStack } from '../support/stack';

const sample = JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8'));
const nam2022 = sample.campaigns.find((c: { key: string }) => c.key === 'nam-2022');

const ADMIN = 'truongphong@kienxuong.example';
const CLERK = 'vanthu@kienxuong.example';
const REVIEWER = 'pho.phothong@kienxuong.example';
const principal = (school: string) => `hieutruong.${school}@kienxuong.example`;

const DRAFT = PRIMARY_DRAFT;

// A lower-secondary school fills in its own level's indicators.
const DRAFT_THCS = {
  sections: DRAFT.sections,
  indicators: {
    THCS_CONDUCT_GOOD: { baseline: 99.5, target: 99.7 },
    THCS_ACADEMIC_GOOD: { baseline: 79, target: 80.3 },
    THCS_ACADEMIC_WEAK: { baseline: 3.5, target: 3.2 },
    THCS_GRADUATION: { baseline: 99.8, target: 99.85 },
    SWIM_CERT: { baseline: 10, target: 15 },
    STAFF_PARTY_RATE: { baseline: 60, target: 65 },
    STAFF_QUALIFIED: { baseline: 80, target: 85 },
  },
};

describe('one plan end to end, every hop real', () => {
  let stack: Stack;
  let campaignId: string;
  const planOf = async (school: string): Promise<string> => {
    const plan = await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: school } } });
    return plan.id;
  };
  const auth = async (email: string) => ({ authorization: `Bearer ${await stack.login(email)}` });

  beforeAll(async () => {
    stack = await startStack();
    await clearMailbox();
    const res = await stack
      .http()
      .post('/api/campaigns')
      .set(await auth(ADMIN))
      .send(nam2022);
    expect(res.status).toBe(201);
    campaignId = res.body.id;
    // The campaign workflow opens one plan per targeted school and starts its workflow.
    await eventually(
      async () => {
        const c = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
        return c.plansOpenedAt ?? undefined;
      },
      30_000,
      'the campaign workflow to open every plan',
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('opens one plan and one running plan workflow per targeted school', async () => {
    const plans = await stack.prisma.plan.findMany({ where: { campaignId } });
    expect(plans).toHaveLength(60);
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['NOT_STARTED']));
    const client = await stack.temporal.getClient();
    const state = await client.workflow.getHandle(plans[0].workflowId).query(planStateQuery);
    expect(state).toMatchObject({ planId: plans[0].id, status: 'NOT_STARTED', versionNo: 0 });
    const events = await stack.prisma.auditEvent.findMany({
      where: { campaignId, planId: null },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['CAMPAIGN_CREATED', 'CAMPAIGN_PLANS_OPENED']);
  });

  it('drafts, submits, sends the receipt, approves and tells the principal', async () => {
    const school = 'th-thanh-tan';
    const planId = await planOf(school);
    const list = await stack
      .http()
      .get(`/api/plans?campaignId=${campaignId}`)
      .set(await auth(principal(school)));
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([planId]);

    const draft = await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set(await auth(principal(school)))
      .send(DRAFT);
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('DRAFTING');

    const submit = await stack
      .http()
      .post(`/api/plans/${planId}/submit`)
      .set(await auth(principal(school)));
    expect(submit.status).toBe(200);
    expect(submit.body).toMatchObject({ status: 'SUBMITTED', versionNo: 1 });

    const version = await stack.prisma.planVersion.findFirstOrThrow({ where: { planId } });
    expect(version).toMatchObject({
      id: submit.body.versionId,
      number: 1,
      sections: DRAFT.sections,
      indicators: DRAFT.indicators,
    });
    const receipt = await eventually(async () => (await mailTo(CLERK))[0], 15_000, 'the receipt e-mail');
    expect(receipt.subject).toBe('[Duyệt] Đã nhận kế hoạch của Trường Tiểu học Thanh Tân');
    expect(receipt.text).toContain('Kính gửi Đặng Anh Tuấn,');
    expect(receipt.text).toContain('Hệ thống đã nhận kế hoạch của Trường Tiểu học Thanh Tân do Đinh Anh Nam nộp');
    expect(receipt.text).toContain('Hạn nộp của đợt này: 17:00 28/01/2022');

    const approve = await stack
      .http()
      .post(`/api/plans/${planId}/approve`)
      .set(await auth(REVIEWER))
      .send({ comment: 'Kế hoạch đầy đủ, khả thi.' });
    expect(approve.status).toBe(200);
    expect(approve.body).toMatchObject({ status: 'APPROVED', versionNo: 1, versionId: version.id });

    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId }, include: { decisions: true } });
    expect(plan.status).toBe('APPROVED');
    expect(plan.decisions).toHaveLength(1);
    expect(plan.decisions[0]).toMatchObject({
      kind: 'APPROVE',
      versionId: version.id,
      capacity: 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG',
      comment: 'Kế hoạch đầy đủ, khả thi.',
    });
    const audit = await stack.prisma.auditEvent.findMany({ where: { planId }, orderBy: { createdAt: 'asc' } });
    // The first save's move comes before its write: a save the workflow refuses writes nothing.
    expect(audit.map((e) => e.type)).toEqual([
      'PLAN_DRAFT_STARTED',
      'PLAN_DRAFT_SAVED',
      'PLAN_SUBMITTED',
      'PLAN_APPROVED',
    ]);

    const client = await stack.temporal.getClient();
    const state: PlanState = await client.workflow.getHandle(plan.workflowId).query(planStateQuery);
    expect(state.status).toBe('APPROVED');
    expect(state.history.map((h) => `${h.from}->${h.to}`)).toEqual([
      'NOT_STARTED->DRAFTING',
      'DRAFTING->SUBMITTED',
      'SUBMITTED->APPROVED',
    ]);
    const viaApi = await stack
      .http()
      .get(`/api/plans/${planId}/state`)
      .set(await auth(principal(school)));
    expect(viaApi.body.status).toBe('APPROVED');

    const decisionMail = await eventually(
      async () => (await mailTo(principal(school)))[0],
      15_000,
      'the decision e-mail',
    );
    expect(decisionMail.subject).toBe('[Duyệt] Kế hoạch của Trường Tiểu học Thanh Tân đã được phê duyệt');
    expect(decisionMail.text).toContain('Kính gửi Đinh Anh Nam,');
    expect(decisionMail.text).toContain('Ý kiến của người duyệt: Kế hoạch đầy đủ, khả thi.');
    expect(decisionMail.text).toContain('Người phê duyệt: Nguyễn Anh Hà (KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG)');
    // The relay's 250 comes before the row is marked SENT: the catcher can hold the message a moment before.
    const logged = await eventually(
      async () => {
        const rows = await stack.prisma.emailLog.findMany({ where: { planId }, orderBy: { createdAt: 'asc' } });
        return rows.every((e) => e.status === 'SENT') ? rows : undefined;
      },
      10_000,
      'the e-mail rows to be marked SENT',
    );
    expect(logged.map((e) => [e.template, e.to, e.status])).toEqual([
      ['SUBMISSION_RECEIPT', CLERK, 'SENT'],
      ['PLAN_APPROVED', principal(school), 'SENT'],
    ]);
  });

  it('refuses to approve a plan nobody submitted, with 409 and a reason, and leaves nothing behind', async () => {
    const planId = await planOf('th-binh-minh');
    const before = await Promise.all([
      stack.prisma.decision.count(),
      stack.prisma.auditEvent.count({ where: { planId } }),
      stack.prisma.emailLog.count(),
    ]);
    const res = await stack
      .http()
      .post(`/api/plans/${planId}/approve`)
      .set(await auth(REVIEWER))
      .send({});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
    expect(res.body.message).toBe(
      'Chỉ có thể phê duyệt kế hoạch đã được nhà trường nộp. Trạng thái hiện tại: chưa bắt đầu.',
    );
    const after = await Promise.all([
      stack.prisma.decision.count(),
      stack.prisma.auditEvent.count({ where: { planId } }),
      stack.prisma.emailLog.count(),
    ]);
    expect(after).toEqual(before);
    expect((await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('NOT_STARTED');
    expect(await mailTo(principal('th-binh-minh'))).toEqual([]);
  });

  it("gives a principal 403 on another school's plan", async () => {
    const other = await planOf('th-binh-minh');
    const headers = await auth(principal('th-thanh-tan'));
    const read = await stack.http().get(`/api/plans/${other}`).set(headers);
    expect(read.status).toBe(403);
    expect(read.body.message).toBe('Bạn không có quyền xem kế hoạch của trường này.');
    const submit = await stack.http().post(`/api/plans/${other}/submit`).set(headers);
    expect(submit.status).toBe(403);
    expect(await stack.prisma.planVersion.count({ where: { planId: other } })).toBe(0);
  });

  it('gives a reviewer 403 outside the levels and clusters assigned', async () => {
    const preschoolPlan = await planOf('mn-thanh-tan');
    const res = await stack
      .http()
      .get(`/api/plans/${preschoolPlan}`)
      .set(await auth(REVIEWER));
    expect(res.status).toBe(403);
  });

  it('answers 400 naming the missing or malformed field', async () => {
    const planId = await planOf('th-nam-binh');
    const headers = await auth(principal('th-nam-binh'));
    const missing = await stack.http().put(`/api/plans/${planId}/draft`).set(headers).send({ indicators: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'sections', message: expect.any(String) }]);

    const malformed = await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set(headers)
      .send({ sections: { purpose: 'x' }, indicators: { SWIM_CERT: { target: 'mười lăm' } } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['indicators.SWIM_CERT.target']);
    expect(malformed.body.message).toMatch(
      /^Dữ liệu không hợp lệ: indicators\.SWIM_CERT\.target: Không đọc được mục tiêu/,
    );

    const { title: _title, ...noTitle } = { ...nam2022, key: 'thieu-tieu-de' };
    const campaign = await stack
      .http()
      .post('/api/campaigns')
      .set(await auth(ADMIN))
      .send(noTitle);
    expect(campaign.status).toBe(400);
    expect(campaign.body.errors.map((e: { field: string }) => e.field)).toEqual(['title']);

    const badId = await stack.http().get('/api/plans/not-a-uuid').set(headers);
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'Phải là một UUID' }]);
    expect((await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('NOT_STARTED');
  });

  it('creates one version, not two, when the same submit request is retried', async () => {
    const school = 'thcs-thanh-tan';
    const planId = await planOf(school);
    const headers = { ...(await auth(principal(school))), 'Idempotency-Key': `submit-${planId}` };
    await stack.http().put(`/api/plans/${planId}/draft`).set(headers).send(DRAFT_THCS).expect(200);

    const [a, b] = await Promise.all([
      stack.http().post(`/api/plans/${planId}/submit`).set(headers),
      stack.http().post(`/api/plans/${planId}/submit`).set(headers),
    ]);
    const c = await stack.http().post(`/api/plans/${planId}/submit`).set(headers);
    for (const res of [a, b, c]) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'SUBMITTED', versionNo: 1, versionId: a.body.versionId });
    }
    expect(await stack.prisma.planVersion.count({ where: { planId } })).toBe(1);
    expect(await stack.prisma.auditEvent.count({ where: { planId, type: 'PLAN_SUBMITTED' } })).toBe(1);
    expect(await stack.prisma.emailLog.count({ where: { planId, template: 'SUBMISSION_RECEIPT' } })).toBe(1);

    // A new request (another key) is a second submission, and the plan refuses it.
    const fresh = await stack
      .http()
      .post(`/api/plans/${planId}/submit`)
      .set(await auth(principal(school)));
    expect(fresh.status).toBe(409);
    expect(await stack.prisma.planVersion.count({ where: { planId } })).toBe(1);
  });
});
