import { ADMIN, CLERK, bearer, openCampaign } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';

// The province department's reader (Sở GD&ĐT) lands on its districts and their campaigns; the office head filters
// the board on plans whose paper copies are missing. In Chromium against the real stack.

const PROVINCE_USER = 'so.gddt@thaibinh.example';
const TITLE = 'Kế hoạch xây dựng trường học an toàn năm 2031';

jest.setTimeout(180_000);

describe('the province home and the paper copies filter, in the browser', () => {
  let web: BrowserStack;
  let campaignId: string;
  let districtId: string;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    web = await startBrowserStack();
    districtId = (await web.stack.prisma.district.findUniqueOrThrow({ where: { code: 'kien-xuong' } })).id;
    campaignId = await openCampaign(web.stack, {
      key: 'province-web-2031',
      documentNumber: '52/KH-PGDĐT',
      title: TITLE,
      targetLevels: ['PRIMARY'],
      targetClusters: ['III'],
      paperCopies: 2,
      submissionDeadline: '2031-06-30T17:00:00+07:00',
    });
    const plans = await web.stack.prisma.plan.findMany({
      where: { campaignId },
      include: { school: true },
      orderBy: { schoolCode: 'asc' },
    });
    if (plans.length < 3) throw new Error(`the campaign has ${plans.length} plans, the test needs 3`);
    // Three plans moved on (submission is another feature's): two submitted, one approved with its copies in.
    const [first, second, third] = plans;
    for (const p of [first, second]) {
      await web.stack.prisma.plan.update({
        where: { id: p.id },
        data: { status: 'SUBMITTED', submittedAt: new Date() },
      });
    }
    await web.stack.prisma.plan.update({
      where: { id: third.id },
      data: { status: 'APPROVED', submittedAt: new Date(), decidedAt: new Date() },
    });
    const res = await web.stack
      .http()
      .post(`/api/plans/${third.id}/paper-copies`)
      .set(await bearer(web.stack, CLERK))
      .set('Idempotency-Key', 'province-web-third')
      .send({ copies: 2 });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    names.first = first.school.name;
    names.second = second.school.name;
    names.third = third.school.name;
  });

  afterAll(async () => {
    await web?.close();
  });

  it("takes the province's reader to its districts, each with its campaigns counted by state", async () => {
    const page = await web.newPage();
    await page.goto('/login');
    await signIn(page, PROVINCE_USER);
    await page.waitForURL('**/province');
    await page.getByRole('heading', { level: 1, name: 'Các huyện của tỉnh: Tỉnh Thái Bình' }).waitFor();
    await page.getByText('Sở Giáo dục và Đào tạo tỉnh Thái Bình.').waitFor();
    // Its only page: no menu, and nothing of a district's office to open.
    expect(await page.getByRole('link', { name: 'Theo dõi nộp' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);

    const districts = page.getByRole('list', { name: 'Danh sách huyện' });
    // other suites load copies of the sample district into the same province, under the same name: any of them
    await districts
      .getByRole('heading', { level: 2, name: /Huyện Kiến Xương/ })
      .first()
      .waitFor();
    const table = page.getByRole('region', { name: 'Các đợt kế hoạch của Huyện Kiến Xương' });
    const row = table.getByRole('row').filter({ hasText: `52/KH-PGDĐT: ${TITLE}` });
    await row.waitFor();
    const total = await web.stack.prisma.plan.count({ where: { campaignId, removedAt: null } });
    await row.getByText(`${total} trường`).waitFor();
    await row.getByText('Đã nộp: 2').waitFor();
    await row.getByText('Đã phê duyệt: 1').waitFor();
    expect(await row.getByRole('link', { name: 'Báo cáo tổng hợp' }).getAttribute('href')).toBe(
      `/campaigns/${campaignId}/consolidation?district=${districtId}`,
    );
    expect(await row.getByRole('link', { name: 'Báo cáo (Word)' }).getAttribute('href')).toBe(
      `/api/campaigns/${campaignId}/documents/report.docx`,
    );
    expect(await row.getByRole('link', { name: 'Bảng tổng hợp (Excel)' }).getAttribute('href')).toBe(
      `/api/campaigns/${campaignId}/documents/report.xlsx`,
    );
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'province-home', ['.ant-card']);
  });

  it("opens a campaign's consolidation for the province's reader, without calling a route refused to it", async () => {
    const page = await web.newPage();
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() === 403) refused.push(r.url());
    });
    await page.goto('/login');
    await signIn(page, PROVINCE_USER);
    await page.waitForURL('**/province');
    const table = page.getByRole('region', { name: 'Các đợt kế hoạch của Huyện Kiến Xương' });
    const row = table.getByRole('row').filter({ hasText: `52/KH-PGDĐT: ${TITLE}` });
    // Counted from here: signing in passes by the home page, whose reads are another matter.
    refused.length = 0;
    await row.getByRole('link', { name: 'Báo cáo tổng hợp' }).click();
    await page.waitForURL(`**/campaigns/${campaignId}/consolidation?district=${districtId}`);
    await page.getByRole('heading', { name: 'Tổng hợp chỉ tiêu', level: 1 }).waitFor();
    await page.getByText(`52/KH-PGDĐT — ${TITLE}`).waitFor();
    await page.getByText('Đơn vị: Huyện Kiến Xương').waitFor();
    // Its figures: the plans in the campaign (one approved, by the set-up above), each indicator's district row.
    const counted = await web.stack.prisma.plan.count({
      where: { campaignId, removedAt: null, status: { not: 'EXEMPTED' } },
    });
    await page.getByText(`1/${counted} kế hoạch đã duyệt; ${counted - 1} kế hoạch chưa duyệt.`).waitFor();
    const first = page.locator('.consolidation-card').first();
    const district = first.getByRole('row', { name: /Toàn huyện/ });
    await district.waitFor();
    expect(await district.locator('td').first().textContent()).toMatch(/^\d+$/);
    // Nothing of the district office's: no link back to the campaign; the consolidated report's downloads instead.
    expect(await page.getByRole('link', { name: 'Về đợt kế hoạch' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Báo cáo tổng hợp (Word)' }).getAttribute('href')).toBe(
      `/api/campaigns/${campaignId}/documents/report.docx`,
    );
    expect(await page.getByRole('link', { name: 'Bảng tổng hợp (Excel)' }).getAttribute('href')).toBe(
      `/api/campaigns/${campaignId}/documents/report.xlsx`,
    );
    expect(refused).toEqual([]);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'province-consolidation', ['.consolidation-card']);
  });

  it("filters the office head's board on submitted plans whose paper copies are missing", async () => {
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent(`/board?campaignId=${campaignId}`)}`);
    await signIn(page, ADMIN);
    await page.waitForURL(`**/board?campaignId=${campaignId}`);
    const summary = page.getByRole('region', { name: 'Số kế hoạch theo trạng thái' });
    await summary.locator('.board-count-paper').getByText('2').waitFor();

    await page.getByLabel('Bản giấy').click();
    await page
      .locator('.ant-select-dropdown .ant-select-item-option')
      .filter({ hasText: 'Đã nộp, còn thiếu bản giấy' })
      .click();
    await page.waitForURL((url) => url.searchParams.get('paperCopies') === 'MISSING');
    await summary.getByText('2 kế hoạch', { exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: names.first }).getByText('thiếu 2').waitFor();
    await rows.filter({ hasText: names.second }).getByText('thiếu 2').waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.filter({ hasText: names.third }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'board-paper-missing', ['.board-filters']);

    // The address keeps the filter: opened again, the board shows the same rows and the CSV link carries it.
    await page.reload();
    await summary.getByText('2 kế hoạch', { exact: true }).waitFor();
    const csv = await page.getByRole('link', { name: 'Tải tệp CSV' }).getAttribute('href');
    expect(csv).toContain('paperCopies=MISSING');

    // Complete instead: the approved plan with both copies in.
    await page.getByLabel('Bản giấy').click();
    await page
      .locator('.ant-select-dropdown .ant-select-item-option')
      .filter({ hasText: 'Đã nộp, đủ bản giấy' })
      .click();
    await page.waitForURL((url) => url.searchParams.get('paperCopies') === 'COMPLETE');
    await rows.filter({ hasText: names.third }).waitFor();
    await summary.getByText('1 kế hoạch', { exact: true }).waitFor();
  });
});
