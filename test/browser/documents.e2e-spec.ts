import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { ADMIN, CLERK, PRIMARY_DRAFT, openCampaign, planIdOf, principal } from '../support/campaign';
import { type BrowserStack, signIn, startBrowserStack } from '../support/browser';
import { pdfText } from '../support/pdf-text';

// The documents an office files, downloaded from the pages in Chromium: the directive from the campaign's page (the
// clerk), the approved plan's PDF from its page (the school), each read back.

const RUN = Date.now().toString(36);
const DEPUTY = 'pho.phothong@kienxuong.example';
const SCHOOL = 'th-binh-dinh';
const DISTRIBUTION = ['Như trên;', 'Lưu: VT, GDTH.'];

jest.setTimeout(180_000);

describe('downloading the documents from the pages', () => {
  let web: BrowserStack;
  let campaignId: string;
  let planId: string;

  beforeAll(async () => {
    web = await startBrowserStack();
    campaignId = await openCampaign(web.stack, {
      key: `docs-web-${RUN}`,
      documentNumber: '78/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      submissionDeadline: '2027-10-20T17:00:00+07:00',
      signer: { email: DEPUTY },
      distribution: DISTRIBUTION,
    });
    planId = await planIdOf(web.stack, campaignId, SCHOOL);
  });

  afterAll(async () => {
    await web?.close();
  });

  const signedIn = async (email: string, path: string): Promise<Page> => {
    const page = await web.newPage();
    await page.goto('/login');
    await signIn(page, email);
    await page.goto(path);
    return page;
  };
  const download = async (page: Page, name: string): Promise<{ fileName: string; content: Buffer }> => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    return { fileName: file.suggestedFilename(), content: await readFile(await file.path()) };
  };

  it('the clerk downloads the directive from the campaign page, with its number, capacity and nơi nhận', async () => {
    const page = await signedIn(CLERK, `/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: 'Tải văn bản', exact: true }).waitFor();
    // The clerk files the directive; the report is the office's leaders' and reviewers'.
    expect(await page.getByRole('link', { name: 'Tải bảng tổng hợp (XLSX)' }).count()).toBe(0);
    if (process.env.WEB_SCREENSHOTS) await page.screenshot({ path: 'test-results/screens/documents-campaign.png' });
    const file = await download(page, 'Tải văn bản chỉ đạo (DOCX)');
    expect(file.fileName).toBe('Kế hoạch 78-KH-PGDĐT.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: file.content });
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 78/KH-PGDĐT',
      'KT. TRƯỞNG PHÒNG',
      'Nơi nhận:',
      '- Lưu: VT, GDTH.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('the school downloads its approved plan as a PDF from the plan page, once approved', async () => {
    const school = { authorization: `Bearer ${await web.stack.login(principal(SCHOOL))}` };
    const http = web.stack.http();
    await http.put(`/api/plans/${planId}/draft`).set(school).send(PRIMARY_DRAFT).expect(200);
    await http.post(`/api/plans/${planId}/submit`).set(school).expect(200);

    const page = await signedIn(principal(SCHOOL), `/plans/${planId}`);
    await page.getByText('Đã nộp', { exact: false }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Tải kế hoạch đã duyệt (PDF)' }).count()).toBe(0);

    await http
      .post(`/api/plans/${planId}/approve`)
      .set({ authorization: `Bearer ${await web.stack.login(DEPUTY)}` })
      .send({ comment: 'Đồng ý phê duyệt.' })
      .expect(200);
    await page.reload();
    await page.getByRole('heading', { name: 'Kế hoạch đã duyệt' }).waitFor();
    if (process.env.WEB_SCREENSHOTS) await page.screenshot({ path: 'test-results/screens/documents-plan.png' });
    const file = await download(page, 'Tải kế hoạch đã duyệt (PDF)');
    expect(file.fileName).toMatch(/\.pdf$/);
    const text = (await pdfText(file.content)).replace(/\s+/g, ' ');
    for (const expected of [
      'TRƯỜNG TIỂU HỌC BÌNH ĐỊNH',
      'Phiên bản số 1',
      'Đồng ý phê duyệt.',
      'KT. TRƯỞNG PHÒNG',
      'Nguyễn Anh Hà',
    ]) {
      expect(text).toContain(expected);
    }
    // The office sees the same buttons on the plan.
    const admin = await signedIn(ADMIN, `/plans/${planId}`);
    await admin.getByRole('link', { name: 'Tải kế hoạch đã duyệt (DOCX)' }).waitFor();
  });
});
