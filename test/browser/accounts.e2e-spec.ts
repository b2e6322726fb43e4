import bcrypt from 'bcryptjs';
import { ADMIN } from '../support/campaign';
import { mailTo } from '../support/mailbox';
import {
  type BrowserStack,
  expectNoSeriousA11yViolations,
  screens,
  signIn,
  startBrowserStack,
} from '../support/browser';
import { DEMO_PASSWORD, eventually } from '../support/stack';

// A person invited by the office sets their own password from the e-mail's link in Chromium, then signs in with
// it; "forgot password" answers in words that reveal nothing; a spent link is refused with a way to a new one.

const PASSWORD = 'sáng nay trời trong xanh ở Kiến Xương';

describe('passwords in the browser', () => {
  let web: BrowserStack;

  beforeAll(async () => {
    web = await startBrowserStack();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('takes an invited person from the e-mail link to their own password, into the app, and through changing it', async () => {
    const admin = await web.stack.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } });
    const school = await web.stack.prisma.school.findFirstOrThrow({
      where: { districtId: admin.districtId!, code: 'th-binh-dinh' },
    });
    const person = await web.stack.prisma.user.create({
      data: {
        districtId: admin.districtId,
        schoolId: school.id,
        email: `hieutruong.moi.${Date.now()}@kienxuong.example`,
        fullName: 'Trần Thị Mới',
        passwordHash: await bcrypt.hash(`${DEMO_PASSWORD}-not-known`, 4),
        role: 'SCHOOL_STAFF',
        position: 'DEPUTY_PRINCIPAL',
        title: 'Phó hiệu trưởng',
      },
    });
    const token = await web.stack.login(ADMIN);
    await web.stack
      .http()
      .post(`/api/users/${person.id}/invitation`)
      .set('authorization', `Bearer ${token}`)
      .expect(202);
    const mail = await eventually(async () => (await mailTo(person.email))[0], 20_000, 'the invitation');
    const url = new URL(/https?:\/\/\S+\/password\?token=[\w-]+/.exec(mail.text)![0]);

    const page = await web.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url.pathname + url.search);
    await page.getByRole('heading', { name: 'Đặt mật khẩu cho tài khoản mới' }).waitFor();
    await page.getByText(`Tài khoản: Trần Thị Mới (${person.email})`).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Two different entries, then a common password: refused in place, in words.
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('password1234');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('password12345');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByText('Hai mật khẩu chưa giống nhau').waitFor();
    await page.getByLabel('Nhập lại mật khẩu mới').fill('password1234');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByText('Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn một cụm từ khác.').waitFor();
    await screens(page, 'set-password-refused');

    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByText('Đã đặt mật khẩu', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await signIn(page, person.email, PASSWORD);
    await page.getByText('Trần Thị Mới').waitFor();

    // Changing it from the header: a wrong current password is refused in place; then this browser stays signed
    // in while a session elsewhere ends.
    const elsewhere = await web.newPage();
    await elsewhere.goto('/');
    await signIn(elsewhere, person.email, PASSWORD);
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill('không phải mật khẩu này');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(`${PASSWORD} mới`);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(`${PASSWORD} mới`);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Duyệt - Trang chủ' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch của trường' }).waitFor();
    await elsewhere.reload();
    await elsewhere.waitForURL((u) => u.pathname === '/login');

    // The link is spent: opened again, it says so and offers a new one.
    const again = await web.newPage();
    await again.goto(url.pathname + url.search);
    await again
      .getByText('Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu một liên kết mới.')
      .waitFor();
    await again.getByRole('link', { name: 'Yêu cầu liên kết mới' }).click();
    await again.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
  });

  it('answers "forgot password" from the sign-in page without telling whether the e-mail has an account', async () => {
    const page = await web.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
    await page.getByLabel('E-mail').fill(`khong.ai.${Date.now()}@kienxuong.example`);
    await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    await page.getByText(/^Nếu địa chỉ này có tài khoản đang hoạt động, một thư có liên kết/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screens(page, 'forgot-password');
  });
});
