import { ADMIN, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { eventually } from '../support/stack';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';

// The office's consolidation page (tổng hợp, issue 19) in Chromium against the real stack: three lower-secondary
// schools of cluster III approved, two not; the head of the office reads the figures the test computes itself.

jest.setTimeout(180_000);

const TITLE = 'Kế hoạch bồi dưỡng học sinh giỏi năm học 2027 - 2028';
const SECTIONS = { purpose: 'Nâng cao chất lượng bồi dưỡng học sinh giỏi các cấp.' };
const FIGURES = [
  { HSG_CITY_PRIZES: { target: 5 }, HSG_DISTRICT_RATE: { target: 14 } },
  { HSG_CITY_PRIZES: { target: 3 }, HSG_DISTRICT_RATE: { target: 10 } },
  { HSG_CITY_PRIZES: { target: 4 }, HSG_DISTRICT_RATE: { target: 13, targetMax: 15 } },
];

// Phase 1's results of the three approved schools, from their approved self-assessments.
const RESULTS = [
  { HSG_CITY_PRIZES: { result: 6 }, HSG_DISTRICT_RATE: { result: 15 } },
  { HSG_CITY_PRIZES: { result: 2 }, HSG_DISTRICT_RATE: { result: 11 } },
  { HSG_CITY_PRIZES: { result: 5 }, HSG_DISTRICT_RATE: { result: 12 } },
];
const NARRATIVE = {
  results: 'Hoàn thành phần lớn chỉ tiêu học kỳ I.',
  strengths: 'Bồi dưỡng theo chuyên đề.',
  shortcomings: 'Thiếu giáo viên môn chuyên.',
};

const vi = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

describe('the consolidation page, in the browser', () => {
  let web: BrowserStack;
  let campaignId: string;
  let approved: { code: string; name: string; students: number; rate: number }[];

  beforeAll(async () => {
    web = await startBrowserStack();
    campaignId = await openCampaign(web.stack, {
      key: 'consol-web-2027',
      documentNumber: '27/KH-PGDĐT',
      title: TITLE,
      targetLevels: ['LOWER_SECONDARY'],
      targetClusters: ['III'],
      requiredSections: ['purpose'],
      requiredIndicators: ['HSG_CITY_PRIZES', 'HSG_DISTRICT_RATE'],
      phases: [{ name: 'Học kỳ I', from: '2022-01-01', to: '2022-05-31' }],
      submissionDeadline: '2027-09-30T17:00:00+07:00',
    });
    const schools = await web.stack.prisma.school.findMany({
      where: { plans: { some: { campaignId } } },
      orderBy: { code: 'asc' },
    });
    expect(schools).toHaveLength(5);
    const http = web.stack.http();
    const admin = await bearer(web.stack, ADMIN);
    approved = [];
    for (const [k, figures] of FIGURES.entries()) {
      const school = schools[k];
      const planId = await planIdOf(web.stack, campaignId, school.code);
      const auth = await bearer(web.stack, principal(school.code));
      for (const res of [
        await http.put(`/api/plans/${planId}/draft`).set(auth).send({ sections: SECTIONS, indicators: figures }),
        await http.post(`/api/plans/${planId}/submit`).set(auth).send({}),
        await http.post(`/api/plans/${planId}/approve`).set(admin).send({ comment: 'Đồng ý.' }),
      ]) {
        if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      }
      approved.push({
        code: school.code,
        name: school.name,
        students: school.students!,
        rate: figures.HSG_DISTRICT_RATE.target,
      });
    }
    // Phase 1 opened for the approved plans; each school's self-assessment approved.
    const opened = await http
      .post(`/api/campaigns/${campaignId}/phases/0/open`)
      .set(admin)
      .send({ submissionDeadline: '2027-12-31T17:00:00+07:00' });
    if (opened.status !== 201) throw new Error(`${opened.status} ${JSON.stringify(opened.body)}`);
    const childId = opened.body.id as string;
    await eventually(
      async () =>
        (await web.stack.prisma.campaign.findUniqueOrThrow({ where: { id: childId } })).plansOpenedAt ?? undefined,
      30_000,
      'the self-assessments to open',
    );
    for (const [k, results] of RESULTS.entries()) {
      const planId = await planIdOf(web.stack, childId, approved[k].code);
      const auth = await bearer(web.stack, principal(approved[k].code));
      for (const res of [
        await http.put(`/api/plans/${planId}/draft`).set(auth).send({ sections: NARRATIVE, indicators: results }),
        await http.post(`/api/plans/${planId}/submit`).set(auth).send({}),
        await http.post(`/api/plans/${planId}/approve`).set(admin).send({}),
      ]) {
        if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      }
    }
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the head of the office the sum of a count and the pupil-weighted rate against the directive', async () => {
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent(`/campaigns/${campaignId}`)}`);
    await signIn(page, ADMIN);
    await page.waitForURL(`**/campaigns/${campaignId}`);
    await page.getByRole('link', { name: 'Tổng hợp chỉ tiêu' }).click();
    await page.waitForURL(`**/campaigns/${campaignId}/consolidation`);
    await page.getByRole('heading', { name: 'Tổng hợp chỉ tiêu', level: 1 }).waitFor();
    await page.getByText('3/5 kế hoạch đã duyệt; 2 kế hoạch chưa duyệt.').waitFor();

    const card = (label: string) =>
      page.locator('.consolidation-card', { has: page.getByRole('heading', { name: label }) });
    const districtCell = async (label: string, column: string) =>
      (
        await card(label)
          .getByRole('row', { name: /Toàn huyện/ })
          .locator(`td[data-label="${column}"]`)
          .textContent()
      )?.trim();

    // A count: 5 + 3 + 4 = 12 prizes in all, against the district's 40 - 60.
    const prizes = 'Số giải HSG môn văn hóa cấp Thành phố';
    await card(prizes).getByText('40 – 60 giải').waitFor();
    expect(await districtCell(prizes, 'Tổng')).toBe('12 giải');
    expect(await districtCell(prizes, 'Trung vị')).toBe('4 giải');
    expect(await districtCell(prizes, 'So với mức')).toBe('Chưa đạt');
    expect(await districtCell(prizes, 'Chưa duyệt')).toBe('2');
    expect(await card(prizes).getByText('Trường có mục tiêu chưa đạt mức').count()).toBe(0);

    // A rate: weighted by each school's pupils, its range target's floor (12%) the line.
    const rate = 'Tỷ lệ HS đạt giải HSG, HSNK cấp huyện';
    const pupils = approved.reduce((a, s) => a + s.students, 0);
    const mean = Math.round((approved.reduce((a, s) => a + s.rate * s.students, 0) / pupils) * 1000) / 1000;
    expect(await districtCell(rate, 'Bình quân')).toBe(`${vi(mean)}%`);
    expect(await districtCell(rate, 'So với mức')).toBe(mean >= 12 ? 'Đạt' : 'Chưa đạt');
    expect(await districtCell(rate, 'Trường dưới mức')).toBe('1');
    await card(rate).getByText('Trường có mục tiêu chưa đạt mức của đợt (1)').click();
    const below = approved.find((s) => s.rate < 12)!;
    await card(rate).getByText(`${below.name} (THCS, cụm III): 10%`).waitFor();
    await card(rate)
      .getByRole('img', { name: /bình quân .* theo cụm trường/ })
      .waitFor();

    // Phase 1's results beside the targets: the prizes summed (6 + 2 + 5), the rate weighted by pupils.
    await card(prizes).getByRole('columnheader', { name: 'Kết quả GĐ 1' }).waitFor();
    expect(await districtCell(prizes, 'Kết quả GĐ 1: Số trường báo cáo')).toBe('3');
    expect(await districtCell(prizes, 'Kết quả GĐ 1: Tổng kết quả')).toBe('13 giải');
    expect(await districtCell(prizes, 'Kết quả GĐ 1: Kết quả so với mức')).toBe('Chưa đạt');
    const achieved =
      Math.round(
        (RESULTS.reduce((a, r, k) => a + r.HSG_DISTRICT_RATE.result * approved[k].students, 0) / pupils) * 1000,
      ) / 1000;
    expect(await districtCell(rate, 'Kết quả GĐ 1: Bình quân kết quả')).toBe(`${vi(achieved)}%`);
    expect(await districtCell(rate, 'Kết quả GĐ 1: Kết quả so với mức')).toBe(achieved >= 12 ? 'Đạt' : 'Chưa đạt');
    // Per school, the result beside its own approved target: the first school's 15% against its 14%.
    await card(rate).getByText('Kết quả từng trường, giai đoạn 1 (3 trường)').click();
    const perSchool = card(rate).getByRole('table', { name: 'Kết quả từng trường, giai đoạn 1 (3 trường)' });
    const first = perSchool.getByRole('row', { name: new RegExp(approved[0].name) });
    expect((await first.locator('td[data-label="Mục tiêu đã duyệt"]').textContent())?.trim()).toBe('14%');
    expect((await first.locator('td[data-label="Kết quả"]').textContent())?.trim()).toBe('15%');
    expect((await first.locator('td[data-label="So với mục tiêu"]').textContent())?.trim()).toBe('Đạt');
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'consolidation', ['.consolidation-card']);

    // On a phone the rows become cards: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await card(rate)
      .getByRole('row', { name: /Toàn huyện/ })
      .waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
  });
});
