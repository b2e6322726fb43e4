// A plan's life end to end: revision rounds with comments carried over, concurrent and retried requests,
// two-level approval, bulk decisions, and a campaign copied, changed and closed while it runs.
import { planStateQuery } from '@duyet/workflows';
import { pdf } from '../fixtures/attachments';
import { ADMIN, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { clearMailbox, mailTo } from '../support/mailbox';
import { type Stack, eventually, startStack } from '../support/stack';

const DEPUTY = 'pho.mamnon@kienxuong.example';
const SPECIALIST = 'chuyenvien1@kienxuong.example';
const FUTURE = '2099-01-15T17:00:00+07:00';
const REQUIRED = { requiredSections: ['purpose', 'tasks'], requiredIndicators: ['MN_ENROL_AGE5'] };

const draftFor = (round: number) => ({
  sections: {
    purpose: `Mục đích, yêu cầu (bản ${round}).`,
    tasks: round === 1 ? 'Nhiệm vụ chung chung.' : `Nhiệm vụ cụ thể, có giải pháp khả thi (bản ${round}).`,
  },
  indicators: { MN_ENROL_AGE5: { baseline: 99, target: round === 1 ? 99.5 : 100 } },
});

describe('the review lifecycle', () => {
  let stack: Stack;
  let campaignId: string;
  const as = (email: string) => bearer(stack, email);

  const put = async (email: string, url: string, body: object) =>
    stack
      .http()
      .put(url)
      .set(await as(email))
      .send(body);
  const post = async (email: string, url: string, body: object = {}, key?: string) => {
    const req = stack
      .http()
      .post(url)
      .set(await as(email));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const get = async (email: string, url: string) =>
    stack
      .http()
      .get(url)
      .set(await as(email));

  const workflowStatus = async (planId: string) => {
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const client = await stack.temporal.getClient();
    return (await client.workflow.getHandle(plan.workflowId).query(planStateQuery)).status;
  };

  beforeAll(async () => {
    stack = await startStack();
    await clearMailbox();
    campaignId = await openCampaign(stack, {
      key: 'rounds',
      documentNumber: '02/KH-ROUNDS',
      targetLevels: ['PRESCHOOL'],
      targetClusters: ['I', 'II'],
      submissionDeadline: FUTURE,
      ...REQUIRED,
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it.each(['mn-thanh-tan', 'mn-nam-binh'])(
    '%s: three rounds to approval, with versions, diffs, comments, decisions and the audit trail',
    async (school) => {
      const planId = await planIdOf(stack, campaignId, school);
      const head = principal(school);
      let carried: string | undefined;

      let scan: string | undefined;
      for (const round of [1, 2, 3]) {
        expect((await put(head, `/api/plans/${planId}/draft`, draftFor(round))).status).toBe(200);
        // The signed scan goes with version 1 and is taken off the draft before version 2.
        if (round === 1) {
          const upload = await stack
            .http()
            .post(`/api/plans/${planId}/attachments`)
            .set(await as(head))
            .attach('file', pdf('Ban ky ke hoach'), 'Kế hoạch bản ký.pdf');
          expect(upload.status).toBe(201);
          scan = upload.body.id;
        } else if (round === 2) {
          const removed = await stack
            .http()
            .delete(`/api/plans/${planId}/attachments/${scan}`)
            .set(await as(head));
          expect(removed.status).toBe(200);
        }
        const check = await get(head, `/api/plans/${planId}/validation`);
        expect(check.body.ok).toBe(true);
        const submit = await post(head, `/api/plans/${planId}/submit`);
        expect(submit.status).toBe(200);
        expect(submit.body).toMatchObject({ status: 'SUBMITTED', versionNo: round });
        expect((await post(DEPUTY, `/api/plans/${planId}/start-review`)).body.status).toBe('UNDER_REVIEW');

        const threads = await get(DEPUTY, `/api/plans/${planId}/comments?version=${round}&open=true`);
        if (round === 1) {
          expect(threads.body.threads).toEqual([]);
          const a = await post(DEPUTY, `/api/plans/${planId}/comments`, {
            anchorType: 'SECTION',
            anchorKey: 'tasks',
            body: 'Nhiệm vụ còn chung chung, cần giải pháp cụ thể.',
          });
          const b = await post(DEPUTY, `/api/plans/${planId}/comments`, {
            anchorType: 'INDICATOR',
            anchorKey: 'MN_ENROL_AGE5',
            body: 'Chỉ tiêu trẻ 5 tuổi ra lớp phải đạt 100%.',
          });
          expect([a.status, b.status]).toEqual([201, 201]);
          carried = b.body.id;
          await post(head, `/api/plans/${planId}/comments/${a.body.id}/replies`, { body: 'Trường đã bổ sung.' });
        } else if (round === 2) {
          // Both threads from version 1 are still open on version 2: carried over until resolved.
          expect(threads.body.threads.map((t: { carriedOver: boolean }) => t.carriedOver)).toEqual([true, true]);
          for (const t of threads.body.threads.filter((x: { id: string }) => x.id !== carried)) {
            await post(DEPUTY, `/api/plans/${planId}/comments/${t.id}/resolve`);
          }
        } else {
          expect(threads.body.threads.map((t: { id: string }) => t.id)).toEqual([carried]);
          await post(DEPUTY, `/api/plans/${planId}/comments/${carried}/resolve`);
        }

        if (round < 3) {
          const ret = await post(DEPUTY, `/api/plans/${planId}/return`, {
            comment: `Trả lại lần ${round}: tiếp thu các ý kiến.`,
            rubric: { COMPLETE: { rating: 'PARTLY' }, FEASIBLE: { rating: 'NOT_MET', note: 'Giải pháp chưa rõ' } },
            revisionDeadline: FUTURE,
          });
          expect(ret.status).toBe(200);
          expect(ret.body).toMatchObject({ status: 'RETURNED', versionNo: round });
        } else {
          const ok = await post(DEPUTY, `/api/plans/${planId}/approve`, { comment: 'Đạt yêu cầu.' });
          expect(ok.body).toMatchObject({ status: 'APPROVED', versionNo: 3 });
        }
      }

      // Versions: three, frozen, each with what was submitted in its round.
      const versions = await stack.prisma.planVersion.findMany({ where: { planId }, orderBy: { number: 'asc' } });
      expect(versions.map((v) => (v.sections as { purpose: string }).purpose)).toEqual([
        'Mục đích, yêu cầu (bản 1).',
        'Mục đích, yêu cầu (bản 2).',
        'Mục đích, yêu cầu (bản 3).',
      ]);
      expect(versions.map((v) => (v.attachments as { fileName: string }[]).map((a) => a.fileName))).toEqual([
        ['Kế hoạch bản ký.pdf'],
        [],
        [],
      ]);
      const diff = await get(head, `/api/plans/${planId}/diff?from=1&to=2`);
      expect(diff.status).toBe(200);
      expect(diff.body.attachments).toEqual([
        expect.objectContaining({ fileName: 'Kế hoạch bản ký.pdf', change: 'REMOVED' }),
      ]);
      // The frozen file stays downloadable after it left the draft.
      const frozen = await stack
        .http()
        .get(`/api/plans/${planId}/attachments/${scan}/content`)
        .set(await as(DEPUTY));
      expect(frozen.status).toBe(200);
      const changes = Object.fromEntries(
        diff.body.sections.map((s: { key: string; change: string }) => [s.key, s.change]),
      );
      expect(changes).toEqual({ purpose: 'CHANGED', tasks: 'CHANGED' });
      expect(diff.body.indicators).toEqual([
        expect.objectContaining({
          code: 'MN_ENROL_AGE5',
          change: 'CHANGED',
          after: expect.objectContaining({ target: 100 }),
        }),
      ]);
      expect((await get(head, `/api/plans/${planId}/diff?from=2&to=3`)).body.indicators[0].change).toBe('UNCHANGED');

      // Decisions: two returns and an approval, each on its version, each superseding the one before.
      const decisions = await stack.prisma.decision.findMany({ where: { planId }, orderBy: { decidedAt: 'asc' } });
      expect(decisions.map((d) => [d.kind, versions.find((v) => v.id === d.versionId)?.number])).toEqual([
        ['RETURN', 1],
        ['RETURN', 2],
        ['APPROVE', 3],
      ]);
      expect(decisions.map((d) => d.supersedesId)).toEqual([null, decisions[0].id, decisions[1].id]);
      expect(decisions[0]).toMatchObject({
        capacity: 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG',
        rubric: { COMPLETE: { rating: 'PARTLY' }, FEASIBLE: { rating: 'NOT_MET', note: 'Giải pháp chưa rõ' } },
      });
      expect(decisions[0].revisionDeadline?.toISOString()).toBe(new Date(FUTURE).toISOString());

      // Every comment resolved by the end.
      expect(await stack.prisma.comment.count({ where: { planId, parentId: null, resolvedAt: null } })).toBe(0);

      // The audit trail tells the story in order.
      const trail = await get(ADMIN, `/api/plans/${planId}/audit`);
      const moves = trail.body
        .map((e: { type: string }) => e.type)
        .filter(
          (t: string) =>
            ![
              'PLAN_DRAFT_SAVED',
              'COMMENT_ADDED',
              'COMMENT_RESOLVED',
              'ATTACHMENT_ADDED',
              'ATTACHMENT_REMOVED',
            ].includes(t),
        );
      expect(moves).toEqual([
        'PLAN_DRAFT_STARTED',
        'PLAN_SUBMITTED',
        'PLAN_REVIEW_STARTED',
        'PLAN_RETURNED',
        'PLAN_DRAFT_STARTED',
        'PLAN_SUBMITTED',
        'PLAN_REVIEW_STARTED',
        'PLAN_RETURNED',
        'PLAN_DRAFT_STARTED',
        'PLAN_SUBMITTED',
        'PLAN_REVIEW_STARTED',
        'PLAN_APPROVED',
      ]);
      expect(await workflowStatus(planId)).toBe('APPROVED');

      // The principal heard of each decision; the first return listed the open comments and the new deadline.
      const mails = await eventually(async () => {
        const m = await mailTo(head);
        return m.length >= 3 ? m : undefined;
      });
      expect(mails.map((m) => m.subject).sort()).toEqual(
        [
          expect.stringContaining('cần chỉnh sửa'),
          expect.stringContaining('cần chỉnh sửa'),
          expect.stringContaining('đã được phê duyệt'),
        ].sort(),
      );
      const firstReturn = mails.find((m) => m.text.includes('Trả lại lần 1'));
      expect(firstReturn?.text).toContain('Nhiệm vụ còn chung chung, cần giải pháp cụ thể.');
      expect(firstReturn?.text).toContain('Chỉ tiêu trẻ 5 tuổi ra lớp phải đạt 100%.');
      expect(firstReturn?.text).toContain('nộp lại trước 17:00 15/01/2099');
    },
  );

  it('refuses a submission with blocking errors, naming them, and keeps no version', async () => {
    const planId = await planIdOf(stack, campaignId, 'mn-binh-dinh');
    const head = principal('mn-binh-dinh');
    await put(head, `/api/plans/${planId}/draft`, {
      sections: { purpose: ' ' },
      indicators: { MN_ENROL_AGE5: { target: 120 } },
    });
    const res = await post(head, `/api/plans/${planId}/submit`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('Kế hoạch chưa thể nộp vì còn lỗi');
    expect(res.body.message).toMatch(/Nội dung, nhiệm vụ và giải pháp/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'indicators.MN_ENROL_AGE5.target',
      'sections.purpose',
      'sections.tasks',
    ]);
    expect(await stack.prisma.planVersion.count({ where: { planId } })).toBe(0);
    expect((await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('DRAFTING');
    expect(await workflowStatus(planId)).toBe('DRAFTING');
  });

  it('a submit and a withdraw sent together leave one consistent state', async () => {
    const ids = await stack.prisma.plan.findMany({
      where: { campaignId, status: 'NOT_STARTED' },
      include: { school: true },
      take: 2,
    });
    for (const plan of ids) {
      const head = principal(plan.school.code);
      await put(head, `/api/plans/${plan.id}/draft`, draftFor(2));
      const [submit, withdraw] = await Promise.all([
        post(head, `/api/plans/${plan.id}/submit`),
        post(head, `/api/plans/${plan.id}/withdraw`),
      ]);
      const row = await stack.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
      expect(submit.status).toBe(200);
      // Either the withdraw came first and was refused, or it came second and undid the submission.
      if (withdraw.status === 409) {
        expect(row.status).toBe('SUBMITTED');
      } else {
        expect(withdraw.status).toBe(200);
        expect(row.status).toBe('DRAFTING');
      }
      expect(await workflowStatus(plan.id)).toBe(row.status);
      expect(await stack.prisma.planVersion.count({ where: { planId: plan.id } })).toBe(1);
      const events = await stack.prisma.auditEvent.findMany({ where: { planId: plan.id, type: 'PLAN_SUBMITTED' } });
      expect(events).toHaveLength(1);
    }
  });

  it('a retried decision creates one decision and one e-mail', async () => {
    const plan = await stack.prisma.plan.findFirstOrThrow({
      where: { campaignId, status: 'NOT_STARTED' },
      include: { school: true },
    });
    const head = principal(plan.school.code);
    await put(head, `/api/plans/${plan.id}/draft`, draftFor(2));
    await post(head, `/api/plans/${plan.id}/submit`);
    const body = { comment: 'Đạt.' };
    const results = await Promise.all([
      post(DEPUTY, `/api/plans/${plan.id}/approve`, body, 'approve-retry-0001'),
      post(DEPUTY, `/api/plans/${plan.id}/approve`, body, 'approve-retry-0001'),
    ]);
    const again = await post(DEPUTY, `/api/plans/${plan.id}/approve`, body, 'approve-retry-0001');
    expect([...results, again].map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set([...results, again].map((r) => r.body.decisionId)).size).toBe(1);
    expect(await stack.prisma.decision.count({ where: { planId: plan.id } })).toBe(1);
    const mails = await eventually(async () => {
      const m = (await mailTo(head)).filter((x) => x.subject.includes('phê duyệt'));
      return m.length ? m : undefined;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await mailTo(head)).filter((x) => x.subject.includes('phê duyệt'))).toHaveLength(mails.length);
    expect(mails).toHaveLength(1);
  });

  it('bulk-approves a filtered set with one comment: one decision per plan, refusals reported per plan', async () => {
    const plans = await stack.prisma.plan.findMany({
      where: { campaignId, status: 'NOT_STARTED' },
      include: { school: true },
    });
    expect(plans.length).toBeGreaterThanOrEqual(2);
    const [ready, notSubmitted] = plans;
    await put(principal(ready.school.code), `/api/plans/${ready.id}/draft`, draftFor(2));
    await post(principal(ready.school.code), `/api/plans/${ready.id}/submit`);
    const res = await post(DEPUTY, '/api/plans/bulk-decisions', {
      action: 'approve',
      comment: 'Các kế hoạch đạt yêu cầu.',
      planIds: [ready.id, notSubmitted.id],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ done: 1, failed: 1 });
    expect(res.body.results).toEqual([
      expect.objectContaining({ planId: ready.id, ok: true, status: 'APPROVED' }),
      expect.objectContaining({
        planId: notSubmitted.id,
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      }),
    ]);
    const decision = await stack.prisma.decision.findFirstOrThrow({ where: { planId: ready.id } });
    expect(decision.comment).toBe('Các kế hoạch đạt yêu cầu.');
    const audit = await stack.prisma.auditEvent.count({ where: { planId: ready.id, type: 'PLAN_APPROVED' } });
    expect(audit).toBe(1);
  });
});

describe('two-level approval and a running campaign', () => {
  let stack: Stack;
  let campaignId: string;
  const as = (email: string) => bearer(stack, email);
  const post = async (email: string, url: string, body: object = {}) =>
    stack
      .http()
      .post(url)
      .set(await as(email))
      .send(body);

  beforeAll(async () => {
    stack = await startStack();
    campaignId = await openCampaign(stack, {
      key: 'two-level',
      documentNumber: '03/KH-TWO',
      targetLevels: ['PRESCHOOL'],
      targetClusters: ['I'],
      approvalLevels: 2,
      submissionDeadline: FUTURE,
      ...REQUIRED,
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('a specialist recommends, only a deputy head or the head decides, and the decision supersedes the recommendation', async () => {
    const planId = await planIdOf(stack, campaignId, 'mn-thanh-tan');
    const head = principal('mn-thanh-tan');
    await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set(await as(head))
      .send(draftFor(2));
    await post(head, `/api/plans/${planId}/submit`);

    const early = await post(DEPUTY, `/api/plans/${planId}/approve`);
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('Cần có đề xuất của chuyên viên về phiên bản này trước khi quyết định.');

    const rec = await post(SPECIALIST, `/api/plans/${planId}/recommend`, {
      recommendation: 'APPROVE',
      comment: 'Đề nghị phê duyệt.',
      rubric: {
        COMPLETE: { rating: 'MET' },
        CONCRETE: { rating: 'MET' },
        FEASIBLE: { rating: 'MET' },
        FITTING: { rating: 'MET' },
      },
    });
    expect(rec.status).toBe(200);
    expect(rec.body.status).toBe('UNDER_REVIEW');

    const bySpecialist = await post(SPECIALIST, `/api/plans/${planId}/approve`);
    expect(bySpecialist.status).toBe(403);

    const decided = await post(DEPUTY, `/api/plans/${planId}/approve`, { comment: 'Đồng ý.' });
    expect(decided.status).toBe(200);
    const decisions = await stack.prisma.decision.findMany({ where: { planId }, orderBy: { decidedAt: 'asc' } });
    expect(decisions.map((d) => [d.kind, d.final])).toEqual([
      ['RECOMMEND_APPROVE', false],
      ['APPROVE', true],
    ]);
    expect(decisions[1].supersedesId).toBe(decisions[0].id);
    expect(decisions[0].rubric).toMatchObject({ FITTING: { rating: 'MET' } });
  });

  it('copies the campaign with new dates, adds and removes schools, then closes it', async () => {
    const copy = await post(ADMIN, `/api/campaigns/${campaignId}/copy`, {
      key: 'two-level-next-year',
      documentNumber: '04/KH-TWO',
      issuedOn: '2098-08-20',
      period: { from: '2098-09-01', to: '2099-05-31' },
      submissionDeadline: FUTURE,
    });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      approvalLevels: 2,
      targetLevels: ['PRESCHOOL'],
      targetClusters: ['I'],
      requiredIndicators: ['MN_ENROL_AGE5'],
      copiedFromId: campaignId,
    });
    const copyId = copy.body.id as string;
    await eventually(
      async () => (await stack.prisma.campaign.findUniqueOrThrow({ where: { id: copyId } })).plansOpenedAt ?? undefined,
    );

    // A cluster II preschool joins while the campaign runs; a cluster I school is removed.
    const added = await post(ADMIN, `/api/campaigns/${copyId}/schools`, { schoolCode: 'mn-vu-le' });
    expect(added.status).toBe(201);
    const addedPlan = await stack.prisma.plan.findFirstOrThrow({
      where: { campaignId: copyId, school: { code: 'mn-vu-le' } },
    });
    expect(
      await eventually(async () =>
        stack.temporal
          .getClient()
          .then((c) => c.workflow.getHandle(addedPlan.workflowId).query(planStateQuery))
          .then((s) => s.status)
          .catch(() => undefined),
      ),
    ).toBe('NOT_STARTED');
    expect((await post(ADMIN, `/api/campaigns/${copyId}/schools`, { schoolCode: 'th-thanh-tan' })).status).toBe(400);

    const removed = await stack
      .http()
      .delete(`/api/campaigns/${copyId}/schools/mn-nam-binh`)
      .set(await as(ADMIN))
      .send({ reason: 'Trường tạm dừng hoạt động' });
    expect(removed.status).toBe(200);
    const removedPlan = await eventually(async () => {
      const p = await stack.prisma.plan.findFirstOrThrow({
        where: { campaignId: copyId, school: { code: 'mn-nam-binh' } },
      });
      return p.status === 'CLOSED' ? p : undefined;
    });
    expect(removedPlan.removedAt).not.toBeNull();

    // Approve one plan, then close: the approved plan stays approved, every open one is closed.
    const planId = await planIdOf(stack, copyId, 'mn-thanh-tan');
    await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set(await as(principal('mn-thanh-tan')))
      .send(draftFor(2));
    await post(principal('mn-thanh-tan'), `/api/plans/${planId}/submit`);
    await post(SPECIALIST, `/api/plans/${planId}/recommend`, { recommendation: 'APPROVE' });
    expect((await post(ADMIN, `/api/plans/${planId}/approve`)).status).toBe(200);

    const closed = await post(ADMIN, `/api/campaigns/${copyId}/close`, { reason: 'Hết năm học' });
    expect(closed.status).toBe(200);
    expect(closed.body.closed).toBe(true);
    const statuses = await eventually(async () => {
      const rows = await stack.prisma.plan.findMany({ where: { campaignId: copyId }, include: { school: true } });
      return rows.every((r) => r.status === 'APPROVED' || r.status === 'CLOSED') ? rows : undefined;
    });
    expect(statuses.find((r) => r.id === planId)?.status).toBe('APPROVED');
    expect(statuses.filter((r) => r.status === 'CLOSED').length).toBe(statuses.length - 1);
    expect((await post(ADMIN, `/api/campaigns/${copyId}/close`, { reason: 'Lần nữa' })).status).toBe(409);
    expect(
      (await post(principal('mn-binh-dinh'), `/api/plans/${await planIdOf(stack, copyId, 'mn-binh-dinh')}/submit`))
        .status,
    ).toBe(409);

    const trail = await stack
      .http()
      .get(`/api/campaigns/${copyId}/audit`)
      .set(await as(ADMIN));
    expect(trail.body.map((e: { type: string }) => e.type)).toEqual([
      'CAMPAIGN_CREATED',
      'CAMPAIGN_PLANS_OPENED',
      'CAMPAIGN_SCHOOL_ADDED',
      'CAMPAIGN_SCHOOL_REMOVED',
      'CAMPAIGN_CLOSED',
    ]);
    expect(trail.body.at(-1)).toMatchObject({ actor: { fullName: 'Mai Ngọc Yến' }, data: { reason: 'Hết năm học' } });
  });
});

describe('deadline timers in the plan workflow', () => {
  let stack: Stack;
  let campaignId: string;
  const PAST = new Date(Date.now() - 3_600_000).toISOString();
  const LATER = '2099-03-01T17:00:00+07:00';

  const stateOf = async (school: string) => {
    const plan = await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: school } } });
    const client = await stack.temporal.getClient();
    return client.workflow.getHandle(plan.workflowId).query(planStateQuery);
  };

  beforeAll(async () => {
    stack = await startStack();
    await clearMailbox();
    campaignId = await openCampaign(stack, {
      key: 'deadline-timers',
      documentNumber: '05/KH-TIMERS',
      targetLevels: ['PRESCHOOL'],
      targetClusters: ['I'],
      submissionDeadline: PAST,
      ...REQUIRED,
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('marks a plan overdue when its deadline passes, and re-arms on every extension', async () => {
    const overdue = await eventually(async () => {
      const s = await stateOf('mn-thanh-tan');
      return s.deadlineInForce?.overdue ? s : undefined;
    });
    expect(overdue.deadlineInForce).toEqual({ kind: 'SUBMISSION', at: new Date(PAST).toISOString(), overdue: true });

    // One school gets its own extension first; the campaign-wide one must not override it.
    const own = await planIdOf(stack, campaignId, 'mn-nam-binh');
    const extended = await stack
      .http()
      .post(`/api/plans/${own}/deadline`)
      .set(await bearer(stack, ADMIN))
      .send({ kind: 'SUBMISSION', until: LATER, reason: 'Trường bị ngập lụt' });
    expect(extended.status).toBe(200);
    expect(extended.body.deadlines.submission).toBe(new Date(LATER).toISOString());

    const campaignWide = await stack
      .http()
      .post(`/api/campaigns/${campaignId}/deadline`)
      .set(await bearer(stack, ADMIN))
      .send({ until: FUTURE, reason: 'Gia hạn chung do lịch thi' });
    expect(campaignWide.status).toBe(200);

    const rearmed = await eventually(async () => {
      const s = await stateOf('mn-thanh-tan');
      return s.deadlineInForce?.at === new Date(FUTURE).toISOString() ? s : undefined;
    });
    expect(rearmed.deadlineInForce).toEqual({ kind: 'SUBMISSION', at: new Date(FUTURE).toISOString(), overdue: false });
    expect((await stateOf('mn-nam-binh')).deadlineInForce).toEqual({
      kind: 'SUBMISSION',
      at: new Date(LATER).toISOString(),
      overdue: false,
    });
    const campaign = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign.submissionDeadline.toISOString()).toBe(new Date(FUTURE).toISOString());
    const audit = await stack.prisma.auditEvent.findMany({ where: { campaignId, type: 'DEADLINE_EXTENDED' } });
    expect(audit.map((e) => (e.data as { reason: string }).reason).sort()).toEqual([
      'Gia hạn chung do lịch thi',
      'Trường bị ngập lụt',
    ]);

    // Each principal hears of the new date; the school with its own date hears only of its own.
    const mails = await eventually(async () => {
      const m = await mailTo(principal('mn-thanh-tan'));
      return m.length ? m : undefined;
    });
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('được gia hạn đến 17:00 15/01/2099')]);
    const own_mails = await mailTo(principal('mn-nam-binh'));
    expect(own_mails.map((m) => m.subject)).toEqual([expect.stringContaining('được gia hạn đến 17:00 01/03/2099')]);
  });

  it('lets a principal ask for more time and the head grant it through the workflow', async () => {
    const planId = await planIdOf(stack, campaignId, 'mn-binh-dinh');
    const head = principal('mn-binh-dinh');
    const asked = await stack
      .http()
      .post(`/api/plans/${planId}/extension-requests`)
      .set(await bearer(stack, head))
      .send({ reason: 'Chờ họp hội đồng trường', requestedUntil: '2099-02-01T17:00:00+07:00' });
    expect(asked.status).toBe(201);
    const again = await stack
      .http()
      .post(`/api/plans/${planId}/extension-requests`)
      .set(await bearer(stack, head))
      .send({ reason: 'Hỏi lại', requestedUntil: '2099-02-02T17:00:00+07:00' });
    expect(again.status).toBe(409);
    const toHead = await eventually(async () => {
      const m = (await mailTo(ADMIN)).filter((x) => x.subject.includes('đề nghị gia hạn'));
      return m.length ? m : undefined;
    });
    expect(toHead[0].text).toContain('Chờ họp hội đồng trường');

    // The office's inbox: what it decides on, the deadline the request would move among it.
    const inbox = await stack
      .http()
      .get('/api/extension-requests')
      .set(await bearer(stack, ADMIN));
    expect(inbox.status).toBe(200);
    expect(inbox.body.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({
      planId,
      kind: 'SUBMISSION',
      reason: 'Chờ họp hội đồng trường',
      requestedUntil: new Date('2099-02-01T17:00:00+07:00').toISOString(),
      plan: { id: planId, status: expect.any(String), school: { code: 'mn-binh-dinh', level: 'PRESCHOOL' } },
      campaign: { id: campaignId },
      requestedBy: { fullName: expect.any(String) },
      deadline: (await stateOf('mn-binh-dinh')).deadlineInForce?.at,
    });

    const granted = await stack
      .http()
      .post(`/api/plans/${planId}/extension-requests/${asked.body.id}/grant`)
      .set(await bearer(stack, ADMIN))
      .send({ until: '2099-02-01T17:00:00+07:00', note: 'Đồng ý' });
    expect(granted.status).toBe(200);
    expect(await stack.prisma.extensionRequest.findUniqueOrThrow({ where: { id: asked.body.id } })).toMatchObject({
      status: 'GRANTED',
      grantedUntil: new Date('2099-02-01T17:00:00+07:00'),
    });
    expect((await stateOf('mn-binh-dinh')).deadlineInForce?.at).toBe(
      new Date('2099-02-01T17:00:00+07:00').toISOString(),
    );
    const twice = await stack
      .http()
      .post(`/api/plans/${planId}/extension-requests/${asked.body.id}/refuse`)
      .set(await bearer(stack, ADMIN))
      .send({ note: 'Muộn rồi' });
    expect(twice.status).toBe(409);
  });

  it('keeps a returned plan on its revision deadline while the school revises its draft', async () => {
    const school = 'mn-binh-thanh';
    const planId = await planIdOf(stack, campaignId, school);
    const head = principal(school);
    const as = async (email: string) => bearer(stack, email);
    await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set(await as(head))
      .send(draftFor(2))
      .expect(200);
    await stack
      .http()
      .post(`/api/plans/${planId}/submit`)
      .set(await as(head))
      .expect(200);
    await stack
      .http()
      .post(`/api/plans/${planId}/return`)
      .set(await as(DEPUTY))
      .send({ comment: 'Bổ sung giải pháp.', revisionDeadline: LATER })
      .expect(200);
    const revising = await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set(await as(head))
      .send(draftFor(3));
    expect(revising.body.status).toBe('DRAFTING');

    const later = new Date(LATER).toISOString();
    const state = await eventually(async () => {
      const s = await stateOf(school);
      return s.status === 'DRAFTING' ? s : undefined;
    });
    expect(state.deadlineInForce).toEqual({ kind: 'REVISION', at: later, overdue: false });
    const board = await stack
      .http()
      .get('/api/board')
      .query({ campaignId, schoolCode: school })
      .set(await as(ADMIN));
    expect(board.body.items).toEqual([
      expect.objectContaining({ status: 'DRAFTING', deadline: later, overdue: false }),
    ]);
  });
});
