// Double clicks and two people at one plan: moves sent together without an Idempotency-Key leave one change and
// answer every loser 409 with the reason; a refused draft save changes nothing; a draft save based on a revision
// that has changed since answers 412 with what changed and who saved it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { Response } from 'supertest';
import type { AuditType } from '@duyet/database';
import { planStateQuery } from '@duyet/workflows';
import { ADMIN, bearer, openCampaign, planIdOf, principal, staff } from '../support/campaign';
import { type Stack, eventually, startStack } from '../support/stack';

const REVIEWER = 'pho.phothong@kienxuong.example'; // primary and lower secondary
const FUTURE = '2099-01-15T17:00:00+07:00';
const DRAFT = {
  sections: { purpose: 'Mục đích, yêu cầu rõ ràng.', tasks: 'Nhiệm vụ và giải pháp cụ thể.' },
  indicators: {},
};
// Every school of clusters III and IV, primary and lower secondary: one plan per test.
const SCHOOLS = ['III', 'IV'].flatMap((cluster) =>
  (cluster === 'III'
    ? ['vu-an', 'vu-quy', 'vu-trung', 'vu-thang', 'vu-hoa']
    : ['vu-cong', 'quang-trung', 'quang-minh', 'minh-tan', 'thuong-hien']
  ).flatMap((commune) => [`th-${commune}`, `thcs-${commune}`]),
);
const TIMES = 3;
const sample = JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8'));
const nameOf = (email: string): string =>
  (sample.users as { email: string; fullName: string }[]).find((u) => u.email === email)?.fullName ?? email;

describe('concurrent requests on one plan', () => {
  let stack: Stack;
  let campaignId: string;
  const free = [...SCHOOLS];
  let reviewerId: string;

  const send = async (
    method: 'put' | 'post',
    email: string,
    url: string,
    body: object = {},
    headers: Record<string, string> = {},
  ): Promise<Response> => {
    const auth = await bearer(stack, email);
    return stack.http()[method](url).set(auth).set(headers).send(body);
  };
  const read = async (email: string, url: string): Promise<Response> =>
    stack
      .http()
      .get(url)
      .set(await bearer(stack, email));
  const updatesAccepted = async (workflowId: string): Promise<number> => {
    const client = await stack.temporal.getClient();
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
  };
  /**
   * The same request TIMES at once, all of them waiting in the plan's workflow behind another move (an admin
   * reassigning the reviewer, held up on the plan's row): when that move ends they all go at once, the way
   * double clicks that reach the workflow together do. An approved plan takes no other move: those go straight.
   */
  const at = async (
    method: 'put' | 'post',
    email: string,
    url: string,
    body: object = {},
    behind = true,
  ): Promise<Response[]> => {
    const all = () => Promise.all(Array.from({ length: TIMES }, () => send(method, email, url, body)));
    if (!behind) return all();
    const planId = /\/api\/plans\/([0-9a-f-]{36})/.exec(url)?.[1] as string;
    const { workflowId } = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const before = await updatesAccepted(workflowId);
    let blocker!: Promise<Response>;
    let answers!: Promise<Response[]>;
    await stack.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Plan" WHERE id = ${planId}::uuid FOR UPDATE`;
        const accepted = (n: number, what: string) =>
          eventually(async () => ((await updatesAccepted(workflowId)) >= before + n ? true : undefined), 2_000, what);
        blocker = send('post', ADMIN, `/api/plans/${planId}/reviewer`, { reviewerId });
        await accepted(1, 'the workflow to take the reassignment');
        answers = all();
        await accepted(1 + TIMES, 'the workflow to accept every update');
      },
      { timeout: 5_000 },
    );
    expect((await blocker).status).toBe(200);
    return answers;
  };
  /** One answer 200, every other one 409 with the reason in Vietnamese. */
  const oneWinner = (answers: Response[]): Response => {
    expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array(TIMES - 1).fill(409)]);
    for (const loser of answers.filter((r) => r.status === 409)) {
      expect(loser.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
      expect(loser.body.message).toMatch(/Trạng thái hiện tại: .+\.$|đã được xử lý/);
    }
    return answers.find((r) => r.status === 200) as Response;
  };
  const plan = async (steps: ('draft' | 'submit' | 'review' | 'approve')[] = []) => {
    const school = free.shift();
    if (!school) throw new Error('no school left');
    const planId = await planIdOf(stack, campaignId, school);
    const head = principal(school);
    for (const step of steps) {
      const res =
        step === 'draft'
          ? await send('put', head, `/api/plans/${planId}/draft`, DRAFT)
          : step === 'submit'
            ? await send('post', head, `/api/plans/${planId}/submit`)
            : await send('post', REVIEWER, `/api/plans/${planId}/${step === 'review' ? 'start-review' : step}`);
      expect(res.status).toBe(200);
    }
    return { planId, school, head };
  };
  const audit = (planId: string, type: AuditType) => stack.prisma.auditEvent.count({ where: { planId, type } });
  const workflowStatus = async (planId: string) => {
    const row = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const client = await stack.temporal.getClient();
    return {
      row: row.status,
      workflow: (await client.workflow.getHandle(row.workflowId).query(planStateQuery)).status,
    };
  };

  beforeAll(async () => {
    stack = await startStack();
    campaignId = await openCampaign(stack, {
      key: 'dong-thoi',
      documentNumber: '04/KH-DONG-THOI',
      targetLevels: ['PRIMARY', 'LOWER_SECONDARY'],
      targetClusters: ['III', 'IV'],
      requiredSections: ['purpose', 'tasks'],
      requiredIndicators: [],
      submissionDeadline: FUTURE,
    });
    reviewerId = (await stack.prisma.user.findUniqueOrThrow({ where: { email: REVIEWER } })).id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('moves sent three times at once, without an Idempotency-Key', () => {
    it('submit: one version, one receipt, 409 with the reason to the others', async () => {
      const { planId, head } = await plan(['draft']);
      const winner = oneWinner(await at('post', head, `/api/plans/${planId}/submit`));
      expect(winner.body).toMatchObject({ status: 'SUBMITTED', versionNo: 1 });
      expect(await stack.prisma.planVersion.count({ where: { planId } })).toBe(1);
      expect(await audit(planId, 'PLAN_SUBMITTED')).toBe(1);
      expect(await stack.prisma.emailLog.count({ where: { planId, template: 'SUBMISSION_RECEIPT' } })).toBe(1);
      expect(await workflowStatus(planId)).toEqual({ row: 'SUBMITTED', workflow: 'SUBMITTED' });
    });

    it('withdraw: one withdrawal, 409 to the others', async () => {
      const { planId, head } = await plan(['draft', 'submit']);
      oneWinner(await at('post', head, `/api/plans/${planId}/withdraw`));
      expect(await audit(planId, 'PLAN_WITHDRAWN')).toBe(1);
      expect(await workflowStatus(planId)).toEqual({ row: 'DRAFTING', workflow: 'DRAFTING' });
    });

    it('start-review: one start, 409 to the others', async () => {
      const { planId } = await plan(['draft', 'submit']);
      oneWinner(await at('post', REVIEWER, `/api/plans/${planId}/start-review`));
      expect(await audit(planId, 'PLAN_REVIEW_STARTED')).toBe(1);
      expect(await workflowStatus(planId)).toEqual({ row: 'UNDER_REVIEW', workflow: 'UNDER_REVIEW' });
    });

    it('approve: one decision, one e-mail, 409 to the others', async () => {
      const { planId } = await plan(['draft', 'submit']);
      const winner = oneWinner(await at('post', REVIEWER, `/api/plans/${planId}/approve`, { comment: 'Đạt.' }));
      const decisions = await stack.prisma.decision.findMany({ where: { planId } });
      expect(decisions.map((d) => [d.id, d.kind])).toEqual([[winner.body.decisionId, 'APPROVE']]);
      expect(await audit(planId, 'PLAN_APPROVED')).toBe(1);
      expect(await stack.prisma.emailLog.count({ where: { planId, template: 'PLAN_APPROVED' } })).toBe(1);
      expect(await workflowStatus(planId)).toEqual({ row: 'APPROVED', workflow: 'APPROVED' });
    });

    it('return: one decision, 409 to the others', async () => {
      const { planId } = await plan(['draft', 'submit', 'review']);
      oneWinner(await at('post', REVIEWER, `/api/plans/${planId}/return`, { comment: 'Bổ sung giải pháp.' }));
      expect(await stack.prisma.decision.count({ where: { planId } })).toBe(1);
      expect(await audit(planId, 'PLAN_RETURNED')).toBe(1);
      expect(await workflowStatus(planId)).toEqual({ row: 'RETURNED', workflow: 'RETURNED' });
    });

    it('exempt: one exemption, 409 to the others', async () => {
      const { planId } = await plan();
      oneWinner(await at('post', ADMIN, `/api/plans/${planId}/exempt`, { reason: 'Trường sáp nhập' }));
      expect(await audit(planId, 'PLAN_EXEMPTED')).toBe(1);
      expect(await workflowStatus(planId)).toEqual({ row: 'EXEMPTED', workflow: 'EXEMPTED' });
    });

    it('reopen: one reopening, 409 to the others', async () => {
      const { planId } = await plan(['draft', 'submit', 'approve']);
      oneWinner(await at('post', ADMIN, `/api/plans/${planId}/reopen`, { reason: 'Điều chỉnh cuối kỳ' }, false));
      expect(await audit(planId, 'PLAN_REOPENED')).toBe(1);
      expect(await workflowStatus(planId)).toEqual({ row: 'DRAFTING', workflow: 'DRAFTING' });
    });

    it('grant of one extension request: one extension, one e-mail, 409 to the others', async () => {
      const { planId, head } = await plan();
      const asked = await send('post', head, `/api/plans/${planId}/extension-requests`, { reason: 'Chờ họp hội đồng' });
      expect(asked.status).toBe(201);
      const url = `/api/plans/${planId}/extension-requests/${asked.body.id}/grant`;
      const answers = await at('post', ADMIN, url, { until: '2099-02-01T17:00:00+07:00', note: 'Đồng ý' });
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      for (const loser of answers.filter((r) => r.status === 409)) {
        expect(loser.body.message).toBe('Đề nghị gia hạn này đã được xử lý.');
      }
      expect(await audit(planId, 'DEADLINE_EXTENDED')).toBe(1);
      expect(await stack.prisma.emailLog.count({ where: { planId, template: 'EXTENSION_DECIDED' } })).toBe(1);
    });

    it('the same extension of a deadline: one extension, one e-mail, 409 to the others', async () => {
      const { planId } = await plan();
      const body = { until: '2099-03-01T17:00:00+07:00', reason: 'Trường bị ngập lụt' };
      const answers = await at('post', ADMIN, `/api/plans/${planId}/deadline`, body);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      for (const loser of answers.filter((r) => r.status === 409)) {
        expect(loser.body.message).toMatch(/^Thời hạn này đã là .+, không cần gia hạn lại\.$/);
      }
      expect(await audit(planId, 'DEADLINE_EXTENDED')).toBe(1);
      expect(await stack.prisma.emailLog.count({ where: { planId, template: 'EXTENSION_DECIDED' } })).toBe(1);
    });

    it('first draft saves: each one saved in turn, drafting started once', async () => {
      const { planId, head } = await plan();
      const answers = await at('put', head, `/api/plans/${planId}/draft`, DRAFT);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await audit(planId, 'PLAN_DRAFT_STARTED')).toBe(1);
      expect(await audit(planId, 'PLAN_DRAFT_SAVED')).toBe(TIMES);
      const row = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect(row).toMatchObject({ status: 'DRAFTING', draftRevision: TIMES });
      expect(row.draft).toEqual(DRAFT);
    });
  });

  describe('two-level approval', () => {
    const SPECIALIST = 'chuyenvien1@kienxuong.example'; // cluster I
    let twoLevel: string;

    beforeAll(async () => {
      twoLevel = await openCampaign(stack, {
        key: 'dong-thoi-hai-cap',
        documentNumber: '05/KH-DONG-THOI',
        targetLevels: ['PRIMARY'],
        targetClusters: ['I'],
        approvalLevels: 2,
        requiredSections: ['purpose', 'tasks'],
        requiredIndicators: [],
        submissionDeadline: FUTURE,
      });
    });

    it('the same recommendation three times at once: one recommendation, 409 to the others', async () => {
      const planId = await planIdOf(stack, twoLevel, 'th-thanh-tan');
      const head = principal('th-thanh-tan');
      expect((await send('put', head, `/api/plans/${planId}/draft`, DRAFT)).status).toBe(200);
      expect((await send('post', head, `/api/plans/${planId}/submit`)).status).toBe(200);
      const body = {
        recommendation: 'APPROVE',
        comment: 'Đề nghị phê duyệt.',
        rubric: { COMPLETE: { rating: 'MET' } },
      };

      const answers = await at('post', SPECIALIST, `/api/plans/${planId}/recommend`, body);

      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      for (const loser of answers.filter((r) => r.status === 409)) {
        expect(loser.body.message).toBe(
          'Đề xuất này đã được ghi nhận cho lần nộp thứ 1; không ghi thêm một đề xuất giống hệt.',
        );
      }
      const decisions = await stack.prisma.decision.findMany({ where: { planId } });
      expect(decisions.map((d) => d.kind)).toEqual(['RECOMMEND_APPROVE']);
      expect(await audit(planId, 'PLAN_RECOMMENDED')).toBe(1);

      // A different recommendation is a change of mind, and is recorded.
      const changed = await send('post', SPECIALIST, `/api/plans/${planId}/recommend`, {
        recommendation: 'RETURN',
        comment: 'Cần bổ sung giải pháp.',
      });
      expect(changed.status).toBe(200);
      expect(await stack.prisma.decision.count({ where: { planId } })).toBe(2);
    });
  });

  describe('a refused draft save changes nothing', () => {
    it('when the plan cannot move (its workflow is gone): 409, no draft written, nothing audited', async () => {
      const { planId, head } = await plan();
      const row = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      const client = await stack.temporal.getClient();
      await client.workflow.getHandle(row.workflowId).terminate('thử: kế hoạch chưa được mở');

      const res = await send('put', head, `/api/plans/${planId}/draft`, DRAFT);

      expect(res.status).toBe(409);
      expect(res.body.message).toContain('không thể thao tác');
      const after = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect(after).toMatchObject({ status: 'NOT_STARTED', draftUpdatedAt: null, draftRevision: 0 });
      expect(after.draft).toEqual({});
      expect(await stack.prisma.auditEvent.count({ where: { planId } })).toBe(0);
    });

    it('when the plan has been submitted: 409, the submitted draft unchanged, nothing audited', async () => {
      const { planId, head } = await plan(['draft', 'submit']);
      const before = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      const events = await stack.prisma.auditEvent.count({ where: { planId } });

      const res = await send('put', head, `/api/plans/${planId}/draft`, { sections: { purpose: 'Khác.' } });

      expect(res.status).toBe(409);
      const after = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect(after).toMatchObject({ draftUpdatedAt: before.draftUpdatedAt, draftRevision: 1 });
      expect(after.draft).toEqual(DRAFT);
      expect(await stack.prisma.auditEvent.count({ where: { planId } })).toBe(events);
    });
  });

  describe('a draft save carries the revision it was based on', () => {
    it('hands out the revision as an ETag and answers a stale save 412 with what changed and who saved it', async () => {
      const { planId, school, head } = await plan(['draft']);
      const url = `/api/plans/${planId}/draft`;
      const first = await read(head, url);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"1"');
      expect(first.body).toMatchObject({ revision: 1, savedBy: { fullName: nameOf(head) } });
      expect([first.body.sections, first.body.indicators]).toEqual([DRAFT.sections, {}]);

      // The deputy and the principal both start from revision 1; the deputy saves first.
      const deputy = await send(
        'put',
        staff(school),
        url,
        {
          sections: { ...DRAFT.sections, tasks: 'Nhiệm vụ do phó hiệu trưởng viết lại.' },
          indicators: { SWIM_CERT: { baseline: 10, target: 15 } },
        },
        { 'If-Match': '"1"' },
      );
      expect(deputy.status).toBe(200);
      expect(deputy.headers.etag).toBe('"2"');
      expect(deputy.body.draftRevision).toBe(2);

      const mine = { sections: { ...DRAFT.sections, purpose: 'Mục đích do hiệu trưởng sửa.' }, indicators: {} };
      const stale = await send('put', head, url, mine, { 'If-Match': '"1"' });

      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({
        statusCode: 412,
        code: 'PRECONDITION_FAILED',
        basedOn: 1,
        current: { revision: 2, etag: '"2"', savedBy: { fullName: nameOf(staff(school)) } },
        changed: {
          sections: [{ key: 'tasks', title: 'Nội dung, nhiệm vụ và giải pháp' }],
          indicators: [{ code: 'SWIM_CERT', label: expect.any(String) }],
        },
      });
      expect(stale.body.message).toContain(nameOf(staff(school)));
      expect(stale.body.message).toContain('Nội dung, nhiệm vụ và giải pháp');
      const row = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect(row.draftRevision).toBe(2);
      expect((row.draft as typeof DRAFT).sections.tasks).toBe('Nhiệm vụ do phó hiệu trưởng viết lại.');
      expect(await audit(planId, 'PLAN_DRAFT_SAVED')).toBe(2);

      // Based on the revision now in force, the principal's save goes through.
      const merged = await send('put', head, url, mine, { 'If-Match': stale.body.current.etag });
      expect(merged.status).toBe(200);
      expect(merged.headers.etag).toBe('"3"');
      expect(await audit(planId, 'PLAN_DRAFT_SAVED')).toBe(3);
    });

    it('three saves at once based on the same revision: one saved, 412 to the others', async () => {
      const { planId, head } = await plan(['draft']);
      const answers = await Promise.all(
        ['một', 'hai', 'ba'].map((n) =>
          send(
            'put',
            head,
            `/api/plans/${planId}/draft`,
            { sections: { ...DRAFT.sections, tasks: `Bản ${n}.` }, indicators: {} },
            { 'If-Match': '"1"' },
          ),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 412, 412]);
      const row = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      const winner = answers.find((r) => r.status === 200) as Response;
      expect(row.draftRevision).toBe(2);
      expect(row.draft).toEqual(winner.body.draft);
      expect(await audit(planId, 'PLAN_DRAFT_SAVED')).toBe(2);
    });

    it('a first save of a plan never drafted is based on revision 0', async () => {
      const { planId, head } = await plan();
      const never = await read(head, `/api/plans/${planId}/draft`);
      expect(never.headers.etag).toBe('"0"');
      expect(never.body).toEqual({ sections: {}, indicators: {}, revision: 0, savedAt: null, savedBy: null });
      const saved = await send('put', head, `/api/plans/${planId}/draft`, DRAFT, { 'If-Match': '"0"' });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ status: 'DRAFTING', draftRevision: 1 });
    });

    it('refuses an If-Match that is not a revision, naming the header', async () => {
      const { planId, head } = await plan();
      const res = await send('put', head, `/api/plans/${planId}/draft`, DRAFT, { 'If-Match': 'hom qua' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
      expect(await stack.prisma.auditEvent.count({ where: { planId } })).toBe(0);
    });
  });
});

describe('a plan history recorded before moves took turns', () => {
  // Recorded at 1f77a72 by the submit test above: three submits behind a reassignment, all three activities
  // scheduled by one workflow task, two of them failing with STATE_MISMATCH (answered 500).
  const WORKFLOW_ID = 'plan:fe69d06d-ff08-4f87-8942-38c652cf2321:92c23a20-fe6d-48a0-aeee-51f91d0c044f';
  const file = path.join(__dirname, '../fixtures/histories/plan-submit-race-before-serial-moves.json');

  it('replays with the workflow code of today, which keeps the old wait for it', async () => {
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(file, 'utf8')));
    let most = 0;
    let run = 0;
    for (const e of history.events) {
      if (e.workflowTaskCompletedEventAttributes) run = 0;
      else if (e.activityTaskScheduledEventAttributes) most = Math.max(most, ++run);
    }
    expect(most).toBe(3);
    expect(
      history.events.filter((e) => e.activityTaskFailedEventAttributes?.failure?.applicationFailureInfo?.type),
    ).toHaveLength(2);

    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH as string } },
        history,
        WORKFLOW_ID,
      ),
    ).resolves.toBeUndefined();
  });
});
