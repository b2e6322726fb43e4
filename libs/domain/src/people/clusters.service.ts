import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import type { ClusterInput } from './district-admin.schemas';

const counts = { _count: { select: { schools: true, reviewers: true, meetings: true } } } as const;
type ClusterRow = Prisma.ClusterGetPayload<{ include: typeof counts }>;

const view = (c: ClusterRow) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  schools: c._count.schools,
  reviewers: c._count.reviewers,
});

/** A cluster as a sentence names it: "Cụm I" as it is, a bare "Thanh Tân" as "Cụm Thanh Tân" (never "Cụm Cụm I"). */
const clusterName = (name: string): string => (/^cụm\b/iu.test(name) ? name : `Cụm ${name}`);

/** The district's clusters of schools (cụm trường): listed, added, renamed, removed when empty. Every change audited. */
@Injectable()
export class ClustersService {
  constructor(private readonly prisma: PrismaService) {}

  async list(admin: AuthUser) {
    const rows = await this.prisma.cluster.findMany({
      where: { districtId: admin.districtId },
      include: counts,
      orderBy: { code: 'asc' },
    });
    return { items: rows.map(view) };
  }

  async create(admin: AuthUser, input: ClusterInput) {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.cluster
        .create({ data: { districtId: admin.districtId, code: input.code, name: input.name }, include: counts })
        .catch((e: unknown) => {
          if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
            throw new DomainError('CONFLICT', `Huyện đã có cụm mã "${input.code}".`);
          }
          throw e;
        });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'CLUSTER_CREATED',
        data: { clusterId: row.id, code: row.code, name: row.name },
      });
      return view(row);
    });
  }

  /** A new name; the code stays, since campaigns target clusters by code. */
  async rename(admin: AuthUser, id: string, name: string) {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.load(tx, admin, id);
      const row = await tx.cluster.update({ where: { id: before.id }, data: { name }, include: counts });
      if (before.name !== name) {
        await AuditLog.write(tx, {
          districtId: admin.districtId,
          actorId: admin.id,
          type: 'CLUSTER_RENAMED',
          data: { clusterId: row.id, code: row.code, before: before.name, after: name },
        });
      }
      return view(row);
    });
  }

  /** Only an empty cluster: no school (open or closed) and no review meeting was ever held for it. */
  async remove(admin: AuthUser, id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await this.load(tx, admin, id);
      if (row._count.schools > 0) {
        throw new DomainError(
          'CONFLICT',
          `${clusterName(row.name)} còn ${row._count.schools} trường: hãy chuyển các trường sang cụm khác trước khi xoá.`,
        );
      }
      if (row._count.meetings > 0) {
        throw new DomainError(
          'CONFLICT',
          `${clusterName(row.name)} đã có hội nghị duyệt kế hoạch: giữ lại để tra cứu.`,
        );
      }
      await tx.cluster.delete({ where: { id: row.id } });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'CLUSTER_REMOVED',
        data: { clusterId: row.id, code: row.code, name: row.name, reviewers: row._count.reviewers },
      });
    });
  }

  /** The cluster, locked for the change, inside the admin's district. */
  private async load(tx: Prisma.TransactionClient, admin: AuthUser, id: string) {
    await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${id}::uuid AND "districtId" = ${admin.districtId}::uuid FOR UPDATE`;
    const row = await tx.cluster.findFirst({ where: { id, districtId: admin.districtId }, include: counts });
    if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy cụm trường này trong huyện.');
    return row;
  }
}
