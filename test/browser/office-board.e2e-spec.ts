import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pageLinks } from '@duyet/domain';
import { ADMIN, CLERK, PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { allMail } from '../support/mailbox';
import { eventually } from '../support/stack';

// The office's screens in Chromium against the real stack (issue 17): the overdue board with its filters in the
// address, its CSV and "remind now" (as many e-mails as its confirmation said), and the extension requests inbox,
// granted and refused, as the principals then see them.

const DOC = '47/KH-PGDĐT';
const TITLE = 'Kế hoạch phát triển văn hóa đọc năm học 2026 - 2027';
// Primary schools of cluster IV: no other browser spec writes to their principals.
const LATE = ['th-vu-cong', 'th-quang-trung'];
const SUBMITTED = 'th-quang-minh';
const GRANTED = 'th-minh-tan';
const REFUSED = 'th-thuong-hien';
const SCHOOLS = [...LATE, SUBMITTED, GRANTED, REFUSED];
const NAME: Record<string, string> = {
  'th-vu-cong': 'Trường Tiểu học Vũ Công',
  'th-quang-trung': 'Trường Tiểu học Quang Trung',
  'th-minh-tan': 'Trường Tiểu học Minh Tân',
  'th-thuong-hien': 'Trường Tiểu học Thượng Hiền',
};

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// Each test walks several pages in two browsers: on a loaded 2-core machine that takes more than the default minute.
jest.setTimeout(180_000);

describe("the office's board and extension requests in the browser", () => {
  let web: BrowserStack;
  let campaignId: string;
  const planId: Record<string, string> = {};

  const call = async (method: 'get' | 'post' | 'put', email: string, url: string, body: object = {}) => {
    const http = web.stack.http();
    const req = method === 'get' ? http.get(url) : method === 'post' ? http.post(url) : http.put(url);
    const res = await req.set(await bearer(web.stack, email)).send(method === 'get' ? undefined : body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const openAs = async (email: string, path: string, viewport = { width: 1366, height: 768 }): Promise<Page> => {
    const page = await web.newPage({ viewport });
    // The e-mail's link, signed out: the sign-in page first, then back to the link.
    await page.goto(path);
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, email);
    const wanted = new URL(path, web.baseURL);
    await page.waitForURL((url) => url.pathname === wanted.pathname && url.search === wanted.search);
    return page;
  };

  const rows = (page: Page) => page.locator('.board-table tbody tr.ant-table-row');
  const schoolsShown = async (page: Page) =>
    (await rows(page).locator('.board-school a').allInnerTexts()).map((t) => t.trim()).sort();

  beforeAll(async () => {
    web = await startBrowserStack();
    campaignId = await openCampaign(web.stack, {
      key: 'van-hoa-doc-2027',
      documentNumber: DOC,
      title: TITLE,
      targetLevels: ['PRIMARY'],
      targetClusters: ['IV'],
      receiver: CLERK,
      paperCopies: 2,
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    for (const school of SCHOOLS) planId[school] = await planIdOf(web.stack, campaignId, school);
    // Two schools whose own deadline has passed (the board's overdue is the deadline in force, per plan).
    await web.stack.prisma.plan.updateMany({
      where: { id: { in: LATE.map((s) => planId[s]) } },
      data: { submissionDeadline: new Date('2026-11-20T17:00:00+07:00') },
    });
    const base = `/api/plans/${planId[SUBMITTED]}`;
    await call('put', principal(SUBMITTED), `${base}/draft`, PRIMARY_DRAFT);
    await call('post', principal(SUBMITTED), `${base}/submit`);
    // The clerk has one of the two signed paper copies.
    await web.stack
      .http()
      .post(`${base}/paper-copies`)
      .set({ ...(await bearer(web.stack, CLERK)), 'Idempotency-Key': 'office-board-paper-1' })
      .send({ copies: 1 })
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  it("shows a campaign's plans with the counts of its state, filters by overdue and keeps it in the address", async () => {
    // The e-mails' own link to the board of one campaign.
    const page = await openAs(ADMIN, pageLinks(web.baseURL).board({ campaignId }));
    await page.getByRole('heading', { name: 'Theo dõi nộp kế hoạch', level: 1 }).waitFor();
    await eventually(async () => ((await rows(page).count()) === SCHOOLS.length ? true : undefined));
    const summary = page.getByRole('region', { name: 'Số kế hoạch theo trạng thái' });
    // Failed e-mails are the district's, whatever other suites left: the counts here are the campaign's.
    const byState = async () =>
      (await summary.getByRole('listitem').allInnerTexts())
        .map(squash)
        .filter((t) => !t.startsWith('Thư gửi'))
        .sort();
    // What the database holds for the campaign is what the page counts.
    const counts = await web.stack.prisma.plan.groupBy({ by: ['status'], where: { campaignId }, _count: true });
    expect(counts.map((c) => [c.status, c._count]).sort()).toEqual([
      ['NOT_STARTED', 4],
      ['SUBMITTED', 1],
    ]);
    // the submitted plan has not handed in its paper copies yet (the campaign asks for some)
    await expect(byState()).resolves.toEqual(['Chưa bắt đầu 4', 'Quá hạn 2', 'Thiếu bản giấy 1', 'Đã nộp 1']);
    await expect(summary.innerText()).resolves.toContain('5 kế hoạch');
    // The late schools come first, with their working days overdue.
    const first = squash(await rows(page).first().innerText());
    expect(LATE.map((s) => NAME[s]).some((n) => first.includes(n))).toBe(true);
    expect(first).toMatch(/Chưa bắt đầu .*17:00 20\/11\/2026 \d+ /);
    // The submitted school's signed paper copies: one of the two the campaign asks for.
    const submitted = squash(await rows(page).filter({ hasText: 'Trường Tiểu học Quang Minh' }).innerText());
    expect(submitted).toContain('Đã nộp');
    expect(submitted).toContain('1/2');
    await page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'board');

    // The box follows the address, so it shows ticked once the navigation is done: a click, then the address.
    await page.getByRole('checkbox', { name: 'Chỉ kế hoạch quá hạn' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('overdue') === 'true' && url.searchParams.get('campaignId') === campaignId,
    );
    await eventually(async () => ((await rows(page).count()) === 2 ? true : undefined));
    await expect(schoolsShown(page)).resolves.toEqual(LATE.map((s) => NAME[s]).sort());

    // The address is the view: opened afresh (the digest's overdue link), it shows the same.
    await page.goto(pageLinks(web.baseURL).board({ campaignId, overdue: true }));
    await eventually(async () => ((await rows(page).count()) === 2 ? true : undefined));
    await expect(page.getByRole('checkbox', { name: 'Chỉ kế hoạch quá hạn' }).isChecked()).resolves.toBe(true);
    await expect(byState()).resolves.toEqual(['Chưa bắt đầu 2', 'Quá hạn 2', 'Thiếu bản giấy 0']);

    // On a phone the page does not scroll sideways (the table scrolls inside itself). The pointer leaves the
    // table first: a sort header's tooltip, left where the laptop layout had it, is not the page.
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 390, height: 844 });
    await rows(page).first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'board-overdue', ['.board-filters', '.board-table']);
  });

  it('downloads the filtered board as CSV and reads it back', async () => {
    const page = await openAs(ADMIN, `/board?campaignId=${campaignId}&overdue=true`);
    await eventually(async () => ((await rows(page).count()) === 2 ? true : undefined));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải tệp CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Theo dõi kế hoạch \d{2}-\d{2}-\d{4}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toContain('Mã trường,Tên trường,Cấp học,Cụm trường,Đợt kế hoạch,Trạng thái');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([...LATE].sort());
    for (const line of lines.slice(1)) expect(line).toContain(`${TITLE},Chưa bắt đầu`);
  });

  it('reminds now as many people as its confirmation said, and the clerk cannot', async () => {
    const principals = LATE.map(principal);
    // Who has no reminder yet today is who will get one (one reminder a day per person).
    const keys = principals.map((p) => `reminder:${p}:${today()}`);
    const already = await web.stack.prisma.emailLog.count({ where: { idempotencyKey: { in: keys } } });
    const expected = principals.length - already;
    expect(expected).toBeGreaterThan(0);

    const page = await openAs(ADMIN, `/board?campaignId=${campaignId}&overdue=true`);
    await eventually(async () => ((await rows(page).count()) === 2 ? true : undefined));
    await page.getByRole('button', { name: 'Nhắc ngay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi thư nhắc ngay?' });
    const said = dialog.getByText(/người sẽ nhận thư nhắc/);
    await said.waitFor();
    const n = Number(/^(\d+) người/.exec(await said.innerText())![1]);
    expect(n).toBe(expected);
    expect(await said.innerText()).toContain('cho 2 kế hoạch');
    // Asking sent nothing.
    await expect(web.stack.prisma.emailLog.count({ where: { idempotencyKey: { in: keys } } })).resolves.toBe(already);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'board-remind-confirm', ['.ant-modal']);

    await dialog.getByRole('button', { name: `Gửi ${n} thư` }).click();
    await page.getByText(`Đã gửi ${n} thư nhắc.`).waitFor();
    const written = await web.stack.prisma.emailLog.findMany({
      where: { idempotencyKey: { in: keys }, template: 'REMINDER' },
    });
    expect(written).toHaveLength(principals.length);
    // The mail catcher receives that many: one per principal, each naming the plan.
    const caught = await eventually(
      async () => {
        const ids = new Set(written.map((w) => `<${w.id}@duyet.example>`));
        const mails = (await allMail()).filter((m) => ids.has(m.headers['message-id']));
        return mails.length === written.length ? mails : undefined;
      },
      30_000,
      'the reminders to reach the mail catcher',
    );
    expect(caught.flatMap((m) => m.to.map((t) => t.address)).sort()).toEqual([...principals].sort());
    for (const school of LATE) {
      const mail = caught.find((m) => m.to[0].address === principal(school))!;
      expect(mail.text).toContain(`/plans/${planId[school]}`);
    }
    // The board shows them reminded, without a reload.
    await eventually(async () => {
      const texts = (await rows(page).allInnerTexts()).map(squash);
      return texts.every((t) => t.includes('1 lần')) ? true : undefined;
    });

    // The clerk reads the board and downloads it, but reminds nobody (the API's rule).
    const clerk = await openAs(CLERK, `/board?campaignId=${campaignId}`);
    await eventually(async () => ((await rows(clerk).count()) === SCHOOLS.length ? true : undefined));
    await clerk.getByRole('link', { name: 'Tải tệp CSV' }).waitFor();
    await expect(clerk.getByRole('button', { name: /Nhắc ngay/ }).count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(clerk);
  });

  it('grants one extension request (the principal sees the new deadline) and refuses another with a reason', async () => {
    const ask = (school: string, until: string, reason: string) =>
      call('post', principal(school), `/api/plans/${planId[school]}/extension-requests`, {
        reason,
        requestedUntil: until,
      });
    const granted = await ask(
      GRANTED,
      '2027-07-15T17:00:00+07:00',
      'Hội đồng trường họp thông qua kế hoạch vào giữa tháng 7.',
    );
    const refused = await ask(REFUSED, '2027-07-20T17:00:00+07:00', 'Nhà trường muốn chờ kết quả tuyển sinh.');

    const page = await openAs(ADMIN, '/extensions');
    await page.getByRole('heading', { name: 'Đề nghị gia hạn', level: 1 }).waitFor();
    const item = (school: string) => page.getByRole('listitem', { name: NAME[school] });
    const shown = squash(await item(GRANTED).innerText());
    expect(shown).toContain(`${DOC}: ${TITLE}`);
    expect(shown).toContain('Hạn hiện tại 17:00 30/06/2027');
    expect(shown).toContain('Xin gia hạn đến 17:00 15/07/2027');
    expect(shown).toContain('Hội đồng trường họp thông qua kế hoạch vào giữa tháng 7.');
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'extension-requests', ['.requests-inbox']);

    // Granted on the day asked for, which the picker offers already chosen.
    await page.getByRole('button', { name: `Chấp thuận đề nghị của ${NAME[GRANTED]}`, exact: true }).click();
    const grant = page.getByRole('dialog', { name: `Chấp thuận gia hạn cho ${NAME[GRANTED]}` });
    await eventually(async () =>
      (await grant.getByLabel('Gia hạn đến ngày').inputValue()) === '15/07/2027' ? true : undefined,
    );
    await grant.getByRole('button', { name: 'Chấp thuận', exact: true }).click();
    // The note is required: the dialog says so where the head is typing.
    await grant.getByText('Cần ghi ý kiến (ít nhất 3 ký tự)').waitFor();
    await grant.getByLabel('Ý kiến của Phòng').fill('Đồng ý gia hạn để nhà trường họp hội đồng.');
    // axe reads colours as they are: not the hover shade of the button the pointer was left on.
    await page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'extension-grant', ['.ant-modal']);
    await grant.getByRole('button', { name: 'Chấp thuận', exact: true }).click();
    await grant.waitFor({ state: 'detached' });
    await item(GRANTED).waitFor({ state: 'detached' });
    await expect(
      web.stack.prisma.extensionRequest.findUniqueOrThrow({ where: { id: granted.id } }),
    ).resolves.toMatchObject({
      status: 'GRANTED',
      grantedUntil: new Date('2027-07-15T17:00:00+07:00'),
      decisionNote: 'Đồng ý gia hạn để nhà trường họp hội đồng.',
    });

    // Refused with a reason.
    await page.getByRole('button', { name: `Không chấp thuận đề nghị của ${NAME[REFUSED]}`, exact: true }).click();
    const refuse = page.getByRole('dialog', { name: `Không chấp thuận đề nghị của ${NAME[REFUSED]}` });
    await refuse.getByLabel('Lý do không chấp thuận').fill('Thời gian còn đủ để hoàn thành kế hoạch.');
    await refuse.getByRole('button', { name: 'Không chấp thuận', exact: true }).click();
    await refuse.waitFor({ state: 'detached' });
    await item(REFUSED).waitFor({ state: 'detached' });
    await expect(
      web.stack.prisma.extensionRequest.findUniqueOrThrow({ where: { id: refused.id } }),
    ).resolves.toMatchObject({
      status: 'REFUSED',
      decisionNote: 'Thời gian còn đủ để hoàn thành kế hoạch.',
    });

    // The principals, each in a browser of their own.
    const home = await openAs(principal(GRANTED), '/');
    const card = home.getByRole('listitem').filter({ has: home.getByRole('link', { name: `${DOC}: ${TITLE}` }) });
    await eventually(
      async () => {
        await home.reload();
        await card.waitFor();
        return (await card.innerText()).includes('Hạn: 17:00 15/07/2027') ? true : undefined;
      },
      20_000,
      "the granted deadline on the principal's home",
    );

    const plan = await openAs(principal(REFUSED), `/plans/${planId[REFUSED]}`);
    const extensions = plan.locator('.extensions');
    await extensions.getByText('Không chấp thuận', { exact: true }).waitFor();
    await expect(extensions.innerText()).resolves.toContain('Lý do: Thời gian còn đủ để hoàn thành kế hoạch.');
  });

  it("changes one school's deadline with a reason", async () => {
    const page = await openAs(ADMIN, '/extensions');
    const card = page.locator('.requests-change');
    await card.getByLabel('Trường và đợt kế hoạch').fill('Quang Trung');
    // The list's visible option (Ant Design's role="option" elements are for screen readers only).
    await page
      .locator('.ant-select-dropdown .ant-select-item-option')
      .filter({ hasText: `${NAME['th-quang-trung']} (th-quang-trung) · ${TITLE}` })
      .click();
    await card.getByText('Hạn hiện tại: 17:00 20/11/2026', { exact: false }).waitFor();
    // The picker opens on this month: type the day, as the field shows it.
    await card.getByLabel('Hạn mới').fill('30/07/2027');
    await card.getByLabel('Hạn mới').press('Enter');
    await card.getByLabel('Lý do thay đổi hạn').fill('Trường bị ảnh hưởng bởi bão số 3.');
    await expectNoSeriousA11yViolations(page);
    await card.getByRole('button', { name: 'Lưu hạn mới' }).click();
    await page.getByText('Đã đặt hạn mới cho Trường Tiểu học Quang Trung: 17:00 30/07/2027.').waitFor();
    const plan = await web.stack.prisma.plan.findUniqueOrThrow({ where: { id: planId['th-quang-trung'] } });
    expect(plan.submissionDeadline?.toISOString()).toBe('2027-07-30T10:00:00.000Z');
  });
});
