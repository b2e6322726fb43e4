import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import { type AuthUser, NO_ID } from '../plans/access';
import { DomainError } from '../common/errors';

/** The signed-in user as the browser app shows them: the school's name beside its id. */
export interface AccountProfile extends AuthUser {
  schoolName: string | null;
}

/** Who a session belongs to now (its account may have been closed, or its password changed, since it began). */
@Injectable()
export class AccountsService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The user a session names, with their review scope, read as it is now; with the session's version, refused once
   * the password has changed since. By bare id: the id comes from a token this system signed, never from a request.
   */
  async activeUser(id: string, sessionVersion?: number): Promise<AuthUser> {
    const user = await this.prisma.user.findUnique({ where: { id }, include: { assignments: true } });
    if (!user || !user.active) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động.');
    // A session signed in before the password last changed is over, on every device.
    if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Phiên đăng nhập đã kết thúc vì mật khẩu vừa được đổi. Vui lòng đăng nhập lại.',
      );
    }
    return {
      id: user.id,
      districtId: user.districtId ?? NO_ID,
      provinceId: user.role === 'PROVINCE' ? user.provinceId : null,
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
