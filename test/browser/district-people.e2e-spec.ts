import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { LEVEL_WORD, POSITION_WORD, districtFileSchema } from '@duyet/domain';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { type TestDistrict, importSampleDistrict } from '../support/district';
import { type SchoolCells, type UserCells, districtWorkbook } from '../support/import-workbook';
import { mailTo } from '../support/mailbox';
import { eventually } from '../support/stack';

// Issue 18's walk-through, as an admin does it in Chromium: the sample district brought in from an Excel file
// through the page (a file with errors first: every problem at its row and column, nothing written), applied with
// invitations; an invited principal sets their own password from the e-mail and signs in; then, from the people
// pages, a position changed, an account locked (and the admin's own refused in the API's words), a person's data
// erased. A district of its own (the sample's office only, on its own e-mail domain) so nothing here touches
// another suite.

const DOMAIN = 'nguoidung-web.example';
const SAMPLE_DOMAIN = '@kienxuong.example';
const PASSWORD = 'mùa lúa chín vàng trên cánh đồng Kiến Xương';

const sample = districtFileSchema.parse(
  JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8')),
);
const move = (email: string) => email.replace(SAMPLE_DOMAIN, `@${DOMAIN}`);

/** The sample district as a person fills the template: every cluster, school and person of Kiến Xương. */
function sampleRows() {
  const schools: SchoolCells[] = sample.schools.map((s) => [
    s.code,
    s.name,
    LEVEL_WORD[s.level],
    s.cluster,
    s.commune ?? '',
    s.students ?? '',
  ]);
  const users: UserCells[] = sample.users.map((u) => [
    move(u.email),
    u.fullName,
    POSITION_WORD[u.position!],
    u.acting ? 'Có' : '',
    u.school ?? '',
    u.title,
    (u.levels ?? []).map((l) => LEVEL_WORD[l]).join(', '),
    (u.clusters ?? []).join(', '),
  ]);
  return { clusters: sample.clusters.map((c) => [c.code, c.name] as [string, string]), schools, users };
}

/** An option of an open Ant Design select: its list is not in the select's own tree but named by aria-controls. */
async function option(select: Locator, label: string): Promise<Locator> {
  const list = await select.getAttribute('aria-controls');
  return select.page().locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option[title="${label}"]`);
}

/** Opens a select (or types into its search) and chooses an option, as a person does with the pointer. */
async function pick(select: Locator, label: string, typed?: string): Promise<void> {
  if (typed) await select.fill(typed);
  else await select.click();
  const chosen = await option(select, label);
  await chosen.click();
  // Closed again before the next click, so the list never lies over what comes next.
  await chosen.waitFor({ state: 'hidden' });
}

// Each test walks several pages in two browsers: on a loaded 2-core machine that takes more than the default minute.
jest.setTimeout(180_000);

describe('the district’s people in the browser', () => {
  let web: BrowserStack;
  let district: TestDistrict;
  let dir: string;

  const write = (name: string, bytes: Buffer | string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const upload = (page: Page, file: string) => page.locator('input[type="file"]').setInputFiles(file);
  const counts = async () => ({
    schools: await web.stack.prisma.school.count({ where: { districtId: district.id } }),
    users: await web.stack.prisma.user.count({ where: { districtId: district.id } }),
  });

  beforeAll(async () => {
    web = await startBrowserStack();
    district = await importSampleDistrict(web.stack.prisma, { code: 'nguoi-dung-web', domain: DOMAIN, schools: [] });
    dir = mkdtempSync(path.join(tmpdir(), 'duyet-import-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await web?.close();
  });

  it('brings the sample district in from Excel, then an invited principal sets a password and signs in', async () => {
    const page = await web.newPage();
    await signIn(page, district.admin);
    await page.goto('/district/import');
    await page.getByRole('heading', { name: 'Nhập từ Excel', level: 2 }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const template = page.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' });
    expect(await template.getAttribute('href')).toBe('/api/district-import/template');
    const before = await counts();
    expect(before.schools).toBe(0);

    // Not a workbook: the API's refusal, in its words.
    await upload(page, write('danh-sach.xlsx', 'mã trường,tên trường\n'));
    await page.getByRole('alert').getByText('Tệp không phải bảng tính Excel (.xlsx).', { exact: false }).waitFor();

    // A file with errors: each problem at its sheet, row and column, and nothing written.
    const rows = sampleRows();
    const [code, name, level, cluster, commune] = rows.schools[1]!;
    const broken = {
      clusters: rows.clusters,
      schools: [rows.schools[0]!, [code, name, level, cluster, commune, 'nhiều'] satisfies SchoolCells],
      users: [rows.users[0]!, ['khong-phai-email', 'Người Sai', 'Hiệu trưởng', '', code] satisfies UserCells],
    };
    await upload(page, write('co-loi.xlsx', await districtWorkbook(broken)));
    await page.getByText('Tệp có 2 lỗi: chưa ghi gì').waitFor();
    const problems = page.locator('.import-problems tbody tr.ant-table-row');
    expect(await problems.count()).toBe(2);
    expect(await problems.nth(0).locator('td').allInnerTexts()).toEqual([
      'Trường',
      '3',
      'F',
      'Số học sinh',
      'Số học sinh phải là số nguyên từ 0 đến 100.000, không phải “nhiều”.',
    ]);
    expect(await problems.nth(1).locator('td').allInnerTexts()).toEqual([
      'Người dùng',
      '3',
      'A',
      'E-mail',
      '“khong-phai-email” không phải địa chỉ e-mail hợp lệ.',
    ]);
    expect(await page.getByRole('button', { name: 'Áp dụng' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-import-problems');
    expect(await counts()).toEqual(before);

    // The whole sample: no problem, what an apply would do, still nothing written.
    await upload(page, write('kien-xuong.xlsx', await districtWorkbook(rows)));
    await page.getByText('Tệp không có lỗi').waitFor();
    const changeRows = page.locator('.import-changes tbody tr.ant-table-row');
    expect(await changeRows.nth(0).locator('td').allInnerTexts()).toEqual([
      'Cụm trường',
      '0',
      '0',
      String(sample.clusters.length),
    ]);
    const schoolsLine = changeRows.nth(1);
    expect(await schoolsLine.locator('td').allInnerTexts()).toEqual([
      'Trường',
      String(sample.schools.length),
      '0',
      '0',
    ]);
    const office = sample.users.filter((u) => !u.school).length;
    const usersLine = changeRows.nth(2);
    expect(await usersLine.locator('td').allInnerTexts()).toEqual([
      'Người dùng',
      String(sample.users.length - office),
      '0',
      String(office),
    ]);
    expect(await counts()).toEqual(before);
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-import-checked');

    const invite = page.getByRole('checkbox', { name: 'Gửi thư mời cho người dùng mới' });
    expect(await invite.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText('Đã nhập xong').waitFor();
    await page.getByText(`Đã gửi thư mời đặt mật khẩu cho ${sample.users.length - office} người dùng mới.`).waitFor();
    expect(await counts()).toEqual({ schools: sample.schools.length, users: sample.users.length });
    const newcomer = await web.stack.prisma.user.findUniqueOrThrow({
      where: { email: district.principal('th-binh-dinh') },
      include: { school: true },
    });
    expect(newcomer).toMatchObject({ position: 'PRINCIPAL', role: 'PRINCIPAL', active: true });
    expect(newcomer.school?.code).toBe('th-binh-dinh');
    await screens(page, 'district-import-applied');

    // The invited principal, on a phone: from the e-mail's link to their own password, then signed in with it.
    const mail = await eventually(async () => (await mailTo(newcomer.email))[0], 30_000, 'the invitation');
    const url = new URL(/https?:\/\/\S+\/password\?token=[\w-]+/.exec(mail.text)![0]);
    const phone = await web.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url.pathname + url.search);
    await phone.getByRole('heading', { name: 'Đặt mật khẩu cho tài khoản mới' }).waitFor();
    await phone.getByLabel('Mật khẩu mới', { exact: true }).fill(PASSWORD);
    await phone.getByLabel('Nhập lại mật khẩu mới').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await phone.getByText('Đã đặt mật khẩu', { exact: true }).waitFor();
    await phone.getByRole('link', { name: 'Đăng nhập' }).click();
    await signIn(phone, newcomer.email, PASSWORD);
    await phone.getByText(newcomer.fullName).waitFor();
    await phone.getByRole('heading', { name: 'Kế hoạch của trường' }).waitFor();
  });

  it('finds people by the filters in the address, changes a position, locks an account and erases a leaver', async () => {
    const page = await web.newPage();
    await signIn(page, district.admin);
    await page.goto('/district/people');
    await page.getByRole('heading', { name: 'Người dùng', level: 2 }).waitFor();
    await page.locator('.people-table tbody tr.ant-table-row').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-people');

    // A search and a position, kept in the address.
    const search = page.getByLabel('Tìm theo họ tên hoặc e-mail');
    await search.fill('th-binh-dinh');
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'th-binh-dinh');
    await pick(page.getByRole('combobox', { name: 'Chức vụ' }), 'Phó hiệu trưởng');
    await page.waitForURL((u) => u.searchParams.get('position') === 'DEPUTY_PRINCIPAL');
    const deputyEmail = move(`phohieutruong.th-binh-dinh${SAMPLE_DOMAIN}`);
    const rows = page.locator('.people-table tbody tr.ant-table-row');
    await eventually(async () => ((await rows.count()) === 1 ? true : undefined), 10_000, 'one deputy');
    await rows.getByText(deputyEmail).waitFor();
    await page.reload();
    await rows.getByText(deputyEmail).waitFor();
    expect(await search.inputValue()).toBe('th-binh-dinh');

    // The deputy becomes a group leader: the role follows, in the database.
    const deputy = await web.stack.prisma.user.findUniqueOrThrow({ where: { email: deputyEmail } });
    await rows.getByRole('link', { name: deputy.fullName }).click();
    await page.getByRole('heading', { name: deputy.fullName, level: 2 }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-person');
    await pick(page.getByRole('combobox', { name: 'Chức vụ' }), 'Tổ trưởng chuyên môn');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu.').waitFor();
    expect(
      await web.stack.prisma.user.findUniqueOrThrow({
        where: { id: deputy.id },
        select: { position: true, role: true },
      }),
    ).toEqual({ position: 'GROUP_LEADER', role: 'SCHOOL_STAFF' });
    await page.locator('.person-facts').getByText('Tổ trưởng chuyên môn').waitFor();

    // Locked: the account, then the personal data erased (confirmed by typing the e-mail); the name pseudonymised.
    await page.getByRole('button', { name: 'Khoá tài khoản' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Khoá tài khoản' }).click();
    await page.getByText('Đã khoá tài khoản.').waitFor();
    await eventually(
      async () =>
        (await web.stack.prisma.user.findUniqueOrThrow({ where: { id: deputy.id } })).active ? undefined : true,
      10_000,
      'the account locked in the database',
    );
    await page.getByRole('button', { name: 'Xoá dữ liệu cá nhân' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xoá dữ liệu cá nhân của người này?' });
    await dialog.getByLabel('E-mail của người này').fill(deputyEmail);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Xoá dữ liệu' }).click();
    await page.getByText(/^Đã xoá dữ liệu cá nhân:/).waitFor();
    const erased = await web.stack.prisma.user.findUniqueOrThrow({ where: { id: deputy.id } });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.fullName).not.toBe(deputy.fullName);
    await page.getByRole('heading', { name: erased.fullName, level: 2 }).waitFor();
    await screens(page, 'district-person-erased');

    // The admin's own account: the API refuses, and the page says so in its words.
    const admin = await web.stack.prisma.user.findUniqueOrThrow({ where: { email: district.admin } });
    await page.goto(`/district/people/${admin.id}`);
    await page.getByRole('heading', { name: admin.fullName, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Khoá tài khoản' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Khoá tài khoản' }).click();
    await page
      .getByRole('alert')
      .getByText(
        'Anh/chị không thể tự khoá tài khoản hoặc tự bỏ chức vụ trưởng phòng của mình: hãy nhờ một trưởng phòng khác.',
      )
      .waitFor();
    expect((await web.stack.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it('adds a person from the people page, who is sent the invitation', async () => {
    const page = await web.newPage();
    await signIn(page, district.admin);
    await page.goto('/district/people');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    const email = `gv.moi.${Date.now()}@${DOMAIN}`;
    await dialog.getByLabel('Họ và tên').fill('Vũ Thị Mới');
    await dialog.getByLabel('E-mail').fill(email);
    await pick(dialog.getByRole('combobox', { name: 'Chức vụ' }), 'Giáo viên, nhân viên');
    await pick(dialog.getByRole('combobox', { name: 'Trường' }), 'Trường Tiểu học Bình Định', 'Tiểu học Bình Định');
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'district-people-add');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm Vũ Thị Mới và gửi thư mời đặt mật khẩu.').waitFor();
    const added = await web.stack.prisma.user.findUniqueOrThrow({ where: { email }, include: { school: true } });
    expect(added).toMatchObject({ position: 'STAFF', role: 'SCHOOL_STAFF', active: true });
    expect(added.school?.code).toBe('th-binh-dinh');
    await eventually(async () => (await mailTo(email))[0], 30_000, 'the invitation');

    // The same e-mail again: refused in the dialog, in the API's words.
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await dialog.getByLabel('Họ và tên').fill('Vũ Thị Trùng');
    await dialog.getByLabel('E-mail').fill(email);
    await pick(dialog.getByRole('combobox', { name: 'Chức vụ' }), 'Chuyên viên');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').getByText(`Địa chỉ ${email} đã có tài khoản.`).first().waitFor();
    expect(await web.stack.prisma.user.count({ where: { email } })).toBe(1);
  });
});
