import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { DEMO_PASSWORD, type Stack, overrideEnv, startStack } from '../support/stack';

// The browser keeps its session in an httpOnly cookie; every change it asks for carries the CSRF token only the
// app's own page can read (double submit). Bearer tokens stay for API clients and need no CSRF token.

const SCHOOL = 'th-vu-quy';
const EMAIL = principal(SCHOOL);

/** Set-Cookie lines by cookie name. */
function setCookies(res: Response): Map<string, string> {
  const lines = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
}
const valueOf = (line: string) => line.slice(line.indexOf('=') + 1, line.indexOf(';'));

describe('browser sessions', () => {
  let stack: Stack;
  let planId: string;

  async function signIn(email = EMAIL): Promise<{ cookie: string; csrf: string; res: Response }> {
    const res = await stack.http().post('/api/auth/session').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const c = setCookies(res);
    const session = valueOf(c.get('duyet_session')!);
    const csrf = valueOf(c.get('duyet_csrf')!);
    return { cookie: `duyet_session=${session}; duyet_csrf=${csrf}`, csrf, res };
  }

  beforeAll(async () => {
    stack = await startStack();
    const campaignId = await openCampaign(stack, {
      key: 'phien-trinh-duyet-2027',
      documentNumber: '23/KH-PGDĐT',
      targetLevels: ['PRIMARY'],
      submissionDeadline: '2027-06-30T17:00:00+07:00',
    });
    planId = await planIdOf(stack, campaignId, SCHOOL);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('signs in with a session cookie (httpOnly, SameSite=Lax, Max-Age of JWT_TTL) and a readable CSRF cookie', async () => {
    const { res } = await signIn();
    expect(res.body.user).toMatchObject({ email: EMAIL, role: 'PRINCIPAL', schoolName: 'Trường Tiểu học Vũ Quý' });
    expect(res.body).not.toHaveProperty('accessToken');
    const c = setCookies(res);
    // global-setup runs with JWT_TTL's default, 8h, and PUBLIC_URL on http: no Secure flag.
    expect(c.get('duyet_session')).toMatch(
      /^duyet_session=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=28800; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
    expect(c.get('duyet_csrf')).toMatch(/^duyet_csrf=[\w-]{43}; Max-Age=28800; Path=\/; Expires=.+; SameSite=Lax$/);
  });

  it('refuses wrong credentials with 401 and sets no cookie', async () => {
    const res = await stack.http().post('/api/auth/session').send({ email: EMAIL, password: 'sai-mat-khau' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'E-mail hoặc mật khẩu không đúng.' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers /api/auth/me from the cookie with the school named, and 401 without it', async () => {
    const { cookie } = await signIn();
    const me = await stack.http().get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    const school = await stack.prisma.school.findFirstOrThrow({
      where: { code: SCHOOL, users: { some: { email: EMAIL } } },
    });
    expect(me.body).toMatchObject({ email: EMAIL, schoolId: school.id, schoolName: school.name, title: 'Hiệu trưởng' });
    const none = await stack.http().get('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a change made with the cookie but without the CSRF header, or with a wrong one, and changes nothing', async () => {
    const { cookie, csrf } = await signIn();
    const draft = { ...PRIMARY_DRAFT, sections: { ...PRIMARY_DRAFT.sections, purpose: 'Không được lưu.' } };
    for (const header of [undefined, 'x'.repeat(43), `${csrf}x`]) {
      const req = stack.http().put(`/api/plans/${planId}/draft`).set('Cookie', cookie);
      const res = await (header === undefined ? req : req.set('X-CSRF-Token', header)).send(draft);
      expect([header, res.status]).toEqual([header, 403]);
      expect(res.body).toMatchObject({ code: 'CSRF', message: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.' });
    }
    // A CSRF cookie planted beside the session (by a sibling site) does not pass either: the token is the session's.
    const planted = await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set('Cookie', `${cookie.split(';')[0]}; duyet_csrf=planted`)
      .set('X-CSRF-Token', 'planted')
      .send(draft);
    expect(planted.status).toBe(403);
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId }, select: { draft: true } });
    expect(JSON.stringify(plan.draft)).not.toContain('Không được lưu.');
  });

  it('accepts the change with the cookie and the matching X-CSRF-Token', async () => {
    const { cookie, csrf } = await signIn();
    const res = await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send(PRIMARY_DRAFT);
    expect(res.status).toBe(200);
    const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId }, select: { draft: true } });
    expect(plan.draft).toMatchObject({ sections: { purpose: PRIMARY_DRAFT.sections.purpose } });
  });

  it('asks no CSRF token of a bearer request', async () => {
    const res = await stack
      .http()
      .put(`/api/plans/${planId}/draft`)
      .set(await bearer(stack, EMAIL))
      .send(PRIMARY_DRAFT);
    expect(res.status).toBe(200);
  });

  it('signs out: both cookies cleared, and only with the CSRF header', async () => {
    const { cookie, csrf } = await signIn();
    const refused = await stack.http().delete('/api/auth/session').set('Cookie', cookie);
    expect(refused.status).toBe(403);
    const res = await stack.http().delete('/api/auth/session').set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(res.status).toBe(204);
    const c = setCookies(res);
    expect(c.get('duyet_session')).toMatch(
      /^duyet_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/,
    );
    expect(c.get('duyet_csrf')).toMatch(/^duyet_csrf=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax$/);
  });

  it('answers an expired session with 401 UNAUTHENTICATED, before any CSRF question', async () => {
    const user = await stack.prisma.user.findUniqueOrThrow({ where: { email: EMAIL } });
    const expired = await new JwtService({ secret: process.env.JWT_SECRET }).signAsync({
      sub: user.id,
      did: user.districtId,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    for (const res of [
      await stack.http().get('/api/auth/me').set('Cookie', `duyet_session=${expired}`),
      await stack
        .http()
        .put(`/api/plans/${planId}/draft`)
        .set('Cookie', `duyet_session=${expired}`)
        .send(PRIMARY_DRAFT),
      await stack.http().get('/api/auth/me').set('Authorization', `Bearer ${expired}`),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.',
      });
    }
  });
});

describe('browser sessions when PUBLIC_URL is https', () => {
  let stack: Stack;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = overrideEnv({ PUBLIC_URL: 'https://duyet.example', JWT_TTL: '30m' });
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
    restoreEnv?.();
  });

  it('marks both cookies Secure, with the Max-Age of JWT_TTL, and sends HSTS on every answer', async () => {
    const res = await stack.http().post('/api/auth/session').send({ email: EMAIL, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const c = setCookies(res);
    expect(c.get('duyet_session')).toMatch(/; Max-Age=1800; .*; HttpOnly; Secure; SameSite=Lax$/);
    expect(c.get('duyet_csrf')).toMatch(/; Max-Age=1800; .*; Secure; SameSite=Lax$/);
    expect(c.get('duyet_csrf')).not.toContain('HttpOnly');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const token = await new JwtService({ secret: process.env.JWT_SECRET }).verifyAsync<{ exp: number; iat: number }>(
      valueOf(c.get('duyet_session')!),
    );
    expect(token.exp - token.iat).toBe(1800);
  });
});
