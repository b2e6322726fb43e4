import type { Position, Prisma, Role, SchoolLevel } from '@duyet/database';
import { DomainError } from '../common/errors';

/** Matches no row: the scope of someone who has none (a province user has no district, a staff member no school). */
export const NO_ID = '00000000-0000-0000-0000-000000000000';

/** The signed-in user with everything a scope check needs. */
export interface AuthUser {
  id: string;
  /**
   * The district every query of theirs is scoped by. A province user (role PROVINCE) belongs to none: NO_ID, which
   * matches no row, so a district-scoped query that a province user ever reached would find nothing.
   */
  districtId: string;
  /** set only for a province user (Sở GD&ĐT): the province whose districts it reads through DistrictReadAccess */
  provinceId: string | null;
  email: string;
  fullName: string;
  /** display text only: no rule reads it */
  title: string;
  /** what the rules read; the role derives from it */
  position: Position;
  /** holds the position as acting (Q.) */
  acting: boolean;
  role: Role;
  schoolId: string | null;
  reviewLevels: SchoolLevel[];
  reviewClusterIds: string[];
}

export interface SchoolRef {
  id: string;
  districtId: string;
  clusterId: string;
  level: SchoolLevel;
}

/** DOMAIN.md: who may read a school's plans (the clerk reads the whole district, to register paper copies). Nobody crosses a district. */
export function canReadSchool(user: AuthUser, school: SchoolRef): boolean {
  if (school.districtId !== user.districtId) return false;
  switch (user.role) {
    case 'ADMIN':
    case 'CLERK':
      return true;
    case 'PRINCIPAL':
    case 'SCHOOL_STAFF':
      return user.schoolId === school.id;
    case 'REVIEWER':
      return user.reviewLevels.includes(school.level) || user.reviewClusterIds.includes(school.clusterId);
    case 'PROVINCE':
      // A province user reads summaries through DistrictReadAccess only, never a school's plans.
      return false;
  }
}

export function assertCanReadSchool(user: AuthUser, school: SchoolRef): void {
  if (!canReadSchool(user, school)) {
    throw new DomainError('FORBIDDEN', 'Bạn không có quyền xem kế hoạch của trường này.');
  }
}

/**
 * Whether the user may read this plan: its school is in their scope, or an admin assigned them to review it (a
 * reviewer so assigned reads and decides the plan even outside their levels and clusters). Every loader of a plan
 * goes through this one rule, so reading a plan, its comments, attachments, versions and audit cannot drift.
 */
export function assertCanReadPlan(user: AuthUser, plan: { reviewerId: string | null; school: SchoolRef }): void {
  if (user.role === 'REVIEWER' && plan.reviewerId === user.id) return;
  assertCanReadSchool(user, plan.school);
}

/** The same rule as canReadSchool, as a filter for lists. */
export function schoolScopeWhere(user: AuthUser): Prisma.SchoolWhereInput {
  const district = { districtId: user.districtId };
  switch (user.role) {
    case 'ADMIN':
    case 'CLERK':
      return district;
    case 'PRINCIPAL':
    case 'SCHOOL_STAFF':
      return { ...district, id: user.schoolId ?? NO_ID };
    case 'REVIEWER':
      return {
        ...district,
        OR: [{ level: { in: user.reviewLevels } }, { clusterId: { in: user.reviewClusterIds } }],
      };
    case 'PROVINCE':
      return { ...district, id: NO_ID };
  }
}
