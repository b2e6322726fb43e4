import bcrypt from 'bcryptjs';
import type { Locator, Page } from 'playwright-core';
import { ADMIN, CLERK } from '../support/campaign';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { DEMO_PASSWORD, eventually } from '../support/stack';

// The admin's district tabs in Chromium, done the way an admin does them: a school added, moved to another cluster
// and closed; a cluster added and removed, and a non-empty one refused; a delegation of signing recorded; a failed
// sign-in from another browser found in the record. The database and the API are checked after each step.

const run = Date.now().toString(36);

/** An antd Select, by its label inside `scope`: opened, then the option with that text chosen. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await pick(page, option);
}

/**
 * The option with that text, in the dropdown open now. Under load on 2 cores a click once landed while the list was
 * still settling and chose nothing, leaving the list open with the option merely highlighted: the click is tried
 * again, but only while the option is not marked chosen (a second click on a chosen one must not undo it).
 */
async function pick(page: Page, option: string): Promise<void> {
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await item.click();
  await eventually(
    async () => {
      if (
        await item.waitFor({ state: 'hidden', timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      )
        return true;
      const chosen = ((await item.getAttribute('class').catch(() => null)) ?? '').includes('option-selected');
      if (!chosen) await item.click({ timeout: 3_000 }).catch(() => undefined);
      return undefined;
    },
    30_000,
    `the option "${option}" chosen`,
  );
}

/** Waits until the table shows exactly `n` rows of data. */
const rowsBecome = (page: Page, n: number) =>
  eventually(
    async () => ((await page.locator('.district-table tbody tr.ant-table-row').count()) === n ? true : undefined),
    10_000,
    `${n} row(s) in the table`,
  );

/** The page does not scroll sideways at the phone's width: a wide table scrolls inside itself. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  if (size) await page.setViewportSize(size);
  expect(overflow).toBeLessThanOrEqual(0);
}

// Each test walks several pages in two browsers: on a loaded 2-core machine that takes more than the default minute.
jest.setTimeout(180_000);

describe('the district admin in the browser', () => {
  let web: BrowserStack;
  let page: Page;
  let districtId: string;
  let token: string;

  beforeAll(async () => {
    web = await startBrowserStack({ worker: false });
    const admin = await web.stack.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } });
    districtId = admin.districtId!;
    token = await web.stack.login(ADMIN);
    page = await web.newPage();
    await signIn(page, ADMIN);
  });

  afterAll(async () => {
    await web?.close();
  });

  const code = `th-thu-${run}`;
  const name = `Trường Tiểu học Thử ${run}`;

  it('adds a school, moves it to another cluster and closes it, with its filters in the address', async () => {
    await page.goto('/district/schools');
    await page.getByRole('heading', { level: 2, name: 'Trường' }).waitFor();
    await page.getByRole('cell', { name: 'Trường Mầm non Thanh Tân' }).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-schools');
    await expectNoSidewaysScroll(page);

    await page.getByRole('button', { name: 'Thêm trường' }).click();
    const add = page.getByRole('dialog', { name: 'Thêm trường' });
    await add.getByLabel('Mã trường').fill(code);
    await add.getByLabel('Tên trường').fill(name);
    await choose(page, add, 'Cấp học', 'Tiểu học');
    await choose(page, add, 'Cụm', 'Cụm II');
    await add.getByLabel('Số học sinh').fill('315');
    await expectNoSeriousA11yViolations(page);
    await add.getByRole('button', { name: 'Lưu' }).click();
    await add.waitFor({ state: 'hidden' });
    const created = await web.stack.prisma.school.findFirstOrThrow({
      where: { districtId, code },
      include: { cluster: true },
    });
    expect(created).toMatchObject({ name, level: 'PRIMARY', students: 315, closedAt: null });
    expect(created.cluster.code).toBe('II');

    // The search goes to the address; the list shows only what it finds.
    await page.getByLabel('Tìm trường').fill(run);
    await page.waitForURL((url) => url.searchParams.get('q') === run);
    await rowsBecome(page, 1);
    const row = page.getByRole('row', { name: new RegExp(code) });
    await row.getByText('Cụm II').waitFor();

    await page.getByRole('button', { name: `Sửa ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Sửa thông tin ${name}` });
    await choose(page, edit, 'Cụm', 'Cụm III');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('Cụm III').waitFor();
    const moved = await web.stack.prisma.school.findUniqueOrThrow({
      where: { id: created.id },
      include: { cluster: true },
    });
    expect(moved.cluster.code).toBe('III');

    // Closing says what it does and what becomes of its plans; a reason is needed.
    await page.getByRole('button', { name: `Đóng ${name}` }).click();
    const close = page.getByRole('dialog', { name: `Đóng ${name}?` });
    await close.getByText('không được giao kế hoạch trong đợt mới').waitFor();
    await close.getByText('Trường không có kế hoạch nào đang làm trong các đợt đang chạy.').waitFor();
    await close.getByRole('button', { name: 'Đóng trường' }).click();
    await close.getByText('Ghi rõ lý do').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-school-close');
    await close.getByLabel('Lý do đóng').fill('Sáp nhập vào Trường Tiểu học Bình Minh');
    await close.getByRole('button', { name: 'Đóng trường' }).click();
    await close.waitFor({ state: 'hidden' });
    await row.getByText(/^Đã đóng ngày/).waitFor();
    const closed = await web.stack.prisma.school.findUniqueOrThrow({ where: { id: created.id } });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed.closeReason).toBe('Sáp nhập vào Trường Tiểu học Bình Minh');

    // Filtered to closed schools, from the address.
    await page.goto(`/district/schools?state=closed&q=${run}`);
    await page
      .getByRole('row', { name: new RegExp(code) })
      .getByRole('button', { name: `Mở lại ${name}` })
      .waitFor();
  });

  it('adds and removes a cluster, and shows the refusal to remove one that still has schools', async () => {
    await page.goto('/district/schools');
    await page.getByRole('link', { name: 'Cụm trường' }).click();
    await page.waitForURL('**/district/clusters');
    await page.getByRole('heading', { level: 2, name: 'Cụm trường' }).waitFor();
    await page.getByRole('link', { name: 'Cụm trường' }).and(page.locator('[aria-current="page"]')).waitFor();

    const clusterCode = `V-${run}`;
    const clusterName = `Cụm thử ${run}`;
    await page.getByRole('button', { name: 'Thêm cụm' }).click();
    const add = page.getByRole('dialog', { name: 'Thêm cụm' });
    await add.getByLabel('Mã cụm').fill(clusterCode);
    await add.getByLabel('Tên cụm').fill(clusterName);
    await add.getByRole('button', { name: 'Lưu' }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: clusterName, exact: true }).waitFor();
    expect(await web.stack.prisma.cluster.count({ where: { districtId, code: clusterCode } })).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-clusters');
    await expectNoSidewaysScroll(page);

    // Cụm III holds the school moved there (and the sample's): refused, in the API's words, in the dialog.
    const schoolsInIII = await web.stack.prisma.school.count({ where: { districtId, cluster: { code: 'III' } } });
    await page.getByRole('button', { name: 'Xoá Cụm III' }).click();
    const refuse = page.getByRole('dialog', { name: 'Xoá Cụm III?' });
    await refuse.getByRole('button', { name: 'Xoá cụm' }).click();
    await refuse
      .getByRole('alert')
      .getByText(`Cụm III còn ${schoolsInIII} trường: hãy chuyển các trường sang cụm khác trước khi xoá.`)
      .waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-cluster-refused');
    await refuse.getByRole('button', { name: 'Huỷ' }).click();
    expect(await web.stack.prisma.cluster.count({ where: { districtId, code: 'III' } })).toBe(1);

    await page.getByRole('button', { name: `Xoá ${clusterName}` }).click();
    const remove = page.getByRole('dialog', { name: `Xoá ${clusterName}?` });
    await remove.getByRole('button', { name: 'Xoá cụm' }).click();
    await remove.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: clusterName, exact: true }).waitFor({ state: 'detached' });
    expect(await web.stack.prisma.cluster.count({ where: { districtId, code: clusterCode } })).toBe(0);
  });

  it('records a delegation of signing with its days and shows the capacity it gives', async () => {
    // A specialist of this run's own, so no other suite's delegation overlaps.
    const specialist = await web.stack.prisma.user.create({
      data: {
        districtId,
        email: `chuyenvien.${run}@kienxuong.example`,
        fullName: `Đỗ Thị Giao ${run}`,
        passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
        role: 'REVIEWER',
        position: 'SPECIALIST',
        title: 'Chuyên viên',
      },
    });
    const head = await web.stack.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } });
    const { today } = (
      await web.stack
        .http()
        .get('/api/delegations')
        .set({ authorization: `Bearer ${token}` })
        .expect(200)
    ).body as {
      today: string;
    };
    const [y, m, d] = today.split('-').map(Number);
    const last = new Date(Date.UTC(y, m - 1, d + 6)).toISOString().slice(0, 10);
    const typed = (day: string) => day.split('-').reverse().join('/');

    await page.goto('/district/clusters');
    await page.getByRole('link', { name: 'Ủy quyền ký' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ủy quyền ký' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Ghi nhận giao ký' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận giao ký' });
    await choose(page, dialog, 'Trưởng phòng giao', `${head.fullName} (${ADMIN})`);
    await dialog.getByLabel('Người được giao ký').fill(run);
    await pick(page, `${specialist.fullName} (${specialist.email})`);
    await dialog
      .getByText('Trong những ngày này, người được giao ký với danh nghĩa “TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN”.')
      .waitFor();
    await dialog.getByText('TUQ. (thừa ủy quyền)').click();
    await dialog.getByText('danh nghĩa “TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN”').waitFor();
    await dialog.getByLabel('Từ ngày').fill(typed(today));
    await dialog.getByLabel('Từ ngày').press('Enter');
    await dialog.getByLabel('Đến hết ngày').fill(typed(last));
    await dialog.getByLabel('Đến hết ngày').press('Enter');
    await dialog.getByLabel('Căn cứ').fill('Quyết định số 12/QĐ-PGDĐT');
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-delegation-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: new RegExp(specialist.fullName) });
    await row.getByText('TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN').waitFor();
    await row.getByText(`${typed(today)} – ${typed(last)}`).waitFor();
    await row.getByText('Đang hiệu lực').waitFor();
    const stored = await web.stack.prisma.delegation.findFirstOrThrow({ where: { toId: specialist.id } });
    expect(stored).toMatchObject({
      fromId: head.id,
      kind: 'TUQ',
      reference: 'Quyết định số 12/QĐ-PGDĐT',
      revokedAt: null,
    });
    expect(stored.startsOn.toISOString().slice(0, 10)).toBe(today);
    expect(stored.endsOn.toISOString().slice(0, 10)).toBe(last);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-delegations');
    await expectNoSidewaysScroll(page);

    // A second one for the same days is refused in the API's words, where the admin acted.
    await page.getByRole('button', { name: 'Ghi nhận giao ký' }).click();
    const again = page.getByRole('dialog', { name: 'Ghi nhận giao ký' });
    await choose(page, again, 'Trưởng phòng giao', `${head.fullName} (${ADMIN})`);
    await again.getByLabel('Người được giao ký').fill(run);
    await pick(page, `${specialist.fullName} (${specialist.email})`);
    await again.getByLabel('Từ ngày').fill(typed(today));
    await again.getByLabel('Từ ngày').press('Enter');
    await again.getByLabel('Đến hết ngày').fill(typed(today));
    await again.getByLabel('Đến hết ngày').press('Enter');
    await again.getByRole('button', { name: 'Lưu' }).click();
    await again.getByRole('alert').getByText(`${specialist.fullName} đã được giao ký TUQ.`).waitFor();
    await again.getByRole('button', { name: 'Huỷ' }).click();
    expect(await web.stack.prisma.delegation.count({ where: { toId: specialist.id } })).toBe(1);
  });

  it('shows a failed sign-in made from another browser in the record, with who, from where and why', async () => {
    const person = await web.stack.prisma.user.create({
      data: {
        districtId,
        email: `dangnhap.${run}@kienxuong.example`,
        fullName: `Phạm Văn Sai ${run}`,
        passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
        role: 'REVIEWER',
        position: 'SPECIALIST',
        title: 'Chuyên viên',
      },
    });
    const other = await web.newPage();
    await other.goto('/login');
    await other.getByLabel('E-mail').fill(person.email);
    await other.getByLabel('Mật khẩu').fill('không phải mật khẩu');
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.getByText('E-mail hoặc mật khẩu không đúng.').waitFor();
    const recorded = (
      await web.stack
        .http()
        .get('/api/sign-ins')
        .query({ userId: person.id })
        .set({ authorization: `Bearer ${token}` })
        .expect(200)
    ).body;
    expect(recorded.items).toEqual([expect.objectContaining({ ok: false, reason: 'WRONG_PASSWORD' })]);

    await page.goto('/district/delegations');
    await page.getByRole('link', { name: 'Lịch sử đăng nhập' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lịch sử đăng nhập' }).waitFor();
    // The admin's own sign-in is there, newest first, before any filter.
    await page
      .getByRole('row', { name: new RegExp(ADMIN) })
      .first()
      .waitFor();
    await page.getByLabel('Người dùng', { exact: true }).fill(person.fullName);
    await choose(page, page.locator('.district-filters'), 'Kết quả', 'Không thành công');
    await page.waitForURL((url) => url.searchParams.get('result') === 'failed' && url.searchParams.has('q'));
    const row = page.getByRole('row', { name: new RegExp(person.fullName) });
    await row.getByText('Sai mật khẩu').waitFor();
    await row.getByText(person.email).waitFor();
    await row.getByText(recorded.items[0].ip).waitFor();
    await rowsBecome(page, 1);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-sign-ins');
    await expectNoSidewaysScroll(page);

    // Successes only: this person has none.
    await choose(page, page.locator('.district-filters'), 'Kết quả', 'Thành công');
    await page.getByText('Không có lần đăng nhập nào khớp bộ lọc.').waitFor();
  });
  it('tells the clerk the district pages are the admins’, without showing their tabs or buttons', async () => {
    const page = await web.newPage();
    await page.goto(`/login?next=${encodeURIComponent('/district/people')}`);
    await signIn(page, CLERK);
    await page.getByRole('heading', { name: 'Trang này dành cho lãnh đạo Phòng GD&ĐT', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Thêm người dùng' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Các mục quản lý của huyện' }).count()).toBe(0);
    // Nor does the clerk's menu lead there.
    expect(await page.getByRole('link', { name: 'Trường và người dùng' }).count()).toBe(0);
  });
});
