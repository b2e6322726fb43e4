import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  type Actor,
  approvePlanUpdate,
  assignReviewerUpdate,
  closeCampaignUpdate,
  exemptPlanUpdate,
  extendDeadlineUpdate,
  reopenPlanUpdate,
  returnForRevisionUpdate,
} from '@duyet/workflows';
import { ADMIN, bearer, openCampaign, planIdOf, principal, PRIMARY_DRAFT } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

// Hostile and malformed input at the edge of the API: each answer is a JSON error in Vietnamese, never a 500,
// and nothing a client sends can stop a plan from taking its next move.

const REVIEWER = 'pho.phothong@kienxuong.example';
const NUL = 'Miễn\u0000 thử';

const DRAFT = PRIMARY_DRAFT;

interface RawAnswer {
  status: number;
  contentType: string;
  body: Record<string, unknown> & { errors?: { field: string; message: string }[] };
}

/** Words that give away a message passed through untranslated from a library. */
const ENGLISH =
  /\b(expected|unexpected|position|validation failed|numeric string|received|undefined|invalid input|required)\b/i;

describe('bad input at the edge of the API', () => {
  let stack: Stack;
  let port: number;
  let campaignId: string;

  /** A request on a real socket, so that headers, encodings and bytes arrive exactly as written. */
  const raw = (
    method: string,
    path: string,
    opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
  ): Promise<RawAnswer> =>
    new Promise((resolve, reject) => {
      const headers = { ...opts.headers };
      if (opts.body !== undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: text ? (JSON.parse(text) as RawAnswer['body']) : {},
          });
        });
      });
      req.on('error', reject);
      req.setTimeout(5000, () => req.destroy(new Error(`${method} ${path} unanswered within 5 s`)));
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });

  const asAdmin = async (extra: Record<string, string> = {}) => ({ ...(await bearer(stack, ADMIN)), ...extra });
  const json = { 'content-type': 'application/json' };

  const expectErrorShape = (res: RawAnswer, status: number) => {
    expect(res.status).toBe(status);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ statusCode: status, code: expect.any(String), message: expect.any(String) });
    expect(String(res.body.message)).not.toMatch(ENGLISH);
    if (status === 400) {
      expect(res.body.errors?.length).toBeGreaterThan(0);
      for (const e of res.body.errors ?? []) expect(e.message).not.toMatch(ENGLISH);
    }
  };

  beforeAll(async () => {
    stack = await startStack();
    await stack.api.listen(0, '127.0.0.1');
    port = (stack.api.getHttpServer().address() as AddressInfo).port;
    campaignId = await openCampaign(stack, {
      key: 'bad-input-2027',
      documentNumber: '13/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('control characters', () => {
    it('refuses a NUL in a reason with a 400 naming the field, and the plan then takes its next move', async () => {
      const planId = await planIdOf(stack, campaignId, 'th-binh-minh');
      const res = await raw('POST', `/api/plans/${planId}/exempt`, {
        headers: await asAdmin(json),
        body: JSON.stringify({ reason: NUL }),
      });
      expectErrorShape(res, 400);
      expect(res.body.errors).toEqual([{ field: 'reason', message: expect.stringContaining('U+0000') }]);

      const exempt = await stack
        .http()
        .post(`/api/plans/${planId}/exempt`)
        .set(await asAdmin())
        .send({ reason: 'Trường sáp nhập theo quyết định của UBND huyện' });
      expect(exempt.status).toBe(200);
      expect(exempt.body.status).toBe('EXEMPTED');
    });

    it.each([
      ['a draft section', 'sections.purpose', { sections: { purpose: 'Mục\u0000tiêu' } }],
      ['a section key', 'sections.p\u0007', { sections: { 'p\u0007': 'Mục tiêu' } }],
      ['a lone surrogate', 'sections.purpose', { sections: { purpose: 'Mục tiêu \ud800' } }],
      ['a C1 control', 'sections.tasks', { sections: { tasks: 'Nhiệm vụ \u0085' } }],
    ])('refuses %s in a draft and saves nothing', async (_what, field, draft) => {
      const planId = await planIdOf(stack, campaignId, 'th-nam-binh');
      const res = await raw('PUT', `/api/plans/${planId}/draft`, {
        headers: { ...(await bearer(stack, principal('th-nam-binh'))), ...json },
        body: JSON.stringify(draft),
      });
      expectErrorShape(res, 400);
      expect(res.body.errors?.[0]?.field).toBe(field);
      const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect(plan.status).toBe('NOT_STARTED');
    });

    it('refuses a NUL in a path parameter (a school code)', async () => {
      const res = await raw('DELETE', `/api/campaigns/${campaignId}/schools/th%00x`, {
        headers: await asAdmin(json),
        body: JSON.stringify({ reason: 'Trường sáp nhập' }),
      });
      expectErrorShape(res, 400);
      expect(res.body.errors?.[0]?.field).toBe('schoolCode');
    });

    it('keeps tabs, line breaks, emoji and right-to-left text as written', async () => {
      const planId = await planIdOf(stack, campaignId, 'th-thanh-tan');
      const text = 'Mục tiêu:\n\t- Học sinh 📚 đọc sách mỗi ngày\r\n- שלום مرحبا';
      const res = await stack
        .http()
        .put(`/api/plans/${planId}/draft`)
        .set(await bearer(stack, principal('th-thanh-tan')))
        .send({ sections: { purpose: text } });
      expect(res.status).toBe(200);
      const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect((plan.draft as { sections: Record<string, string> }).sections.purpose).toBe(text);
    });
  });

  describe('bodies', () => {
    it('takes a valid draft of 100,000 Vietnamese characters (about 127 KB)', async () => {
      const planId = await planIdOf(stack, campaignId, 'th-vu-quy');
      const section = 'Trường học thân thiện, học sinh tích cực. '.repeat(2500).slice(0, 100_000);
      expect(Buffer.byteLength(section)).toBeGreaterThan(120_000);
      const res = await stack
        .http()
        .put(`/api/plans/${planId}/draft`)
        .set(await bearer(stack, principal('th-vu-quy')))
        .send({ ...DRAFT, sections: { ...DRAFT.sections, purpose: section } });
      expect(res.status).toBe(200);
    });

    it('answers a body past the limit with 413 in the error shape', async () => {
      const planId = await planIdOf(stack, campaignId, 'th-vu-quy');
      const res = await raw('PUT', `/api/plans/${planId}/draft`, {
        headers: { ...(await bearer(stack, principal('th-vu-quy'))), ...json },
        body: JSON.stringify({ sections: { purpose: 'x'.repeat(4 * 1024 * 1024) } }),
      });
      expectErrorShape(res, 413);
      expect(res.body.message).toContain('quá lớn');
    });

    it('refuses a draft whose sections together pass the total limit with a 400 naming sections', async () => {
      const planId = await planIdOf(stack, campaignId, 'th-vu-quy');
      const sections = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`s${i}`, 'a'.repeat(99_000)]));
      const res = await raw('PUT', `/api/plans/${planId}/draft`, {
        headers: { ...(await bearer(stack, principal('th-vu-quy'))), ...json },
        body: JSON.stringify({ sections }),
      });
      expectErrorShape(res, 400);
      expect(res.body.errors?.[0]?.field).toBe('sections');
    });

    it.each([
      ['a charset other than UTF-8', { 'content-type': 'application/json; charset=latin1' }],
      ['gzip', { ...json, 'content-encoding': 'gzip' }],
      ['br', { ...json, 'content-encoding': 'br' }],
      ['deflate', { ...json, 'content-encoding': 'deflate' }],
      ['an unknown encoding', { ...json, 'content-encoding': 'zstd-x' }],
      ['a form-encoded body', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['a text body', { 'content-type': 'text/plain' }],
      ['multipart outside the upload route', { 'content-type': 'multipart/form-data; boundary=x' }],
    ])('answers 415 to %s', async (_what, headers) => {
      const res = await raw('POST', `/api/campaigns/${campaignId}/close`, {
        headers: await asAdmin(headers),
        body: '{"reason":"Kết thúc đợt"}',
      });
      expectErrorShape(res, 415);
      const campaign = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      expect(campaign.status).toBe('ACTIVE');
    });

    it('answers malformed JSON with a 400 that lists the body and says where, in Vietnamese', async () => {
      const res = await raw('POST', `/api/campaigns/${campaignId}/close`, {
        headers: await asAdmin(json),
        body: '{reason: 1}',
      });
      expectErrorShape(res, 400);
      expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringContaining('không phải JSON hợp lệ') }]);
      expect(res.body.message).toContain('ký tự thứ 2');
    });

    it('answers a JSON string where an object is expected by naming what was expected', async () => {
      const res = await raw('POST', `/api/campaigns/${campaignId}/close`, {
        headers: await asAdmin(json),
        body: '"đóng đợt"',
      });
      expectErrorShape(res, 400);
      expect(res.body.errors).toEqual([{ field: 'body', message: 'Phải là một nhóm thông tin' }]);
    });

    it('says a missing field is missing, in plain words', async () => {
      const res = await raw('POST', `/api/campaigns/${campaignId}/close`, { headers: await asAdmin(json), body: '{}' });
      expectErrorShape(res, 400);
      expect(res.body.errors).toEqual([{ field: 'reason', message: 'Thiếu thông tin bắt buộc' }]);
    });
  });

  describe('numbers and headers', () => {
    it.each([
      ['a version past 2³¹ in the path', (id: string) => `/api/plans/${id}/versions/2147483648`, 'number'],
      ['a version that is not a number', (id: string) => `/api/plans/${id}/versions/abc`, 'number'],
      ['a diff target past 2³¹', (id: string) => `/api/plans/${id}/diff?from=1&to=2147483648`, 'to'],
      ['a comment version past 2³¹', (id: string) => `/api/plans/${id}/comments?version=99999999999`, 'version'],
      ['a page past any board', () => '/api/board?page=2147483648', 'page'],
    ])('answers %s with a 400 naming it', async (_what, path, field) => {
      const planId = await planIdOf(stack, campaignId, 'th-vu-quy');
      const res = await raw('GET', path(planId), { headers: await asAdmin() });
      expectErrorShape(res, 400);
      expect(res.body.errors?.[0]?.field).toBe(field);
    });

    it('answers headers too large with 431 in the error shape', async () => {
      const res = await raw('GET', '/api/campaigns', { headers: { 'x-filler': 'a'.repeat(40_000) } });
      expectErrorShape(res, 431);
    });

    it('answers an Expect it does not know with 417 in the error shape', async () => {
      const res = await raw('GET', '/api/campaigns', { headers: { expect: '200-ok' } });
      expectErrorShape(res, 417);
    });

    it('answers an HTTP/1.1 request without Host with a 400 naming it', async () => {
      const res = await new Promise<RawAnswer>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/campaigns', setHost: false }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () =>
            resolve({
              status: r.statusCode ?? 0,
              contentType: String(r.headers['content-type'] ?? ''),
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RawAnswer['body'],
            }),
          );
        });
        req.on('error', reject);
        req.end();
      });
      expectErrorShape(res, 400);
      expect(res.body.errors).toEqual([{ field: 'Host', message: expect.stringContaining('Host') }]);
    });

    it('answers an unknown route with a Vietnamese 404', async () => {
      const res = await raw('GET', '/api/khong-co', {});
      expectErrorShape(res, 404);
    });
  });

  describe('poison that reaches a plan workflow', () => {
    // The API refuses these before any workflow sees them; here they are sent to the workflow directly, as a
    // bug or another client could. Each fails at once for good, and the plan takes its next move.
    const deliver = async (planId: string, send: (h: Awaited<ReturnType<typeof handleOf>>) => Promise<unknown>) => {
      const started = Date.now();
      const err = await send(await handleOf(planId)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      const failure = (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
      expect(failure.type).toBe('DATA_ERROR');
      expect(failure.message).toContain('không có gì thay đổi');
      expect(Date.now() - started).toBeLessThan(5000);
    };
    const handleOf = async (planId: string) => {
      const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      return (await stack.temporal.getClient()).workflow.getHandle(plan.workflowId);
    };
    const actorOf = async (email: string, role: Actor['role'], rank?: Actor['rank']): Promise<Actor> => {
      const user = await stack.prisma.user.findFirstOrThrow({ where: { email } });
      return { userId: user.id, role, rank };
    };

    it('fails every poisoned move at once and leaves the plan free for the next one', async () => {
      const school = 'th-binh-dinh';
      const planId = await planIdOf(stack, campaignId, school);
      const admin = await actorOf(ADMIN, 'ADMIN', 'HEAD');
      const until = '2027-07-15T17:00:00+07:00';

      await deliver(planId, (h) => h.executeUpdate(exemptPlanUpdate, { args: [{ actor: admin, reason: NUL }] }));
      await deliver(planId, (h) =>
        h.executeUpdate(extendDeadlineUpdate, { args: [{ actor: admin, kind: 'SUBMISSION', until, reason: NUL }] }),
      );
      await deliver(planId, (h) =>
        h.executeUpdate(assignReviewerUpdate, { args: [{ actor: admin, reviewerId: 'không-phải-mã' }] }),
      );

      const p = await bearer(stack, principal(school));
      expect((await stack.http().put(`/api/plans/${planId}/draft`).set(p).send(DRAFT)).status).toBe(200);
      expect((await stack.http().post(`/api/plans/${planId}/submit`).set(p).send()).status).toBe(200);

      const reviewer = await actorOf(REVIEWER, 'REVIEWER', 'DEPUTY_HEAD');
      await deliver(planId, (h) =>
        h.executeUpdate(returnForRevisionUpdate, {
          args: [{ actor: reviewer, comment: `Bổ sung ${NUL}`, capacity: 'KT. TRƯỞNG PHÒNG' }],
        }),
      );
      await deliver(planId, (h) =>
        h.executeUpdate(approvePlanUpdate, { args: [{ actor: reviewer, comment: 'Đạt', capacity: NUL }] }),
      );
      const approved = await stack
        .http()
        .post(`/api/plans/${planId}/approve`)
        .set(await bearer(stack, REVIEWER))
        .send({ comment: 'Kế hoạch đạt yêu cầu' });
      expect(approved.status).toBe(200);

      await deliver(planId, (h) => h.executeUpdate(reopenPlanUpdate, { args: [{ actor: admin, reason: NUL }] }));
      const reopened = await stack
        .http()
        .post(`/api/plans/${planId}/reopen`)
        .set(await asAdmin())
        .send({ reason: 'Điều chỉnh chỉ tiêu cuối học kỳ I' });
      expect(reopened.status).toBe(200);

      const events = await stack.prisma.auditEvent.findMany({ where: { planId }, orderBy: { createdAt: 'asc' } });
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['PLAN_SUBMITTED', 'PLAN_APPROVED', 'PLAN_REOPENED']),
      );
      expect(JSON.stringify(events.map((e) => e.data))).not.toContain('\\u0000');
    });

    it('fails a poisoned campaign step at once, shows the admin why, and the campaign still closes', async () => {
      const campaign = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      const admin = await actorOf(ADMIN, 'ADMIN', 'HEAD');
      const handle = (await stack.temporal.getClient()).workflow.getHandle(campaign.workflowId);
      const err = await handle
        .executeUpdate(closeCampaignUpdate, { args: [{ actorId: admin.userId, reason: NUL }] })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((err as WorkflowUpdateFailedError).cause as { type?: string }).type).toBe('CAMPAIGN_PROBLEM');

      const shown = await stack
        .http()
        .get(`/api/campaigns/${campaignId}`)
        .set(await asAdmin());
      expect(shown.body.status).toBe('ACTIVE');
      expect(shown.body.problem).toEqual({
        message: expect.stringContaining('không có gì thay đổi'),
        at: expect.any(String),
      });
      const audit = await stack.prisma.auditEvent.findFirst({ where: { campaignId, type: 'CAMPAIGN_PROBLEM' } });
      expect(audit?.data).toMatchObject({ stage: 'CLOSE' });

      const closed = await stack
        .http()
        .post(`/api/campaigns/${campaignId}/close`)
        .set(await asAdmin())
        .send({ reason: 'Kết thúc đợt kế hoạch' });
      expect(closed.status).toBeLessThan(300);
      const after = await stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      expect(after.status).toBe('CLOSED');
      expect(after.problem).toBeNull();
    });
  });
});
