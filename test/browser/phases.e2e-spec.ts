import type { Locator, Page } from 'playwright-core';
import { ADMIN, PRIMARY_DRAFT, bearer, openCampaign, principal } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { eventually } from '../support/stack';

// Phases in Chromium against the real stack: the office head opens a phase from the campaign's page (a working-day
// deadline, one school left out with its reason), and a principal fills the self-assessment (the approved target
// shown beside the result typed) and submits it.

const X = 'th-vu-an'; // approved, in the phase
const Y = 'th-vu-quy'; // approved, left out
const KEY = 'phases-web-2031';
const DOC = '21/KH-PGDĐT-GD';
const PHASE = 'Học kỳ I năm học 2030 - 2031';
const NARRATIVE: [RegExp, string][] = [
  [/^Kết quả đạt được( bắt buộc)?$/, 'Hoàn thành các chỉ tiêu chính của học kỳ I.'],
  [/^Những việc làm tốt( bắt buộc)?$/, 'Sinh hoạt chuyên môn theo nghiên cứu bài học.'],
  [/^Tồn tại, hạn chế và nguyên nhân( bắt buộc)?$/, 'Chưa có bể bơi: tỷ lệ biết bơi còn thấp.'],
];

jest.setTimeout(180_000);

describe('phases in the browser', () => {
  let web: BrowserStack;
  let campaignId: string;
  let childId: string;

  const post = async (email: string, url: string, body: object = {}) =>
    web.stack
      .http()
      .post(url)
      .set(await bearer(web.stack, email))
      .send(body);

  beforeAll(async () => {
    web = await startBrowserStack();
    campaignId = await openCampaign(web.stack, {
      key: KEY,
      documentNumber: DOC,
      title: 'Kế hoạch giáo dục năm học 2030 - 2031 của các trường tiểu học cụm III',
      issuedOn: '2030-08-20',
      period: { from: '2030-09-01', to: '2031-05-31' },
      phases: [
        { name: PHASE, from: '2030-09-05', to: '2031-01-15' },
        { name: 'Học kỳ II năm học 2030 - 2031', from: '2031-01-16', to: '2031-05-31' },
      ],
      targetLevels: ['PRIMARY'],
      targetClusters: ['III'],
      approvalLevels: 1,
      submissionDeadline: '2031-12-19T17:00:00+07:00',
      signer: { email: ADMIN },
    });
    // The two schools' plans approved through the API: drafted, submitted, approved by the head.
    for (const school of [X, Y]) {
      const plan = await web.stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: school } } });
      await web.stack
        .http()
        .put(`/api/plans/${plan.id}/draft`)
        .set(await bearer(web.stack, principal(school)))
        .send(PRIMARY_DRAFT)
        .expect(200);
      expect((await post(principal(school), `/api/plans/${plan.id}/submit`)).status).toBe(200);
      expect((await post(ADMIN, `/api/plans/${plan.id}/approve`, { comment: 'Đạt.' })).body.status).toBe('APPROVED');
    }
  });

  afterAll(async () => {
    await web?.close();
  });

  async function pickDay(field: Locator, day: string) {
    await field.click();
    await field.fill(day);
    await field.press('Enter');
  }

  async function axe(page: Page) {
    await page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(page);
  }

  it('the office head opens a phase from the campaign page, leaving one school out with its reason', async () => {
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent(`/campaigns/${campaignId}`)}`);
    await signIn(page, ADMIN);
    const card = page.locator('.phases-card');
    await card.getByRole('heading', { name: 'Giai đoạn thực hiện' }).waitFor();
    await axe(page);
    await card.getByRole('button', { name: `Mở giai đoạn: ${PHASE}` }).click();
    const dialog = page.getByRole('dialog', { name: `Mở giai đoạn: ${PHASE}` });
    await dialog.getByText('2 trường', { exact: false }).waitFor();
    await pickDay(dialog.getByLabel('Ngày hạn nộp (ngày làm việc)'), '14/03/2031');
    await dialog.getByLabel('Trường không tự đánh giá đợt này (ngoại lệ)').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Trường Tiểu học Vũ Quý' })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await dialog.getByLabel('Lý do: Trường Tiểu học Vũ Quý').fill('Trường đang sửa chữa, tự đánh giá vào học kỳ II');
    await screens(page, 'phases-open-dialog');
    await dialog.getByRole('button', { name: 'Mở giai đoạn', exact: true }).click();
    await card.getByRole('link', { name: `Tự đánh giá: ${DOC} (GĐ 1)` }).waitFor();

    const child = await web.stack.prisma.campaign.findFirstOrThrow({ where: { parentId: campaignId, phaseIndex: 0 } });
    childId = child.id;
    expect(child.kind).toBe('SELF_ASSESSMENT');
    expect(child.submissionDeadline.toISOString()).toBe(new Date('2031-03-14T17:00:00+07:00').toISOString());
    await eventually(
      async () =>
        (await web.stack.prisma.campaign.findUniqueOrThrow({ where: { id: childId } })).plansOpenedAt ?? undefined,
      30_000,
      'the self-assessments to open',
    );
    const plans = await web.stack.prisma.plan.findMany({ where: { campaignId: childId }, include: { school: true } });
    expect(plans.map((p) => p.school.code)).toEqual([X]);
    const audit = await web.stack.prisma.auditEvent.findFirstOrThrow({ where: { campaignId, type: 'PHASE_OPENED' } });
    expect(audit.data).toMatchObject({
      schools: 1,
      exceptions: [{ schoolName: 'Trường Tiểu học Vũ Quý', reason: 'Trường đang sửa chữa, tự đánh giá vào học kỳ II' }],
    });
    await page.close();
  });

  it('a principal fills the self-assessment beside the approved targets and submits it', async () => {
    const plan = await web.stack.prisma.plan.findFirstOrThrow({ where: { campaignId: childId, school: { code: X } } });
    const indicators = await web.stack.prisma.indicator.findMany({
      where: { code: { in: Object.keys(PRIMARY_DRAFT.indicators) }, district: { code: 'kien-xuong' } },
    });
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent('/')}`);
    await signIn(page, principal(X));
    // The home names the self-assessment as such.
    const card = page.locator('.plan-card').filter({ hasText: `${DOC} (GĐ 1)` });
    await card.getByText('Tự đánh giá', { exact: true }).waitFor();
    await card.getByRole('link').click();
    await page.waitForURL(`**/plans/${plan.id}`);
    await page.getByRole('heading', { name: 'Kết quả thực hiện các chỉ tiêu' }).waitFor();

    // The approved target of each indicator is shown, read-only, in its row.
    const row = (label: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
    const quality = indicators.find((i) => i.code === 'TH_QUALITIES_GOOD')!;
    await expect(row(quality.label).getByRole('cell').nth(1).innerText()).resolves.toBe('99,8%');
    const swim = indicators.find((i) => i.code === 'SWIM_CERT')!;
    await expect(row(swim.label).getByRole('cell').nth(1).innerText()).resolves.toBe('15%');
    await expect(page.getByLabel(`Mục tiêu: ${quality.label}`).count()).resolves.toBe(0);
    await axe(page);

    for (const [name, text] of NARRATIVE) await page.getByRole('textbox', { name }).fill(text);
    const results: Record<string, string> = {
      TH_QUALITIES_GOOD: '99,7',
      TH_LEARNING_DONE: '99,5',
      SWIM_CERT: '12',
      STAFF_PARTY_RATE: '66',
      STAFF_QUALIFIED: '85,5',
    };
    for (const i of indicators) await page.getByLabel(`Kết quả đạt được: ${i.label}`).fill(results[i.code]);
    // Short of the approved target: a warning beside the row, not a block.
    await row(quality.label).getByText('chưa đạt mục tiêu đã duyệt (99,8%)', { exact: false }).waitFor();
    await screens(page, 'phases-self-assessment');

    await page.getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Nộp' }).click();
    await eventually(
      async () => {
        const p = await web.stack.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } });
        return p.status === 'SUBMITTED' ? p : undefined;
      },
      15_000,
      'the self-assessment to be submitted',
    );
    const version = await web.stack.prisma.planVersion.findUniqueOrThrow({
      where: { planId_number: { planId: plan.id, number: 1 } },
    });
    expect(version.indicators).toMatchObject({
      TH_QUALITIES_GOOD: { result: 99.7 },
      SWIM_CERT: { result: 12 },
      STAFF_QUALIFIED: { result: 85.5 },
    });
    expect(version.sections).toMatchObject({ results: NARRATIVE[0][1], shortcomings: NARRATIVE[2][1] });
    await page.close();
  });
});
