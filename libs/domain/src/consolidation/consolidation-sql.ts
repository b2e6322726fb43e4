// The consolidation's SQL: every value from the request is a bound parameter. One scan of the campaign's plans (and
// of the approved versions' indicator JSON) feeds the district, level and cluster rows at once (GROUPING SETS).
import { Prisma, type SchoolLevel } from '@duyet/database';

/** Whose schools count: those of these levels or these clusters (a reviewer's scope); null: the whole district. */
export interface ConsolidationScope {
  levels: SchoolLevel[];
  clusterIds: string[];
}

/**
 * One row per plan the indicator applies to and per required indicator: the school's figure from the plan's approved
 * version (null when the plan is not approved or its version sets none), its weight, and whether it misses the
 * directive's target. The school's figure is its target, or for a lower-is-better indicator the ceiling of its range.
 * Plans removed from the campaign or exempted do not count; drafts and versions not yet approved give no figure.
 */
function figuresSql(districtId: string, campaignId: string, scope: ConsolidationScope | null): Prisma.Sql {
  const inScope = scope
    ? Prisma.sql`AND (s.level = ANY(${scope.levels}::"SchoolLevel"[]) OR s."clusterId" = ANY(${scope.clusterIds}::uuid[]))`
    : Prisma.empty;
  const num = (key: string) =>
    Prisma.sql`CASE WHEN jsonb_typeof(v.indicators -> ind.code -> ${key}) = 'number'
      THEN (v.indicators -> ind.code ->> ${key})::numeric END`;
  return Prisma.sql`
    WITH c AS (
      SELECT id, "requiredIndicators" FROM "Campaign" WHERE id = ${campaignId}::uuid AND "districtId" = ${districtId}::uuid
    ), ind AS (
      SELECT i.code, i.level, i.direction, i.rollup, i.weight,
        CASE WHEN t.id IS NULL THEN i."targetMin" ELSE t."targetMin" END AS tmin,
        CASE WHEN t.id IS NULL THEN i."targetMax" ELSE t."targetMax" END AS tmax
      FROM c JOIN "Indicator" i ON i."districtId" = ${districtId}::uuid AND i.code = ANY(c."requiredIndicators")
      LEFT JOIN "CampaignTarget" t ON t."campaignId" = c.id AND t."indicatorCode" = i.code
      WHERE i.rollup <> 'DISTRICT'
    ), v AS (
      SELECT p.id AS plan_id, p.status = 'APPROVED' AS approved, s.id AS school_id, s.level, s."clusterId" AS cluster_id,
        s.students, s.classes, pv.indicators
      FROM "Plan" p
      JOIN "School" s ON s.id = p."schoolId"
      LEFT JOIN "PlanVersion" pv ON p.status = 'APPROVED' AND pv."planId" = p.id AND pv.number = p."currentVersionNo"
      WHERE p."campaignId" = ${campaignId}::uuid AND p."districtId" = ${districtId}::uuid
        AND p."removedAt" IS NULL AND p.status <> 'EXEMPTED' ${inScope}
    ), f0 AS (
      SELECT ind.code, ind.rollup, ind.direction, ind.tmin, ind.tmax, v.school_id, v.level, v.cluster_id, v.approved,
        CASE WHEN ind.direction = 'LOWER' THEN COALESCE(${num('targetMax')}, ${num('target')}) ELSE ${num('target')} END
          AS figure,
        CASE ind.weight WHEN 'PUPILS' THEN v.students WHEN 'CLASSES' THEN v.classes ELSE 1 END AS w
      FROM ind JOIN v ON ind.level IS NULL OR ind.level = v.level
    ), f AS (
      SELECT f0.*,
        (f0.rollup = 'RATE' AND f0.figure IS NOT NULL AND (
          (f0.direction IN ('HIGHER', 'NONE') AND f0.tmin IS NOT NULL AND f0.figure < f0.tmin)
          OR (f0.direction IN ('LOWER', 'NONE') AND f0.tmax IS NOT NULL AND f0.figure > f0.tmax))) AS below
      FROM f0
    )`;
}

/** Per indicator: the district's row, each level's and each cluster's. */
export function rollupSql(districtId: string, campaignId: string, scope: ConsolidationScope | null): Prisma.Sql {
  return Prisma.sql`${figuresSql(districtId, campaignId, scope)}
    SELECT code, level, cluster_id, GROUPING(level, cluster_id)::int AS grouping,
      count(*)::int AS plans,
      count(*) FILTER (WHERE approved)::int AS approved,
      count(figure)::int AS with_target,
      min(figure)::float8 AS min,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY figure))::float8 AS median,
      max(figure)::float8 AS max,
      sum(figure)::float8 AS total,
      (sum(figure * w) FILTER (WHERE w IS NOT NULL) / NULLIF(sum(w) FILTER (WHERE figure IS NOT NULL), 0))::float8
        AS weighted_mean,
      count(figure) FILTER (WHERE w IS NULL)::int AS without_weight,
      count(*) FILTER (WHERE below)::int AS below
    FROM f
    GROUP BY GROUPING SETS ((code), (code, level), (code, cluster_id))`;
}

/** The schools whose own target misses the directive's (rates only), the furthest first, `limit` per indicator. */
export function schoolsBelowSql(
  districtId: string,
  campaignId: string,
  scope: ConsolidationScope | null,
  limit: number,
): Prisma.Sql {
  return Prisma.sql`${figuresSql(districtId, campaignId, scope)}
    , ranked AS (
      SELECT code, school_id, figure,
        row_number() OVER (PARTITION BY code ORDER BY GREATEST(tmin - figure, figure - tmax) DESC, school_id) AS n
      FROM f WHERE below
    )
    SELECT r.code, s.code AS school_code, s.name AS school_name, s.level, cl.code AS cluster_code,
      r.figure::float8 AS figure
    FROM ranked r JOIN "School" s ON s.id = r.school_id JOIN "Cluster" cl ON cl.id = s."clusterId"
    WHERE r.n <= ${limit}
    ORDER BY r.code, r.n`;
}

/** The campaign's plans in scope: how many, how many approved (removed and exempted ones aside). */
export function plansSql(districtId: string, campaignId: string, scope: ConsolidationScope | null): Prisma.Sql {
  const inScope = scope
    ? Prisma.sql`AND p."schoolId" IN (SELECT s.id FROM "School" s WHERE s."districtId" = ${districtId}::uuid
        AND (s.level = ANY(${scope.levels}::"SchoolLevel"[]) OR s."clusterId" = ANY(${scope.clusterIds}::uuid[])))`
    : Prisma.empty;
  return Prisma.sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE p.status = 'APPROVED')::int AS approved
    FROM "Plan" p
    WHERE p."campaignId" = ${campaignId}::uuid AND p."districtId" = ${districtId}::uuid
      AND p."removedAt" IS NULL AND p.status <> 'EXEMPTED' ${inScope}`;
}
