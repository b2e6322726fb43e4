import { openThreadsForMail } from '@duyet/domain';
import { openCampaign } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

const DEPUTY = 'pho.phothong@kienxuong.example'; // primary and lower secondary
const SPECIALIST_I = 'chuyenvien1@kienxuong.example'; // cluster I
const SPECIALIST_II = 'chuyenvien2@kienxuong.example';
const PRESCHOOL_DEPUTY = 'pho.mamnon@kienxuong.example';
const ADMIN = 'truongphong@kienxuong.example';
const SCHOOL = 'th-thanh-tan'; // primary, cluster I
const PRINCIPAL = `hieutruong.${SCHOOL}@kienxuong.example`;
const STAFF = `phohieutruong.${SCHOOL}@kienxuong.example`;
const OTHER_PRINCIPAL = 'hieutruong.th-binh-minh@kienxuong.example';

// Our own campaign, so the other suites' plans and comments never meet ours.
const CAMPAIGN = {
  key: 'gop-y-2022',
  documentNumber: '77/KH-PGDĐT-GY',
  title: 'Kế hoạch thử nghiệm góp ý theo mục và chỉ tiêu, năm 2022',
  issuedOn: '2022-01-03',
  period: { from: '2022-01-01', to: '2022-12-31' },
  targetLevels: ['PRIMARY', 'PRESCHOOL'],
  targetClusters: ['I'],
  requiredSections: ['purpose', 'targets', 'tasks', 'organisation'],
  requiredIndicators: ['TH_QUALITIES_GOOD', 'SWIM_CERT'],
  submissionDeadline: '2022-01-28T17:00:00+07:00',
  signer: { email: ADMIN, title: 'Trưởng phòng' },
};

interface Thread {
  id: string;
  anchorType: string;
  anchorKey: string | null;
  anchorTitle: string;
  versionNo: number;
  carriedOver: boolean;
  open: boolean;
  resolved: { versionNo: number; by: { fullName: string } } | null;
  root: { id: string; body: string; author: { fullName: string; title: string } };
  replies: { id: string; body: string; parentId: string; author: { fullName: string; title: string } }[];
}

describe('review comments: anchored, threaded, carried across versions until resolved', () => {
  let stack: Stack;
  let campaignId: string;
  let planId: string;
  let sectionThread: string;
  let indicatorThread: string;
  const auth = async (email: string) => ({ authorization: `Bearer ${await stack.login(email)}` });
  const comments = (id = planId) => `/api/plans/${id}/comments`;
  const threadsAt = async (query: string, email = PRINCIPAL): Promise<Thread[]> => {
    const res = await stack
      .http()
      .get(`${comments()}${query}`)
      .set(await auth(email));
    expect(res.status).toBe(200);
    return res.body.threads;
  };
  // The submit path is someone else's: a new version is written here the way submitting leaves it.
  const freezeVersion = async (number: number) => {
    const principal = await stack.prisma.user.findUniqueOrThrow({ where: { email: PRINCIPAL } });
    await stack.prisma.planVersion.create({
      data: { planId, number, sections: {}, indicators: {}, submittedById: principal.id },
    });
    await stack.prisma.plan.update({ where: { id: planId }, data: { currentVersionNo: number, status: 'SUBMITTED' } });
  };

  beforeAll(async () => {
    stack = await startStack();
    campaignId = await openCampaign(stack, CAMPAIGN);
    planId = (await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: SCHOOL } } })).id;
    await freezeVersion(1);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lets reviewers in scope comment on a section and on an indicator of version 1, each with its audit event', async () => {
    const section = await stack
      .http()
      .post(comments())
      .set(await auth(DEPUTY))
      .send({ anchorType: 'SECTION', anchorKey: 'tasks', body: '  Giải pháp còn chung chung, cần nêu cụ thể.  ' });
    expect(section.status).toBe(201);
    expect(section.body).toMatchObject({
      planId,
      parentId: null,
      versionNo: 1,
      anchorType: 'SECTION',
      anchorKey: 'tasks',
      body: 'Giải pháp còn chung chung, cần nêu cụ thể.',
      author: { fullName: 'Nguyễn Anh Hà', title: 'Phó trưởng phòng' },
    });
    const indicator = await stack
      .http()
      .post(comments())
      .set(await auth(SPECIALIST_I))
      .send({ anchorType: 'INDICATOR', anchorKey: 'SWIM_CERT', body: 'Chỉ tiêu biết bơi thấp hơn mức của huyện.' });
    expect(indicator.status).toBe(201);
    sectionThread = section.body.id;
    indicatorThread = indicator.body.id;

    const rows = await stack.prisma.comment.findMany({ where: { planId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.id, r.versionNo, r.anchorType, r.anchorKey])).toEqual([
      [sectionThread, 1, 'SECTION', 'tasks'],
      [indicatorThread, 1, 'INDICATOR', 'SWIM_CERT'],
    ]);
    const events = await stack.prisma.auditEvent.findMany({
      where: { planId, type: 'COMMENT_ADDED' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => [e.campaignId, e.actorId, e.data])).toEqual([
      [
        campaignId,
        rows[0].authorId,
        { commentId: sectionThread, anchorType: 'SECTION', anchorKey: 'tasks', parentId: null },
      ],
      [
        campaignId,
        rows[1].authorId,
        { commentId: indicatorThread, anchorType: 'INDICATOR', anchorKey: 'SWIM_CERT', parentId: null },
      ],
    ]);
  });

  it('threads the principal’s answer and any reply to a reply under the first comment', async () => {
    const answer = await stack
      .http()
      .post(`${comments()}/${sectionThread}/replies`)
      .set(await auth(PRINCIPAL))
      .send({ body: 'Nhà trường sẽ bổ sung giải pháp theo từng tháng.' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ parentId: sectionThread, versionNo: 1, anchorKey: 'tasks' });

    const back = await stack
      .http()
      .post(`${comments()}/${answer.body.id}/replies`)
      .set(await auth(DEPUTY))
      .send({ body: 'Đồng ý, nêu rõ người phụ trách.' });
    expect(back.status).toBe(201);
    expect(back.body.parentId).toBe(sectionThread);

    const event = await stack.prisma.auditEvent.findFirstOrThrow({
      where: { planId, type: 'COMMENT_ADDED', data: { path: ['commentId'], equals: answer.body.id } },
    });
    expect(event.data).toEqual({
      commentId: answer.body.id,
      anchorType: 'SECTION',
      anchorKey: 'tasks',
      parentId: sectionThread,
    });

    const [thread] = await threadsAt('');
    expect(thread.replies.map((r) => [r.body, r.author.fullName, r.author.title])).toEqual([
      ['Nhà trường sẽ bổ sung giải pháp theo từng tháng.', 'Đinh Anh Nam', 'Hiệu trưởng'],
      ['Đồng ý, nêu rõ người phụ trách.', 'Nguyễn Anh Hà', 'Phó trưởng phòng'],
    ]);
  });

  it('refuses school staff a reply with 403 and the reason, and writes nothing', async () => {
    const before = await stack.prisma.comment.count({ where: { planId } });
    const res = await stack
      .http()
      .post(`${comments()}/${sectionThread}/replies`)
      .set(await auth(STAFF))
      .send({ body: 'Tổ chuyên môn xin trả lời thay.' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(
      'Chỉ hiệu trưởng trả lời ý kiến của người duyệt; cán bộ, giáo viên của trường chỉ được xem.',
    );
    expect(await stack.prisma.comment.count({ where: { planId } })).toBe(before);
    // Staff still read the plan's comments.
    expect(await threadsAt('', STAFF)).toHaveLength(2);
  });

  it('gives 403 outside the scope: reviewers of another cluster or level, a principal of another school', async () => {
    for (const email of [SPECIALIST_II, PRESCHOOL_DEPUTY]) {
      const res = await stack
        .http()
        .post(comments())
        .set(await auth(email))
        .send({ anchorType: 'GENERAL', body: 'Ý kiến ngoài phạm vi.' });
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Bạn không có quyền xem kế hoạch của trường này.');
    }
    const read = await stack
      .http()
      .get(comments())
      .set(await auth(OTHER_PRINCIPAL));
    expect(read.status).toBe(403);
    expect(read.body.message).toBe('Bạn không có quyền xem kế hoạch của trường này.');
    const principalComment = await stack
      .http()
      .post(comments())
      .set(await auth(PRINCIPAL))
      .send({ anchorType: 'GENERAL', body: 'Hiệu trưởng không mở luồng ý kiến.' });
    expect(principalComment.status).toBe(403);
    expect(await stack.prisma.comment.count({ where: { planId } })).toBe(4);
  });

  it('answers 400 with a Vietnamese reason for an anchor the campaign or the catalogue does not have', async () => {
    const post = async (body: object) =>
      stack
        .http()
        .post(comments())
        .set(await auth(DEPUTY))
        .send(body);
    const section = await post({ anchorType: 'SECTION', anchorKey: 'budget', body: 'Thiếu dự toán.' });
    expect(section.status).toBe(400);
    expect(section.body.message).toBe(
      'Mục "budget" không có trong kế hoạch của đợt này. Các mục: purpose, targets, tasks, organisation.',
    );
    expect(section.body.errors).toEqual([{ field: 'anchorKey', message: section.body.message }]);

    const level = await post({ anchorType: 'INDICATOR', anchorKey: 'MN_STUNTING', body: 'Sai cấp.' });
    expect(level.status).toBe(400);
    expect(level.body.message).toBe(
      'Chỉ tiêu "MN_STUNTING" (Tỷ lệ trẻ thấp còi, nhẹ cân) dành cho cấp mầm non, không áp dụng cho trường cấp tiểu học.',
    );
    const unknown = await post({ anchorType: 'INDICATOR', anchorKey: 'NO_SUCH', body: 'Không có.' });
    expect(unknown.body.message).toBe('Chỉ tiêu "NO_SUCH" không có trong danh mục chỉ tiêu của huyện.');

    const missingKey = await post({ anchorType: 'SECTION', body: 'Mục nào?' });
    expect(missingKey.status).toBe(400);
    expect(missingKey.body.errors).toEqual([
      { field: 'anchorKey', message: 'Cần nêu mã mục của kế hoạch (anchorKey)' },
    ]);
    const blank = await post({ anchorType: 'GENERAL', body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ field: 'body', message: 'Nội dung ý kiến không được để trống' }]);
    const long = await post({ anchorType: 'GENERAL', body: 'x'.repeat(10_001) });
    expect(long.body.errors).toEqual([{ field: 'body', message: 'Nội dung ý kiến tối đa 10.000 ký tự' }]);
    expect(await stack.prisma.comment.count({ where: { planId } })).toBe(4);
  });

  it('carries both open threads to version 2, and still shows version 1 as it was', async () => {
    await freezeVersion(2);
    const v2 = await threadsAt('');
    expect(v2.map((t) => [t.id, t.anchorTitle, t.versionNo, t.carriedOver, t.open])).toEqual([
      [sectionThread, 'Nội dung, nhiệm vụ và giải pháp', 1, true, true],
      [indicatorThread, 'Tỷ lệ HS được cấp chứng chỉ biết bơi', 1, true, true],
    ]);
    const v1 = await threadsAt('?version=1');
    expect(v1.map((t) => [t.id, t.carriedOver, t.open])).toEqual([
      [sectionThread, false, true],
      [indicatorThread, false, true],
    ]);
    const future = await stack
      .http()
      .get(`${comments()}?version=9`)
      .set(await auth(PRINCIPAL));
    expect(future.status).toBe(404);
    expect(future.body.message).toBe('Kế hoạch chưa có lần nộp thứ 9.');
  });

  it('resolves a thread once, refuses replies to it, and stops carrying it from the next version', async () => {
    const resolve = async () =>
      stack
        .http()
        .post(`${comments()}/${sectionThread}/resolve`)
        .set(await auth(DEPUTY));
    const first = await resolve();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: sectionThread, open: false, resolved: { versionNo: 2 } });
    expect(first.body.replies).toHaveLength(2);
    const again = await resolve();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const row = await stack.prisma.comment.findUniqueOrThrow({ where: { id: sectionThread } });
    expect(row.resolvedInVersionNo).toBe(2);
    const resolved = await stack.prisma.auditEvent.findMany({ where: { planId, type: 'COMMENT_RESOLVED' } });
    expect(resolved.map((e) => [e.actorId, e.campaignId, e.data])).toEqual([
      [row.resolvedById, campaignId, { commentId: sectionThread, versionNo: 2 }],
    ]);

    const late = await stack
      .http()
      .post(`${comments()}/${sectionThread}/replies`)
      .set(await auth(PRINCIPAL))
      .send({ body: 'Thêm một ý.' });
    expect(late.status).toBe(409);

    expect((await threadsAt('')).map((t) => [t.id, t.open])).toEqual([
      [sectionThread, false],
      [indicatorThread, true],
    ]);
    expect((await threadsAt('?open=true')).map((t) => t.id)).toEqual([indicatorThread]);

    await freezeVersion(3);
    const v3 = await threadsAt('');
    expect(v3.map((t) => [t.id, t.carriedOver, t.open])).toEqual([[indicatorThread, true, true]]);
  });

  it('hands the open threads, titled, to the "returned for revision" e-mail', async () => {
    const open = await stack.prisma.$transaction((tx) => openThreadsForMail(tx, planId));
    expect(open).toEqual([
      {
        id: indicatorThread,
        anchorType: 'INDICATOR',
        anchorKey: 'SWIM_CERT',
        anchorTitle: 'Tỷ lệ HS được cấp chứng chỉ biết bơi',
        versionNo: 1,
        body: 'Chỉ tiêu biết bơi thấp hơn mức của huyện.',
        authorName: expect.any(String),
      },
    ]);
  });

  it('writes one comment and one audit event when the same request is retried', async () => {
    const headers = { ...(await auth(ADMIN)), 'Idempotency-Key': `comment-${planId}-general` };
    const send = () =>
      stack.http().post(comments()).set(headers).send({ anchorType: 'GENERAL', body: 'Cần ký, đóng dấu bản giấy.' });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    for (const res of [a, b, c]) {
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: a.body.id, versionNo: 3, anchorType: 'GENERAL', anchorKey: null });
    }
    expect(await stack.prisma.comment.count({ where: { planId, anchorType: 'GENERAL' } })).toBe(1);
    const events = await stack.prisma.auditEvent.findMany({
      where: { planId, type: 'COMMENT_ADDED', data: { path: ['commentId'], equals: a.body.id } },
    });
    expect(events).toHaveLength(1);
  });

  it('refuses new comments with 409 once the school is exempted', async () => {
    const other = await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: 'th-binh-minh' } } });
    await stack.prisma.plan.update({ where: { id: other.id }, data: { status: 'EXEMPTED' } });
    const res = await stack
      .http()
      .post(comments(other.id))
      .set(await auth(DEPUTY))
      .send({ anchorType: 'GENERAL', body: 'Muộn rồi.' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('Kế hoạch được miễn, không thể ghi thêm ý kiến.');
    expect(await stack.prisma.comment.count({ where: { planId: other.id } })).toBe(0);
  });
});
