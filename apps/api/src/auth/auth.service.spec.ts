import { JwtService } from '@nestjs/jwt';
import type { PrismaService } from '@duyet/database';
import { DomainError } from '@duyet/domain';
import { AuthService } from './auth.service';

// PostgreSQL stands behind PrismaService: a fake that counts reads and answers with the row as it is now.
function fakePrisma(row: { active: boolean }) {
  const reads = { count: 0 };
  const prisma = {
    user: {
      findUnique: jest.fn(async () => {
        reads.count++;
        await Promise.resolve();
        return {
          id: 'u1',
          districtId: 'd1',
          email: 'ht@example.vn',
          fullName: 'Nguyễn Văn A',
          title: 'Hiệu trưởng',
          role: 'PRINCIPAL',
          schoolId: 's1',
          active: row.active,
          assignments: [],
        };
      }),
    },
  };
  return { prisma: prisma as unknown as PrismaService, reads };
}

describe('AuthService.authenticate', () => {
  const jwt = new JwtService({ secret: 'a-test-secret-of-enough-length' });
  let token: string;

  beforeAll(async () => {
    token = await jwt.signAsync({ sub: 'u1', did: 'd1' });
  });
  afterEach(() => jest.useRealTimers());

  it('shares one read between concurrent requests of the same user', async () => {
    const { prisma, reads } = fakePrisma({ active: true });
    const auth = new AuthService(prisma, jwt);
    const users = await Promise.all([auth.authenticate(token), auth.authenticate(token), auth.authenticate(token)]);
    expect(users.map((u) => u.id)).toEqual(['u1', 'u1', 'u1']);
    expect(reads.count).toBe(1);
  });

  it('reads the user again after a second, so a deactivated account is refused from then on', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z'), doNotFake: ['queueMicrotask', 'nextTick'] });
    const row = { active: true };
    const { prisma, reads } = fakePrisma(row);
    const auth = new AuthService(prisma, jwt);
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
    const { prisma, reads } = fakePrisma(row);
    const auth = new AuthService(prisma, jwt);
    await expect(auth.authenticate(token)).rejects.toThrow('Tài khoản không còn hoạt động.');
    row.active = true;
    await expect(auth.authenticate(token)).resolves.toMatchObject({ id: 'u1' });
    expect(reads.count).toBe(2);
  });

  it('refuses a token it did not sign without reading anyone', async () => {
    const { prisma, reads } = fakePrisma({ active: true });
    const auth = new AuthService(prisma, jwt);
    const forged = await new JwtService({ secret: 'another-secret-entirely-here' }).signAsync({ sub: 'u1', did: 'd1' });
    await expect(auth.authenticate(forged)).rejects.toThrow('Phiên đăng nhập không hợp lệ');
    expect(reads.count).toBe(0);
  });
});
