import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { ADMIN, openCampaign, planIdOf, principal } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { icsOf, mailOf } from '../support/calendar-mail';
import { clearMailbox } from '../support/mailbox';
import { MAM_NON, PRESCHOOLS, PRESCHOOL_DRAFT, callsAs, expectStatus } from '../support/meetings';
import { eventually } from '../support/stack';

// The review meetings' screens in Chromium against the real stack: the admin schedules cluster I's meeting through
// the page (invitations in the SMTP catcher), reorders the running order with the keyboard and the buttons, runs the
// meeting from the room view (attendance with a union guest, every school's outcome: four approved, one returned
// with a comment and a revision deadline) and downloads the minutes, read back with mammoth.

const RUN = Date.now().toString(36);
const DOC = '86/KH-PGDĐT';
const CLUSTER_I = PRESCHOOLS.filter((s) => s.cluster === 'I');
const RETURNED = 'mn-nam-binh';
const DEPUTY = MAM_NON.signer.email;
const VENUE = 'Hội trường Phòng GD&ĐT, tầng 2';
const RETURN_COMMENT = 'Bổ sung giải pháp huy động trẻ nhà trẻ ra lớp, nêu rõ người phụ trách.';
const OPEN_COMMENT = 'Chỉ tiêu trẻ nhà trẻ ra lớp cần có lộ trình theo từng học kỳ.';
const GUEST = { name: 'Nguyễn Thị Hoa', title: 'Chủ tịch Công đoàn' };

// Each test walks several pages in two browsers: on a loaded 2-core machine that takes more than the default minute.
jest.setTimeout(180_000);

describe("the review meetings' screens in the browser", () => {
  let web: BrowserStack;
  let campaignId: string;
  let meetingId: string;
  const planId: Record<string, string> = {};
  const nameOf = (code: string) => CLUSTER_I.find((s) => s.code === code)?.name ?? code;

  beforeAll(async () => {
    web = await startBrowserStack();
    await clearMailbox();
    campaignId = await openCampaign(web.stack, {
      ...MAM_NON,
      key: `mam-non-web-${RUN}`,
      documentNumber: DOC,
      targetClusters: ['I'],
      issuedOn: '2026-11-25',
      submissionDeadline: '2027-01-20T17:00:00+07:00',
    });
    const api = callsAs(web.stack);
    for (const s of CLUSTER_I) {
      planId[s.code] = await planIdOf(web.stack, campaignId, s.code);
      expectStatus(await api.put(principal(s.code), `/api/plans/${planId[s.code]}/draft`, PRESCHOOL_DRAFT), 200);
      expectStatus(await api.post(principal(s.code), `/api/plans/${planId[s.code]}/submit`), 200);
    }
    // A reviewer's comment still open when the school presents: the room shows it.
    const comment = { anchorType: 'GENERAL', body: OPEN_COMMENT };
    expectStatus(await api.post(DEPUTY, `/api/plans/${planId[RETURNED]}/comments`, comment), 201);
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
  const invitations = (email: string) => mailOf('MEETING_INVITATION', email);
  /** Picks an option of an Ant Design select by its exact label, in the dropdown the field opened. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  };
  const slotOrder = async () =>
    (
      await web.stack.prisma.meetingSlot.findMany({
        where: { meetingId },
        orderBy: { position: 'asc' },
        include: { plan: { include: { school: true } } },
      })
    ).map((s) => s.plan.school.code);

  it('the admin schedules cluster I through the page; the schools get their invitations', async () => {
    const page = await signedIn(ADMIN, `/meetings?campaign=${campaignId}`);
    await page.getByRole('heading', { name: 'Hội nghị duyệt kế hoạch', level: 1 }).waitFor();
    await page.getByText('Đợt này chưa có hội nghị nào.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'meetings-empty');

    await choose(page, 'Cụm trường', 'Cụm I');
    await page.getByLabel('Ngày', { exact: true }).fill('2027-01-25');
    await page.getByLabel('Giờ bắt đầu').fill('07:30');
    await page.getByLabel('Thời lượng mỗi trường (phút)').fill('20');
    await page.getByLabel('Địa điểm').fill(VENUE);
    await page.getByRole('button', { name: 'Lên lịch và gửi giấy mời' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    meetingId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: 'Hội nghị duyệt kế hoạch - Cụm I', level: 1 }).waitFor();

    const meeting = await web.stack.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting).toMatchObject({ campaignId, venue: VENUE, slotMinutes: 20, status: 'SCHEDULED' });
    expect(meeting.startsAt.toISOString()).toBe('2027-01-25T00:30:00.000Z');
    const names = CLUSTER_I.map((s) => s.name).sort(new Intl.Collator('vi').compare);
    expect((await slotOrder()).map(nameOf)).toEqual(names);
    const listed = await page.getByRole('list', { name: 'Thứ tự trình bày' }).getByRole('link').allInnerTexts();
    expect(listed).toEqual(names);

    // Each principal's invitation reached the catcher, and the page says so per invitee.
    for (const s of CLUSTER_I) {
      const [mail] = await eventually(
        async () => {
          const mails = await invitations(principal(s.code));
          return mails.length ? mails : undefined;
        },
        30_000,
        `the invitation to ${principal(s.code)}`,
      );
      expect(mail.subject).toContain(`Giấy mời: Hội nghị duyệt kế hoạch - Cụm I - ${s.name}`);
      const ics = await icsOf(mail);
      const slot = await web.stack.prisma.meetingSlot.findFirstOrThrow({
        where: { meetingId, plan: { school: { code: s.code } } },
      });
      const startsAt = new Date(Date.parse('2027-01-25T00:30:00Z') + (slot.position - 1) * 20 * 60_000);
      expect(ics).toMatchObject({ method: 'REQUEST', sequence: 0, start: startsAt.toISOString() });
    }
    await eventually(
      async () => {
        await page.reload();
        await page.locator('.ant-table-row').first().waitFor();
        const rows = await page.locator('.ant-table-row').allInnerTexts();
        return rows.length > 5 && rows.every((r) => r.includes('Đã gửi giấy mời (thư đã đi)')) ? rows : undefined;
      },
      30_000,
      'every invitation shown as sent',
    );
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'meeting', ['.slot-list']);

    await page.getByRole('link', { name: 'Các hội nghị của đợt' }).click();
    await page.getByRole('link', { name: 'Hội nghị duyệt kế hoạch - Cụm I' }).waitFor();
    const row = await page.locator('.ant-table-row').first().innerText();
    expect(row).toContain('25/01/2027');
    expect(row).toContain('07:30 - 09:10');
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'meetings-list');
  });

  it('reorders the running order with the keyboard and with the buttons; the moved schools get an update', async () => {
    const page = await signedIn(ADMIN, `/meetings/${meetingId}`);
    const before = await slotOrder();
    const [a, b, c] = before;

    // Keyboard dragging: focus the handle, space lifts, arrow down moves one place, space drops.
    const handle = page.getByRole('button', { name: `Kéo để đổi thứ tự: ${nameOf(a)}` });
    await handle.focus();
    for (const key of ['Space', 'ArrowDown', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    await eventually(async () => ((await slotOrder())[1] === a ? true : undefined), 15_000, 'the keyboard move');
    expect(await slotOrder()).toEqual([b, a, c, ...before.slice(3)]);

    // The buttons: the third school up one place.
    await page.getByRole('button', { name: `Đưa ${nameOf(c)} lên trước` }).click();
    await eventually(async () => ((await slotOrder())[1] === c ? true : undefined), 15_000, 'the button move');
    expect(await slotOrder()).toEqual([b, c, a, ...before.slice(3)]);
    const listed = await page.getByRole('list', { name: 'Thứ tự trình bày' }).getByRole('link').allInnerTexts();
    expect(listed).toEqual([b, c, a, ...before.slice(3)].map(nameOf));

    // The schools whose time moved got an update; the page shows it against their principal.
    for (const code of [a, b, c]) {
      await eventually(async () => ((await invitations(principal(code))).length >= 2 ? true : undefined), 30_000, code);
    }
    await eventually(
      async () => {
        await page.reload();
        const row = page
          .locator('.ant-table-row')
          .filter({ hasText: nameOf(b) })
          .first();
        return (await row.innerText()).includes('Đã gửi lịch cập nhật') ? true : undefined;
      },
      30_000,
      'the update shown',
    );
    const last = before[4];
    expect(await invitations(principal(last))).toHaveLength(1);
    await expectNoSeriousA11yViolations(page);
    // The invitation's link, opened by a principal: the running order with the school's own turn marked.
    const head = await signedIn(principal(a), `/meetings/${meetingId}`);
    await head.getByRole('heading', { name: 'Hội nghị duyệt kế hoạch - Cụm I', level: 1 }).waitFor();
    const turns = await head.locator('.school-agenda li').allInnerTexts();
    expect(turns.map((t) => t.replace(/^\d{2}:\d{2} - \d{2}:\d{2}\s+/, ''))).toEqual(
      [b, c, a, ...before.slice(3)].map((code) => (code === a ? `${nameOf(code)} (Lượt của trường)` : nameOf(code))),
    );
    expect(turns[2]).toMatch(/^08:10 - 08:30/);
    await expectNoSeriousA11yViolations(head);
    await screens(head, 'meeting-school');
  });

  it('runs the meeting from the room view: attendance with a union guest, then every school’s outcome', async () => {
    const page = await signedIn(ADMIN, `/meetings/${meetingId}`);
    await page.getByRole('link', { name: 'Mở phòng họp (trình chiếu)' }).click();
    await page.waitForURL(`**/meetings/${meetingId}/room`);
    await page.getByRole('heading', { name: 'Chương trình', level: 2 }).waitFor();
    // Before the day: not started, the first school is next.
    const order = await slotOrder();
    expect(await page.locator('.room-phase').innerText()).toBe('Chưa bắt đầu');
    const first = page.locator('.room-slot').first();
    expect(await first.innerText()).toContain('Tiếp theo');
    expect(await first.innerText()).toContain(nameOf(order[0]));

    // Attendance: every school's principal present, the office's people absent, a union guest added by name.
    for (const code of order) {
      const group = page.getByRole('group', { name: nameOf(code), exact: true });
      await group.getByRole('checkbox').first().check();
    }
    await page.getByLabel('Họ tên khách').fill(GUEST.name);
    await page.getByLabel('Chức vụ khách').fill(GUEST.title);
    await choose(page, 'Trường của khách', nameOf(order[0]));
    await page.getByRole('button', { name: 'Thêm khách' }).click();
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.getByText('Đã lưu điểm danh.').waitFor();
    const attendees = await web.stack.prisma.meetingAttendee.findMany({ where: { meetingId } });
    expect(attendees.filter((x) => x.userId === null)).toEqual([
      expect.objectContaining({ fullName: GUEST.name, title: GUEST.title, present: true }),
    ]);
    expect(attendees.filter((x) => x.userId && x.present).length).toBe(order.length);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'room');
    await page.setViewportSize({ width: 1920, height: 1080 });
    if (process.env.WEB_SCREENSHOTS) await page.screenshot({ path: 'test-results/screens/room-1920.png' });

    for (const code of order) {
      await page
        .locator('.room-slot-button')
        .filter({ hasText: nameOf(code) })
        .click();
      const panel = page.locator('.room-presenting');
      await panel.getByRole('heading', { name: `Trường trình bày: ${nameOf(code)}` }).waitFor();
      // The plan's indicators as submitted.
      const indicators = panel.locator('.room-indicators');
      await indicators.getByText('97').first().waitFor();
      if (code === RETURNED) {
        await panel.getByText(OPEN_COMMENT).waitFor();
        await panel.getByText('Trả lại để chỉnh sửa').click();
        await panel.getByLabel('Ý kiến của hội nghị').fill(RETURN_COMMENT);
        await panel.getByLabel('Hạn nộp lại').fill('2027-03-05');
        if (process.env.WEB_SCREENSHOTS) {
          await page.screenshot({ path: 'test-results/screens/room-return-1920.png' });
        }
        await expectNoSeriousA11yViolations(page);
      } else {
        await panel.getByText('Không còn ý kiến nào chưa xử lý.').waitFor();
      }
      await panel.getByRole('button', { name: 'Ghi kết quả' }).click();
      await panel
        .getByRole('status')
        .filter({ hasText: code === RETURNED ? 'Trả lại để chỉnh sửa' : 'Phê duyệt' })
        .waitFor();
    }

    const plans = await web.stack.prisma.plan.findMany({
      where: { id: { in: order.map((c) => planId[c]) } },
      include: { school: true },
    });
    for (const p of plans)
      expect([p.school.code, p.status]).toEqual([p.school.code, p.school.code === RETURNED ? 'RETURNED' : 'APPROVED']);
    const returned = plans.find((p) => p.school.code === RETURNED);
    expect(returned?.revisionDeadline?.toISOString()).toBe('2027-03-05T10:00:00.000Z');
    const slots = await web.stack.prisma.meetingSlot.findMany({ where: { meetingId } });
    expect(slots.every((s) => s.decisionId)).toBe(true);
    expect(slots.find((s) => s.planId === planId[RETURNED])).toMatchObject({
      outcome: 'RETURNED',
      comment: RETURN_COMMENT,
    });
    if (process.env.WEB_SCREENSHOTS) await page.screenshot({ path: 'test-results/screens/room-done-1920.png' });
  });

  it('downloads the minutes, which hold every outcome, the return comment and the guest', async () => {
    const page = await signedIn(ADMIN, `/meetings/${meetingId}`);
    await page.getByText('Biên bản ghi kết quả của 5/5 trường.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải biên bản (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile(file) });
    for (const s of CLUSTER_I) expect(text).toContain(s.name);
    expect(text).toContain(RETURN_COMMENT);
    expect(text).toContain(GUEST.name);
    expect(text).toContain(VENUE);
    // The pointer still rests on the link it clicked: axe reads the page as it is at rest.
    await page.mouse.move(0, 0);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'meeting-decided', ['.minutes-list']);
  });
});
