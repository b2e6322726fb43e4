import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import type { SchoolFacts } from '../audit/audit-events';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import type { SchoolChange, SchoolInput, SchoolListQuery } from './district-admin.schemas';

/** The plans still being worked on: of a running campaign, neither decided for good nor taken off. */
export const OPEN_PLAN_STATUSES = ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'] as const;
const openPlans = {
  removedAt: null,
  status: { in: [...OPEN_PLAN_STATUSES] },
  campaign: { status: 'ACTIVE' },
} satisfies Prisma.PlanWhereInput;

const include = {
  cluster: { select: { id: true, code: true, name: true } },
  // The principal in charge (an acting one included); two at once is a state the people pages warn about.
  users: {
    where: { active: true, position: 'PRINCIPAL' },
    select: { id: true, fullName: true, acting: true },
    orderBy: { createdAt: 'asc' },
    take: 1,
  },
  _count: { select: { users: { where: { active: true } }, plans: { where: openPlans } } },
} as const;
type SchoolRow = Prisma.SchoolGetPayload<{ include: typeof include }>;

export const openPlansWhere = (districtId: string, schoolId: string): Prisma.PlanWhereInput => ({
  districtId,
  schoolId,
  ...openPlans,
});

const facts = (s: SchoolRow): SchoolFacts => ({
  name: s.name,
  level: s.level,
  cluster: s.cluster.code,
  commune: s.commune,
  students: s.students,
});

const view = (s: SchoolRow) => ({
  id: s.id,
  code: s.code,
  name: s.name,
  level: s.level,
  cluster: s.cluster,
  commune: s.commune,
  students: s.students,
  closedAt: s.closedAt,
  closeReason: s.closeReason,
  activeUsers: s._count.users,
  principal: s.users[0] ?? null,
  openPlans: s._count.plans,
});

/**
 * The district's schools: added, edited (name, level, cluster, commune, pupils), closed and reopened by an admin. A
 * closed school gets no plan in a campaign launched or extended after it closed; its plans stay as they are, readable.
 */
@Injectable()
export class SchoolsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
  ) {}

  async list(admin: AuthUser, q: SchoolListQuery) {
    const rows = await this.prisma.school.findMany({
      where: {
        districtId: admin.districtId,
        ...(q.level ? { level: q.level } : {}),
        ...(q.clusterId ? { clusterId: q.clusterId } : {}),
        ...(q.closed === undefined ? {} : { closedAt: q.closed ? { not: null } : null }),
        ...(q.q
          ? {
              OR: [
                { code: { contains: q.q, mode: 'insensitive' } },
                { name: { contains: q.q, mode: 'insensitive' } },
                { commune: { contains: q.q, mode: 'insensitive' } },
              ],
            }
          : {}),
      },
      include,
      orderBy: { code: 'asc' },
    });
    return { items: rows.map(view) };
  }

  async create(admin: AuthUser, input: SchoolInput) {
    return this.prisma.$transaction(async (tx) => {
      const clusterId = await this.clusterId(tx, admin, input.cluster);
      const row = await tx.school
        .create({
          data: {
            districtId: admin.districtId,
            code: input.code,
            name: input.name,
            level: input.level,
            clusterId,
            commune: input.commune ?? null,
            students: input.students ?? null,
          },
          include,
        })
        .catch((e: unknown) => {
          if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
            throw new DomainError('CONFLICT', `Huyện đã có trường mã "${input.code}".`);
          }
          throw e;
        });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'SCHOOL_CREATED',
        data: { schoolId: row.id, code: row.code, after: facts(row) },
      });
      return view(row);
    });
  }

  async change(admin: AuthUser, id: string, input: SchoolChange) {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.load(tx, admin, id);
      const clusterId = input.cluster === undefined ? undefined : await this.clusterId(tx, admin, input.cluster);
      const row = await tx.school.update({
        where: { id: before.id },
        data: {
          name: input.name,
          level: input.level,
          clusterId,
          commune: input.commune,
          students: input.students,
        },
        include,
      });
      const [was, now] = [facts(before), facts(row)];
      const changed = (Object.keys(now) as (keyof SchoolFacts)[]).filter((k) => was[k] !== now[k]);
      if (changed.length) {
        await AuditLog.write(tx, {
          districtId: admin.districtId,
          actorId: admin.id,
          type: 'SCHOOL_CHANGED',
          data: {
            schoolId: row.id,
            code: row.code,
            before: Object.fromEntries(changed.map((k) => [k, was[k]])),
            after: Object.fromEntries(changed.map((k) => [k, now[k]])),
          },
        });
      }
      return view(row);
    });
  }

  async close(admin: AuthUser, id: string, reason: string) {
    return this.prisma.$transaction(async (tx) => {
      const school = await this.load(tx, admin, id);
      if (school.closedAt) throw new DomainError('CONFLICT', `${school.name} đã đóng từ trước.`);
      const row = await tx.school.update({
        where: { id: school.id },
        data: { closedAt: this.clock.now(), closeReason: reason },
        include,
      });
      const openPlans = await tx.plan.count({ where: openPlansWhere(admin.districtId, school.id) });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'SCHOOL_CLOSED',
        data: { schoolId: row.id, code: row.code, name: row.name, reason, openPlans },
      });
      return view(row);
    });
  }

  async reopen(admin: AuthUser, id: string) {
    return this.prisma.$transaction(async (tx) => {
      const school = await this.load(tx, admin, id);
      if (!school.closedAt) throw new DomainError('CONFLICT', `${school.name} đang hoạt động, không cần mở lại.`);
      const row = await tx.school.update({
        where: { id: school.id },
        data: { closedAt: null, closeReason: null },
        include,
      });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'SCHOOL_REOPENED',
        data: { schoolId: row.id, code: row.code, name: row.name },
      });
      return view(row);
    });
  }

  private async load(tx: Prisma.TransactionClient, admin: AuthUser, id: string): Promise<SchoolRow> {
    await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${id}::uuid AND "districtId" = ${admin.districtId}::uuid FOR NO KEY UPDATE`;
    const row = await tx.school.findFirst({ where: { id, districtId: admin.districtId }, include });
    if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy trường này trong huyện.');
    return row;
  }

  private async clusterId(tx: Prisma.TransactionClient, admin: AuthUser, code: string): Promise<string> {
    const cluster = await tx.cluster.findFirst({ where: { districtId: admin.districtId, code }, select: { id: true } });
    if (!cluster) {
      const message = `Huyện không có cụm mã "${code}".`;
      throw new DomainError('VALIDATION', message, { errors: [{ field: 'cluster', message }] });
    }
    return cluster.id;
  }
}
