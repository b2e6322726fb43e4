import { Injectable } from '@nestjs/common';
import { type Position, Prisma, PrismaService } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import type { HandoverFacts } from '../audit/audit-events';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import type { UserChange, UserDeactivate, UserInput, UserListQuery } from './district-admin.schemas';
import { PasswordsService } from './passwords.service';
import { POSITION_LABEL, defaultTitle, isOfficePosition, mayAct, positionRole } from './positions';
import { handOver } from './principal-handover';
import { type UserRow, changedFacts, userFacts, userInclude, userView } from './user-view';

type Tx = Prisma.TransactionClient;

/** A password hash no password matches (bcrypt hashes are 60 characters): the person sets theirs from an invitation. */
export const UNUSABLE_PASSWORD = '!no-password';

const SELF_LOCKOUT =
  'Anh/chị không thể tự khoá tài khoản hoặc tự bỏ chức vụ trưởng phòng của mình: hãy nhờ một trưởng phòng khác.';

/** What a change answers: the person as they are now, the plans a departing principal handed over, and warnings. */
export interface UserChangeResult {
  user: ReturnType<typeof userView>;
  handover: HandoverFacts | null;
  warnings: string[];
}

/**
 * The district's people, managed by an admin: listed, added (and invited), changed (name, title, position, acting,
 * school), deactivated and reactivated. Every change is audited with its before and after. Nobody removes the last
 * active head of the office, and an admin cannot lock themself out; a principal who leaves their school hands its
 * open plans over (principal-handover.ts).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly passwords: PasswordsService,
  ) {}

  async list(admin: AuthUser, q: UserListQuery) {
    const where: Prisma.UserWhereInput = {
      districtId: admin.districtId,
      ...(q.position ? { position: q.position } : {}),
      ...(q.schoolId ? { schoolId: q.schoolId } : {}),
      ...(q.active === undefined ? {} : { active: q.active }),
      ...(q.q
        ? {
            OR: [
              { fullName: { contains: q.q, mode: 'insensitive' as const } },
              { email: { contains: q.q, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    };
    const [total, rows] = await Promise.all([
      this.prisma.user.count({ where }),
      this.prisma.user.findMany({
        where,
        include: userInclude,
        orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
    ]);
    return { total, page: q.page, pageSize: q.pageSize, items: rows.map(userView) };
  }

  async get(admin: AuthUser, id: string) {
    return userView(await this.load(this.prisma, admin, id));
  }

  async create(admin: AuthUser, input: UserInput): Promise<UserChangeResult> {
    const created = await this.prisma.$transaction(async (tx) => {
      const schoolId = input.schoolId ?? null;
      await checkStanding(tx, admin, input.position, input.acting, schoolId);
      const row = await tx.user
        .create({
          data: {
            districtId: admin.districtId,
            email: input.email,
            fullName: input.fullName,
            title: input.title ?? defaultTitle(input.position, input.acting),
            position: input.position,
            role: positionRole(input.position),
            acting: input.acting,
            schoolId,
            passwordHash: UNUSABLE_PASSWORD,
          },
          include: userInclude,
        })
        .catch((e: unknown) => {
          if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
            throw new DomainError('CONFLICT', `Địa chỉ ${input.email} đã có tài khoản.`);
          }
          throw e;
        });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'USER_CREATED',
        data: { user: { id: row.id, fullName: row.fullName }, after: userFacts(row), invited: input.invite },
      });
      return { row, warnings: await principalWarnings(tx, row) };
    });
    // After the commit: the invitation reads the account it is for.
    if (input.invite) await this.passwords.invite(admin, created.row.id);
    return { user: userView(created.row), handover: null, warnings: created.warnings };
  }

  async change(admin: AuthUser, id: string, input: UserChange) {
    return this.prisma.$transaction(async (tx): Promise<UserChangeResult> => {
      const heads = await lockHeads(tx, admin.districtId);
      const before = await this.load(tx, admin, id, true);
      const position = input.position ?? before.position;
      const acting = input.acting ?? (input.position ? false : before.acting);
      // An office position has no school: moving someone to the office takes them off their school.
      const schoolId =
        input.schoolId !== undefined ? input.schoolId : isOfficePosition(position) ? null : before.schoolId;
      if (before.position !== position) guardHead(admin, before, heads, 'position');
      stillAdmin(admin, heads);
      await checkStanding(tx, admin, position, acting, schoolId);
      const standingChanged = position !== before.position || acting !== before.acting;
      const reviewing = positionRole(position) === 'REVIEWER';
      const reviewScopeCleared = !reviewing && before.assignments.length > 0;
      if (reviewScopeCleared) await tx.reviewerAssignment.deleteMany({ where: { reviewerId: before.id } });
      const row = await tx.user.update({
        where: { id: before.id },
        data: {
          fullName: input.fullName,
          title: input.title ?? (standingChanged ? defaultTitle(position, acting) : undefined),
          position,
          role: positionRole(position),
          acting,
          schoolId,
        },
        include: userInclude,
      });
      const leaves =
        before.active &&
        before.position === 'PRINCIPAL' &&
        before.schoolId !== null &&
        (position !== 'PRINCIPAL' || schoolId !== before.schoolId);
      if (!leaves && input.successorId) {
        throw new DomainError('VALIDATION', 'Chỉ khi hiệu trưởng rời trường mới cần người kế nhiệm.');
      }
      const handover = leaves
        ? await handOver(tx, admin, {
            principal: before,
            schoolId: before.schoolId!,
            successorId: input.successorId,
            successorActing: input.successorActing,
          })
        : null;
      const diff = changedFacts(userFacts(before), userFacts(row));
      if (diff.changed.length || handover) {
        await AuditLog.write(tx, {
          districtId: admin.districtId,
          actorId: admin.id,
          type: 'USER_CHANGED',
          data: {
            user: { id: row.id, fullName: row.fullName },
            before: diff.before,
            after: diff.after,
            ...(handover ? { handedOver: handover } : {}),
            ...(reviewScopeCleared ? { reviewScopeCleared } : {}),
          },
        });
      }
      const fresh = handover?.to ? await this.load(tx, admin, id) : row;
      return { user: userView(fresh), handover, warnings: await principalWarnings(tx, fresh) };
    });
  }

  /** Every session of the account ends at once (the session check refuses an inactive account within a second). */
  async deactivate(admin: AuthUser, id: string, opts: UserDeactivate = {}) {
    return this.prisma.$transaction(async (tx): Promise<UserChangeResult> => {
      const heads = await lockHeads(tx, admin.districtId);
      const before = await this.load(tx, admin, id, true);
      if (!before.active) throw new DomainError('CONFLICT', `Tài khoản của ${before.fullName} đã ngừng hoạt động.`);
      guardHead(admin, before, heads, 'deactivate');
      stillAdmin(admin, heads);
      const row = await tx.user.update({
        where: { id: before.id },
        data: { active: false, sessionVersion: { increment: 1 } },
        include: userInclude,
      });
      const handover =
        before.position === 'PRINCIPAL' && before.schoolId
          ? await handOver(tx, admin, { principal: before, schoolId: before.schoolId, ...opts })
          : null;
      if (!handover && opts.successorId) {
        throw new DomainError('VALIDATION', 'Chỉ khi hiệu trưởng rời trường mới cần người kế nhiệm.');
      }
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'USER_DEACTIVATED',
        data: { user: { id: row.id, fullName: row.fullName }, ...(handover ? { handedOver: handover } : {}) },
      });
      return { user: userView(row), handover, warnings: [] };
    });
  }

  async reactivate(admin: AuthUser, id: string) {
    return this.prisma.$transaction(async (tx): Promise<UserChangeResult> => {
      const before = await this.load(tx, admin, id, true);
      if (before.erasedAt) {
        throw new DomainError(
          'CONFLICT',
          'Dữ liệu cá nhân của người này đã được xoá: không mở lại được, hãy tạo một tài khoản mới.',
        );
      }
      if (before.active) throw new DomainError('CONFLICT', `Tài khoản của ${before.fullName} đang hoạt động.`);
      if (before.schoolId) await openSchool(tx, admin, before.schoolId);
      const row = await tx.user.update({ where: { id: before.id }, data: { active: true }, include: userInclude });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        actorId: admin.id,
        type: 'USER_REACTIVATED',
        data: { user: { id: row.id, fullName: row.fullName } },
      });
      return { user: userView(row), handover: null, warnings: await principalWarnings(tx, row) };
    });
  }

  /** The person, inside the admin's district; locked for the change when asked. */
  async load(db: Tx | PrismaService, admin: AuthUser, id: string, lock = false): Promise<UserRow> {
    if (lock) {
      await db.$queryRaw`SELECT id FROM "User" WHERE id = ${id}::uuid AND "districtId" = ${admin.districtId}::uuid FOR NO KEY UPDATE`;
    }
    const row = await db.user.findFirst({ where: { id, districtId: admin.districtId }, include: userInclude });
    if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy người dùng này trong huyện.');
    return row;
  }
}

/**
 * The district's active heads, locked in one order: every change to a person takes this lock first, so two admins
 * cannot each remove one of the last two heads, and two changes never wait on each other in opposite orders.
 */
async function lockHeads(tx: Tx, districtId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE "districtId" = ${districtId}::uuid AND position = 'HEAD' AND active
     ORDER BY id FOR NO KEY UPDATE`;
  return rows.map((r) => r.id);
}

/** An admin cannot lock themself out, and nobody removes the last active head of the office. */
function guardHead(admin: AuthUser, target: UserRow, heads: string[], change: 'position' | 'deactivate'): void {
  if (target.id === admin.id) throw new DomainError('CONFLICT', SELF_LOCKOUT);
  if (target.active && target.position === 'HEAD' && heads.filter((h) => h !== target.id).length === 0) {
    throw new DomainError(
      'CONFLICT',
      `${target.fullName} là trưởng phòng duy nhất đang làm việc của Phòng: ` +
        `${change === 'deactivate' ? 'không khoá tài khoản' : 'không đổi chức vụ'} được cho đến khi có một ` +
        'trưởng phòng (hoặc quyền trưởng phòng) khác.',
    );
  }
}

/** The admin's own account may have been closed or changed a moment ago, by another admin: their request ends. */
function stillAdmin(admin: AuthUser, heads: string[]): void {
  if (!heads.includes(admin.id)) {
    throw new DomainError(
      'CONFLICT',
      'Tài khoản của anh/chị vừa bị khoá hoặc không còn là trưởng phòng: thao tác không được thực hiện.',
    );
  }
}

/** An office position has no school; a school's has one, open, of this district; only a head or principal acts. */
async function checkStanding(tx: Tx, admin: AuthUser, position: Position, acting: boolean, schoolId: string | null) {
  const label = POSITION_LABEL[position];
  const refuse = (field: string, message: string) => {
    throw new DomainError('VALIDATION', message, { errors: [{ field, message }] });
  };
  if (acting && !mayAct(position)) {
    refuse('acting', `Chỉ trưởng phòng hoặc hiệu trưởng mới giữ chức vụ ở dạng quyền (Q.), không phải ${label}.`);
  }
  if (isOfficePosition(position) && schoolId) refuse('schoolId', `${label} là cán bộ Phòng, không thuộc trường nào.`);
  if (!isOfficePosition(position) && !schoolId) refuse('schoolId', `${label} cần có trường.`);
  if (schoolId) await openSchool(tx, admin, schoolId);
}

async function openSchool(tx: Tx, admin: AuthUser, schoolId: string): Promise<void> {
  const school = await tx.school.findFirst({ where: { id: schoolId, districtId: admin.districtId } });
  if (!school) {
    const message = 'Không tìm thấy trường này trong huyện.';
    throw new DomainError('VALIDATION', message, { errors: [{ field: 'schoolId', message }] });
  }
  if (school.closedAt) {
    const message = `${school.name} đã đóng: không thêm người vào trường này được.`;
    throw new DomainError('CONFLICT', message);
  }
}

/** A school with two active principals is allowed (a handover takes a day) but worth saying. */
async function principalWarnings(tx: Tx, u: UserRow): Promise<string[]> {
  if (u.position !== 'PRINCIPAL' || !u.schoolId || !u.active) return [];
  const others = await tx.user.findMany({
    where: { schoolId: u.schoolId, position: 'PRINCIPAL', active: true, id: { not: u.id } },
    select: { fullName: true },
  });
  return others.map((o) => `${u.school?.name} còn một hiệu trưởng khác đang làm việc: ${o.fullName}.`);
}
