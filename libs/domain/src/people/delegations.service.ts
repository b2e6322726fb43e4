import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { type DelegationKind, type Prisma, PrismaService } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import type { DelegationData } from '../audit/audit-events';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { formatLocalDay } from '../common/format';
import type { AuthUser } from '../plans/access';
import type { DelegationInput, DelegationListQuery } from './delegation.schemas';
import { signingCapacity } from './signing-capacity';

const person = { select: { id: true, fullName: true, email: true, position: true, acting: true } } as const;
const include = { from: person, to: person } satisfies Prisma.DelegationInclude;
type DelegationRow = Prisma.DelegationGetPayload<{ include: typeof include }>;

/** 'YYYY-MM-DD' of a DATE column (Prisma reads it as midnight UTC). */
const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
const dateOf = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/**
 * The head's delegations of signing (TL. thừa lệnh, TUQ. thừa ủy quyền), which an admin records with their days and
 * may revoke. A decision is signed TL./TUQ. only under one in force on the day it is made (district's time zone).
 */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
  ) {}

  async record(admin: AuthUser, input: DelegationInput) {
    const [from, to] = await Promise.all([this.officeUser(admin, input.from), this.officeUser(admin, input.to)]);
    if (from.position !== 'HEAD') {
      throw new DomainError(
        'VALIDATION',
        `${from.fullName} không phải trưởng phòng: chỉ trưởng phòng giao ký TL./TUQ.`,
      );
    }
    if (to.position !== 'SPECIALIST') {
      throw new DomainError(
        'VALIDATION',
        to.position === 'DEPUTY_HEAD'
          ? `${to.fullName} là phó trưởng phòng, đã ký thay (KT.) trưởng phòng: không cần giao ký TL./TUQ.`
          : `Chỉ giao ký TL./TUQ. cho chuyên viên của Phòng; ${to.fullName} không phải chuyên viên.`,
      );
    }
    return this.prisma.$transaction(async (tx) => {
      // One delegation at a time per person, so a signature never has two readings; the row lock orders two admins.
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${to.id}::uuid FOR UPDATE`;
      const overlap = await tx.delegation.findFirst({
        where: {
          toId: to.id,
          revokedAt: null,
          startsOn: { lte: dateOf(input.endsOn) },
          endsOn: { gte: dateOf(input.startsOn) },
        },
      });
      if (overlap) {
        throw new DomainError(
          'CONFLICT',
          `${to.fullName} đã được giao ký ${overlap.kind}. từ ${formatLocalDay(dayOf(overlap.startsOn))} đến ` +
            `${formatLocalDay(dayOf(overlap.endsOn))}: ` +
            'hãy thu hồi việc giao ký đó trước.',
        );
      }
      const row = await tx.delegation.create({
        data: {
          districtId: admin.districtId,
          fromId: from.id,
          toId: to.id,
          kind: input.kind,
          startsOn: dateOf(input.startsOn),
          endsOn: dateOf(input.endsOn),
          reference: input.reference ?? null,
          createdById: admin.id,
        },
        include,
      });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'DELEGATION_RECORDED',
        data: auditData(row),
      });
      return this.view(row, await this.today(admin.districtId));
    });
  }

  async list(admin: AuthUser, q: DelegationListQuery) {
    const today = await this.today(admin.districtId);
    const rows = await this.prisma.delegation.findMany({
      where: {
        districtId: admin.districtId,
        ...(q.inForce ? { revokedAt: null, startsOn: { lte: dateOf(today) }, endsOn: { gte: dateOf(today) } } : {}),
      },
      include,
      orderBy: [{ startsOn: 'desc' }, { createdAt: 'desc' }],
      take: 500,
    });
    return { today, items: rows.map((r) => this.view(r, today)) };
  }

  async revoke(admin: AuthUser, id: string, reason: string) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Delegation" WHERE id = ${id}::uuid AND "districtId" = ${admin.districtId}::uuid FOR UPDATE`;
      const found = await tx.delegation.findFirst({ where: { id, districtId: admin.districtId } });
      if (!found) throw new DomainError('NOT_FOUND', 'Không tìm thấy việc giao ký này.');
      if (found.revokedAt) throw new DomainError('CONFLICT', 'Việc giao ký này đã được thu hồi.');
      const row = await tx.delegation.update({
        where: { id },
        data: { revokedAt: this.clock.now(), revokedById: admin.id, revokeReason: reason },
        include,
      });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'DELEGATION_REVOKED',
        data: { ...auditData(row), reason },
      });
      return this.view(row, await this.today(admin.districtId));
    });
  }

  /** The kind of delegation from a head the user holds today, if any (one at a time: record() keeps them apart). */
  async kindInForce(user: { id: string; districtId: string }): Promise<DelegationKind | null> {
    const today = dateOf(await this.today(user.districtId));
    const row = await this.prisma.delegation.findFirst({
      where: {
        districtId: user.districtId,
        toId: user.id,
        revokedAt: null,
        startsOn: { lte: today },
        endsOn: { gte: today },
        from: { position: 'HEAD', active: true },
      },
      select: { kind: true },
    });
    return row?.kind ?? null;
  }

  /** Today in the district's time zone, YYYY-MM-DD (the clock may be the tests' accelerated one). */
  private async today(districtId: string): Promise<string> {
    const district = await this.prisma.district.findUniqueOrThrow({
      where: { id: districtId },
      select: { timezone: true },
    });
    return DateTime.fromJSDate(this.clock.now(), { zone: district.timezone }).toISODate()!;
  }

  private async officeUser(admin: AuthUser, email: string) {
    const user = await this.prisma.user.findFirst({
      where: { districtId: admin.districtId, email: email.trim().toLowerCase(), active: true },
      select: { id: true, fullName: true, position: true },
    });
    if (!user) throw new DomainError('VALIDATION', `${email} không phải cán bộ đang làm việc của Phòng GD&ĐT này.`);
    return user;
  }

  private view(r: DelegationRow, today: string) {
    const startsOn = dayOf(r.startsOn);
    const endsOn = dayOf(r.endsOn);
    return {
      id: r.id,
      from: r.from,
      to: r.to,
      kind: r.kind,
      startsOn,
      endsOn,
      reference: r.reference,
      createdAt: r.createdAt,
      revokedAt: r.revokedAt,
      revokeReason: r.revokeReason,
      inForce: !r.revokedAt && startsOn <= today && today <= endsOn,
      /** what the delegate's decisions carry while it is in force */
      capacity: signingCapacity(r.to, { final: true, delegation: r.kind }),
    };
  }
}

function auditData(r: DelegationRow): DelegationData {
  return {
    delegationId: r.id,
    from: { id: r.from.id, fullName: r.from.fullName },
    to: { id: r.to.id, fullName: r.to.fullName },
    kind: r.kind,
    startsOn: dayOf(r.startsOn),
    endsOn: dayOf(r.endsOn),
    reference: r.reference,
  };
}
