import type { PrismaService, SchoolLevel } from '@duyet/database';
import { activePrincipalsBySchool } from '../people/principals';
import type { ReminderRole } from './policy';

export interface Person {
  email: string;
  fullName: string;
}

/** What a plan needs for its recipients to be found. */
export interface PlanParties {
  schoolId: string;
  reviewerId: string | null;
  school: { level: SchoolLevel };
}

const person = { select: { email: true, fullName: true } } as const;

/**
 * Who a role means for one plan, read once per run (the office's people) or once per batch (the schools'
 * principals, the reviewers named on plans). Inactive users receive nothing.
 */
export class RecipientDirectory {
  private principals = new Map<string, Person[]>();
  private readonly named = new Map<string, Person | null>();

  private constructor(
    private readonly prisma: PrismaService,
    private readonly districtId: string,
    readonly admins: Person[],
    private readonly byLevel: Map<SchoolLevel, Person[]>,
  ) {}

  static async load(prisma: PrismaService, districtId: string): Promise<RecipientDirectory> {
    const [admins, assignments] = await Promise.all([
      prisma.user.findMany({
        // The head of the office by position (acting heads included), whatever their title says.
        where: { districtId, position: 'HEAD', active: true },
        ...person,
        orderBy: { email: 'asc' },
      }),
      prisma.reviewerAssignment.findMany({
        where: { level: { not: null }, reviewer: { districtId, active: true } },
        select: { level: true, reviewer: person },
        orderBy: { reviewer: { email: 'asc' } },
      }),
    ]);
    const byLevel = new Map<SchoolLevel, Person[]>();
    for (const a of assignments) byLevel.set(a.level!, [...(byLevel.get(a.level!) ?? []), a.reviewer]);
    return new RecipientDirectory(prisma, districtId, admins, byLevel);
  }

  /** Reads the principals of this batch's schools and any reviewer named on a plan not read yet. */
  async prepare(plans: PlanParties[]): Promise<void> {
    const schoolIds = [...new Set(plans.map((p) => p.schoolId))];
    this.principals = await activePrincipalsBySchool(this.prisma, { districtId: this.districtId, schoolIds });
    const missing = [...new Set(plans.map((p) => p.reviewerId))].filter(
      (id): id is string => id !== null && !this.named.has(id),
    );
    if (!missing.length) return;
    const reviewers = await this.prisma.user.findMany({
      where: { id: { in: missing }, districtId: this.districtId, active: true },
      select: { id: true, email: true, fullName: true },
    });
    for (const id of missing) {
      const r = reviewers.find((u) => u.id === id);
      this.named.set(id, r ? { email: r.email, fullName: r.fullName } : null);
    }
  }

  /** The people the roles mean for this plan, each once. */
  resolve(roles: readonly ReminderRole[], plan: PlanParties): Person[] {
    const out = new Map<string, Person>();
    for (const role of roles) for (const p of this.ofRole(role, plan)) out.set(p.email, p);
    return [...out.values()];
  }

  isAdmin(email: string): boolean {
    return this.admins.some((a) => a.email === email);
  }

  private ofRole(role: ReminderRole, plan: PlanParties): Person[] {
    switch (role) {
      case 'PRINCIPAL':
        return this.principals.get(plan.schoolId) ?? [];
      case 'REVIEWER': {
        // The reviewer an admin assigned to the plan, else whoever reviews the school's level.
        const named = plan.reviewerId ? this.named.get(plan.reviewerId) : undefined;
        return named ? [named] : (this.byLevel.get(plan.school.level) ?? []);
      }
      case 'ADMIN':
        return this.admins;
    }
  }
}
