import type { Tx } from '@duyet/database';

/** A principal as a mail or a reminder addresses them. */
export interface Principal {
  email: string;
  fullName: string;
}

/** The schools whose principals are meant, inside the one district they belong to. */
export interface SchoolsScope {
  districtId: string;
  schoolIds: readonly string[];
}

type Db = Pick<Tx, 'user'>;

/**
 * The principals still in office at these schools, by e-mail: who hears of a plan's moves, its deadlines and its
 * reminders. A principal whose account was closed hears nothing.
 */
export async function activePrincipalsBySchool(db: Db, scope: SchoolsScope): Promise<Map<string, Principal[]>> {
  const rows = await db.user.findMany({
    where: { districtId: scope.districtId, schoolId: { in: [...scope.schoolIds] }, role: 'PRINCIPAL', active: true },
    select: { email: true, fullName: true, schoolId: true },
    orderBy: { email: 'asc' },
  });
  const bySchool = new Map<string, Principal[]>();
  for (const { schoolId, ...p } of rows) bySchool.set(schoolId!, [...(bySchool.get(schoolId!) ?? []), p]);
  return bySchool;
}

/** The principals still in office at one school. */
export async function activePrincipals(db: Db, scope: { districtId: string; schoolId: string }): Promise<Principal[]> {
  const bySchool = await activePrincipalsBySchool(db, { districtId: scope.districtId, schoolIds: [scope.schoolId] });
  return bySchool.get(scope.schoolId) ?? [];
}
