import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import type { ReviewScopeFacts } from '../audit/audit-events';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import type { ReviewScopeInput } from './district-admin.schemas';
import { UsersService } from './users.service';
import { reviewScopeOf } from './user-view';

const facts = (scope: ReturnType<typeof reviewScopeOf>): ReviewScopeFacts => ({
  levels: [...scope.levels].sort(),
  clusters: scope.clusters.map((c) => c.code).sort(),
});

/** Which school levels (deputy heads) and clusters (specialists) a reviewer covers: read, and replaced as a whole. */
@Injectable()
export class ReviewScopeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly users: UsersService,
  ) {}

  async get(admin: AuthUser, id: string) {
    return reviewScopeOf(await this.users.load(this.prisma, admin, id));
  }

  async replace(admin: AuthUser, id: string, input: ReviewScopeInput) {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.users.load(tx, admin, id, true);
      if (user.role !== 'REVIEWER') {
        throw new DomainError(
          'VALIDATION',
          `${user.fullName} không phải phó trưởng phòng hay chuyên viên: chỉ người duyệt mới có phạm vi duyệt.`,
        );
      }
      const codes = [...new Set(input.clusters)];
      const clusters = await tx.cluster.findMany({ where: { districtId: admin.districtId, code: { in: codes } } });
      const unknown = codes.filter((c) => !clusters.some((k) => k.code === c));
      if (unknown.length) {
        const message = `Huyện không có cụm mã ${unknown.map((c) => `"${c}"`).join(', ')}.`;
        throw new DomainError('VALIDATION', message, { errors: [{ field: 'clusters', message }] });
      }
      await tx.reviewerAssignment.deleteMany({ where: { reviewerId: user.id } });
      await tx.reviewerAssignment.createMany({
        data: [
          ...[...new Set(input.levels)].map((level) => ({ reviewerId: user.id, level })),
          ...clusters.map((c) => ({ reviewerId: user.id, clusterId: c.id })),
        ],
      });
      const after = await this.users.load(tx, admin, id);
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'REVIEW_SCOPE_CHANGED',
        data: {
          user: { id: user.id, fullName: user.fullName },
          before: facts(reviewScopeOf(user)),
          after: facts(reviewScopeOf(after)),
        },
      });
      return reviewScopeOf(after);
    });
  }
}
