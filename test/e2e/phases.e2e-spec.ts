// Phases (issue 19, item 5): a campaign's phase opened for every approved plan at once, less the exceptions; each
// school's self-assessment (results against its approved targets, a narrative) through the plan's own pipeline,
// reminders for a late one, and the results the consolidation reads. The reminder run is district-wide, so the
// suite has a district of its own: the sample's office and five primary schools of cluster I.
import { PhaseResultsService, RemindersService } from '@duyet/domain';
import { PRIMARY_DRAFT, bearer, campaignBody } from '../support/campaign';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { type Stack, eventually, startStack } from '../support/stack';

const A = 'th-thanh-tan'; // returned once, then approved
const B = 'th-binh-minh'; // approved at once
const C = 'th-nam-binh'; // never submits: reminded
const E = 'th-binh-thanh'; // approved plan, left out of the phase (exception)
const N = 'th-binh-dinh'; // plan never approved: not in the phase
const PHASES = [
  { name: 'Học kỳ I năm học 2030 - 2031', from: '2030-09-05', to: '2031-01-15' },
  { name: 'Học kỳ II năm học 2030 - 2031', from: '2031-01-16', to: '2031-05-31' },
];
const PHASE_DEADLINE = '2031-03-14T17:00:00+07:00'; // a Friday
const NARRATIVE = {
  results: 'Hoàn thành cơ bản các chỉ tiêu của học kỳ I.',
  strengths: 'Đổi mới sinh hoạt chuyên môn theo nghiên cứu bài học.',
  shortcomings: 'Tỷ lệ học sinh biết bơi còn thấp do thiếu bể bơi.',
};
const RESULTS = {
  TH_QUALITIES_GOOD: { result: 99.7 },
  TH_LEARNING_DONE: { result: 99.5 },
  SWIM_CERT: { result: 12 },
  STAFF_PARTY_RATE: { result: 66 },
  STAFF_QUALIFIED: { result: '85,5' },
};

function* days(from: string, to: string): Generator<string> {
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    yield d.toISOString().slice(0, 10);
  }
}

describe('phases: self-assessments of the approved plans', () => {
  let stack: Stack;
  let district: TestDistrict;
  let parentId: string;
  let childId: string;
  const parentPlan: Record<string, string> = {};
  const childPlan: Record<string, string> = {};
  const unique = Date.now().toString(36);

  const as = (email: string) => bearer(stack, email);
  const post = async (email: string, url: string, body: object = {}) =>
    stack
      .http()
      .post(url)
      .set(await as(email))
      .send(body);
  const put = async (email: string, url: string, body: object) =>
    stack
      .http()
      .put(url)
      .set(await as(email))
      .send(body);
  const get = async (email: string, url: string) =>
    stack
      .http()
      .get(url)
      .set(await as(email));
  const openPhase = (index: number | string, body: object, email = district.admin) =>
    post(email, `/api/campaigns/${parentId}/phases/${index}/open`, body);

  /** A school's plan through draft, submit and approval by the head of the office. */
  async function approvePlan(school: string, target: number): Promise<void> {
    const id = parentPlan[school];
    const draft = { ...PRIMARY_DRAFT, indicators: { ...PRIMARY_DRAFT.indicators, TH_QUALITIES_GOOD: { target } } };
    expect((await put(district.principal(school), `/api/plans/${id}/draft`, draft)).status).toBe(200);
    expect((await post(district.principal(school), `/api/plans/${id}/submit`)).status).toBe(200);
    const ok = await post(district.admin, `/api/plans/${id}/approve`, { comment: 'Đạt yêu cầu.' });
    expect(ok.body).toMatchObject({ status: 'APPROVED' });
  }

  beforeAll(async () => {
    stack = await startStack();
    district = await importSampleDistrict(stack.prisma, {
      code: `giai-doan-${unique}`,
      domain: `giai-doan-${unique}.example`,
      schools: [A, B, C, E, N],
    });
    parentId = await openDistrictCampaign(stack, district, {
      key: `phases-${unique}`,
      documentNumber: `12/KH-PGDĐT-${unique}`,
      title: 'Kế hoạch giáo dục năm học 2030 - 2031 của các trường tiểu học',
      issuedOn: '2030-08-20',
      period: { from: '2030-09-01', to: '2031-05-31' },
      phases: PHASES,
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      approvalLevels: 1,
      submissionDeadline: '2031-12-19T17:00:00+07:00',
    });
    for (const p of await stack.prisma.plan.findMany({ where: { campaignId: parentId }, include: { school: true } })) {
      parentPlan[p.school.code] = p.id;
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses to open a phase before any plan is approved, and refuses everyone but the office head', async () => {
    const none = await openPhase(0, { submissionDeadline: PHASE_DEADLINE });
    expect(none.status).toBe(409);
    expect(none.body.message).toBe(
      'Đợt kế hoạch chưa có kế hoạch nào được phê duyệt: chưa thể mở giai đoạn để các trường tự đánh giá.',
    );
    const principal = await openPhase(0, { submissionDeadline: PHASE_DEADLINE }, district.principal(A));
    expect(principal.status).toBe(403);

    await approvePlan(A, 99.8);
    await approvePlan(B, 99.6);
    await approvePlan(C, 99.9);
    await approvePlan(E, 99.8);

    const missing = await openPhase(2, { submissionDeadline: PHASE_DEADLINE });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('Đợt kế hoạch không có giai đoạn số 2: các giai đoạn được đánh số từ 0 đến 1.');
    const notANumber = await openPhase('hai', { submissionDeadline: PHASE_DEADLINE });
    expect(notANumber.status).toBe(400);
    const nSchool = await stack.prisma.school.findFirstOrThrow({ where: { districtId: district.id, code: N } });
    const stranger = await openPhase(0, {
      submissionDeadline: PHASE_DEADLINE,
      exceptions: [{ schoolId: nSchool.id, reason: 'Chưa có kế hoạch được duyệt' }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([
      {
        field: 'exceptions.0.schoolId',
        message: 'Trường ngoại lệ phải là trường có kế hoạch đã được phê duyệt trong đợt',
      },
    ]);
    // Nothing was written by the refusals.
    expect(await stack.prisma.campaign.count({ where: { parentId } })).toBe(0);
    expect(await stack.prisma.auditEvent.count({ where: { campaignId: parentId, type: 'PHASE_OPENED' } })).toBe(0);
  });

  it('opens a phase for exactly the approved plans less the exception, in one audited action', async () => {
    const eSchool = await stack.prisma.school.findFirstOrThrow({ where: { districtId: district.id, code: E } });
    const res = await openPhase(0, {
      submissionDeadline: PHASE_DEADLINE,
      exceptions: [{ schoolId: eSchool.id, reason: 'Trường đang sáp nhập' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'SELF_ASSESSMENT',
      parentId,
      phaseIndex: 0,
      title: 'Tự đánh giá Kế hoạch giáo dục năm học 2030 - 2031 của các trường tiểu học: Học kỳ I năm học 2030 - 2031',
      documentNumber: `12/KH-PGDĐT-${unique} (GĐ 1)`,
      submissionDeadline: new Date(PHASE_DEADLINE).toISOString(),
      reviewMode: 'DESK',
      sections: [
        { key: 'results', title: 'Kết quả đạt được', required: true },
        { key: 'strengths', title: 'Những việc làm tốt', required: true },
        { key: 'shortcomings', title: 'Tồn tại, hạn chế và nguyên nhân', required: true },
        { key: 'proposals', title: 'Đề xuất, kiến nghị', required: false },
      ],
    });
    childId = res.body.id;
    await eventually(
      async () =>
        (await stack.prisma.campaign.findUniqueOrThrow({ where: { id: childId } })).plansOpenedAt ?? undefined,
      30_000,
      'the self-assessment plans to open',
    );
    const plans = await stack.prisma.plan.findMany({ where: { campaignId: childId }, include: { school: true } });
    expect(plans.map((p) => p.school.code).sort()).toEqual([A, B, C].sort());
    for (const p of plans) childPlan[p.school.code] = p.id;
    // Each plan's workflow runs: its state answers from Temporal.
    const state = await get(district.principal(A), `/api/plans/${childPlan[A]}/state`);
    expect(state.body).toMatchObject({ status: 'NOT_STARTED', deadlines: { submission: expect.any(String) } });

    const audit = await stack.prisma.auditEvent.findMany({ where: { campaignId: parentId, type: 'PHASE_OPENED' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toEqual({
      phaseIndex: 0,
      phaseName: PHASES[0].name,
      campaignId: childId,
      documentNumber: `12/KH-PGDĐT-${unique} (GĐ 1)`,
      submissionDeadline: new Date(PHASE_DEADLINE).toISOString(),
      schools: 3,
      exceptions: [{ schoolId: eSchool.id, schoolName: eSchool.name, reason: 'Trường đang sáp nhập' }],
    });
    const trail = await get(district.admin, `/api/campaigns/${parentId}/audit`);
    expect(trail.body.map((e: { type: string }) => e.type)).toContain('PHASE_OPENED');

    const again = await openPhase(0, { submissionDeadline: PHASE_DEADLINE });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(
      `Giai đoạn "${PHASES[0].name}" đã được mở cho các trường tự đánh giá (văn bản 12/KH-PGDĐT-${unique} (GĐ 1)).`,
    );
    expect(await stack.prisma.campaign.count({ where: { parentId } })).toBe(1);

    const list = await get(district.admin, `/api/campaigns/${parentId}/phases`);
    expect(list.status).toBe(200);
    expect(
      list.body.phases.map((p: { opened: { campaignId: string } | null }) => p.opened?.campaignId ?? null),
    ).toEqual([childId, null]);
    expect(list.body.phases[0].opened.planCounts).toEqual({ NOT_STARTED: 3 });
    expect(list.body.approvedSchools.map((s: { code: string }) => s.code).sort()).toEqual([A, B, C, E].sort());
  });

  it('shows each school its approved targets read-only and checks the results it enters', async () => {
    const form = await get(district.principal(A), `/api/plans/${childPlan[A]}/form`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      kind: 'SELF_ASSESSMENT',
      phase: { parentId, index: 0, name: PHASES[0].name, parentTitle: expect.any(String) },
    });
    const approved = Object.fromEntries(
      form.body.indicators.map((i: { code: string; approved: unknown; required: boolean }) => [i.code, i.approved]),
    );
    expect(approved).toEqual({
      TH_QUALITIES_GOOD: { target: 99.8, targetMax: null },
      TH_LEARNING_DONE: { target: 99.5, targetMax: null },
      SWIM_CERT: { target: 15, targetMax: null },
      STAFF_PARTY_RATE: { target: 65, targetMax: null },
      STAFF_QUALIFIED: { target: 85, targetMax: null },
    });
    const formB = await get(district.principal(B), `/api/plans/${childPlan[B]}/form`);
    expect(formB.body.indicators.find((i: { code: string }) => i.code === 'TH_QUALITIES_GOOD').approved).toEqual({
      target: 99.6,
      targetMax: null,
    });

    // Half-done: a result missing, one out of range.
    const half = await put(district.principal(A), `/api/plans/${childPlan[A]}/draft`, {
      sections: { results: NARRATIVE.results },
      indicators: { TH_QUALITIES_GOOD: { result: 101 } },
    });
    expect(half.status).toBe(200);
    const check = await get(district.principal(A), `/api/plans/${childPlan[A]}/validation`);
    expect(check.body.ok).toBe(false);
    expect(check.body.errors.map((e: { field: string; code: string }) => `${e.code}@${e.field}`)).toEqual([
      'SECTION_REQUIRED@sections.strengths',
      'SECTION_REQUIRED@sections.shortcomings',
      'RESULT_REQUIRED@indicators.TH_LEARNING_DONE.result',
      'PERCENT_OUT_OF_RANGE@indicators.TH_QUALITIES_GOOD.result',
      'RESULT_REQUIRED@indicators.STAFF_PARTY_RATE.result',
      'RESULT_REQUIRED@indicators.STAFF_QUALIFIED.result',
      'RESULT_REQUIRED@indicators.SWIM_CERT.result',
    ]);
    const refused = await post(district.principal(A), `/api/plans/${childPlan[A]}/submit`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('Chỉ tiêu "Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực"');

    const unreadable = await put(district.principal(A), `/api/plans/${childPlan[A]}/draft`, {
      sections: NARRATIVE,
      indicators: { SWIM_CERT: { result: 'khoảng mười' } },
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.errors).toEqual([
      {
        field: 'indicators.SWIM_CERT.result',
        message: 'Không đọc được kết quả "khoảng mười": nhập một số, ví dụ 98,5',
      },
    ]);
  });

  it('takes one self-assessment through a return and a resubmission to approval, and approves the other', async () => {
    const save = await put(district.principal(A), `/api/plans/${childPlan[A]}/draft`, {
      sections: NARRATIVE,
      indicators: RESULTS,
    });
    expect(save.status).toBe(200);
    const check = await get(district.principal(A), `/api/plans/${childPlan[A]}/validation`);
    expect(check.body).toEqual({
      ok: true,
      errors: [],
      warnings: [
        {
          field: 'indicators.TH_QUALITIES_GOOD.result',
          code: 'RESULT_SHORT_OF_TARGET',
          message:
            'Chỉ tiêu "Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực": kết quả (99,7%) chưa đạt mục tiêu đã duyệt (99,8%).',
        },
        {
          field: 'indicators.SWIM_CERT.result',
          code: 'RESULT_SHORT_OF_TARGET',
          message: expect.stringContaining('kết quả (12%) chưa đạt mục tiêu đã duyệt (15%)'),
        },
      ],
    });
    expect((await post(district.principal(A), `/api/plans/${childPlan[A]}/submit`)).body).toMatchObject({
      status: 'SUBMITTED',
      versionNo: 1,
    });
    const ret = await post(district.admin, `/api/plans/${childPlan[A]}/return`, {
      comment: 'Nêu rõ nguyên nhân tỷ lệ học sinh biết bơi chưa đạt.',
      revisionDeadline: PHASE_DEADLINE,
    });
    expect(ret.body).toMatchObject({ status: 'RETURNED', versionNo: 1 });
    const revised = await put(district.principal(A), `/api/plans/${childPlan[A]}/draft`, {
      sections: { ...NARRATIVE, shortcomings: 'Xã chưa có bể bơi; nhà trường phối hợp với Trung tâm văn hóa.' },
      indicators: { ...RESULTS, SWIM_CERT: { result: 12.5 } },
    });
    expect(revised.status).toBe(200);
    expect((await post(district.principal(A), `/api/plans/${childPlan[A]}/submit`)).body).toMatchObject({
      status: 'SUBMITTED',
      versionNo: 2,
    });
    expect((await post(district.admin, `/api/plans/${childPlan[A]}/approve`, {})).body).toMatchObject({
      status: 'APPROVED',
      versionNo: 2,
    });
    // The reviewer sees what the resubmission changed: the result, and the narrative.
    const diff = await get(district.admin, `/api/plans/${childPlan[A]}/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body.indicators.find((i: { code: string }) => i.code === 'SWIM_CERT')).toMatchObject({
      change: 'CHANGED',
      before: { result: 12 },
      after: { result: 12.5 },
    });
    expect(diff.body.indicators.find((i: { code: string }) => i.code === 'STAFF_PARTY_RATE').change).toBe('UNCHANGED');
    expect(diff.body.sections.find((x: { key: string }) => x.key === 'shortcomings').change).toBe('CHANGED');

    await put(district.principal(B), `/api/plans/${childPlan[B]}/draft`, {
      sections: NARRATIVE,
      indicators: { ...RESULTS, TH_QUALITIES_GOOD: { result: 99.9 } },
    });
    expect((await post(district.principal(B), `/api/plans/${childPlan[B]}/submit`)).body).toMatchObject({
      status: 'SUBMITTED',
    });
    expect((await post(district.admin, `/api/plans/${childPlan[B]}/approve`, {})).body).toMatchObject({
      status: 'APPROVED',
      versionNo: 1,
    });

    const decisions = await stack.prisma.decision.findMany({
      where: { planId: { in: [childPlan[A], childPlan[B]] } },
      orderBy: { decidedAt: 'asc' },
      include: { version: true },
    });
    expect(decisions.map((d) => `${d.planId === childPlan[A] ? 'A' : 'B'}:${d.kind}:${d.version.number}`)).toEqual([
      'A:RETURN:1',
      'A:APPROVE:2',
      'B:APPROVE:1',
    ]);
    // The frozen version keeps the results as numbers.
    expect(decisions[1].version.indicators).toMatchObject({
      SWIM_CERT: { result: 12.5 },
      STAFF_QUALIFIED: { result: 85.5 },
    });
  });

  it('gives the consolidation each school’s results from its approved self-assessment', async () => {
    const results = await stack.api.get(PhaseResultsService).results(district.id, parentId);
    const schools = await stack.prisma.school.findMany({ where: { districtId: district.id } });
    const code = (id: string) => schools.find((s) => s.id === id)!.code;
    const read = Object.fromEntries(results.map((r) => [`${code(r.schoolId)}:${r.indicatorCode}`, r.result]));
    expect(read).toEqual({
      [`${A}:TH_QUALITIES_GOOD`]: 99.7,
      [`${A}:TH_LEARNING_DONE`]: 99.5,
      [`${A}:SWIM_CERT`]: 12.5,
      [`${A}:STAFF_PARTY_RATE`]: 66,
      [`${A}:STAFF_QUALIFIED`]: 85.5,
      [`${B}:TH_QUALITIES_GOOD`]: 99.9,
      [`${B}:TH_LEARNING_DONE`]: 99.5,
      [`${B}:SWIM_CERT`]: 12,
      [`${B}:STAFF_PARTY_RATE`]: 66,
      [`${B}:STAFF_QUALIFIED`]: 85.5,
    });
    expect(new Set(results.map((r) => `${r.phaseIndex}:${r.phaseName}:${r.campaignId}`))).toEqual(
      new Set([`0:${PHASES[0].name}:${childId}`]),
    );
    expect(results.find((r) => code(r.schoolId) === A)!.versionNo).toBe(2);
  });

  it('puts the phase’s results beside the targets in the consolidation, rolled up as the targets are', async () => {
    const res = await get(district.admin, `/api/campaigns/${parentId}/consolidation`);
    expect(res.status).toBe(200);
    expect(res.body.phases).toEqual([{ index: 0, name: PHASES[0].name }]);
    expect(res.body.campaign.district).toEqual({ id: district.id, name: expect.any(String) });
    const schools = await stack.prisma.school.findMany({ where: { districtId: district.id, code: { in: [A, B] } } });
    const school = (code: string) => schools.find((x) => x.code === code)!;
    const catalogue = await stack.prisma.indicator.findMany({
      where: { districtId: district.id, code: { in: ['TH_QUALITIES_GOOD', 'SWIM_CERT'] } },
    });
    // The approved results (A's second version, B's first), computed here independently.
    const results: Record<string, Record<string, number>> = {
      TH_QUALITIES_GOOD: { [A]: 99.7, [B]: 99.9 },
      SWIM_CERT: { [A]: 12.5, [B]: 12 },
    };
    const r3 = (n: number) => Math.round(n * 1000) / 1000;
    for (const ind of catalogue) {
      const got = res.body.indicators.find((i: { code: string }) => i.code === ind.code);
      const values = results[ind.code];
      const weight = (code: string) =>
        ind.weight === 'PUPILS' ? school(code).students : ind.weight === 'CLASSES' ? school(code).classes : 1;
      const expected =
        ind.rollup === 'COUNT'
          ? values[A] + values[B]
          : (values[A] * weight(A)! + values[B] * weight(B)!) / (weight(A)! + weight(B)!);
      const [phase] = got.district.results;
      expect(phase).toMatchObject({
        phaseIndex: 0,
        phaseName: PHASES[0].name,
        reporting: 2,
        min: Math.min(values[A], values[B]),
        median: r3((values[A] + values[B]) / 2),
        max: Math.max(values[A], values[B]),
        value: r3(expected),
      });
      const floor = got.target.min as number | null;
      expect(phase.meets).toBe(floor === null ? null : r3(expected) >= floor);
      // All five schools are primary schools of cluster I: the level's and the cluster's rows say the same.
      expect(got.levels.find((l: { level: string }) => l.level === 'PRIMARY').results[0].value).toBe(r3(expected));
      expect(got.clusters.find((c: { cluster: { code: string } }) => c.cluster.code === 'I').results[0].reporting).toBe(
        2,
      );
    }
    // Per school, the result beside the school's own approved target: A short of it (99,7 < 99,8), B above it.
    const quality = res.body.indicators.find((i: { code: string }) => i.code === 'TH_QUALITIES_GOOD');
    expect(quality.schoolResults).toHaveLength(1);
    expect(quality.schoolResults[0].total).toBe(2);
    expect(
      quality.schoolResults[0].schools.map((x: { code: string; target: number; result: number; meetsOwn: boolean }) => [
        x.code,
        x.target,
        x.result,
        x.meetsOwn,
      ]),
    ).toEqual([
      [A, 99.8, 99.7, false],
      [B, 99.6, 99.9, true],
    ]);
  });

  it('reminds the school whose self-assessment is late, and nobody whose is approved', async () => {
    const reminders = stack.worker!.get(RemindersService);
    for (const day of days('2031-03-03', '2031-03-20'))
      await reminders.sendDueReminders({ districtId: district.id, day });
    const sent = await stack.prisma.reminderSent.findMany({ where: { plan: { campaignId: childId } } });
    const byPlan = (id: string) =>
      sent
        .filter((r) => r.planId === id)
        .map((r) => `${r.day.toISOString().slice(0, 10)} ${r.rung} ${r.recipient}`)
        .sort();
    expect(byPlan(childPlan[A])).toEqual([]);
    expect(byPlan(childPlan[B])).toEqual([]);
    const late = byPlan(childPlan[C]);
    expect(late).toEqual(
      expect.arrayContaining([
        `2031-03-05 before-7 ${district.principal(C)}`,
        `2031-03-14 due ${district.principal(C)}`,
        `2031-03-17 after-1 ${district.principal(C)}`,
      ]),
    );
    const mails = await stack.prisma.emailLog.findMany({
      where: { districtId: district.id, template: 'REMINDER', to: district.principal(C) },
    });
    expect(mails.length).toBeGreaterThanOrEqual(3);
    // The board's read model counts it overdue.
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: childPlan[C] } });
    expect(plan.status).toBe('NOT_STARTED');
    expect(plan.deadlineInForce?.toISOString()).toBe(new Date(PHASE_DEADLINE).toISOString());
  });

  it('issues a report (báo cáo) from the same form: sections only, indicators optional, desk review', async () => {
    const res = await post(district.admin, '/api/campaigns', {
      ...campaignBody({
        key: `bao-cao-${unique}`,
        kind: 'REPORT',
        documentNumber: `15/BC-PGDĐT-${unique}`,
        title: 'Báo cáo sơ kết học kỳ I năm học 2030 - 2031',
        issuedOn: '2030-12-20',
        period: { from: '2030-09-01', to: '2031-01-15' },
        targetLevels: ['PRIMARY'],
        targetClusters: ['I'],
        requiredSections: ['purpose', 'tasks'],
        requiredIndicators: ['SWIM_CERT'],
        reviewMode: 'MEETING',
        submissionDeadline: '2031-12-19T17:00:00+07:00',
        signer: { email: district.admin, title: 'Trưởng phòng' },
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'REPORT', parentId: null, phaseIndex: null, reviewMode: 'DESK' });
    const id = res.body.id as string;
    await eventually(
      async () => (await stack.prisma.campaign.findUniqueOrThrow({ where: { id } })).plansOpenedAt ?? undefined,
      30_000,
      'the report plans to open',
    );
    const plan = await stack.prisma.plan.findFirstOrThrow({ where: { campaignId: id, school: { code: B } } });
    const form = await get(district.principal(B), `/api/plans/${plan.id}/form`);
    expect(form.body.kind).toBe('REPORT');
    expect(form.body.indicators.map((i: { code: string; required: boolean }) => [i.code, i.required])).toEqual([
      ['SWIM_CERT', false],
    ]);
    await put(district.principal(B), `/api/plans/${plan.id}/draft`, {
      sections: { purpose: 'Sơ kết học kỳ I.', tasks: 'Các nhiệm vụ trọng tâm học kỳ II.' },
      indicators: {},
    });
    const submitted = await post(district.principal(B), `/api/plans/${plan.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', versionNo: 1 });
    // A report has no phases to open.
    const phase = await post(district.admin, `/api/campaigns/${id}/phases/0/open`, {
      submissionDeadline: PHASE_DEADLINE,
    });
    expect(phase.status).toBe(400);
    expect(phase.body.message).toBe('Chỉ đợt xây dựng kế hoạch mới có giai đoạn để các trường tự đánh giá.');
  });
});
