import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Prisma, PrismaService } from '@duyet/database';
import { AuditLog } from '../../audit/audit-log';
import type { ImportCounts } from '../../audit/audit-events';
import type { IncomingFile } from '../../attachments/plan-attachments.service';
import { DomainError } from '../../common/errors';
import type { AuthUser } from '../../plans/access';
import { PasswordsService } from '../passwords.service';
import { handOver } from '../principal-handover';
import { positionRole } from '../positions';
import { type Changes, type DistrictSnapshot, type ImportPlan, type ImportProblem, planImport } from './import-plan';
import { importTemplate } from './import-template';
import { guardXlsx, readSheets } from './xlsx-file';

/** Problems listed in one answer; the count says how many there are in all. */
export const IMPORT_PROBLEMS_LISTED = 1000;
/** A hash no password matches (bcrypt's are 60 characters of another shape): set by the invitation's link. */
const UNUSABLE_PASSWORD = '!imported: set by invitation';
const EMAIL_CHUNK = 5000;

type Db = Prisma.TransactionClient | PrismaService;

export interface ImportFileInfo {
  name: string;
  bytes: number;
  sha256: string;
}

export type ImportChanges = Record<'clusters' | 'schools' | 'users', ImportCounts>;

const counts = (c: Changes<unknown>): ImportCounts => ({
  created: c.create.length,
  updated: c.update.length,
  unchanged: c.unchanged,
});

const changesOf = (plan: ImportPlan): ImportChanges => ({
  clusters: counts(plan.clusters),
  schools: counts(plan.schools),
  users: counts(plan.users),
});

const anyChange = (c: ImportChanges) => Object.values(c).some((x) => x.created + x.updated > 0);

/**
 * Import from Excel: the template, the dry run and the apply. Both runs read the whole file and check it against
 * the district; the apply checks again inside its transaction (the district may have changed since the dry run) and
 * writes only a file without a single problem, so a refused file writes nothing.
 */
@Injectable()
export class PeopleImportService {
  private readonly logger = new Logger(PeopleImportService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly passwords: PasswordsService,
  ) {}

  async template(admin: AuthUser): Promise<Buffer> {
    const clusters = await this.prisma.cluster.findMany({
      where: { districtId: admin.districtId },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    });
    return importTemplate(clusters);
  }

  /** The dry run: every problem and what an apply would change; writes nothing. */
  async check(admin: AuthUser, file: IncomingFile | undefined) {
    const { info, sheets } = await this.read(file);
    const plan = planImport(sheets, await this.snapshot(this.prisma, admin, emailsOf(sheets)));
    return { file: info, ...report(plan) };
  }

  /** Writes the file's changes in one transaction with one audit event, or refuses it whole; then the invitations. */
  async apply(admin: AuthUser, file: IncomingFile | undefined, opts: { invite: boolean }) {
    const { info, sheets } = await this.read(file);
    const emails = emailsOf(sheets);
    const { changes, created } = await this.prisma.$transaction(
      async (tx) => {
        // One import of a district at a time: the second plans against what the first wrote.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`people-import:${admin.districtId}`}))`;
        const plan = planImport(sheets, await this.snapshot(tx, admin, emails));
        if (plan.problems.length) throw refused(plan.problems);
        const changes = changesOf(plan);
        if (!anyChange(changes)) return { changes, created: [] as string[] };
        const created = await write(tx, admin, plan);
        const invited = opts.invite ? created.length : 0;
        await AuditLog.write(tx, {
          districtId: admin.districtId,
          actorId: admin.id,
          type: 'PEOPLE_IMPORTED',
          data: { fileName: info.name, sha256: info.sha256, ...changes, invited },
        });
        return { changes, created };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    const invited = opts.invite ? await this.invite(admin, created) : 0;
    return { file: info, changes, changed: anyChange(changes), invited };
  }

  private async invite(admin: AuthUser, userIds: string[]): Promise<number> {
    let sent = 0;
    for (const id of userIds) {
      try {
        await this.passwords.invite(admin, id);
        sent += 1;
      } catch (err) {
        // The import stands; the admin can invite again from the person's page.
        this.logger.warn(`invitation after import not sent to ${id}: ${(err as Error).message}`);
      }
    }
    return sent;
  }

  private async read(file: IncomingFile | undefined) {
    if (!file?.buffer.length) {
      const message = 'Cần gửi một tệp Excel (.xlsx) trong trường “file” của biểu mẫu multipart/form-data.';
      throw new DomainError('VALIDATION', message, { errors: [{ field: 'file', message }] });
    }
    await guardXlsx(file.buffer);
    const sheets = await readSheets(file.buffer);
    const info: ImportFileInfo = {
      name: file.originalname,
      bytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
    };
    return { info, sheets };
  }

  /** The district as the plan compares it: clusters, schools and users by code and e-mail. */
  private async snapshot(db: Db, admin: AuthUser, emails: string[]): Promise<DistrictSnapshot> {
    const districtId = admin.districtId;
    const [clusters, schools, users, foreign] = await Promise.all([
      db.cluster.findMany({ where: { districtId }, select: { id: true, code: true, name: true } }),
      db.school.findMany({
        where: { districtId },
        select: {
          id: true,
          code: true,
          name: true,
          level: true,
          commune: true,
          students: true,
          classes: true,
          cluster: { select: { code: true } },
        },
      }),
      db.user.findMany({
        where: { districtId },
        select: {
          id: true,
          email: true,
          fullName: true,
          title: true,
          position: true,
          acting: true,
          active: true,
          school: { select: { code: true } },
          assignments: { select: { level: true, cluster: { select: { code: true } } } },
        },
      }),
      this.foreignEmails(db, districtId, emails),
    ]);
    return {
      clusters: new Map(clusters.map((c) => [c.code, { id: c.id, name: c.name }])),
      schools: new Map(schools.map(({ cluster, ...s }) => [s.code, { ...s, clusterCode: cluster.code }])),
      users: new Map(
        users.map(({ school, assignments, ...u }) => [
          u.email,
          {
            ...u,
            schoolCode: school?.code ?? null,
            levels: assignments.flatMap((a) => (a.level ? [a.level] : [])),
            clusterCodes: assignments.flatMap((a) => (a.cluster ? [a.cluster.code] : [])),
          },
        ]),
      ),
      foreignEmails: foreign,
      actorEmail: admin.email.toLowerCase(),
    };
  }

  private async foreignEmails(db: Db, districtId: string, emails: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < emails.length; i += EMAIL_CHUNK) {
      const rows = await db.user.findMany({
        where: { email: { in: emails.slice(i, i + EMAIL_CHUNK) }, districtId: { not: districtId } },
        select: { email: true },
      });
      for (const r of rows) found.add(r.email);
    }
    return found;
  }
}

/** Every cell of every sheet that could be an e-mail, lower-cased: who to look for in other districts. */
function emailsOf(sheets: { rows: { cells: string[] }[] }[]): string[] {
  const out = new Set<string>();
  for (const s of sheets)
    for (const r of s.rows) for (const c of r.cells) if (c.includes('@')) out.add(c.toLowerCase());
  return [...out];
}

function report(plan: ImportPlan) {
  return {
    ok: plan.problems.length === 0,
    changes: changesOf(plan),
    problemCount: plan.problems.length,
    problems: plan.problems.slice(0, IMPORT_PROBLEMS_LISTED),
  };
}

function refused(problems: ImportProblem[]): DomainError {
  const n = problems.length;
  return new DomainError(
    'VALIDATION',
    `Tệp có ${n.toLocaleString('vi-VN')} lỗi nên chưa ghi gì. Hãy kiểm tra thử tệp để xem từng lỗi, sửa rồi nhập lại.`,
    {
      errors: problems.slice(0, IMPORT_PROBLEMS_LISTED).map((p) => ({
        field: `${p.sheet}!${p.column ?? ''}${p.row ?? ''}`,
        message: p.message,
      })),
    },
  );
}

/** Rows updated in one statement (a few thousand parameters, well under PostgreSQL's 65,535). */
const UPDATE_BATCH = 1000;

/**
 * The same handover a principal's move on their page makes (principal-handover.ts), for each principal the file moved
 * away from their school: the plans are audited as handed over to whoever the file made the school's principal, or
 * left for the admin to settle when it named nobody.
 */
async function handOverDeparted(
  tx: Prisma.TransactionClient,
  admin: AuthUser,
  before: { id: string; fullName: string; schoolId: string | null }[],
  after: Map<string, { position: string; schoolId: string | null }>,
): Promise<void> {
  for (const principal of before) {
    const now = after.get(principal.id);
    const schoolId = principal.schoolId!;
    if (!now || (now.position === 'PRINCIPAL' && now.schoolId === schoolId)) continue;
    const successor = await tx.user.findFirst({
      where: { schoolId, position: 'PRINCIPAL', active: true, id: { not: principal.id } },
      select: { id: true, fullName: true },
    });
    await handOver(tx, admin, { principal, schoolId, successor });
  }
}

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += UPDATE_BATCH) out.push(rows.slice(i, i + UPDATE_BATCH));
  return out;
}

/** Writes the plan's changes; returns the ids of the users it created (for the invitations). */
async function write(tx: Prisma.TransactionClient, admin: AuthUser, plan: ImportPlan): Promise<string[]> {
  const districtId = admin.districtId;
  const clusterIds = new Map(
    (await tx.cluster.findMany({ where: { districtId }, select: { id: true, code: true } })).map((c) => [c.code, c.id]),
  );
  const newClusters = plan.clusters.create.map((c) => ({ id: randomUUID(), districtId, ...c }));
  await tx.cluster.createMany({ data: newClusters });
  for (const c of newClusters) clusterIds.set(c.code, c.id);
  for (const c of plan.clusters.update) await tx.cluster.update({ where: { id: c.id }, data: { name: c.name } });

  const schoolData = (s: ImportPlan['schools']['create'][number]) => ({
    name: s.name,
    level: s.level,
    clusterId: clusterIds.get(s.clusterCode)!,
    commune: s.commune,
    students: s.students,
    classes: s.classes,
  });
  const schoolIds = new Map(
    (await tx.school.findMany({ where: { districtId }, select: { id: true, code: true } })).map((s) => [s.code, s.id]),
  );
  const newSchools = plan.schools.create.map((s) => ({ id: randomUUID(), districtId, code: s.code, ...schoolData(s) }));
  await tx.school.createMany({ data: newSchools });
  for (const s of newSchools) schoolIds.set(s.code, s.id);
  for (const batch of batches(plan.schools.update)) {
    const values = batch.map((s) => {
      const d = schoolData(s);
      return Prisma.sql`(${s.id}::uuid, ${d.name}::text, ${d.level}::"SchoolLevel", ${d.clusterId}::uuid, ${d.commune}::text, ${d.students}::int, ${d.classes}::int)`;
    });
    await tx.$executeRaw`
      UPDATE "School" AS s SET name = v.name, level = v.level, "clusterId" = v."clusterId", commune = v.commune,
        students = v.students, classes = v.classes
      FROM (VALUES ${Prisma.join(values)}) AS v(id, name, level, "clusterId", commune, students, classes)
      WHERE s.id = v.id AND s."districtId" = ${districtId}::uuid`;
  }

  const userData = (u: ImportPlan['users']['create'][number]) => ({
    fullName: u.fullName,
    title: u.title,
    position: u.position,
    acting: u.acting,
    role: positionRole(u.position),
    schoolId: u.schoolCode ? schoolIds.get(u.schoolCode)! : null,
  });
  const newUsers = plan.users.create.map((u) => ({
    id: randomUUID(),
    districtId,
    email: u.email,
    passwordHash: UNUSABLE_PASSWORD,
    ...userData(u),
  }));
  await tx.user.createMany({ data: newUsers });
  // Principals the file moves away from their school (another school or another position) hand its open plans over.
  const principalsBefore = await tx.user.findMany({
    where: {
      id: { in: plan.users.update.map((u) => u.id) },
      position: 'PRINCIPAL',
      active: true,
      schoolId: { not: null },
    },
    select: { id: true, fullName: true, schoolId: true },
  });
  for (const batch of batches(plan.users.update)) {
    const values = batch.map((u) => {
      const d = userData(u);
      return Prisma.sql`(${u.id}::uuid, ${d.fullName}::text, ${d.title}::text, ${d.position}::"Position", ${d.acting}::boolean, ${d.role}::"Role", ${d.schoolId}::uuid)`;
    });
    await tx.$executeRaw`
      UPDATE "User" AS u SET "fullName" = v."fullName", title = v.title, position = v.position, acting = v.acting,
        role = v.role, "schoolId" = v."schoolId"
      FROM (VALUES ${Prisma.join(values)}) AS v(id, "fullName", title, position, acting, role, "schoolId")
      WHERE u.id = v.id AND u."districtId" = ${districtId}::uuid`;
  }

  await handOverDeparted(tx, admin, principalsBefore, new Map(plan.users.update.map((u) => [u.id, userData(u)])));

  // A reviewer's scope is the file's (or, left empty, what they had); anyone else's is none.
  const scoped = [
    ...newUsers.map((u, i) => ({ id: u.id, row: plan.users.create[i]! })),
    ...plan.users.update.map((u) => ({ id: u.id, row: u })),
  ];
  await tx.reviewerAssignment.deleteMany({ where: { reviewerId: { in: plan.users.update.map((u) => u.id) } } });
  await tx.reviewerAssignment.createMany({
    data: scoped.flatMap(({ id, row }) =>
      positionRole(row.position) !== 'REVIEWER'
        ? []
        : [
            ...row.levels.map((level) => ({ reviewerId: id, level })),
            ...row.clusterCodes.map((code) => ({ reviewerId: id, clusterId: clusterIds.get(code)! })),
          ],
    ),
  });
  return newUsers.map((u) => u.id);
}
