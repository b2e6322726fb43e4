import { docx, exe, pdf } from '../fixtures/attachments';
import { ADMIN, PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { eventually, overrideEnv } from '../support/stack';

// A returned plan in Chromium against the real stack: the office's comments beside what they are about, the
// principal's reply, the revision and the resubmission with the diff of the two versions; attachments dropped or
// picked and refused in the API's words; an extension request and its answers; the timeline in Vietnamese.

const DEPUTY = 'pho.phothong@kienxuong.example';
const DOC = '35/KH-PGDĐT';
const TITLE = 'Kế hoạch giáo dục nhà trường năm học 2026 - 2027';
const REVIEWED = 'th-hong-tien';
const FILES = 'th-quang-binh';
const LATE = 'th-an-binh';
const MAX_UPLOAD_BYTES = 1024 * 1024;

const TASKS = 'Nội dung, nhiệm vụ và giải pháp';
const SWIM = 'Tỷ lệ HS được cấp chứng chỉ biết bơi';
const TASKS_COMMENT = 'Nhiệm vụ còn chung chung, cần giải pháp cụ thể theo từng tháng.';
const SWIM_COMMENT = 'Chỉ tiêu biết bơi nên nâng lên 20%.';
const GENERAL_COMMENT = 'Cần gửi kèm bản ký có đóng dấu.';
const REVISED_TASKS = 'Đổi mới phương pháp dạy học theo nhóm; bồi dưỡng đội ngũ hằng tháng; tăng cường cơ sở vật chất.';

describe('a plan through a review round, in the browser', () => {
  let web: BrowserStack;
  let restoreEnv: () => void;
  let campaignId: string;

  const call = async (method: 'post' | 'put', email: string, url: string, body: object = {}) => {
    const http = web.stack.http();
    const res = await (method === 'post' ? http.post(url) : http.put(url))
      .set(await bearer(web.stack, email))
      .send(body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    restoreEnv = overrideEnv({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
    web = await startBrowserStack();
    campaignId = await openCampaign(web.stack, {
      key: 'giao-duc-nha-truong-2027',
      documentNumber: DOC,
      title: TITLE,
      targetLevels: ['PRIMARY'],
      targetClusters: ['II'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
  });

  afterAll(async () => {
    await web?.close();
    restoreEnv?.();
  });

  const openPlan = async (school: string, planId: string, viewport = { width: 1366, height: 768 }) => {
    const page = await web.newPage({ viewport });
    // The e-mail's link, signed out: the sign-in page first, then the plan.
    await page.goto(`/plans/${planId}`);
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, principal(school));
    await page.waitForURL(`**/plans/${planId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    return page;
  };

  it('shows a returned plan with its comments beside the sections, takes a reply, a revision and a resubmission, and the diff of the two versions', async () => {
    const planId = await planIdOf(web.stack, campaignId, REVIEWED);
    const head = principal(REVIEWED);
    const base = `/api/plans/${planId}`;
    // Set up as the office would: version 1 submitted, reviewed, commented (one remark resolved), returned.
    await call('put', head, `${base}/draft`, PRIMARY_DRAFT);
    await call('post', head, `${base}/submit`);
    await call('post', DEPUTY, `${base}/start-review`);
    await call('post', DEPUTY, `${base}/comments`, { anchorType: 'SECTION', anchorKey: 'tasks', body: TASKS_COMMENT });
    await call('post', DEPUTY, `${base}/comments`, {
      anchorType: 'INDICATOR',
      anchorKey: 'SWIM_CERT',
      body: SWIM_COMMENT,
    });
    const general = await call('post', DEPUTY, `${base}/comments`, { anchorType: 'GENERAL', body: GENERAL_COMMENT });
    await call('post', DEPUTY, `${base}/comments/${general.id}/resolve`);
    await call('post', DEPUTY, `${base}/return`, {
      comment: 'Trả lại để tiếp thu góp ý.',
      revisionDeadline: '2027-01-04T17:00:00+07:00',
    });

    const page = await openPlan(REVIEWED, planId);
    // The section's text area (its label also says "bắt buộc"; a comment group names the section too).
    const tasksField = () => page.getByRole('textbox', { name: new RegExp(`^${TASKS}`) });
    await page.getByText('Trả lại để chỉnh sửa', { exact: true }).waitFor();

    // The comments, grouped by what they are about, in a column beside the sections on a laptop.
    const comments = page.getByRole('complementary', { name: 'Góp ý của Phòng GD&ĐT' });
    await comments.waitFor();
    await comments.getByText('2 góp ý cần trả lời hoặc chỉnh sửa').waitFor();
    const tasksGroup = comments.getByRole('region', { name: `Mục: ${TASKS}` });
    await expect(tasksGroup.getByText(TASKS_COMMENT).isVisible()).resolves.toBe(true);
    await expect(tasksGroup.innerText()).resolves.toContain('Phó trưởng phòng Nguyễn Anh Hà');
    const swimGroup = comments.getByRole('region', { name: `Chỉ tiêu: ${SWIM}` });
    await expect(swimGroup.getByText(SWIM_COMMENT).isVisible()).resolves.toBe(true);
    const sectionsCard = page.locator('.section-editor');
    const [aside, editor] = [await comments.boundingBox(), await sectionsCard.boundingBox()];
    expect(aside!.x).toBeGreaterThanOrEqual(editor!.x + editor!.width);
    expect(aside!.y).toBeLessThan(editor!.y + editor!.height);

    // The resolved remark is folded until opened.
    const resolved = comments.getByText('Đã giải quyết (1)');
    await expect(comments.getByText(GENERAL_COMMENT).isVisible()).resolves.toBe(false);
    await resolved.click();
    await expect(comments.getByText(GENERAL_COMMENT).isVisible()).resolves.toBe(true);

    // "Đến nội dung này" takes the cursor to the section the comment is about.
    await tasksGroup.getByRole('button', { name: `Đến nội dung này (${TASKS})` }).click();
    const focused = await page.locator('textarea:focus').getAttribute('id');
    expect(focused).toBe(await tasksField().getAttribute('id'));
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-returned', ['.plan-comments', '.extensions']);

    // The principal replies in the thread.
    const reply = 'Trường đã bổ sung giải pháp theo từng tháng.';
    await tasksGroup.getByLabel('Trả lời góp ý của Nguyễn Anh Hà').fill(reply);
    await tasksGroup.getByRole('button', { name: 'Gửi trả lời' }).click();
    // Shown as a reply under the comment (the list of replies), once the API has it.
    await tasksGroup.getByRole('listitem').filter({ hasText: reply }).waitFor();
    await expect(tasksGroup.getByLabel('Trả lời góp ý của Nguyễn Anh Hà').inputValue()).resolves.toBe('');
    const replies = await web.stack.prisma.comment.findMany({ where: { planId, parentId: { not: null } } });
    expect(replies.map((r) => r.body)).toEqual([reply]);

    // Revises against the comments; the draft's changes since version 1 show at once.
    await tasksField().fill(REVISED_TASKS);
    await page.getByLabel(`Mục tiêu: ${SWIM}`).fill('20');
    await page
      .getByRole('status')
      .filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })
      .waitFor();
    const versions = page.locator('.versions');
    await versions.getByRole('region', { name: 'So sánh: Lần nộp thứ 1 → Bản nháp hiện tại' }).waitFor();
    await versions.locator('ins', { hasText: 'theo nhóm' }).waitFor();

    // Resubmits: version 2, and the diff between the two versions, word by word and figure by figure.
    await page.getByRole('button', { name: 'Nộp lại kế hoạch' }).click();
    await page
      .getByRole('dialog', { name: 'Nộp kế hoạch cho Phòng GD&ĐT?' })
      .getByRole('button', { name: 'Nộp' })
      .click();
    await page.getByText('Đã nộp', { exact: true }).waitFor();
    const diff = versions.getByRole('region', { name: 'So sánh: Lần nộp thứ 1 → Lần nộp thứ 2' });
    await diff.waitFor();
    await expect(versions.getByRole('list', { name: 'Các lần nộp' }).innerText()).resolves.toMatch(
      /Lần nộp thứ 1 nộp lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\nLần nộp thứ 2 nộp lúc/,
    );
    const section = diff.getByRole('article', { name: TASKS });
    await expect(section.locator('ins').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('theo nhóm'), expect.stringContaining('hằng tháng')]),
    );
    await expect(section.locator('del').count()).resolves.toBe(0);
    const swimRow = diff.getByRole('row', { name: new RegExp(SWIM) });
    await expect(swimRow.innerText()).resolves.toMatch(/Năm gốc 10; mục tiêu 15\s+Năm gốc 10; mục tiêu 20/);
    const frozen = await web.stack.prisma.planVersion.findMany({ where: { planId }, orderBy: { number: 'asc' } });
    expect(frozen.map((v) => (v.sections as Record<string, string>).tasks)).toEqual([
      PRIMARY_DRAFT.sections.tasks,
      REVISED_TASKS,
    ]);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-resubmitted', ['.versions']);

    // Any two sides can be compared; a side against itself is not.
    await versions.getByLabel('So sánh đến').selectOption({ label: 'Lần nộp thứ 1' });
    await versions.getByText('Chọn hai bản khác nhau để so sánh.').waitFor();

    // The timeline tells the round in Vietnamese, one sentence per event.
    const timeline = page.locator('.timeline');
    await timeline.getByRole('button', { name: /^Xem tất cả \d+ sự kiện$/ }).click();
    const trail = await timeline.getByRole('list', { name: 'Các sự kiện của kế hoạch' }).innerText();
    const name = (await web.stack.prisma.user.findUniqueOrThrow({ where: { email: head } })).fullName;
    for (const sentence of [
      // the draft's learning target is below the district's: a warning, named with the submission
      `Hiệu trưởng ${name} nộp kế hoạch (lần nộp thứ 1), kèm 1 cảnh báo.`,
      'Phó trưởng phòng Nguyễn Anh Hà bắt đầu xét duyệt lần nộp thứ 1.',
      'Phó trưởng phòng Nguyễn Anh Hà ghi góp ý về một mục của kế hoạch.',
      'Phó trưởng phòng Nguyễn Anh Hà đánh dấu một góp ý là đã giải quyết ở lần nộp thứ 1.',
      'Phó trưởng phòng Nguyễn Anh Hà trả lại lần nộp thứ 1 để chỉnh sửa, hạn 17:00 04/01/2027.',
      `Hiệu trưởng ${name} trả lời một góp ý.`,
      `Hiệu trưởng ${name} bắt đầu chỉnh sửa kế hoạch theo góp ý.`,
      `Hiệu trưởng ${name} nộp kế hoạch (lần nộp thứ 2), kèm 1 cảnh báo.`,
    ]) {
      expect(trail).toContain(sentence);
    }
    expect(trail.indexOf('trả lại lần nộp thứ 1')).toBeLessThan(trail.indexOf('(lần nộp thứ 2)'));
    expect(trail).not.toMatch(/PLAN_|COMMENT_|undefined/);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'review-timeline', ['.timeline']);
  });

  it('attaches a file dropped or picked, refuses a wrong type or a too large file before sending and a disguised one in the API’s words', async () => {
    const planId = await planIdOf(web.stack, campaignId, FILES);
    const page = await openPlan(FILES, planId);
    const card = page.locator('.attachments');
    await card.getByText('Chưa có tệp nào được đính kèm.').waitFor();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/plans/${planId}/attachments`)) posts.push(r.url());
    });
    const pick = card.getByLabel('Chọn tệp đính kèm');

    // Picked.
    await pick.setInputFiles({ name: 'Kế hoạch bản ký.pdf', mimeType: 'application/pdf', buffer: pdf('Ban ky') });
    const scan = card.getByRole('link', { name: 'Tải xuống Kế hoạch bản ký.pdf' });
    await scan.waitFor();
    const download = await page.request.get(new URL((await scan.getAttribute('href'))!, web.baseURL).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Dropped on the zone.
    const zone = card.getByText('Kéo thả tệp vào đây, hoặc').locator('xpath=..');
    // What a drag from the file manager carries (a string: the root type-check has no DOM types).
    const dropped = await page.evaluateHandle(`(() => {
      const bytes = Uint8Array.from(atob('${docx('Phu luc').toString('base64')}'), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'Phụ lục chỉ tiêu.docx'));
      return transfer;
    })()`);
    await zone.dispatchEvent('drop', { dataTransfer: dropped });
    await card.getByRole('link', { name: 'Tải xuống Phụ lục chỉ tiêu.docx' }).waitFor();
    expect(posts).toHaveLength(2);
    const stored = await web.stack.prisma.attachment.findMany({ where: { planId }, orderBy: { createdAt: 'asc' } });
    expect(stored.map((a) => [a.fileName, a.mimeType])).toEqual([
      ['Kế hoạch bản ký.pdf', 'application/pdf'],
      ['Phụ lục chỉ tiêu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);

    // Refused before sending: the type, the size, in the words the API answers for the same file.
    const refusal = card.getByRole('alert');
    await pick.setInputFiles({ name: 'anh.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await refusal
      .getByText('Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG; tệp “anh.gif” không thuộc các loại này.')
      .waitFor();
    const big = Buffer.concat([pdf(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    await pick.setInputFiles({ name: 'lon.pdf', mimeType: 'application/pdf', buffer: big });
    await refusal.getByText('Tệp “lon.pdf” vượt quá dung lượng cho phép (tối đa 1 MB).').waitFor();
    expect(posts).toHaveLength(2);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'attachments-refused', ['.attachments']);

    // Refused by the server, which reads the content: its message, shown as it answered.
    await pick.setInputFiles({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: exe() });
    await refusal
      .getByText('Tệp “gia-mao.pdf” không phải là PDF như tên tệp (nội dung là tệp chương trình EXE).')
      .waitFor();
    expect(posts).toHaveLength(3);
    expect(await web.stack.prisma.attachment.count({ where: { planId } })).toBe(2);

    // Removed from the draft while it is editable.
    await card.getByRole('button', { name: 'Gỡ tệp Phụ lục chỉ tiêu.docx' }).click();
    await page
      .getByRole('dialog', { name: 'Gỡ tệp “Phụ lục chỉ tiêu.docx” khỏi bản nháp?' })
      .getByRole('button', { name: 'Gỡ' })
      .click();
    await eventually(async () =>
      (await card.getByRole('link', { name: 'Tải xuống Phụ lục chỉ tiêu.docx' }).count()) === 0 ? true : undefined,
    );
    expect(await web.stack.prisma.attachment.count({ where: { planId, removedAt: null } })).toBe(1);
    await expect(card.getByRole('link', { name: 'Tải xuống Kế hoạch bản ký.pdf' }).isVisible()).resolves.toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'attachments', ['.attachments']);
  });

  it('sends an extension request for a working day and shows its answers: refused with the reason, then granted with the new deadline', async () => {
    const planId = await planIdOf(web.stack, campaignId, LATE);
    const page = await openPlan(LATE, planId);
    const card = page.locator('.extensions');
    await card.getByText('Hạn đang áp dụng: 17:00 30/06/2027.', { exact: false }).waitFor();

    const ask = async (day: string, reason: string) => {
      await card.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
      const dialog = page.getByRole('dialog', { name: 'Đề nghị Phòng GD&ĐT gia hạn' });
      await dialog.getByLabel('Lý do đề nghị gia hạn').fill(reason);
      await dialog.getByLabel('Gia hạn đến ngày').click();
      // Days off are greyed out: the deadline's own day, the weekend after it; the next working days are not.
      // A day's cell, by the date its title gives (dd/MM/yyyy as the field shows it, or ISO as the picker's default).
      const cell = (date: string) => {
        const iso = date.split('/').reverse().join('-');
        return page.locator(`.ant-picker-dropdown td[title="${date}"], .ant-picker-dropdown td[title="${iso}"]`);
      };
      await cell('03/07/2027').waitFor();
      for (const off of ['30/06/2027', '03/07/2027', '04/07/2027']) {
        await expect(cell(off).getAttribute('class')).resolves.toContain('ant-picker-cell-disabled');
      }
      await expect(cell('05/07/2027').getAttribute('class')).resolves.not.toContain('ant-picker-cell-disabled');
      await expectNoSeriousA11yViolations(page);
      await screens(page, 'extension-dialog', ['.ant-modal']);
      await cell(day).click();
      await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    await ask('05/07/2027', 'Hội đồng trường họp thông qua kế hoạch vào đầu tháng 7.');
    await card.getByText('Đang chờ Phòng trả lời').waitFor();
    const first = await web.stack.prisma.extensionRequest.findFirstOrThrow({ where: { planId } });
    expect(first).toMatchObject({
      status: 'PENDING',
      reason: 'Hội đồng trường họp thông qua kế hoạch vào đầu tháng 7.',
    });
    expect(first.requestedUntil?.toISOString()).toBe('2027-07-05T10:00:00.000Z');
    await expect(card.getByRole('button', { name: 'Đề nghị gia hạn' }).count()).resolves.toBe(0);

    // The head of the office refuses: the answer and its reason show.
    await call('post', ADMIN, `/api/plans/${planId}/extension-requests/${first.id}/refuse`, {
      note: 'Thời gian còn đủ để hoàn thành.',
    });
    await page.reload();
    await card.getByText('Không chấp thuận', { exact: true }).waitFor();
    await expect(card.innerText()).resolves.toContain('Lý do: Thời gian còn đủ để hoàn thành.');

    // Asked again, granted: the new deadline shows on the request and as the deadline in force.
    await ask('09/07/2027', 'Nhà trường đang sửa chữa phòng học sau bão.');
    const second = await eventually(() =>
      web.stack.prisma.extensionRequest.findFirst({ where: { planId, status: 'PENDING' } }).then((r) => r ?? undefined),
    );
    await call('post', ADMIN, `/api/plans/${planId}/extension-requests/${second.id}/grant`, {
      until: '2027-07-09T17:00:00+07:00',
      note: 'Đồng ý gia hạn.',
    });
    await page.reload();
    await card.getByText('Đã chấp thuận', { exact: true }).waitFor();
    await expect(card.innerText()).resolves.toContain('Hạn mới: 17:00 09/07/2027');
    await card.getByText('Hạn đang áp dụng: 17:00 09/07/2027.', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'extension-answered', ['.extensions']);

    // On a phone, nothing of the plan page scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});
