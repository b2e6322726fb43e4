import { openCampaign } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

const ADMIN = 'truongphong@kienxuong.example';
const DEPUTY = 'pho.phothong@kienxuong.example'; // primary and lower secondary
const principal = (school: string) => `hieutruong.${school}@kienxuong.example`;

// Our own campaign, so the other suites' plans never meet ours. Like the sample's nam-2022: several levels,
// required indicators of each.
const CAMPAIGN = {
  key: 'noi-dung-2022',
  documentNumber: '901/KH-PGDĐT-ND',
  title: 'Kế hoạch thử nghiệm kiểm tra nội dung và so sánh các lần nộp, năm 2022',
  issuedOn: '2022-01-03',
  period: { from: '2022-01-01', to: '2022-12-31' },
  targetLevels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
  targetClusters: ['I'],
  requiredSections: ['purpose', 'targets', 'tasks', 'organisation'],
  requiredIndicators: ['MN_ENROL_KINDER', 'TH_QUALITIES_GOOD', 'THCS_ACADEMIC_GOOD', 'SWIM_CERT'],
  submissionDeadline: '2022-01-28T17:00:00+07:00',
  signer: { email: ADMIN, title: 'Trưởng phòng' },
};

const SECTIONS = {
  purpose: 'Nâng cao chất lượng giáo dục toàn diện, đáp ứng yêu cầu đổi mới.',
  targets: 'Duy trì tỷ lệ học sinh hoàn thành chương trình lớp học trên 99%.',
  tasks: 'Đổi mới phương pháp dạy học; bồi dưỡng đội ngũ; tăng cường cơ sở vật chất.',
  organisation: 'Hiệu trưởng chỉ đạo chung; các tổ chuyên môn triển khai theo tháng.',
};

describe('plan content: validation against the campaign, and the difference between versions', () => {
  let stack: Stack;
  let campaignId: string;
  const planOf = async (school: string): Promise<string> =>
    (await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: school } } })).id;
  const auth = async (email: string) => ({ authorization: `Bearer ${await stack.login(email)}` });
  const saveDraft = async (school: string, draft: object) => {
    const res = await stack
      .http()
      .put(`/api/plans/${await planOf(school)}/draft`)
      .set(await auth(principal(school)))
      .send(draft);
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    stack = await startStack();
    campaignId = await openCampaign(stack, CAMPAIGN);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the principal the blocking errors of a draft, in Vietnamese, naming the section and the indicator', async () => {
    const school = 'th-thanh-tan';
    const { tasks: _tasks, ...withoutTasks } = SECTIONS;
    await saveDraft(school, {
      sections: withoutTasks,
      indicators: { TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.8 }, SWIM_CERT: { baseline: 10, target: 120 } },
    });
    const planId = await planOf(school);

    const res = await stack
      .http()
      .get(`/api/plans/${planId}/validation`)
      .set(await auth(principal(school)));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: false,
      errors: [
        {
          field: 'sections.tasks',
          code: 'SECTION_REQUIRED',
          message: 'Mục "Nội dung, nhiệm vụ và giải pháp" là mục bắt buộc nhưng chưa có nội dung.',
        },
        {
          field: 'indicators.SWIM_CERT.target',
          code: 'PERCENT_OUT_OF_RANGE',
          message: 'Chỉ tiêu "Tỷ lệ HS được cấp chứng chỉ biết bơi": mục tiêu 120% nằm ngoài khoảng 0% - 100%.',
        },
      ],
      warnings: [],
    });
    // Asking changes nothing: the draft stays as saved and the plan stays in drafting.
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan.status).toBe('DRAFTING');
    expect(plan.draft).toMatchObject({ indicators: { SWIM_CERT: { target: 120 } } });
  });

  it("answers a reviewer in scope, and refuses another school's principal with 403", async () => {
    const planId = await planOf('th-thanh-tan');
    const reviewer = await stack
      .http()
      .get(`/api/plans/${planId}/validation`)
      .set(await auth(DEPUTY));
    expect(reviewer.status).toBe(200);
    expect(reviewer.body.ok).toBe(false);

    const other = await stack
      .http()
      .get(`/api/plans/${planId}/validation`)
      .set(await auth(principal('th-binh-dinh')));
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('Bạn không có quyền xem kế hoạch của trường này.');
  });

  it("gives only a warning for a target below the district's, and keeps a range target as min and max", async () => {
    const school = 'thcs-binh-dinh';
    await saveDraft(school, {
      sections: SECTIONS,
      indicators: {
        THCS_ACADEMIC_GOOD: { baseline: 78, target: '75,5' },
        SWIM_CERT: { baseline: 10, target: '15% - 20%' },
        HSG_CITY_PRIZES: { baseline: 38, target: '40 - 60' },
      },
    });
    const planId = await planOf(school);

    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan.draft).toEqual({
      sections: SECTIONS,
      indicators: {
        THCS_ACADEMIC_GOOD: { baseline: 78, target: 75.5 },
        SWIM_CERT: { baseline: 10, target: 15, targetMax: 20 },
        HSG_CITY_PRIZES: { baseline: 38, target: 40, targetMax: 60 },
      },
    });

    const res = await stack
      .http()
      .get(`/api/plans/${planId}/validation`)
      .set(await auth(principal(school)));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      errors: [],
      warnings: [
        {
          field: 'indicators.THCS_ACADEMIC_GOOD.target',
          code: 'BELOW_DISTRICT_TARGET',
          message:
            'Chỉ tiêu "Xếp loại học lực Giỏi, Khá": mục tiêu của trường (75,5%) thấp hơn mức tối thiểu của huyện (80,3%).',
        },
      ],
    });
  });

  it('refuses a target it cannot read with 400 naming the field', async () => {
    const school = 'thcs-binh-dinh';
    const res = await stack
      .http()
      .put(`/api/plans/${await planOf(school)}/draft`)
      .set(await auth(principal(school)))
      .send({ sections: SECTIONS, indicators: { SWIM_CERT: { target: 'khoảng mười lăm' } } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'indicators.SWIM_CERT.target',
        message:
          'Không đọc được mục tiêu "khoảng mười lăm": nhập một số (ví dụ 98,5) hoặc một khoảng (ví dụ 40 - 60, 12% - 15%)',
      },
    ]);
  });

  describe('diff', () => {
    const school = 'th-binh-dinh';
    let planId: string;

    beforeAll(async () => {
      planId = await planOf(school);
      const submittedById = (await stack.prisma.user.findUniqueOrThrow({ where: { email: principal(school) } })).id;
      const file = (id: string, fileName: string) => ({
        id,
        fileName,
        mimeType: 'application/pdf',
        size: 2048,
        sha256: 'ab'.repeat(32),
      });
      // Written directly: the submit path is not what this suite is about.
      await stack.prisma.planVersion.create({
        data: {
          planId,
          number: 1,
          submittedById,
          sections: { ...SECTIONS, tasks: 'Đổi mới phương pháp dạy học.' },
          indicators: { TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.6 }, SWIM_CERT: { baseline: 10, target: 15 } },
          attachments: [file('00000000-0000-4000-8000-000000000001', 'ke-hoach-lan-1.pdf')],
        },
      });
      await stack.prisma.planVersion.create({
        data: {
          planId,
          number: 2,
          submittedById,
          sections: { ...SECTIONS, proposals: 'Đề nghị bổ sung phòng học bộ môn.' },
          indicators: {
            TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.8 },
            SWIM_CERT: { baseline: 10, target: 15 },
            STUDENTS: { baseline: 480, target: 500 },
          },
          attachments: [file('00000000-0000-4000-8000-000000000002', 'ke-hoach-lan-2.pdf')],
        },
      });
    });

    it('compares two versions section by section, word by word, indicator by indicator', async () => {
      const res = await stack
        .http()
        .get(`/api/plans/${planId}/diff?from=1&to=2`)
        .set(await auth(DEPUTY));
      expect(res.status).toBe(200);
      expect(res.body.from).toEqual({ number: 1, savedAt: expect.any(String) });
      expect(res.body.to).toEqual({ number: 2, savedAt: expect.any(String) });
      expect(res.body.sections.map((s: { key: string; change: string }) => [s.key, s.change])).toEqual([
        ['purpose', 'UNCHANGED'],
        ['targets', 'UNCHANGED'],
        ['tasks', 'CHANGED'],
        ['organisation', 'UNCHANGED'],
        ['proposals', 'ADDED'],
      ]);
      const tasks = res.body.sections[2];
      expect(tasks).toMatchObject({
        title: 'Nội dung, nhiệm vụ và giải pháp',
        before: 'Đổi mới phương pháp dạy học.',
        after: SECTIONS.tasks,
      });
      expect(tasks.parts).toEqual([
        { change: 'UNCHANGED', text: 'Đổi mới phương pháp dạy học' },
        { change: 'ADDED', text: '; bồi dưỡng đội ngũ; tăng cường cơ sở vật chất' },
        { change: 'UNCHANGED', text: '.' },
      ]);
      // An optional section the campaign does not list still gets its catalogue title.
      expect(res.body.sections[4]).toMatchObject({ title: 'Đề xuất, kiến nghị', before: null });
      expect(res.body.indicators).toEqual([
        {
          code: 'TH_QUALITIES_GOOD',
          label: 'Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực',
          change: 'CHANGED',
          before: { baseline: 99.5, target: 99.6, targetMax: null },
          after: { baseline: 99.5, target: 99.8, targetMax: null },
        },
        {
          code: 'STUDENTS',
          label: 'Số học sinh',
          change: 'ADDED',
          before: null,
          after: { baseline: 480, target: 500, targetMax: null },
        },
        {
          code: 'SWIM_CERT',
          label: 'Tỷ lệ HS được cấp chứng chỉ biết bơi',
          change: 'UNCHANGED',
          before: { baseline: 10, target: 15, targetMax: null },
          after: { baseline: 10, target: 15, targetMax: null },
        },
      ]);
      expect(res.body.attachments).toEqual([
        { id: '00000000-0000-4000-8000-000000000001', fileName: 'ke-hoach-lan-1.pdf', change: 'REMOVED' },
        { id: '00000000-0000-4000-8000-000000000002', fileName: 'ke-hoach-lan-2.pdf', change: 'ADDED' },
      ]);
    });

    it('compares a version with the draft', async () => {
      await saveDraft(school, {
        sections: { ...SECTIONS, organisation: 'Hiệu trưởng chỉ đạo chung; phó hiệu trưởng phụ trách chuyên môn.' },
        indicators: {
          TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.8 },
          SWIM_CERT: { baseline: 10, target: '15 - 18' },
        },
      });
      const res = await stack
        .http()
        .get(`/api/plans/${planId}/diff?from=2&to=draft`)
        .set(await auth(principal(school)));
      expect(res.status).toBe(200);
      expect(res.body.to).toEqual({ number: 'draft', savedAt: expect.any(String) });
      expect(res.body.sections.map((s: { key: string; change: string }) => [s.key, s.change])).toEqual([
        ['purpose', 'UNCHANGED'],
        ['targets', 'UNCHANGED'],
        ['tasks', 'UNCHANGED'],
        ['organisation', 'CHANGED'],
        ['proposals', 'REMOVED'],
      ]);
      expect(res.body.indicators.map((i: { code: string; change: string }) => [i.code, i.change])).toEqual([
        ['TH_QUALITIES_GOOD', 'UNCHANGED'],
        ['STUDENTS', 'REMOVED'],
        ['SWIM_CERT', 'CHANGED'],
      ]);
      expect(res.body.indicators[2].after).toEqual({ baseline: 10, target: 15, targetMax: 18 });
    });

    it('answers 404 in Vietnamese for a version that does not exist, and 400 for from/to that are not numbers', async () => {
      const headers = await auth(principal(school));
      const missing = await stack.http().get(`/api/plans/${planId}/diff?from=1&to=5`).set(headers);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: 'Kế hoạch chưa có lần nộp thứ 5.' });

      const badFrom = await stack.http().get(`/api/plans/${planId}/diff?from=abc&to=2`).set(headers);
      expect(badFrom.status).toBe(400);
      expect(badFrom.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);

      const badTo = await stack.http().get(`/api/plans/${planId}/diff?from=1&to=latest`).set(headers);
      expect(badTo.status).toBe(400);
      expect(badTo.body.errors).toEqual([
        { field: 'to', message: 'to phải là số thứ tự lần nộp (1, 2, …) hoặc "draft" (bản nháp)' },
      ]);

      const noFrom = await stack.http().get(`/api/plans/${planId}/diff?to=2`).set(headers);
      expect(noFrom.status).toBe(400);
      expect(noFrom.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);
    });
  });
});
