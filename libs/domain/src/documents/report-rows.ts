// The report's rows: each school of a campaign with its plan's status and its last approved version's targets,
// read level by level in pages of school codes (keyset), so a campaign of tens of thousands of schools streams.
// A page walks the school index (districtId, code) from where the last one ended, into each school's plan.
import { Prisma, type PlanStatus, type Role, type SchoolLevel } from '@duyet/database';

export interface ReportScope {
  districtId: string;
  campaignId: string;
  role: Role;
  reviewLevels: SchoolLevel[];
  reviewClusterIds: string[];
}

export interface ReportSchoolRow {
  code: string;
  name: string;
  level: SchoolLevel;
  cluster: string;
  status: PlanStatus;
  submitted: boolean;
  /** the number of the last version a final decision approved; null: none */
  approvedVersion: number | null;
  /** that version's targets of the indicators asked for, in their order (null: none given) */
  targets: (number | null)[];
  /** the upper bounds of range targets, in the same order */
  targetMaxes: (number | null)[];
}

/** Reviewers read the schools of their levels and clusters; the admin the whole district (schoolScopeWhere, in SQL). */
function scopeSql(scope: ReportScope): Prisma.Sql {
  if (scope.role === 'ADMIN') return Prisma.sql`true`;
  if (scope.role === 'REVIEWER') {
    return Prisma.sql`(s.level = ANY(${scope.reviewLevels}::"SchoolLevel"[])
      OR s."clusterId" = ANY(${scope.reviewClusterIds}::uuid[]))`;
  }
  return Prisma.sql`false`;
}

/** One figure of the approved version's JSON as a number, or NULL (read in SQL: no JSON object per row in Node). */
function figures(codes: string[], field: 'target' | 'targetMax'): Prisma.Sql {
  if (!codes.length) return Prisma.sql`ARRAY[]::float8[]`;
  const one = (code: string) => Prisma.sql`CASE WHEN jsonb_typeof(a.indicators -> ${code} -> ${field}) = 'number'
      THEN (a.indicators -> ${code} ->> ${field})::float8 END`;
  return Prisma.sql`ARRAY[${Prisma.join(codes.map(one))}]::float8[]`;
}

export function reportRowsSql(
  scope: ReportScope,
  level: SchoolLevel,
  codes: string[],
  page: { after: string; limit: number },
): Prisma.Sql {
  const { after, limit } = page;
  return Prisma.sql`
    SELECT s.code, s.name, s.level, c.name AS cluster, p.status, p."currentVersionNo" > 0 AS submitted,
           a.number AS "approvedVersion", ${figures(codes, 'target')} AS targets,
           ${figures(codes, 'targetMax')} AS "targetMaxes"
    FROM "Plan" p
    JOIN "School" s ON s.id = p."schoolId"
    JOIN "Cluster" c ON c.id = s."clusterId"
    LEFT JOIN LATERAL (
      SELECT v.number, v.indicators
      FROM "Decision" d JOIN "PlanVersion" v ON v.id = d."versionId"
      WHERE d."planId" = p.id AND d.kind = 'APPROVE' AND d.final
      ORDER BY d."decidedAt" DESC
      LIMIT 1
    ) a ON true
    WHERE p."campaignId" = ${scope.campaignId}::uuid AND p."districtId" = ${scope.districtId}::uuid
      AND s."districtId" = ${scope.districtId}::uuid AND s.code > ${after}
      AND p."removedAt" IS NULL AND s.level = ${level}::"SchoolLevel"
      AND ${scopeSql(scope)}
    ORDER BY s.code
    LIMIT ${limit}`;
}
