import bcrypt from 'bcryptjs';
import { ADMIN } from '../support/campaign';
import { mailTo } from '../support/mailbox';
import { DEMO_PASSWORD, type Stack, eventually, overrideEnv, startStack } from '../support/stack';

// Accounts over HTTP against the real services (PostgreSQL, Redis, the worker's mail to maildev): an invitation and
// a reset by single-use link, a change of password, revocation of every session, lockout after wrong passwords,
// the record of sign-ins, and the per-address and per-account limits kept in Redis.

const STRONG = 'mùa lúa chín vàng trên đồng Kiến Xương';
const LINK = /\/password\?token=([A-Za-z0-9_-]+)/;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let counter = 0;
/** A documentation address (TEST-NET-3) of its own per request: the API trusts X-Forwarded-For from loopback. */
const freshAddress = () => `203.0.113.${(counter++ % 250) + 1}`;

describe('accounts: passwords by link, revocation, lockout and limits', () => {
  let stack: Stack;
  let restoreEnv: () => void;
  let districtId: string;
  let adminToken: string;

  /** A person of the sample district's office made for one test, with the demo password. */
  async function newPerson(tag: string) {
    const email = `taikhoan.${tag}.${Date.now()}@kienxuong.example`;
    return stack.prisma.user.create({
      data: {
        districtId,
        email,
        fullName: `Người thử ${tag}`,
        passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
        role: 'REVIEWER',
        position: 'SPECIALIST',
        title: 'Chuyên viên',
      },
    });
  }

  const post = (path: string, body: object, from = freshAddress()) =>
    stack.http().post(path).set('X-Forwarded-For', from).send(body);
  const signIn = (email: string, password: string, from?: string) => post('/api/auth/login', { email, password }, from);
  const me = (token: string) => stack.http().get('/api/auth/me').set(bearer(token));

  /** The token of the latest link e-mailed to this address (waits for the worker to send it). */
  async function linkSentTo(email: string, count = 1): Promise<string> {
    const mail = await eventually(
      async () => {
        const mails = await mailTo(email);
        return mails.length >= count ? mails[count - 1] : undefined;
      },
      20_000,
      `link e-mail number ${count} to ${email}`,
    );
    const token = LINK.exec(mail.text)?.[1];
    if (!token) throw new Error(`no link in: ${mail.text}`);
    return token;
  }

  beforeAll(async () => {
    // Low limits for this suite's own API (five an address, ten an account, a minute), counted in Redis.
    restoreEnv = overrideEnv({ SIGN_IN_LIMIT_PER_ADDRESS: '5', SIGN_IN_LIMIT_PER_ACCOUNT: '10' });
    stack = await startStack();
    districtId = (await stack.prisma.user.findUniqueOrThrow({ where: { email: ADMIN } })).districtId!;
    adminToken = (await signIn(ADMIN, DEMO_PASSWORD).expect(200)).body.accessToken as string;
  });

  afterAll(async () => {
    await stack?.close();
    restoreEnv?.();
  });

  it('invites a person: a single-use link for 72 hours, a password policy in words, then their own password', async () => {
    const person = await newPerson('moi');
    const sent = await stack.http().post(`/api/users/${person.id}/invitation`).set(bearer(adminToken)).expect(202);
    expect(sent.body.email).toBe(person.email);
    expect(new Date(sent.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    const token = await linkSentTo(person.email);
    const [mail] = await mailTo(person.email);
    expect(mail.subject).toContain('Mời anh/chị sử dụng hệ thống Duyệt');
    expect(mail.text).toContain(person.email);

    const link = await post('/api/auth/password/link', { token }).expect(200);
    expect(link.body).toMatchObject({ purpose: 'INVITATION', email: person.email, fullName: person.fullName });

    // Weak passwords are refused with the reason, and the link still works.
    const short = await post('/api/auth/password/set', { token, password: 'Ngắn#1' }).expect(400);
    expect(short.body.errors).toEqual([{ field: 'password', message: 'Mật khẩu cần ít nhất 10 ký tự.' }]);
    const common = await post('/api/auth/password/set', { token, password: 'password1234' }).expect(400);
    expect(common.body.message).toContain('quá phổ biến');
    const own = await post('/api/auth/password/set', { token, password: `${person.email}-x` }).expect(400);
    expect(own.body.message).toContain('không được chứa địa chỉ e-mail');

    await post('/api/auth/password/set', { token, password: STRONG }).expect(200);
    await signIn(person.email, STRONG).expect(200);
    await signIn(person.email, DEMO_PASSWORD).expect(401);
    // Used once: refused after, in words.
    const reused = await post('/api/auth/password/set', { token, password: `${STRONG} lần hai` }).expect(400);
    expect(reused.body.message).toBe(
      'Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu một liên kết mới.',
    );
    await post('/api/auth/password/link', { token }).expect(400);
  });

  it('refuses an expired link and an earlier invitation once a new one is sent; only an admin invites', async () => {
    const person = await newPerson('hethan');
    const invite = () => stack.http().post(`/api/users/${person.id}/invitation`).set(bearer(adminToken)).expect(202);
    await invite();
    const first = await linkSentTo(person.email, 1);
    await invite();
    const second = await linkSentTo(person.email, 2);
    await post('/api/auth/password/set', { token: first, password: STRONG }).expect(400);

    await stack.prisma.accountToken.updateMany({
      where: { userId: person.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await post('/api/auth/password/set', { token: second, password: STRONG }).expect(400);
    await signIn(person.email, DEMO_PASSWORD).expect(200);

    const principalToken = (await signIn('hieutruong.th-vu-quy@kienxuong.example', DEMO_PASSWORD).expect(200)).body
      .accessToken as string;
    await stack.http().post(`/api/users/${person.id}/invitation`).set(bearer(principalToken)).expect(403);
  });

  it('answers "forgot password" the same for any e-mail, mails only an account, and the reset ends every session', async () => {
    const person = await newPerson('quen');
    const before = (await signIn(person.email, DEMO_PASSWORD).expect(200)).body.accessToken as string;

    const unknown = await post('/api/auth/password/forgot', { email: `khong.co.ai.${Date.now()}@kienxuong.example` });
    const known = await post('/api/auth/password/forgot', { email: person.email.toUpperCase() });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);

    const token = await linkSentTo(person.email);
    expect((await mailTo(person.email))[0].subject).toBe('[Duyệt] Đặt lại mật khẩu');
    const link = await post('/api/auth/password/link', { token }).expect(200);
    expect(link.body.purpose).toBe('RESET');
    expect(new Date(link.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);

    await me(before).expect(200);
    await post('/api/auth/password/set', { token, password: STRONG }).expect(200);
    // The session signed in before the reset is over (within the second the API keeps a user read).
    const ended = await eventually(async () => {
      const res = await me(before);
      return res.status === 401 ? res : undefined;
    }, 5_000);
    expect(ended.body.message).toContain('mật khẩu vừa được đổi');
    await signIn(person.email, STRONG).expect(200);
  });

  it('changes a password with the current one: this session goes on with a new token, every other one ends', async () => {
    const person = await newPerson('doi');
    const here = (await signIn(person.email, DEMO_PASSWORD).expect(200)).body.accessToken as string;
    const elsewhere = (await signIn(person.email, DEMO_PASSWORD).expect(200)).body.accessToken as string;
    const change = (body: object) => stack.http().post('/api/auth/password').set(bearer(here)).send(body);

    const wrong = await change({ currentPassword: 'không phải mật khẩu', newPassword: STRONG }).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: '1234567890' }).expect(400);
    expect(weak.body.errors[0].field).toBe('newPassword');

    const done = await change({ currentPassword: DEMO_PASSWORD, newPassword: STRONG }).expect(200);
    const renewed = done.body.accessToken as string;
    await me(renewed).expect(200);
    await eventually(async () => ((await me(elsewhere)).status === 401 ? true : undefined), 5_000);
    await eventually(async () => ((await me(here)).status === 401 ? true : undefined), 5_000);
    await signIn(person.email, DEMO_PASSWORD).expect(401);
    await signIn(person.email, STRONG).expect(200);
  });

  it('ends the sessions of a deactivated account at once', async () => {
    const person = await newPerson('nghi');
    const token = (await signIn(person.email, DEMO_PASSWORD).expect(200)).body.accessToken as string;
    await me(token).expect(200);
    await stack.prisma.user.update({ where: { id: person.id }, data: { active: false } });
    await eventually(async () => ((await me(token)).status === 401 ? true : undefined), 3_000);
    await signIn(person.email, DEMO_PASSWORD).expect(401);
  });

  it('locks an account after five wrong passwords in a row, tells its owner once, and records every attempt', async () => {
    const person = await newPerson('khoa');
    for (let i = 0; i < 5; i++) {
      const res = await signIn(person.email, `sai mật khẩu lần ${i}`).expect(401);
      expect(res.body.message).toBe('E-mail hoặc mật khẩu không đúng.');
    }
    // Locked: even the right password is refused, saying until when and what to do.
    const locked = await signIn(person.email, DEMO_PASSWORD).expect(423);
    expect(locked.body.code).toBe('LOCKED');
    expect(locked.body.message).toMatch(
      /^Tài khoản tạm khóa đến \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} vì nhập sai mật khẩu 5 lần/,
    );
    const notice = await eventually(async () => (await mailTo(person.email))[0], 20_000, 'the lock e-mail');
    expect(notice.subject).toBe('[Duyệt] Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần');
    expect(notice.text).toContain('/password/forgot');

    const attempts = await stack
      .http()
      .get('/api/sign-ins')
      .query({ userId: person.id })
      .set(bearer(adminToken))
      .expect(200);
    expect(attempts.body.items.map((a: { reason: string | null }) => a.reason)).toEqual([
      'LOCKED',
      ...Array(5).fill('WRONG_PASSWORD'),
    ]);
    expect(attempts.body.items[0].ip).toMatch(/^203\.0\.113\./);

    // The lock ends by itself; a success then starts the count again.
    await stack.prisma.user.update({ where: { id: person.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await signIn(person.email, DEMO_PASSWORD).expect(200);
    await signIn(person.email, 'sai một lần').expect(401);
    await signIn(person.email, DEMO_PASSWORD).expect(200);
    expect((await mailTo(person.email)).length).toBe(1);
    const ok = await stack.http().get('/api/sign-ins').query({ userId: person.id, limit: 1 }).set(bearer(adminToken));
    expect(ok.body.items).toEqual([expect.objectContaining({ ok: true, reason: null, email: person.email })]);

    // Read the way the record's screen reads it: by a part of the name, refusals only, between two days, by pages.
    const read = (query: object) => stack.http().get('/api/sign-ins').query(query).set(bearer(adminToken)).expect(200);
    const refusals = await read({ q: person.fullName.toUpperCase(), ok: 'false', pageSize: 4 });
    expect(refusals.body).toMatchObject({ total: 7, page: 1, pageSize: 4 });
    expect(refusals.body.items).toHaveLength(4);
    expect(refusals.body.items[0]).toMatchObject({
      reason: 'WRONG_PASSWORD',
      user: { id: person.id, fullName: person.fullName },
    });
    const second = await read({ q: person.fullName.toUpperCase(), ok: 'false', pageSize: 4, page: 2 });
    expect(refusals.body.items.map((a: { reason: string }) => a.reason)).toEqual([
      'WRONG_PASSWORD',
      'LOCKED',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
    ]);
    expect(second.body.items.map((a: { reason: string }) => a.reason)).toEqual(Array(3).fill('WRONG_PASSWORD'));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect((await read({ userId: person.id, from: today, to: today })).body.total).toBe(9);
    expect((await read({ userId: person.id, to: '2000-01-01' })).body.total).toBe(0);
    expect((await read({ userId: person.id, ok: 'true' })).body.total).toBe(2);
    await stack
      .http()
      .get('/api/sign-ins')
      .query({ from: today, to: '2000-01-01' })
      .set(bearer(adminToken))
      .expect(400);
  });

  it('limits sign-ins per address and per account across the routes, in words and with Retry-After', async () => {
    const address = freshAddress();
    for (let i = 0; i < 5; i++) await signIn(`ai.do.${i}@kienxuong.example`, 'mật khẩu gì đó', address).expect(401);
    // The sixth from this address, on another of the limited routes: the same count.
    const refused = await post('/api/auth/password/forgot', { email: 'ai.do@kienxuong.example' }, address).expect(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refused.body.message).toContain('Vui lòng đợi một phút rồi thử lại.');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // One account from many addresses: its own count (ten a minute), whoever asks.
    const person = await newPerson('gioihan');
    for (let i = 0; i < 10; i++)
      await signIn(person.email, `sai ${i}`, freshAddress()).expect((r) => {
        expect([401, 423]).toContain(r.status);
      });
    await signIn(person.email, DEMO_PASSWORD, freshAddress()).expect(429);
    // Another account from a fresh address is not held back.
    await signIn(ADMIN, DEMO_PASSWORD, freshAddress()).expect(200);
  });
});
