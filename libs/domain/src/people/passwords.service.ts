import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type AccountTokenPurpose, PrismaService } from '@duyet/database';
import { MailQueueService, MailTemplate, renderMail } from '@duyet/mail';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { formatVnDateTime } from '../common/format';
import { pageLinks } from '../common/links';
import type { AuthUser } from '../plans/access';
import { passwordProblems } from './password-policy';

/** How long a link works: an invitation waits for someone back from holiday; a reset is asked for and used at once. */
export const TOKEN_HOURS: Record<AccountTokenPurpose, number> = { INVITATION: 72, RESET: 1 };

const BCRYPT_COST = 10;
const LINK_REFUSED = 'Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu một liên kết mới.';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Who a valid link is for, as the page that sets the password shows it. */
export interface PasswordLink {
  purpose: AccountTokenPurpose;
  email: string;
  fullName: string;
  expiresAt: Date;
}

/**
 * Passwords: the admin's invitation, "forgot password", setting one from a link, changing one's own. A link is a
 * random token of 32 bytes sent by e-mail; only its SHA-256 is stored, it works once and for TOKEN_HOURS. Every new
 * password raises the account's session version, which ends every session signed in before it.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly mailQueue: MailQueueService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  /** Sends an active user of the admin's district a link to set their password; earlier invitations stop working. */
  async invite(admin: AuthUser, userId: string): Promise<{ email: string; expiresAt: Date }> {
    const user = await this.prisma.user.findFirst({
      where: { id: userId, districtId: admin.districtId },
      include: { district: true },
    });
    if (!user?.district || !user.districtId)
      throw new DomainError('NOT_FOUND', 'Không tìm thấy người dùng này trong huyện.');
    if (!user.active) throw new DomainError('CONFLICT', 'Tài khoản này đã ngừng hoạt động: không gửi lời mời được.');
    const { district, districtId } = user;
    const { expiresAt, emailId } = await this.issue({ ...user, districtId }, 'INVITATION', admin.id, (url, until) =>
      renderMail(MailTemplate.ACCOUNT_INVITATION, {
        recipientName: user.fullName,
        email: user.email,
        officeName: district.officeName,
        invitedBy: admin.fullName,
        url,
        expiresAt: formatVnDateTime(until),
      }),
    );
    await this.mailQueue.enqueue([emailId]);
    return { email: user.email, expiresAt };
  }

  /**
   * "Forgot password": a link to the e-mail's owner if it belongs to an active account, nothing otherwise. The
   * caller answers the same either way, so the page reveals nothing about which e-mails have accounts.
   */
  async requestReset(email: string): Promise<void> {
    const user = await this.prisma.user.findUnique({
      where: { email: email.trim().toLowerCase() },
      include: { district: true },
    });
    // The e-mail log is a district's: a province user's password is set by whoever manages the province's accounts.
    if (!user?.active || !user.district || !user.districtId) return;
    const { district, districtId } = user;
    const { emailId } = await this.issue({ ...user, districtId }, 'RESET', null, (url, until) =>
      renderMail(MailTemplate.PASSWORD_RESET, {
        recipientName: user.fullName,
        email: user.email,
        officeName: district.officeName,
        url,
        expiresAt: formatVnDateTime(until),
      }),
    );
    await this.mailQueue.enqueue([emailId]);
  }

  /** Whose account a link opens, while it works. */
  async checkLink(token: string): Promise<PasswordLink> {
    const found = await this.prisma.accountToken.findUnique({
      where: { tokenHash: hashOf(token) },
      include: { user: { select: { email: true, fullName: true, active: true } } },
    });
    if (!found || found.usedAt || found.expiresAt <= this.clock.now() || !found.user.active) {
      throw new DomainError('VALIDATION', LINK_REFUSED, { errors: [{ field: 'token', message: LINK_REFUSED }] });
    }
    return {
      purpose: found.purpose,
      email: found.user.email,
      fullName: found.user.fullName,
      expiresAt: found.expiresAt,
    };
  }

  /**
   * Sets the password a link is for, once: the link is spent in the same statement that checks it is unspent and
   * in time, so two uses at once cannot both pass. Every other link of the account stops working too.
   */
  async setWithLink(token: string, password: string): Promise<{ email: string }> {
    const link = await this.checkLink(token);
    refuseWeak(password, link.email);
    const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
    const now = this.clock.now();
    return this.prisma.$transaction(async (tx) => {
      const spent = await tx.accountToken.updateMany({
        where: { tokenHash: hashOf(token), usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (spent.count !== 1) {
        throw new DomainError('VALIDATION', LINK_REFUSED, { errors: [{ field: 'token', message: LINK_REFUSED }] });
      }
      const { userId } = await tx.accountToken.findUniqueOrThrow({ where: { tokenHash: hashOf(token) } });
      await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
      const user = await tx.user.update({
        where: { id: userId },
        data: {
          passwordHash,
          passwordChangedAt: now,
          sessionVersion: { increment: 1 },
          failedSignIns: 0,
          lockedUntil: null,
        },
      });
      return { email: user.email };
    });
  }

  /**
   * A signed-in user changes their own password, proving the current one. Every session ends, this one included:
   * the caller signs this one in again with the new version.
   */
  async change(user: AuthUser, current: string, next: string): Promise<{ sessionVersion: number }> {
    const row = await this.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    if (!(await bcrypt.compare(current, row.passwordHash))) {
      const message = 'Mật khẩu hiện tại không đúng.';
      throw new DomainError('VALIDATION', message, { errors: [{ field: 'currentPassword', message }] });
    }
    refuseWeak(next, row.email, 'newPassword');
    if (await bcrypt.compare(next, row.passwordHash)) {
      const message = 'Mật khẩu mới phải khác mật khẩu hiện tại.';
      throw new DomainError('VALIDATION', message, { errors: [{ field: 'newPassword', message }] });
    }
    const updated = await this.prisma.user.update({
      where: { id: user.id },
      data: {
        passwordHash: await bcrypt.hash(next, BCRYPT_COST),
        passwordChangedAt: this.clock.now(),
        sessionVersion: { increment: 1 },
      },
    });
    return { sessionVersion: updated.sessionVersion };
  }

  /** A new link for the account and its e-mail, written together; earlier unspent links of that purpose end now. */
  private async issue(
    user: { id: string; districtId: string; email: string },
    purpose: AccountTokenPurpose,
    createdById: string | null,
    render: (url: string, expiresAt: Date) => { subject: string; text: string; html: string },
  ): Promise<{ expiresAt: Date; emailId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + TOKEN_HOURS[purpose] * 3_600_000);
    const emailId = await this.prisma.$transaction(async (tx) => {
      await tx.accountToken.updateMany({ where: { userId: user.id, purpose, usedAt: null }, data: { usedAt: now } });
      const created = await tx.accountToken.create({
        data: { userId: user.id, purpose, tokenHash: hashOf(token), expiresAt, createdById },
      });
      const row = await tx.emailLog.create({
        data: {
          districtId: user.districtId,
          idempotencyKey: `account-token:${created.id}`,
          template: purpose === 'INVITATION' ? MailTemplate.ACCOUNT_INVITATION : MailTemplate.PASSWORD_RESET,
          to: user.email,
          cc: [],
          ...render(pageLinks(this.config.publicUrl).setPassword(token), expiresAt),
        },
      });
      return row.id;
    });
    return { expiresAt, emailId };
  }
}

function refuseWeak(password: string, email: string, field = 'password'): void {
  const problems = passwordProblems(password, email);
  if (problems.length) {
    throw new DomainError('VALIDATION', problems.join(' '), {
      errors: problems.map((message) => ({ field, message })),
    });
  }
}
