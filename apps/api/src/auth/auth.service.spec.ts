import { JwtService } from '@nestjs/jwt';
import { type AccountsService, type AuthUser, DomainError, type SignInsService } from '@duyet/domain';
import { EdgeError } from '../common/http-errors.filter';
import { AuthService } from './auth.service';

// PostgreSQL stands behind AccountsService: a fake that counts reads and answers with the account as it is now.
function fakeAccounts(row: { active: boolean }) {
  const reads = { count: 0 };
  const accounts = {
    activeUser: jest.fn(async (): Promise<AuthUser> => {
      reads.count++;
      await Promise.resolve();
      if (!row.active) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động.');
      return {
        id: 'u1',
        districtId: 'd1',
        provinceId: null,
        email: 'ht@example.vn',
        fullName: 'Nguyễn Văn A',
        title: 'Hiệu trưởng',
        position: 'PRINCIPAL',
        acting: false,
        role: 'PRINCIPAL',
        schoolId: 's1',
        reviewLevels: [],
        reviewClusterIds: [],
      };
    }),
  };
  return { accounts: accounts as unknown as AccountsService, reads };
}

const CONFIG = { jwt: { secret: 'a-test-secret-of-enough-length', ttlSeconds: 3600 }, publicUrl: 'http://localhost' };
// Signing in is not under test here: only authenticate, which never signs in.
const serviceOf = (accounts: AccountsService, jwt: JwtService) =>
  new AuthService(accounts, jwt, CONFIG, {} as SignInsService);

describe('AuthService.authenticate', () => {
  const jwt = new JwtService({ secret: 'a-test-secret-of-enough-length' });
  let token: string;

  beforeAll(async () => {
    token = await jwt.signAsync({ sub: 'u1', did: 'd1' });
  });
  afterEach(() => jest.useRealTimers());

  it('shares one read between concurrent requests of the same user', async () => {
    const { accounts, reads } = fakeAccounts({ active: true });
    const auth = serviceOf(accounts, jwt);
    const users = await Promise.all([auth.authenticate(token), auth.authenticate(token), auth.authenticate(token)]);
    expect(users.map((u) => u.id)).toEqual(['u1', 'u1', 'u1']);
    expect(reads.count).toBe(1);
  });

  it('reads the user again after a second, so a deactivated account is refused from then on', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z'), doNotFake: ['queueMicrotask', 'nextTick'] });
    const row = { active: true };
    const { accounts, reads } = fakeAccounts(row);
    const auth = serviceOf(accounts, jwt);
    await auth.authenticate(token);
    row.active = false;
    jest.setSystemTime(new Date('2026-12-01T08:00:00.900Z'));
    await expect(auth.authenticate(token)).resolves.toMatchObject({ id: 'u1' });
    expect(reads.count).toBe(1);
    jest.setSystemTime(new Date('2026-12-01T08:00:01.001Z'));
    await expect(auth.authenticate(token)).rejects.toThrow(DomainError);
    expect(reads.count).toBe(2);
  });

  it('does not keep a refusal: the next request asks the database again', async () => {
    const row = { active: false };
    const { accounts, reads } = fakeAccounts(row);
    const auth = serviceOf(accounts, jwt);
    await expect(auth.authenticate(token)).rejects.toThrow('Tài khoản không còn hoạt động.');
    row.active = true;
    await expect(auth.authenticate(token)).resolves.toMatchObject({ id: 'u1' });
    expect(reads.count).toBe(2);
  });

  it('refuses a token it did not sign without reading anyone', async () => {
    const { accounts, reads } = fakeAccounts({ active: true });
    const auth = serviceOf(accounts, jwt);
    const forged = await new JwtService({ secret: 'another-secret-entirely-here' }).signAsync({ sub: 'u1', did: 'd1' });
    await expect(auth.authenticate(forged)).rejects.toThrow('Phiên đăng nhập không hợp lệ');
    expect(reads.count).toBe(0);
  });
});

describe('AuthService.checkCsrf', () => {
  const jwt = new JwtService({ secret: 'a-test-secret-of-enough-length' });
  const auth = serviceOf(fakeAccounts({ active: true }).accounts, jwt);

  it('accepts the token derived from the session, sent as both header and cookie', () => {
    const csrf = auth.csrfToken('session-a');
    expect(() => auth.checkCsrf('session-a', csrf, csrf)).not.toThrow();
  });

  it.each([
    ['no header', undefined, 'cookie'],
    ['a header that differs from the cookie', 'x', 'y'],
    ['a header and cookie planted together, not derived from the session', 'planted', 'planted'],
  ])('refuses %s with a 403 in Vietnamese', (_, header, cookie) => {
    expect(() => auth.checkCsrf('session-a', header, cookie)).toThrow(EdgeError);
    expect(() => auth.checkCsrf('session-a', header, cookie)).toThrow('Phiên làm việc không hợp lệ');
  });

  it("refuses another session's token", () => {
    const other = auth.csrfToken('session-b');
    expect(() => auth.checkCsrf('session-a', other, other)).toThrow(EdgeError);
  });
});
