import type { Locator, Page } from 'playwright-core';
import { ADMIN, CLERK, bearer, openCampaign } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { eventually } from '../support/stack';

// The office's campaign pages in Chromium against the real stack: issuing a campaign through the step-by-step form
// with its reminders previewed on the district's working-day calendar, copying last year's, the campaign's page
// (add and remove a school, extend the deadline, close), and the calendar page moving the reminder preview.

const DOC = '38/KH-PGDĐT';
const KEY = 'van-hoa-doc-phong-2027';
const TITLE = 'Kế hoạch phát triển văn hóa đọc trong trường học năm 2027';
const BASIS = 'Quyết định số 1862/QĐ-TTg ngày 04/11/2021 của Thủ tướng Chính phủ';
const SWIM = 'Tỷ lệ HS được cấp chứng chỉ biết bơi';

// Last year's, issued through the API: what "Sao chép từ năm trước" starts from.
const SOURCE = {
  key: 'an-toan-truong-hoc-2026',
  documentNumber: '12/KH-PGDĐT',
  title: 'Kế hoạch bảo đảm an toàn trường học năm 2026',
  issuedOn: '2026-01-05',
  period: { from: '2026-01-05', to: '2026-12-31' },
  phases: [{ name: 'Học kỳ II', from: '2026-01-05', to: '2026-05-31' }],
  targetLevels: ['LOWER_SECONDARY'],
  targetClusters: ['II'],
  requiredSections: ['purpose', 'tasks'],
  requiredIndicators: ['STAFF_QUALIFIED'],
  paperCopies: 2,
  receiver: CLERK,
  approvalLevels: 1,
  submissionDeadline: '2027-01-29T16:30:00+07:00',
  reminderPolicy: {
    SUBMISSION: {
      rungs: [
        { key: 'before-5', offset: -5, to: ['PRINCIPAL'] },
        { key: 'due', offset: 0, to: ['PRINCIPAL'], cc: ['REVIEWER'] },
      ],
    },
  },
};

/** The district's own Tết break around mùng 1 (Sat 6/2/2027), as the office announces it each year. */
const TET_2027 = ['2027-02-04', '2027-02-08', '2027-02-09'];

// Each test walks several pages in two browsers: on a loaded 2-core machine that takes more than the default minute.
jest.setTimeout(180_000);

describe("the office's campaign pages in the browser", () => {
  let web: BrowserStack;
  let campaignId: string;

  beforeAll(async () => {
    web = await startBrowserStack();
    const auth = await bearer(web.stack, ADMIN);
    for (const date of TET_2027) {
      await web.stack
        .http()
        .put(`/api/calendar/days/${date}`)
        .set(auth)
        .send({ kind: 'DAY_OFF', name: 'Nghỉ Tết Nguyên Đán' })
        .expect(200);
    }
    await openCampaign(web.stack, { ...SOURCE, signer: { email: ADMIN } });
  });

  afterAll(async () => {
    await web?.close();
  });

  /** The district's days off of a year as the API lists them, weekends added: an independent working-day count. */
  async function workingDays(years: number[]) {
    const auth = await bearer(web.stack, ADMIN);
    const listed = new Map<string, string>();
    for (const year of years) {
      const res = await web.stack.http().get(`/api/calendar/days?year=${year}`).set(auth).expect(200);
      for (const d of res.body as { date: string; kind: string }[]) listed.set(d.date, d.kind);
    }
    const working = (date: string) => {
      const kind = listed.get(date);
      if (kind) return kind === 'WORKING_DAY';
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    };
    const step = (date: string, by: number) => {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + by);
      return d.toISOString().slice(0, 10);
    };
    /** The reminders' rule (README): before and on the day counted back from the last working day on or before it. */
    const rungDay = (deadline: string, offset: number) => {
      let day = deadline;
      if (offset <= 0) while (!working(day)) day = step(day, -1);
      const by = offset < 0 ? -1 : 1;
      for (let left = Math.abs(offset); left > 0; left--) {
        day = step(day, by);
        while (!working(day)) day = step(day, by);
      }
      return day;
    };
    return { working, rungDay };
  }

  async function pickDay(field: Locator, day: string) {
    await field.click();
    await field.fill(day);
    await field.press('Enter');
  }

  async function choose(page: Page, field: Locator, option: string) {
    await field.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }

  const sampleDistrictId = async () =>
    (await web.stack.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } })).districtId!;
  const next = async (page: Page) => {
    // A date picker left open by the field before it would lie over the step's buttons: closed first.
    await page
      .locator('.ant-picker-dropdown:visible')
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .catch(async () => {
        await page.keyboard.press('Escape');
      });
    await page.getByRole('button', { name: 'Tiếp', exact: true }).click();
  };
  const stepTitle = (page: Page, title: string) => page.getByRole('heading', { name: title, level: 2 }).waitFor();

  /** The preview's rows: the rung's words and the day (from its <time>) it falls on. */
  async function previewRows(page: Page): Promise<[string, string][]> {
    const rows = page.locator('.preview-table tbody tr.ant-table-row');
    await rows.first().waitFor();
    const out: [string, string][] = [];
    for (const row of await rows.all()) {
      const cells = row.locator('td');
      out.push([await cells.nth(0).innerText(), (await cells.nth(1).locator('time').getAttribute('datetime')) ?? '']);
    }
    return out;
  }

  /**
   * axe on the page at rest: the pointer, left on the button just clicked, would show that button's hover tint (the
   * shared theme's primary hover, 4.46:1 on white) instead of the colour a reader sees.
   */
  async function axe(page: Page) {
    await page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(page);
  }

  /** Signs the head of the office in on the sign-in page, which then opens `path` (its `next`). */
  async function openAs(page: Page, path: string) {
    await page.goto(`/login?next=${encodeURIComponent(path)}`);
    await signIn(page, ADMIN);
    await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
  }

  it('issues a campaign through the form, previews its reminders on the working-day calendar, and opens its plans', async () => {
    const page = await web.newPage();
    await openAs(page, '/campaigns');
    await page.getByRole('heading', { name: 'Đợt kế hoạch', level: 1 }).waitFor();
    await page.getByRole('link', { name: `${SOURCE.documentNumber}: ${SOURCE.title}` }).waitFor();
    await axe(page);
    await screens(page, 'office-campaigns');
    await page.getByRole('link', { name: 'Ban hành đợt mới' }).click();
    await page.getByRole('heading', { name: 'Ban hành đợt kế hoạch', level: 1 }).waitFor();

    // 1. The directive.
    await stepTitle(page, '1. Văn bản');
    await page.getByLabel('Số/ký hiệu').fill(DOC);
    await pickDay(page.getByLabel('Ngày ban hành'), '07/12/2026');
    await page.getByLabel('Mã đợt').fill(KEY);
    await page.getByLabel('Trích yếu').fill(TITLE);
    await page.getByLabel('Căn cứ 1', { exact: true }).fill(BASIS);
    await axe(page);
    await screens(page, 'office-issue-document');
    await next(page);

    // 2. Period and one phase.
    await stepTitle(page, '2. Thời gian');
    await pickDay(page.getByLabel('Thực hiện từ ngày'), '01/01/2027');
    await pickDay(page.getByLabel('Đến ngày', { exact: true }), '31/12/2027');
    await page.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    await page.getByLabel('Tên giai đoạn 1').fill('Học kỳ II năm học 2026 - 2027');
    await pickDay(page.getByLabel('Giai đoạn 1 từ ngày'), '01/01/2027');
    await pickDay(page.getByLabel('Giai đoạn 1 đến ngày'), '31/05/2027');
    await next(page);

    // 3. Primary schools of cluster I, with the number of schools each choice selects.
    await stepTitle(page, '3. Đối tượng');
    // The sample district's own schools: other suites bring districts of their own into the same database.
    const open = { closedAt: null, districtId: await sampleDistrictId() };
    const primary = await web.stack.prisma.school.count({ where: { ...open, level: 'PRIMARY' } });
    const primaryI = await web.stack.prisma.school.count({
      where: { ...open, level: 'PRIMARY', cluster: { code: 'I' } },
    });
    await page.getByRole('checkbox', { name: `Tiểu học (${primary} trường)` }).check();
    await page.getByRole('checkbox', { name: `Cụm I (${primaryI} trường)` }).check();
    await page.getByText(`Đợt này mở ${primaryI} kế hoạch`).waitFor();
    await axe(page);
    await screens(page, 'office-issue-targets');
    await next(page);

    // 4. The catalogue's required sections come checked; one indicator with the district's target.
    await stepTitle(page, '4. Nội dung');
    await expect(page.getByRole('checkbox', { name: 'Mục đích, yêu cầu' }).isChecked()).resolves.toBe(true);
    const swim = page.getByRole('checkbox', { name: new RegExp(`^${SWIM} \\(Mọi cấp học; mức của huyện`) });
    await swim.check();
    await axe(page);
    await next(page);

    // 5. Deadline just after Tết, two paper copies, two approval levels.
    await stepTitle(page, '5. Hạn nộp, duyệt');
    await pickDay(page.getByLabel('Hạn nộp (ngày)'), '10/02/2027');
    await page.getByLabel('Số bản giấy nộp về Phòng').fill('2');
    await page.getByLabel('Nơi nhận').fill('Như trên;\nLưu: VT, GDTH.');
    await page.getByRole('radio', { name: 'Hai cấp: chuyên viên đề xuất, lãnh đạo Phòng quyết định' }).check();
    await axe(page);
    await next(page);

    // 6. The default ladder, each rung on the day the district's calendar gives: Tết and weekends skipped.
    await stepTitle(page, '6. Nhắc hạn');
    const calendar = await workingDays([2027]);
    const rows = await previewRows(page);
    const offsets = [-7, -3, -1, 0, 1, 3];
    expect(rows.slice(0, 6).map(([, day]) => day)).toEqual(offsets.map((o) => calendar.rungDay('2027-02-10', o)));
    expect(rows[2]).toEqual(['1 ngày làm việc trước hạn', '2027-02-03']);
    expect(rows[3]).toEqual(['Ngày hạn nộp', '2027-02-10']);
    for (const [, day] of rows) expect(calendar.working(day)).toBe(true);
    await axe(page);
    await screens(page, 'office-issue-reminders', ['.reminder-preview']);

    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = page.url().split('/').pop()!;
    const row = await web.stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(row).toMatchObject({
      key: KEY,
      documentNumber: DOC,
      title: TITLE,
      legalBases: [BASIS],
      targetLevels: ['PRIMARY'],
      targetClusters: ['I'],
      requiredIndicators: ['SWIM_CERT'],
      paperCopies: 2,
      distribution: ['Như trên;', 'Lưu: VT, GDTH.'],
      approvalLevels: 2,
      reviewMode: 'DESK',
      copiedFromId: null,
      phases: [{ name: 'Học kỳ II năm học 2026 - 2027', from: '2027-01-01', to: '2027-05-31' }],
    });
    expect(row.submissionDeadline.toISOString()).toBe('2027-02-10T10:00:00.000Z');
    expect(row.issuedOn.toISOString().slice(0, 10)).toBe('2026-12-07');
    expect(
      (row.reminderPolicy as { SUBMISSION: { rungs: { key: string }[] } }).SUBMISSION.rungs.map((r) => r.key),
    ).toEqual(['before-7', 'before-3', 'before-1', 'due', 'after-1', 'after-3']);

    // Its plans open (the campaign's workflow) and appear on its page, each linking to the plan.
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await eventually(
      async () =>
        (await web.stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).plansOpenedAt ?? undefined,
      30_000,
      'the plans to open',
    );
    const plans = await web.stack.prisma.plan.findMany({ where: { campaignId }, include: { school: true } });
    expect(plans).toHaveLength(primaryI);
    const links = page.locator('.plans-card tbody tr.ant-table-row a');
    await eventually(async () => ((await links.count()) === plans.length ? true : undefined), 15_000, 'the plan rows');
    for (const plan of plans) {
      await expect(page.getByRole('link', { name: plan.school.name, exact: true }).getAttribute('href')).resolves.toBe(
        `/plans/${plan.id}`,
      );
    }
    const directive = await page.locator('.directive-card').innerText();
    for (const text of [
      DOC,
      BASIS,
      '17:00 10/02/2027',
      '2 bản',
      SWIM,
      'Học kỳ II năm học 2026 - 2027: 01/01/2027 – 31/05/2027',
    ]) {
      expect(directive).toContain(text);
    }
    await page
      .locator('.audit-list')
      .getByText(/ban hành/i)
      .first()
      .waitFor();
    // …and on the board, through the API.
    const board = await web.stack
      .http()
      .get(`/api/board?campaignId=${campaignId}`)
      .set(await bearer(web.stack, ADMIN))
      .expect(200);
    expect(board.body.total).toBe(plans.length);
    expect((board.body.items as { school: { code: string } }[]).map((i) => i.school.code).sort()).toEqual(
      plans.map((p) => p.school.code).sort(),
    );
    await axe(page);
    await screens(page, 'office-campaign', ['.plans-card']);
  });

  it("copies last year's campaign into the form and shows the API's field error where it belongs, writing nothing", async () => {
    const page = await web.newPage();
    await openAs(page, '/campaigns');
    await openFormFromList(page);
    await choose(page, page.getByLabel('Đợt để sao chép'), SOURCE.documentNumber);
    await page.getByRole('button', { name: 'Sao chép từ năm trước' }).click();
    await page.getByText(`Đã điền theo văn bản ${SOURCE.documentNumber}`).waitFor();

    // Everything but the new key and number, the dates a year on.
    await expect(page.getByLabel('Trích yếu').inputValue()).resolves.toBe(SOURCE.title);
    await expect(page.getByLabel('Số/ký hiệu').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Ngày ban hành').inputValue()).resolves.toBe('05/01/2027');
    await page.getByLabel('Số/ký hiệu').fill('15/KH-PGDĐT');
    await page.getByLabel('Mã đợt').fill('an-toan-truong-hoc-2027');
    await next(page);
    await expect(page.getByLabel('Thực hiện từ ngày').inputValue()).resolves.toBe('05/01/2027');
    await expect(page.getByLabel('Tên giai đoạn 1').inputValue()).resolves.toBe('Học kỳ II');
    // A period that ends before it starts: only the API checks it.
    await pickDay(page.getByLabel('Đến ngày', { exact: true }), '01/01/2027');
    await next(page);
    await expect(page.getByRole('checkbox', { name: /^THCS/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /^Cụm II \(/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /^Tiểu học/ }).isChecked()).resolves.toBe(false);
    await next(page);
    await expect(page.getByRole('checkbox', { name: 'Nội dung, nhiệm vụ và giải pháp' }).isChecked()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('checkbox', { name: 'Tổ chức thực hiện' }).isChecked()).resolves.toBe(false);
    await next(page);
    await expect(page.getByLabel('Hạn nộp (ngày)').inputValue()).resolves.toBe('29/01/2028');
    await expect(page.getByLabel('Giờ', { exact: true }).inputValue()).resolves.toBe('16:30');
    await expect(page.getByLabel('Số bản giấy nộp về Phòng').inputValue()).resolves.toBe('2');
    await next(page);
    // Last year's own ladder: five working days before, and on the day.
    await expect(page.getByLabel('Mốc 1: số ngày làm việc').inputValue()).resolves.toBe('-5');
    await expect(page.getByLabel('Mốc 2: số ngày làm việc').inputValue()).resolves.toBe('0');
    const calendar = await workingDays([2028]);
    expect(await previewRows(page)).toEqual([
      ['5 ngày làm việc trước hạn', calendar.rungDay('2028-01-29', -5)],
      ['Ngày hạn nộp', calendar.rungDay('2028-01-29', 0)],
    ]);
    // 29/1/2028 is a Saturday: said before issuing.
    await page.getByText('Hạn nộp rơi vào ngày nghỉ (Thứ Bảy).').waitFor();

    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    // The API's refusal lands on the period's end, on its step.
    await stepTitle(page, '2. Thời gian');
    const periodTo = page.locator('.ant-form-item').filter({ has: page.getByLabel('Đến ngày', { exact: true }) });
    await periodTo.getByText('Ngày kết thúc phải sau ngày bắt đầu').waitFor();
    await page.getByRole('alert').filter({ hasText: 'sửa các trường được đánh dấu' }).waitFor();
    await axe(page);
    await screens(page, 'office-issue-field-error');
    await expect(web.stack.prisma.campaign.count({ where: { key: 'an-toan-truong-hoc-2027' } })).resolves.toBe(0);

    // Issuing from the form is the first test's; the copy's link to its source (copiedFromId) is pinned in
    // test/e2e/lifecycle-rounds.e2e-spec.ts.
  });

  it('adds a day off on the calendar and the reminder preview moves; removing the correction is recorded', async () => {
    const page = await web.newPage();
    await openAs(page, '/calendar?year=2027');
    await page.getByRole('heading', { name: 'Lịch nghỉ', level: 1 }).waitFor();
    // The district's Tết days beside the library's holidays.
    const table = page.locator('.calendar-layout .ant-table');
    await table.getByText('Nghỉ Tết Nguyên Đán').first().waitFor();
    await axe(page);
    await screens(page, 'office-calendar');

    // A form at step 6 for a deadline of Fri 12/3/2027 with one rung two working days before: Wed 10/3.
    const previewFor = async () => {
      await page.getByRole('link', { name: 'Đợt kế hoạch', exact: true }).click();
      await openFormFromList(page);
      await choose(page, page.getByLabel('Đợt để sao chép'), DOC);
      await page.getByRole('button', { name: 'Sao chép từ năm trước' }).click();
      await page.getByLabel('Số/ký hiệu').fill('99/KH-PGDĐT');
      await page.getByLabel('Mã đợt').fill('xem-truoc');
      for (let i = 0; i < 4; i++) await next(page);
      await pickDay(page.getByLabel('Hạn nộp (ngày)'), '12/03/2027');
      await next(page);
      await page.getByRole('button', { name: 'Dùng các mốc mặc định' }).click();
      // The answer for this deadline (the previous one shows while it is asked): the default six rungs, three digests.
      return eventually(
        async () => {
          const rows = await previewRows(page);
          const due = rows.find(([label]) => label === 'Ngày hạn nộp')?.[1];
          return rows.length === 9 && due === '2027-03-12' ? rows : undefined;
        },
        10_000,
        'the preview of 12/03/2027',
      );
    };
    const before = await previewFor();
    const beforeOne = before.find(([label]) => label === '1 ngày làm việc trước hạn')![1];
    expect(beforeOne).toBe('2027-03-11');

    // The office closes that day (a local festival); the same reminder moves back a working day.
    // The year of the day it adds, not the current one the menu opens.
    await page.goto('/calendar?year=2027');
    await page.getByRole('heading', { name: 'Lịch nghỉ', level: 1 }).waitFor();
    await pickDay(page.getByLabel('Ngày', { exact: true }), '11/03/2027');
    await page.getByRole('radio', { name: 'Ngày nghỉ' }).check();
    await page.getByLabel('Tên hoặc lý do').fill('Nghỉ lễ hội truyền thống của huyện');
    await page.getByRole('button', { name: 'Lưu vào lịch' }).click();
    const added = page.locator('.calendar-layout tr').filter({ hasText: 'Nghỉ lễ hội truyền thống của huyện' });
    await added.waitFor();
    expect(await added.innerText()).toContain('Điều chỉnh của Phòng');
    const row = await web.stack.prisma.dayOverride.findFirstOrThrow({
      where: { date: new Date('2027-03-11T00:00:00Z') },
    });
    expect(row).toMatchObject({ kind: 'DAY_OFF', name: 'Nghỉ lễ hội truyền thống của huyện' });
    await axe(page);
    await screens(page, 'office-calendar-added', ['.calendar-layout .ant-card:first-child']);

    await previewFor();
    // Read again from the API's calendar (the page may show the earlier answer for a moment while it asks).
    const after = await eventually(
      async () => {
        const rows = await previewRows(page);
        return rows.find(([label]) => label === '1 ngày làm việc trước hạn')![1] === '2027-03-10' ? rows : undefined;
      },
      10_000,
      'the preview to move',
    );
    expect(after.find(([label]) => label === 'Ngày hạn nộp')![1]).toBe('2027-03-12');

    // Removing the correction: the day is the library's again, and the audit log says who did it.
    await page.goto('/calendar?year=2027');
    await page.getByRole('button', { name: 'Bỏ điều chỉnh 11/03/2027' }).click();
    await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: 'Bỏ điều chỉnh' }).click();
    await added.waitFor({ state: 'detached' });
    await expect(
      web.stack.prisma.dayOverride.count({ where: { date: new Date('2027-03-11T00:00:00Z') } }),
    ).resolves.toBe(0);
    const audit = await web.stack.prisma.auditEvent.findFirstOrThrow({
      where: { type: 'DAY_OVERRIDE_CHANGED' },
      orderBy: { createdAt: 'desc' },
      include: { actor: true },
    });
    expect(audit.actor?.email).toBe(ADMIN);
    expect(audit.data).toMatchObject({ date: '2027-03-11', after: null });
  });

  async function openFormFromList(page: Page) {
    await page.getByRole('heading', { name: 'Đợt kế hoạch', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Ban hành đợt mới' }).click();
    await page.getByRole('heading', { name: 'Ban hành đợt kế hoạch', level: 1 }).waitFor();
  }

  it("adds and removes a school on the campaign's page, extends its deadline, and closes it", async () => {
    const page = await web.newPage();
    await openAs(page, `/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // A primary school of cluster II, outside the campaign's clusters: added by hand.
    const extra = await web.stack.prisma.school.findFirstOrThrow({
      where: { districtId: await sampleDistrictId(), level: 'PRIMARY', cluster: { code: 'II' }, closedAt: null },
      orderBy: { code: 'asc' },
    });
    await choose(page, page.getByLabel('Trường thêm vào đợt'), extra.name);
    await page.getByRole('button', { name: 'Thêm trường' }).click();
    await page.getByRole('link', { name: extra.name, exact: true }).waitFor();
    const plan = await web.stack.prisma.plan.findFirstOrThrow({ where: { campaignId, schoolId: extra.id } });
    expect(plan.removedAt).toBeNull();
    await expect(page.getByRole('link', { name: extra.name, exact: true }).getAttribute('href')).resolves.toBe(
      `/plans/${plan.id}`,
    );

    // Removed again, with the reason: its plan closes, the timeline says so.
    await page.getByRole('button', { name: `Rút khỏi đợt: ${extra.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Rút ${extra.name} khỏi đợt` });
    await dialog.getByRole('button', { name: 'Rút khỏi đợt' }).click();
    await dialog.getByText('Cần ghi rõ lý do').waitFor();
    await axe(page);
    await screens(page, 'office-remove-school', ['.ant-modal']);
    await dialog.getByLabel('Lý do').fill('Trường thuộc cụm II, đã thêm nhầm.');
    await dialog.getByRole('button', { name: 'Rút khỏi đợt' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('.plans-card tr').filter({ hasText: extra.name });
    await row.getByText('đã rút khỏi đợt').waitFor();
    await eventually(
      async () =>
        (await web.stack.prisma.plan.findUniqueOrThrow({ where: { id: plan.id } })).status === 'CLOSED' || undefined,
      20_000,
      'the removed plan to close',
    );
    const removed = await web.stack.prisma.auditEvent.findFirstOrThrow({
      where: { campaignId, type: 'CAMPAIGN_SCHOOL_REMOVED' },
    });
    expect(removed.data).toMatchObject({ schoolCode: extra.code, reason: 'Trường thuộc cụm II, đã thêm nhầm.' });
    await row.getByText('Đã đóng').waitFor({ timeout: 15_000 });
    await page
      .locator('.audit-list')
      .getByText(new RegExp(`rút trường ${extra.code}|${extra.code}`))
      .first()
      .waitFor();

    // The deadline moved for everyone, with a reason.
    await page.getByRole('button', { name: 'Gia hạn cả đợt' }).click();
    const extend = page.getByRole('dialog', { name: 'Gia hạn nộp cho cả đợt' });
    await pickDay(extend.getByLabel('Hạn mới (ngày)'), '12/02/2027');
    await extend.getByLabel('Lý do').fill('Các trường cần thêm thời gian sau Tết.');
    await axe(page);
    await extend.getByRole('button', { name: 'Xác nhận' }).click();
    await extend.waitFor({ state: 'detached' });
    await eventually(
      async () =>
        (
          await web.stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })
        ).submissionDeadline.toISOString() === '2027-02-12T10:00:00.000Z' || undefined,
      20_000,
      'the new deadline',
    );
    await page.getByText('Hạn nộp: 17:00 12/02/2027').waitFor();

    // Closed, after a confirmation that says what it does.
    await page.getByRole('button', { name: 'Kết thúc đợt' }).click();
    const close = page.getByRole('dialog', { name: 'Kết thúc đợt kế hoạch?' });
    await close.getByText('Không thể hoàn tác').waitFor();
    await close.getByLabel('Lý do').fill('Đợt đã hoàn thành.');
    await close.getByRole('button', { name: 'Kết thúc đợt' }).click();
    await close.waitFor({ state: 'detached' });
    await eventually(
      async () =>
        (await web.stack.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).status === 'CLOSED' ||
        undefined,
      20_000,
      'the campaign to close',
    );
    await page.locator('.campaign-actions').getByText('Đã kết thúc').waitFor();
    await expect(page.getByRole('button', { name: 'Kết thúc đợt' }).count()).resolves.toBe(0);
    await expect(web.stack.prisma.auditEvent.count({ where: { campaignId, type: 'CAMPAIGN_CLOSED' } })).resolves.toBe(
      1,
    );
    await axe(page);
    await screens(page, 'office-campaign-closed');
  });
});
