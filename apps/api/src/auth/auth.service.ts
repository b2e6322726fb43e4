import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import { PrismaService } from '@duyet/database';
import { type AuthUser, DomainError } from '@duyet/domain';

interface TokenPayload {
  sub: string;
  did: string;
}

// A hash to compare against when the e-mail is unknown, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: AuthUser }> {
    const user = await this.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      throw new DomainError('UNAUTHENTICATED', 'E-mail hoặc mật khẩu không đúng.');
    }
    const payload: TokenPayload = { sub: user.id, did: user.districtId };
    return { accessToken: await this.jwt.signAsync(payload), user: await this.loadUser(user.id) };
  }

  /** Verifies a bearer token and loads the user fresh, so a deactivated account or a new assignment counts at once. */
  async authenticate(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.');
    }
    return this.loadUser(payload.sub);
  }

  private async loadUser(id: string): Promise<AuthUser> {
    const user = await this.prisma.user.findUnique({ where: { id }, include: { assignments: true } });
    if (!user || !user.active) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động.');
    return {
      id: user.id,
      districtId: user.districtId,
      email: user.email,
      fullName: user.fullName,
      title: user.title,
      role: user.role,
      schoolId: user.schoolId,
      reviewLevels: user.assignments.flatMap((a) => (a.level ? [a.level] : [])),
      reviewClusterIds: user.assignments.flatMap((a) => (a.clusterId ? [a.clusterId] : [])),
    };
  }
}
