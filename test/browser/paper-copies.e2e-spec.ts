import { CLERK, PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';

// The clerk (văn thư) receives a submitted plan's signed paper copies at the office and records them on the plan's
// page, in Chromium against the real stack; a reviewer reads the count but records nothing.

const SCHOOL = 'th-hong-tien';
const TITLE = 'Kế hoạch phòng chống thiên tai năm học 2026 - 2027';
const REVIEWER = 'pho.phothong@kienxuong.example';

describe('paper copies on the plan page, in the browser', () => {
  let web: BrowserStack;
  let planId: string;

  beforeAll(async () => {
    web = await startBrowserStack();
    const campaignId = await openCampaign(web.stack, {
      key: 'ban-giay-web-2027',
      documentNumber: '43/KH-PGDĐT',
      title: TITLE,
      targetLevels: ['PRIMARY'],
      targetClusters: ['II'],
      paperCopies: 2,
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    planId = await planIdOf(web.stack, campaignId, SCHOOL);
    const http = web.stack.http();
    const auth = await bearer(web.stack, principal(SCHOOL));
    for (const res of [
      await http.put(`/api/plans/${planId}/draft`).set(auth).send(PRIMARY_DRAFT),
      await http.post(`/api/plans/${planId}/submit`).set(auth).send({}),
    ]) {
      if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    }
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets the clerk record the copies as they arrive, counted once, until the plan has them all', async () => {
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent(`/plans/${planId}`)}`);
    await signIn(page, CLERK);
    await page.waitForURL(`**/plans/${planId}`);
    const card = page.locator('.paper-copies');
    await card.getByText('Đã nhận 0/2 bản').waitFor();
    await card.getByText('Còn thiếu 2 bản').waitFor();

    // One copy by post first: the form offers what is missing, the clerk corrects it.
    await card.getByLabel('Số bản nhận').fill('1');
    await card.getByLabel('Ghi chú').fill('Nhận qua bưu điện');
    await card.getByRole('button', { name: 'Ghi nhận bản giấy' }).click();
    await card.getByText('Đã nhận 1/2 bản').waitFor();
    await card.getByText(/1 bản, .+ ghi nhận \(Nhận qua bưu điện\)/).waitFor();

    await card.getByLabel('Số bản nhận').fill('1');
    await card.getByRole('button', { name: 'Ghi nhận bản giấy' }).click();
    await card.getByText('Đã nhận 2/2 bản').waitFor();
    await card.getByText('Đủ bản giấy').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'paper-copies-clerk', ['.paper-copies']);

    const receipts = await web.stack.prisma.paperCopyReceipt.findMany({
      where: { planId },
      orderBy: { receivedAt: 'asc' },
    });
    expect(receipts.map((r) => [r.copies, r.note])).toEqual([
      [1, 'Nhận qua bưu điện'],
      [1, null],
    ]);
  });

  it('shows a reviewer the count without the form', async () => {
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent(`/plans/${planId}`)}`);
    await signIn(page, REVIEWER);
    await page.waitForURL(`**/plans/${planId}`);
    const card = page.locator('.paper-copies');
    await card.getByText('Đã nhận 2/2 bản').waitFor();
    expect(await card.getByRole('button', { name: 'Ghi nhận bản giấy' }).count()).toBe(0);
  });
});
