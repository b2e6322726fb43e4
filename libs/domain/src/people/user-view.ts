import type { Prisma } from '@duyet/database';
import type { UserFacts } from '../audit/audit-events';

/** A person as the admin's routes read them: their school and the levels and clusters they review. */
export const userInclude = {
  school: { select: { id: true, code: true, name: true } },
  assignments: { select: { level: true, cluster: { select: { id: true, code: true, name: true } } } },
} as const satisfies Prisma.UserInclude;
export type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

/** What the audit trail keeps of a person's standing (their school by code). */
export const userFacts = (u: {
  fullName: string;
  title: string;
  position: string;
  acting: boolean;
  school: { code: string } | null;
}): UserFacts => ({
  fullName: u.fullName,
  title: u.title,
  position: u.position,
  acting: u.acting,
  school: u.school?.code ?? null,
});

export const reviewScopeOf = (u: UserRow) => ({
  levels: u.assignments.flatMap((a) => (a.level ? [a.level] : [])),
  clusters: u.assignments.flatMap((a) => (a.cluster ? [a.cluster] : [])),
});

/** Never the password hash, the lockout counters or the session version. */
export const userView = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  title: u.title,
  position: u.position,
  acting: u.acting,
  role: u.role,
  active: u.active,
  school: u.school,
  reviewScope: reviewScopeOf(u),
  createdAt: u.createdAt,
  erasedAt: u.erasedAt,
});

/** Only the facts that differ, as before and after. */
export function changedFacts(before: UserFacts, after: UserFacts) {
  const keys = (Object.keys(after) as (keyof UserFacts)[]).filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<UserFacts>,
    after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<UserFacts>,
    changed: keys,
  };
}
