import { Injectable } from '@nestjs/common';
import { type AuditType, type Prisma, PrismaService } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import type { AuditData, UserFacts } from '../audit/audit-events';
import { type DescribedEvent, describeAuditEvent } from '../audit/describe';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import { UNUSABLE_PASSWORD, UsersService } from './users.service';
import { type UserRow, userFacts, userView } from './user-view';

export const LEGAL_BASIS = 'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân';
const REDACTED = `[Nội dung thư đã xoá theo ${LEGAL_BASIS}]`;

/** What stands in for an erased person: a name that says so, and an address no mail can reach (RFC 2606 .invalid). */
export const pseudonymOf = (id: string) => ({
  fullName: `Người dùng đã xoá #${id.slice(0, 8)}`,
  email: `da-xoa-${id}@erased.invalid`,
});

type Standing = Pick<UserFacts, 'position' | 'acting' | 'school'>;
const STANDING: (keyof Standing)[] = ['position', 'acting', 'school'];

/**
 * Personal data (Nghị định 13/2023/NĐ-CP): an admin exports everything Duyệt holds about a person, and once they
 * have left (deactivated) erases it by pseudonymising their name and e-mail. What is erased: the name and address on
 * the account, in the audit trail's records of them and on the e-mails sent to them (their bodies too), the address
 * and IP of their sign-ins, their password and unused links, their reviewer scope, their address on meeting
 * invitations. What is kept, because it is the office's legal record: each decision keeps the name and capacity it
 * was signed with (Decision.deciderName, capacity), and a meeting's minutes keep the attendees' names; the audit
 * trail keeps who (by id) held which position and did what, when.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly users: UsersService,
    private readonly clock: ClockService,
  ) {}

  async export(admin: AuthUser, id: string) {
    const user = await this.users.load(this.prisma, admin, id);
    const [changes, decisions, comments, events, signIns] = await Promise.all([
      this.standingChanges(admin.districtId, id),
      this.prisma.decision.findMany({
        where: { decidedById: id, plan: { districtId: admin.districtId } },
        orderBy: { decidedAt: 'asc' },
        include: {
          version: { select: { number: true } },
          plan: {
            select: {
              school: { select: { code: true, name: true } },
              campaign: { select: { key: true, documentNumber: true } },
            },
          },
        },
      }),
      this.prisma.comment.findMany({
        where: { authorId: id, districtId: admin.districtId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, planId: true, versionNo: true, body: true, createdAt: true },
      }),
      this.prisma.auditEvent.findMany({
        where: { actorId: id, districtId: admin.districtId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, type: true, data: true, createdAt: true, planId: true, campaignId: true },
      }),
      this.prisma.signInAttempt.findMany({
        where: { userId: id, districtId: admin.districtId },
        orderBy: { at: 'asc' },
        select: { at: true, email: true, ip: true, ok: true, reason: true },
      }),
    ]);
    await AuditLog.write(this.prisma, {
      districtId: admin.districtId,
      actorId: admin.id,
      type: 'PERSONAL_DATA_EXPORTED',
      data: { user: { id: user.id, fullName: user.fullName } },
    });
    const actor = { fullName: user.fullName, title: user.title };
    return {
      exportedAt: this.clock.now(),
      legalBasis: LEGAL_BASIS,
      profile: { ...userView(user), passwordChangedAt: user.passwordChangedAt },
      positionsHeld: positionsHeld(user, changes),
      decisions: decisions.map((d) => ({
        id: d.id,
        planId: d.planId,
        school: d.plan.school,
        campaign: d.plan.campaign,
        versionNo: d.version.number,
        kind: d.kind,
        capacity: d.capacity,
        deciderName: d.deciderName,
        decidedAt: d.decidedAt,
        comment: d.comment,
      })),
      comments,
      auditEvents: events.map((e) => ({
        id: e.id,
        type: e.type,
        at: e.createdAt,
        planId: e.planId,
        campaignId: e.campaignId,
        summary: describeAuditEvent({ type: e.type, data: e.data, actor } as DescribedEvent),
      })),
      signIns,
    };
  }

  /** Only someone who has left (deactivated); once. The person's work stays, under the pseudonym. */
  async erase(admin: AuthUser, id: string) {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.users.load(tx, admin, id, true);
      if (user.active) {
        throw new DomainError(
          'CONFLICT',
          `${user.fullName} vẫn đang làm việc: hãy khoá tài khoản trước, chỉ xoá dữ liệu của người đã nghỉ.`,
        );
      }
      if (user.erasedAt) throw new DomainError('CONFLICT', 'Dữ liệu cá nhân của người này đã được xoá.');
      const pseudo = pseudonymOf(user.id);
      await tx.user.update({
        where: { id: user.id },
        data: {
          ...pseudo,
          passwordHash: UNUSABLE_PASSWORD,
          erasedAt: this.clock.now(),
          sessionVersion: { increment: 1 },
          failedSignIns: 0,
          lockedUntil: null,
        },
      });
      await tx.reviewerAssignment.deleteMany({ where: { reviewerId: user.id } });
      await tx.accountToken.deleteMany({ where: { userId: user.id } });
      const signIns = await tx.signInAttempt.updateMany({
        where: { OR: [{ userId: user.id }, { email: user.email }] },
        data: { email: '', ip: '' },
      });
      await tx.meetingAttendee.updateMany({ where: { userId: user.id }, data: { email: null } });
      const emails = await tx.emailLog.updateMany({
        where: { districtId: admin.districtId, to: user.email },
        data: { to: pseudo.email, html: REDACTED, text: REDACTED },
      });
      await tx.$executeRaw`UPDATE "EmailLog" SET cc = array_replace(cc, ${user.email}, ${pseudo.email})
        WHERE "districtId" = ${admin.districtId}::uuid AND ${user.email} = ANY(cc)`;
      const auditEvents = await scrubAuditTrail(tx, admin.districtId, user, pseudo);
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'USER_ERASED',
        data: {
          user: { id: user.id, fullName: pseudo.fullName },
          signIns: signIns.count,
          emails: emails.count,
          auditEvents,
        },
      });
      const after = await this.users.load(tx, admin, id);
      return { user: userView(after), signIns: signIns.count, emails: emails.count, auditEvents };
    });
  }

  /** The changes of a person's position, acting or school, oldest first (USER_CHANGED events about them). */
  private async standingChanges(districtId: string, id: string) {
    const rows = await this.prisma.auditEvent.findMany({
      where: { districtId, type: 'USER_CHANGED', data: { path: ['user', 'id'], equals: id } },
      orderBy: { createdAt: 'asc' },
      select: { data: true, createdAt: true },
    });
    return rows
      .map((r) => ({ at: r.createdAt, data: r.data as unknown as AuditData['USER_CHANGED'] }))
      .filter((c) => STANDING.some((k) => k in (c.data.after ?? {})));
  }
}

/**
 * Who held which position when: the standing now, walked back through each change's `before` to the account's
 * creation. Periods before this feature recorded changes start at the account's creation with the oldest standing known.
 */
function positionsHeld(user: UserRow, changes: { at: Date; data: AuditData['USER_CHANGED'] }[]) {
  let current: Standing = pick(userFacts(user)) as Standing;
  let until: Date | null = null;
  const periods: (Standing & { from: Date; until: Date | null })[] = [];
  for (const change of [...changes].reverse()) {
    periods.unshift({ ...current, from: change.at, until });
    current = { ...current, ...pick(change.data.before ?? {}) };
    until = change.at;
  }
  periods.unshift({ ...current, from: user.createdAt, until });
  return periods;
}

const pick = (facts: Partial<UserFacts>): Partial<Standing> =>
  Object.fromEntries(STANDING.filter((k) => k in facts).map((k) => [k, facts[k]]));

/**
 * The audit trail's records of the person, by id, keep their meaning under the pseudonym: every `{ id, fullName }`
 * naming them, the names in a change of their own record (before/after), and their address wherever it appears.
 */
async function scrubAuditTrail(
  tx: Prisma.TransactionClient,
  districtId: string,
  user: { id: string; email: string },
  pseudo: { fullName: string; email: string },
): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string; type: AuditType; data: Prisma.JsonValue }[]>`
    SELECT id, type, data FROM "AuditEvent"
     WHERE "districtId" = ${districtId}::uuid
       AND (data::text LIKE ${`%${user.id}%`} OR lower(data::text) LIKE ${`%${user.email}%`})`;
  const scrub = (value: Prisma.JsonValue, person: boolean): Prisma.JsonValue => {
    if (Array.isArray(value)) return value.map((v) => scrub(v, false));
    if (value && typeof value === 'object') {
      const isPerson = person || value.id === user.id;
      const aboutThem = value.user && typeof value.user === 'object' && (value.user as { id?: unknown }).id === user.id;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => {
          if (isPerson && k === 'fullName') return [k, pseudo.fullName];
          return [k, scrub(v ?? null, !!aboutThem && (k === 'before' || k === 'after'))];
        }),
      );
    }
    return typeof value === 'string' && value.toLowerCase() === user.email ? pseudo.email : value;
  };
  for (const row of rows) {
    await tx.auditEvent.update({
      where: { id: row.id },
      data: { data: scrub(row.data, false) as Prisma.InputJsonValue },
    });
  }
  return rows.length;
}
