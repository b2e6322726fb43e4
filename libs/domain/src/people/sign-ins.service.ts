import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type Prisma, PrismaService } from '@duyet/database';
import { DateTime } from 'luxon';
import { MailQueueService, MailTemplate, renderMail } from '@duyet/mail';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { formatVnDateTime } from '../common/format';
import { pageLinks } from '../common/links';

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

// A hash to compare against when the e-mail is unknown, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

const WRONG = 'E-mail hoặc mật khẩu không đúng.';

/** Which sign-ins an admin reads (GET /api/sign-ins); days are YYYY-MM-DD in the district's time zone. */
export interface SignInFilter {
  userId?: string;
  /** a part of the e-mail typed or of the person's name */
  q?: string;
  ok?: boolean;
  failedOnly?: boolean;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type SignInRefusal = 'WRONG_PASSWORD' | 'UNKNOWN_EMAIL' | 'INACTIVE' | 'LOCKED';

/** Whose session a successful sign-in opens, and the version its token carries (sessions end when it changes). */
export interface SignedIn {
  userId: string;
  /** null for a province user (Sở GD&ĐT), who belongs to no district */
  districtId: string | null;
  sessionVersion: number;
}

/**
 * Signing in with a password: one refusal for an unknown e-mail, a wrong password and a closed account; a lock of
 * LOCK_MINUTES after LOCK_AFTER_FAILURES wrong passwords in a row, with an e-mail to the owner; every attempt
 * recorded for the admin. (The per-address and per-account rate limits are the HTTP edge's: the throttler.)
 */
@Injectable()
export class SignInsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly mailQueue: MailQueueService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  async signIn(email: string, password: string, ip: string): Promise<SignedIn> {
    const address = email.trim().toLowerCase();
    const user = await this.prisma.user.findUnique({ where: { email: address } });
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      await this.record({ email: address, ip, user, ok: false, reason: 'LOCKED' });
      throw lockedError(user.lockedUntil);
    }
    const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user) {
      await this.record({ email: address, ip, user: null, ok: false, reason: 'UNKNOWN_EMAIL' });
      throw new DomainError('UNAUTHENTICATED', WRONG);
    }
    if (!matches) {
      await this.record({ email: address, ip, user, ok: false, reason: 'WRONG_PASSWORD' });
      await this.countFailure(user.id, now);
      throw new DomainError('UNAUTHENTICATED', WRONG);
    }
    if (!user.active) {
      await this.record({ email: address, ip, user, ok: false, reason: 'INACTIVE' });
      throw new DomainError('UNAUTHENTICATED', WRONG);
    }
    await this.prisma.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    await this.record({ email: address, ip, user, ok: true });
    return { userId: user.id, districtId: user.districtId, sessionVersion: user.sessionVersion };
  }

  /**
   * The district's sign-ins, newest first, a page at a time: all, or one person's (by id, or a part of their e-mail or
   * name), successes or refusals only, between two days of the district's calendar (inclusive).
   */
  async list(districtId: string, filter: SignInFilter) {
    const zone = filter.from || filter.to ? await this.zoneOf(districtId) : 'UTC';
    const startOf = (day: string) => DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
    const where: Prisma.SignInAttemptWhereInput = {
      districtId,
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.failedOnly ? { ok: false } : filter.ok === undefined ? {} : { ok: filter.ok }),
      ...(filter.q
        ? {
            OR: [
              { email: { contains: filter.q, mode: 'insensitive' } },
              { user: { fullName: { contains: filter.q, mode: 'insensitive' } } },
            ],
          }
        : {}),
      ...(filter.from || filter.to
        ? {
            at: {
              ...(filter.from ? { gte: startOf(filter.from) } : {}),
              ...(filter.to ? { lt: DateTime.fromJSDate(startOf(filter.to)).plus({ days: 1 }).toJSDate() } : {}),
            },
          }
        : {}),
    };
    const [total, items] = await Promise.all([
      this.prisma.signInAttempt.count({ where }),
      this.prisma.signInAttempt.findMany({
        where,
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
        select: {
          id: true,
          userId: true,
          email: true,
          ip: true,
          ok: true,
          reason: true,
          at: true,
          user: { select: { id: true, fullName: true } },
        },
      }),
    ]);
    return { total, page: filter.page, pageSize: filter.pageSize, items };
  }

  private async zoneOf(districtId: string): Promise<string> {
    const d = await this.prisma.district.findUniqueOrThrow({ where: { id: districtId }, select: { timezone: true } });
    return d.timezone;
  }

  /**
   * One more wrong password. The count and the lock are one statement, so two wrong passwords at once cannot both
   * see the fourth failure and lock twice; the one that locks sends the owner the e-mail, once (its key is the lock).
   */
  private async countFailure(userId: string, now: Date): Promise<void> {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const rows = await this.prisma.$queryRaw<{ failedSignIns: number; lockedUntil: Date | null }[]>`
      UPDATE "User"
         SET "failedSignIns" = CASE WHEN "failedSignIns" + 1 >= ${LOCK_AFTER_FAILURES} THEN 0 ELSE "failedSignIns" + 1 END,
             "lockedUntil"   = CASE WHEN "failedSignIns" + 1 >= ${LOCK_AFTER_FAILURES} THEN ${lockUntil} ELSE "lockedUntil" END
       WHERE id = ${userId}::uuid
   RETURNING "failedSignIns", "lockedUntil"`;
    const locked = rows[0]?.lockedUntil;
    if (locked && locked.getTime() === lockUntil.getTime()) await this.mailLock(userId, lockUntil);
  }

  private async mailLock(userId: string, until: Date): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { district: true } });
    // The e-mail log is a district's; a province user's lock is not mailed (it ends by itself after the lock time).
    if (!user.district || !user.districtId) return;
    const rendered = renderMail(MailTemplate.ACCOUNT_LOCKED, {
      recipientName: user.fullName,
      email: user.email,
      officeName: user.district.officeName,
      lockedUntil: formatVnDateTime(until),
      failures: LOCK_AFTER_FAILURES,
      resetUrl: pageLinks(this.config.publicUrl).forgotPassword(),
    });
    const row = await this.prisma.emailLog.upsert({
      where: { idempotencyKey: `account-locked:${user.id}:${until.toISOString()}` },
      create: {
        districtId: user.districtId,
        idempotencyKey: `account-locked:${user.id}:${until.toISOString()}`,
        template: MailTemplate.ACCOUNT_LOCKED,
        to: user.email,
        cc: [],
        ...rendered,
      },
      update: {},
    });
    await this.mailQueue.enqueue([row.id]);
  }

  private async record(a: {
    email: string;
    ip: string;
    user: { id: string; districtId: string | null } | null;
    ok: boolean;
    reason?: SignInRefusal;
  }): Promise<void> {
    await this.prisma.signInAttempt.create({
      data: {
        email: a.email.slice(0, 320),
        ip: a.ip.slice(0, 64),
        ok: a.ok,
        reason: a.reason ?? null,
        userId: a.user?.id ?? null,
        districtId: a.user?.districtId ?? null,
      },
    });
  }
}

function lockedError(until: Date): DomainError {
  return new DomainError(
    'LOCKED',
    `Tài khoản tạm khóa đến ${formatVnDateTime(until)} vì nhập sai mật khẩu ${LOCK_AFTER_FAILURES} lần liên tiếp. Anh/chị có thể đặt lại mật khẩu qua "Quên mật khẩu".`,
    { lockedUntil: until.toISOString() },
  );
}
