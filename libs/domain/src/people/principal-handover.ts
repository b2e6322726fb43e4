import type { Prisma } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import type { HandoverFacts, PersonRef } from '../audit/audit-events';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import { defaultTitle, isOfficePosition } from './positions';
import { openPlansWhere } from './schools.service';
import { changedFacts, userFacts } from './user-view';

type Tx = Prisma.TransactionClient;

/** What a principal leaving a school leaves behind: the school and who takes over (none: the admin settles it). */
export interface Departure {
  principal: PersonRef;
  schoolId: string;
  successorId?: string;
  successorActing?: boolean;
  /** already made the school's principal by the same change (an import's file names them): recorded, not appointed */
  successor?: PersonRef | null;
}

/**
 * A principal leaves their school (moves to another, takes another position, or leaves): each open plan of the school
 * is handed over, audited on the plan's own trail. Named, the successor becomes the school's principal in the same
 * transaction (their change audited too), and so receives the plan's mails and moves from now on; unnamed, the plans
 * wait for the admin, who names a principal later. Nothing of the plans themselves changes: they belong to the school.
 */
export async function handOver(tx: Tx, admin: AuthUser, d: Departure): Promise<HandoverFacts> {
  const school = await tx.school.findFirstOrThrow({
    where: { id: d.schoolId, districtId: admin.districtId },
    select: { id: true, code: true, name: true },
  });
  const to = d.successorId ? await appointSuccessor(tx, admin, d, school) : (d.successor ?? null);
  const from: PersonRef = { id: d.principal.id, fullName: d.principal.fullName };
  const plans = await tx.plan.findMany({
    where: openPlansWhere(admin.districtId, school.id),
    select: { id: true, campaignId: true, status: true },
  });
  await AuditLog.writeMany(
    tx,
    plans.map((p) => ({
      districtId: admin.districtId,
      campaignId: p.campaignId,
      planId: p.id,
      actorId: admin.id,
      type: 'PLAN_HANDED_OVER' as const,
      data: { from, to, schoolCode: school.code, status: p.status },
    })),
  );
  return { school: school.code, plans: plans.length, to };
}

async function appointSuccessor(
  tx: Tx,
  admin: AuthUser,
  d: Departure,
  school: { id: string; code: string; name: string },
): Promise<PersonRef> {
  if (d.successorId === d.principal.id) {
    throw new DomainError('VALIDATION', 'Người kế nhiệm phải là một người khác.');
  }
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${d.successorId}::uuid FOR NO KEY UPDATE`;
  const successor = await tx.user.findFirst({
    where: { id: d.successorId, districtId: admin.districtId, active: true },
    include: { school: { select: { code: true } } },
  });
  if (!successor) throw new DomainError('NOT_FOUND', 'Không tìm thấy người kế nhiệm đang làm việc trong huyện.');
  if (isOfficePosition(successor.position)) {
    throw new DomainError(
      'VALIDATION',
      `${successor.fullName} là cán bộ Phòng: người kế nhiệm hiệu trưởng phải là cán bộ, giáo viên của một trường.`,
    );
  }
  if (successor.position === 'PRINCIPAL' && successor.schoolId !== school.id) {
    throw new DomainError(
      'CONFLICT',
      `${successor.fullName} đang là hiệu trưởng trường ${successor.school?.code}: hãy chuyển người này bằng một ` +
        'yêu cầu riêng trước, để kế hoạch của trường đó cũng được bàn giao.',
    );
  }
  const acting = d.successorActing ?? false;
  const after = await tx.user.update({
    where: { id: successor.id },
    data: {
      position: 'PRINCIPAL',
      role: 'PRINCIPAL',
      acting,
      schoolId: school.id,
      title: defaultTitle('PRINCIPAL', acting),
    },
    include: { school: { select: { id: true, code: true, name: true } } },
  });
  const diff = changedFacts(userFacts(successor), userFacts(after));
  if (diff.changed.length) {
    await AuditLog.write(tx, {
      districtId: admin.districtId,
      actorId: admin.id,
      type: 'USER_CHANGED',
      data: { user: { id: after.id, fullName: after.fullName }, before: diff.before, after: diff.after },
    });
  }
  return { id: after.id, fullName: after.fullName };
}
