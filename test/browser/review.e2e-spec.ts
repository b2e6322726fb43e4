import type { Page } from 'playwright-core';
import { PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { eventually } from '../support/stack';

// The reviewer's side in Chromium against the real stack: the queue (filters in the address, counts, bulk
// decisions), a plan reviewed with anchored comments, a revision deadline and a return, the principal's revision in
// a second browser, the approval; two-level approval with the specialist's recommendation and the deputy's decision
// signed "KT.". Each decision is checked where it is recorded: the database.

const DEPUTY = 'pho.phothong@kienxuong.example'; // deputy head, primary and lower secondary
const SPECIALIST_III = 'chuyenvien3@kienxuong.example'; // specialist, cluster III
const KT = 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG';

const REVIEWED = 'th-hong-tien';
const NEXT = 'th-quang-binh';
const BULK = ['th-an-binh', 'th-vu-le', 'th-vu-ninh'];
const DECIDED_MEANWHILE = 'th-vu-le';
const TWO_LEVEL = 'th-vu-an'; // primary, cluster III

const TASKS = 'Nội dung, nhiệm vụ và giải pháp';
const SWIM = 'Tỷ lệ HS được cấp chứng chỉ biết bơi';
const TASKS_COMMENT = 'Nhiệm vụ còn chung chung, cần giải pháp cụ thể theo từng tháng.';
const SWIM_COMMENT = 'Chỉ tiêu biết bơi nên nâng lên 20% (kế hoạch năm trước đạt 18%).';
const RETURN_COMMENT = 'Đề nghị nhà trường tiếp thu các góp ý và nộp lại.';
const REVISED_TASKS = 'Đổi mới phương pháp dạy học theo nhóm; bồi dưỡng đội ngũ hằng tháng; tăng cường cơ sở vật chất.';
const BULK_COMMENT = 'Đề nghị bổ sung bản ký có đóng dấu.';

// Each test walks several pages in two browsers: on a loaded 2-core machine that takes more than the default minute.
jest.setTimeout(180_000);

describe('reviewing plans, in the browser', () => {
  let web: BrowserStack;
  let single: string;
  let twoLevel: string;
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};

  const call = async (email: string, method: 'post' | 'put', url: string, body: object = {}) => {
    const http = web.stack.http();
    const res = await (method === 'post' ? http.post(url) : http.put(url))
      .set(await bearer(web.stack, email))
      .send(body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const submit = async (school: string) => {
    await call(principal(school), 'put', `/api/plans/${ids[school]}/draft`, PRIMARY_DRAFT);
    await call(principal(school), 'post', `/api/plans/${ids[school]}/submit`);
  };
  const signedIn = async (email: string, path: string, viewport = { width: 1366, height: 768 }) => {
    const page = await web.newPage({ viewport });
    await page.goto(path);
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, email);
    return page;
  };
  /** What the page shows once a read it started settles (the list is re-read after each filter or decision). */
  const settles = async (read: () => Promise<unknown>, expected: unknown) => {
    for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      if (JSON.stringify(await read()) === JSON.stringify(expected)) return;
    }
    expect(await read()).toEqual(expected);
  };
  const noSidewaysScroll = (page: Page) =>
    expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );

  beforeAll(async () => {
    web = await startBrowserStack();
    single = await openCampaign(web.stack, {
      key: 'duyet-mot-cap-2027',
      documentNumber: '52/KH-PGDĐT',
      title: 'Kế hoạch giáo dục nhà trường năm học 2027 - 2028',
      targetLevels: ['PRIMARY'],
      targetClusters: ['II'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    twoLevel = await openCampaign(web.stack, {
      key: 'duyet-hai-cap-2027',
      documentNumber: '53/KH-PGDĐT',
      title: 'Kế hoạch phát triển giáo dục giai đoạn 2027 - 2030',
      targetLevels: ['PRIMARY'],
      targetClusters: ['III'],
      approvalLevels: 2,
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    for (const school of [REVIEWED, NEXT, ...BULK]) ids[school] = await planIdOf(web.stack, single, school);
    ids[TWO_LEVEL] = await planIdOf(web.stack, twoLevel, TWO_LEVEL);
    for (const school of Object.keys(ids)) {
      names[school] = (await web.stack.prisma.school.findFirstOrThrow({ where: { code: school } })).name;
      await submit(school);
    }
    // One plan of the queue is already past its review due date.
    await web.stack.prisma.plan.update({
      where: { id: ids['th-vu-ninh'] },
      data: { reviewDueAt: new Date('2026-01-05T10:00:00Z') },
    });
  });

  afterAll(async () => {
    await web?.close();
  });

  it('returns a plan with two anchored comments and a revision deadline, and approves its revision', async () => {
    // A shared link to the queue of one campaign (other campaigns may wait in the same scope).
    const page = await signedIn(DEPUTY, `/queue?campaignId=${single}`);
    await page.getByRole('heading', { name: 'Hàng chờ duyệt', level: 1 }).waitFor();
    const table = page.getByRole('region', { name: 'Kế hoạch đang chờ duyệt' });
    await table.getByRole('link', { name: names[REVIEWED] }).waitFor();
    await expect(page.getByLabel('Đợt kế hoạch').inputValue()).resolves.toBe(single);

    // The filters keep their state in the address, with the count of each choice.
    const overdue = page.getByLabel('Hạn duyệt');
    await expect(overdue.locator('option').allInnerTexts()).resolves.toEqual([
      'Tất cả (5)',
      'Còn hạn (4)',
      'Quá hạn duyệt (1)',
    ]);
    await overdue.selectOption('true');
    await page.waitForURL((url) => url.searchParams.get('overdue') === 'true');
    await settles(() => table.getByRole('link').allInnerTexts(), [names['th-vu-ninh']]);
    await page.reload();
    await expect(page.getByLabel('Hạn duyệt').inputValue()).resolves.toBe('true');
    await expect(page.getByLabel('Đợt kế hoạch').inputValue()).resolves.toBe(single);
    await table.getByText('Quá hạn', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.getByLabel('Đợt kế hoạch').selectOption(single);
    await page.waitForURL((url) => url.searchParams.get('campaignId') === single);
    // Most urgent first (the overdue one), then by school at the same due date.
    const order = ['th-vu-ninh', 'th-an-binh', REVIEWED, NEXT, 'th-vu-le'];
    await settles(
      () => table.getByRole('link').allInnerTexts(),
      order.map((x) => names[x]),
    );
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-queue', ['.queue-filters']);

    // From the queue to a plan, and on through the queue by keyboard, keeping its filter.
    await table.getByRole('link', { name: names[REVIEWED] }).click();
    await page.waitForURL((url) => url.pathname === `/plans/${ids[REVIEWED]}`);
    const nav = page.getByRole('navigation', { name: 'Đi trong hàng chờ duyệt' });
    await nav.getByText('Kế hoạch 3/5 trong hàng chờ').waitFor();
    await page.getByRole('heading', { name: 'Xét duyệt', level: 2 }).waitFor();
    await page.keyboard.press('j');
    await page.waitForURL(
      (url) => url.pathname === `/plans/${ids[NEXT]}` && url.searchParams.get('campaignId') === single,
    );
    await nav.getByText('Kế hoạch 4/5 trong hàng chờ').waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Đã mở kế hoạch của' }).innerText()).resolves.toBe(
      `Đã mở kế hoạch của ${names[NEXT]}, 4/5 trong hàng chờ`,
    );
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForURL((url) => url.pathname === `/plans/${ids[REVIEWED]}`);
    await nav.getByRole('button', { name: 'Kế hoạch sau' }).click();
    await page.waitForURL((url) => url.pathname === `/plans/${ids[NEXT]}`);
    await nav.getByRole('button', { name: 'Kế hoạch trước' }).click();
    await page.waitForURL((url) => url.pathname === `/plans/${ids[REVIEWED]}`);
    await nav.getByText('Kế hoạch 3/5 trong hàng chờ').waitFor();

    // Two comments, one on a section and one on an indicator.
    const comments = page.getByRole('complementary', { name: 'Góp ý của Phòng GD&ĐT' });
    const addComment = async (anchor: string, body: string) => {
      await comments.getByLabel('Góp ý về').selectOption({ label: anchor });
      // Typed key by key: a "k" in the text is a letter, not a move to the previous plan.
      await comments.getByLabel('Nội dung góp ý').pressSequentially(body);
      await comments.getByRole('button', { name: 'Gửi góp ý' }).click();
      await comments.getByText(body).waitFor();
      // Sent, the box is empty for the next remark.
      await eventually(
        async () => ((await comments.getByLabel('Nội dung góp ý').inputValue()) === '' ? true : undefined),
        10_000,
        'the comment box to empty',
      );
    };
    await addComment(`Mục: ${TASKS}`, TASKS_COMMENT);
    await addComment(`Chỉ tiêu: ${SWIM}`, SWIM_COMMENT);
    expect(new URL(page.url()).pathname).toBe(`/plans/${ids[REVIEWED]}`);
    await comments.getByText('2 góp ý cần trả lời hoặc chỉnh sửa').waitFor();

    // Returned with a comment and the revision deadline the campaign's rule gives (a working day, shown picked).
    const review = page.locator('.review-panel');
    await review.getByText(`Danh nghĩa ký sẽ được ghi: ${KT}`).waitFor();
    const context = (
      await web.stack
        .http()
        .get(`/api/plans/${ids[REVIEWED]}/decision-context`)
        .set(await bearer(web.stack, DEPUTY))
    ).body;
    const deadline = review.getByLabel('Hạn nộp lại (khi trả lại)');
    const shown = await deadline.inputValue();
    expect(shown).toBe(
      new Date(context.defaultRevisionDeadline).toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }),
    );
    await review.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click();
    await review.getByText('Cần ghi ý kiến để nhà trường chỉnh sửa').waitFor();
    await review.getByLabel('Ý kiến').fill(RETURN_COMMENT);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-plan', ['.review-panel', '.plan-comments', '.queue-nav']);
    await review.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click();
    await review.getByText('Kế hoạch không ở trạng thái chờ duyệt').waitFor();

    const returned = await web.stack.prisma.decision.findFirstOrThrow({ where: { planId: ids[REVIEWED] } });
    expect(returned).toMatchObject({ kind: 'RETURN', final: true, capacity: KT, comment: RETURN_COMMENT });
    expect(returned.revisionDeadline?.toISOString()).toBe(context.defaultRevisionDeadline);
    const stored = await web.stack.prisma.comment.findMany({
      where: { planId: ids[REVIEWED] },
      orderBy: { createdAt: 'asc' },
    });
    expect(stored.map((c) => [c.anchorType, c.anchorKey, c.body])).toEqual([
      ['SECTION', 'tasks', TASKS_COMMENT],
      ['INDICATOR', 'SWIM_CERT', SWIM_COMMENT],
    ]);

    // The principal, in a browser of their own, sees both comments, revises and resubmits.
    const school = await signedIn(principal(REVIEWED), `/plans/${ids[REVIEWED]}`);
    const theirs = school.getByRole('complementary', { name: 'Góp ý của Phòng GD&ĐT' });
    await theirs
      .getByRole('region', { name: `Mục: ${TASKS}` })
      .getByText(TASKS_COMMENT)
      .waitFor();
    await theirs
      .getByRole('region', { name: `Chỉ tiêu: ${SWIM}` })
      .getByText(SWIM_COMMENT)
      .waitFor();
    await expect(theirs.getByRole('button', { name: /Đánh dấu đã giải quyết/ }).count()).resolves.toBe(0);
    await school.getByRole('textbox', { name: new RegExp(`^${TASKS}`) }).fill(REVISED_TASKS);
    await school.getByLabel(`Mục tiêu: ${SWIM}`).fill('20');
    await school
      .getByRole('status')
      .filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })
      .waitFor();
    await school.getByRole('button', { name: 'Nộp lại kế hoạch' }).click();
    await school
      .getByRole('dialog', { name: 'Nộp kế hoạch cho Phòng GD&ĐT?' })
      .getByRole('button', { name: 'Nộp' })
      .click();
    await school.getByText('Đã nộp', { exact: true }).waitFor();

    // Back to the reviewer: what changed since version 1 inline, the comment carried over, then the approval.
    await page.reload();
    const changes = page.locator('.review-changes');
    await changes.getByRole('heading', { name: 'Thay đổi so với lần nộp thứ 1' }).waitFor();
    await changes.getByText('Lần nộp thứ 1 là lần bạn xét gần nhất.').waitFor();
    await changes.locator('ins', { hasText: 'theo nhóm' }).waitFor();
    await comments.getByText('chưa giải quyết từ lần nộp trước').first().waitFor();
    await comments
      .getByRole('region', { name: `Mục: ${TASKS}` })
      .getByRole('button', { name: /Đánh dấu đã giải quyết/ })
      .click();
    await comments.getByText('1 góp ý cần trả lời hoặc chỉnh sửa').waitFor();
    await review.getByText('Đang xét lần nộp thứ 2').waitFor();
    await review
      .getByRole('group', { name: 'Khoa học, đầy đủ nội dung' })
      .getByRole('radio', { name: 'Đạt', exact: true })
      .check();
    await review.getByRole('group', { name: 'Giải pháp khả thi' }).getByRole('radio', { name: 'Đạt một phần' }).check();
    await review.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Phê duyệt kế hoạch này?' });
    await confirm.getByText(KT).waitFor();
    await confirm.getByRole('button', { name: 'Đồng ý' }).click();
    await review.getByText('Kế hoạch không ở trạng thái chờ duyệt').waitFor();
    await page.getByText('Đã phê duyệt', { exact: true }).first().waitFor();

    const plan = await web.stack.prisma.plan.findUniqueOrThrow({ where: { id: ids[REVIEWED] } });
    expect(plan).toMatchObject({ status: 'APPROVED', currentVersionNo: 2 });
    const approved = await web.stack.prisma.decision.findFirstOrThrow({
      where: { planId: ids[REVIEWED], kind: 'APPROVE' },
      include: { version: true, decidedBy: true },
    });
    expect(approved).toMatchObject({ final: true, capacity: KT, supersedesId: returned.id });
    expect(approved.version.number).toBe(2);
    expect(approved.decidedBy.email).toBe(DEPUTY);
    expect(approved.rubric).toEqual({ COMPLETE: { rating: 'MET' }, FEASIBLE: { rating: 'PARTLY' } });
    const resolved = await web.stack.prisma.comment.findFirstOrThrow({ where: { body: TASKS_COMMENT } });
    expect(resolved.resolvedAt).not.toBeNull();
  });

  it('returns several plans with one shared comment, showing the one refused and why; the queue fits a phone', async () => {
    const page = await signedIn(DEPUTY, `/queue?campaignId=${single}`, { width: 390, height: 844 });
    const table = page.getByRole('region', { name: 'Kế hoạch đang chờ duyệt' });
    await table.getByRole('link', { name: names[BULK[0]] }).waitFor();
    await noSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-queue-phone', ['.queue-table-wrap']);
    await page.setViewportSize({ width: 1366, height: 768 });

    for (const school of BULK) await table.getByLabel(`Chọn ${names[school]}`).check();
    const bar = page.getByRole('region', { name: 'Đã chọn 3 kế hoạch' });
    // Meanwhile another reviewer decides one of them.
    await call(DEPUTY, 'post', `/api/plans/${ids[DECIDED_MEANWHILE]}/approve`);

    await bar.getByRole('button', { name: 'Trả lại các kế hoạch đã chọn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại 3 kế hoạch để chỉnh sửa' });
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Cần ghi ý kiến để nhà trường chỉnh sửa').waitFor();
    await dialog.getByLabel('Ý kiến chung').fill(BULK_COMMENT);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-bulk-dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();

    const results = page.getByRole('list', { name: 'Đã ghi 2 quyết định, 1 kế hoạch không được' });
    await results.waitFor();
    const lines = await results.getByRole('listitem').allInnerTexts();
    expect(lines).toEqual([
      `${names['th-an-binh']}: Đã ghi quyết định`,
      expect.stringMatching(
        new RegExp(`^${names[DECIDED_MEANWHILE]}: Không được: Chỉ có thể trả lại kế hoạch đã được nhà trường nộp.`),
      ),
      `${names['th-vu-ninh']}: Đã ghi quyết định`,
    ]);
    // The returned plans leave the queue; the refused one stays selected only if still shown (it is not: approved).
    await table.getByRole('link', { name: names['th-an-binh'] }).waitFor({ state: 'detached' });
    await settles(() => table.getByRole('link').allInnerTexts(), [names[NEXT]]);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-bulk-result', ['.queue-results']);

    const decisions = await web.stack.prisma.decision.findMany({
      where: { planId: { in: BULK.map((s) => ids[s]) } },
      include: { plan: { include: { school: true } } },
    });
    expect(
      decisions
        .map((d) => [d.plan.school.code, d.kind, d.comment, d.capacity])
        .sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ).toEqual([
      ['th-an-binh', 'RETURN', BULK_COMMENT, KT],
      ['th-vu-le', 'APPROVE', null, KT],
      ['th-vu-ninh', 'RETURN', BULK_COMMENT, KT],
    ]);
  });

  it('under two-level approval, shows the specialist’s recommendation to the deputy head, who decides signing KT.', async () => {
    const planPath = `/plans/${ids[TWO_LEVEL]}`;
    const specialist = await signedIn(SPECIALIST_III, planPath);
    const panel = specialist.locator('.review-panel');
    await panel.getByText('Chưa có đề xuất về lần nộp này.').waitFor();
    await panel.getByText('Danh nghĩa ký sẽ được ghi: CHUYÊN VIÊN').waitFor();
    await expect(panel.getByRole('button', { name: 'Phê duyệt', exact: true }).count()).resolves.toBe(0);
    await panel.getByLabel('Ý kiến').fill('Kế hoạch đầy đủ, đề nghị phê duyệt.');
    await panel
      .getByRole('group', { name: 'Phù hợp điều kiện thực tiễn của trường' })
      .getByRole('radio', { name: 'Đạt', exact: true })
      .check();
    await expectNoSeriousA11yViolations(specialist);
    await panel.getByRole('button', { name: 'Đề xuất phê duyệt' }).click();
    const recommender = await web.stack.prisma.user.findFirstOrThrow({ where: { email: SPECIALIST_III } });
    await panel.getByText(new RegExp(`^${recommender.fullName} \\(CHUYÊN VIÊN\\) đề xuất phê duyệt lúc`)).waitFor();

    const deputy = await signedIn(DEPUTY, `/queue?campaignId=${twoLevel}`);
    const row = deputy.getByRole('row', { name: new RegExp(names[TWO_LEVEL]) });
    await row.getByText('Đề xuất phê duyệt').waitFor();
    await row.getByRole('link', { name: names[TWO_LEVEL] }).click();
    const review = deputy.locator('.review-panel');
    await review.getByText(new RegExp(`^${recommender.fullName} \\(CHUYÊN VIÊN\\) đề xuất phê duyệt lúc`)).waitFor();
    await review.getByText('Kế hoạch đầy đủ, đề nghị phê duyệt.').waitFor();
    await expect(review.getByRole('list', { name: 'Đánh giá theo tiêu chí' }).innerText()).resolves.toBe(
      'Phù hợp điều kiện thực tiễn của trường: Đạt',
    );
    await review.getByText(`Danh nghĩa ký sẽ được ghi: ${KT}`).waitFor();
    await expectNoSeriousA11yViolations(deputy);
    await screens(deputy, 'review-two-level', ['.review-panel']);
    await review.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await deputy
      .getByRole('dialog', { name: 'Phê duyệt kế hoạch này?' })
      .getByRole('button', { name: 'Đồng ý' })
      .click();
    await review.getByText('Kế hoạch không ở trạng thái chờ duyệt').waitFor();

    const decisions = await web.stack.prisma.decision.findMany({
      where: { planId: ids[TWO_LEVEL] },
      orderBy: { decidedAt: 'asc' },
      include: { decidedBy: true },
    });
    expect(decisions.map((d) => [d.kind, d.final, d.capacity, d.decidedBy.email])).toEqual([
      ['RECOMMEND_APPROVE', false, 'CHUYÊN VIÊN', SPECIALIST_III],
      ['APPROVE', true, KT, DEPUTY],
    ]);
    expect(decisions[0].rubric).toEqual({ FITTING: { rating: 'MET' } });
    const plan = await web.stack.prisma.plan.findUniqueOrThrow({ where: { id: ids[TWO_LEVEL] } });
    expect(plan.status).toBe('APPROVED');
  });
});
