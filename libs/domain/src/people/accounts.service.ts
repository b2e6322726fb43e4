import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { PrismaService } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { DomainError } from '../common/errors';

/** The signed-in user as the browser app shows them: the school's name beside its id. */
export interface AccountProfile extends AuthUser {
  schoolName: string | null;
}

// A hash to compare against when the e-mail is unknown, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

/** Who may sign in, and who a session belongs to now (its account may have been closed since it began). */
@Injectable()
export class AccountsService {
  constructor(private readonly prisma: PrismaService) {}

  /** The account these credentials open; one refusal for an unknown e-mail, a wrong password and a closed account. */
  async verifyCredentials(email: string, password: string): Promise<AuthUser> {
    const user = await this.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      throw new DomainError('UNAUTHENTICATED', 'E-mail hoặc mật khẩu không đúng.');
    }
    return this.activeUser(user.id);
  }

  /**
   * The user a session names, with their review scope, read as it is now. By bare id: the id comes from a token
   * this system signed, never from a request's parameters.
   */
  async activeUser(id: string): Promise<AuthUser> {
    const user = await this.prisma.user.findUnique({ where: { id }, include: { assignments: true } });
    if (!user || !user.active) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động.');
    return {
      id: user.id,
      districtId: user.districtId,
      email: user.email,
      fullName: user.fullName,
      title: user.title,
      position: user.position,
      acting: user.acting,
      role: user.role,
      schoolId: user.schoolId,
      reviewLevels: user.assignments.flatMap((a) => (a.level ? [a.level] : [])),
      reviewClusterIds: user.assignments.flatMap((a) => (a.clusterId ? [a.clusterId] : [])),
    };
  }

  /** The user with their school's name, scoped to their own district. */
  async profile(user: AuthUser): Promise<AccountProfile> {
    const school = user.schoolId
      ? await this.prisma.school.findFirst({
          where: { id: user.schoolId, districtId: user.districtId },
          select: { name: true },
        })
      : null;
    return { ...user, schoolName: school?.name ?? null };
  }
}
