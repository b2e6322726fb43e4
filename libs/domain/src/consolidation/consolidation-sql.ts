// The consolidation's SQL: every value from the request is a bound parameter. Two statements: the campaign's plans
// counted by level and cluster, and the approved versions' figures, each version's indicator JSON read once
// (jsonb_each), rolled up for the district, each level and each cluster at once (GROUPING SETS), with the schools
// below target ranked in the same pass.
import { Prisma, type SchoolLevel } from '@duyet/database';

/** Whose schools count: those of these levels or these clusters (a reviewer's scope); null: the whole district. */
export interface ConsolidationScope {
  levels: SchoolLevel[];
  clusterIds: string[];
}

function inScope(scope: ConsolidationScope | null): Prisma.Sql {
  return scope
    ? Prisma.sql`AND (s.level = ANY(${scope.levels}::"SchoolLevel"[]) OR s."clusterId" = ANY(${scope.clusterIds}::uuid[]))`
    : Prisma.empty;
}

/** The plans that count: of this campaign and district, not removed from it, not exempted; in the scope. */
function plansWhere(districtId: string, campaignId: string, scope: ConsolidationScope | null): Prisma.Sql {
  return Prisma.sql`p."campaignId" = ${campaignId}::uuid AND p."districtId" = ${districtId}::uuid
    AND p."removedAt" IS NULL AND p.status <> 'EXEMPTED' ${inScope(scope)}`;
}

/** The plans that count, by school level and cluster: how many, how many sent in at least once, how many approved. */
export function planCountsSql(districtId: string, campaignId: string, scope: ConsolidationScope | null): Prisma.Sql {
  return Prisma.sql`SELECT s.level, s."clusterId" AS cluster_id, count(*)::int AS plans,
      count(*) FILTER (WHERE p."currentVersionNo" > 0)::int AS submitted,
      count(*) FILTER (WHERE p.status = 'APPROVED')::int AS approved
    FROM "Plan" p JOIN "School" s ON s.id = p."schoolId"
    WHERE ${plansWhere(districtId, campaignId, scope)}
    GROUP BY s.level, s."clusterId"`;
}

const number = (key: string) =>
  Prisma.sql`CASE WHEN jsonb_typeof(e.value -> ${key}) = 'number' THEN (e.value ->> ${key})::float8 END`;

/**
 * Per required indicator: the district's row, each level's and each cluster's, from the approved versions (the
 * version a plan's approval decided on: its current one). A school's figure is its target, or for a lower-is-better
 * indicator the ceiling of its range; a rate's average is weighted by the school's pupils or classes as the catalogue
 * says (1 each: a plain mean). `below`: rates only, the schools whose figure misses the directive's target (the
 * campaign's own, else the catalogue's); the district's row also lists the first `limit` of them, the furthest first.
 */
export function figuresSql(
  districtId: string,
  campaignId: string,
  scope: ConsolidationScope | null,
  limit: number,
): Prisma.Sql {
  return Prisma.sql`
    WITH ind AS MATERIALIZED (
      -- k: a small number for the indicator, cheaper to sort and group on than its code.
      SELECT (row_number() OVER (ORDER BY i.code))::int AS k, i.code, i.level, i.direction, i.rollup, i.weight,
        (CASE WHEN t.id IS NULL THEN i."targetMin" ELSE t."targetMin" END)::float8 AS tmin,
        (CASE WHEN t.id IS NULL THEN i."targetMax" ELSE t."targetMax" END)::float8 AS tmax
      FROM "Campaign" c
      JOIN "Indicator" i ON i."districtId" = c."districtId" AND i.code = ANY(c."requiredIndicators")
      LEFT JOIN "CampaignTarget" t ON t."campaignId" = c.id AND t."indicatorCode" = i.code
      WHERE c.id = ${campaignId}::uuid AND c."districtId" = ${districtId}::uuid AND i.rollup <> 'DISTRICT'
    ), f AS MATERIALIZED (
      -- One row per approved plan and indicator it sets a figure for, no wider than the roll-up needs.
      SELECT ind.k, e.school_id, e.level, e.cluster_id, x.figure,
        (CASE ind.weight WHEN 'PUPILS' THEN e.students WHEN 'CLASSES' THEN e.classes ELSE 1 END)::float8 AS w,
        (ind.rollup = 'RATE' AND (
          (ind.direction IN ('HIGHER', 'NONE') AND ind.tmin IS NOT NULL AND x.figure < ind.tmin)
          OR (ind.direction IN ('LOWER', 'NONE') AND ind.tmax IS NOT NULL AND x.figure > ind.tmax))) AS below,
        GREATEST(ind.tmin - x.figure, x.figure - ind.tmax) AS gap
      FROM (
        -- Each approved version's figures, read once per version before any indicator is looked at (OFFSET 0 keeps
        -- the planner from reading them again for every indicator).
        SELECT s.id AS school_id, s.level, s."clusterId" AS cluster_id, s.students, s.classes, e.key AS code,
          ${number('target')} AS target, ${number('targetMax')} AS target_max
        FROM "Plan" p
        JOIN "School" s ON s.id = p."schoolId"
        JOIN "PlanVersion" pv ON pv."planId" = p.id AND pv.number = p."currentVersionNo"
        CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(pv.indicators) = 'object' THEN pv.indicators ELSE '{}' END) e
        WHERE ${plansWhere(districtId, campaignId, scope)} AND p.status = 'APPROVED'
        OFFSET 0
      ) e
      JOIN ind ON ind.code = e.code AND (ind.level IS NULL OR ind.level = e.level)
      CROSS JOIN LATERAL (
        SELECT CASE WHEN ind.direction = 'LOWER' THEN COALESCE(e.target_max, e.target) ELSE e.target END AS figure
      ) x
      WHERE x.figure IS NOT NULL
    ), agg AS (
      SELECT k, level, cluster_id, GROUPING(level, cluster_id)::int AS grouping,
        count(*)::int AS with_target,
        min(figure) AS min,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY figure) AS median,
        max(figure) AS max,
        sum(figure) AS total,
        sum(figure * w) / NULLIF(sum(w), 0) AS weighted_mean,
        count(*) FILTER (WHERE w IS NULL)::int AS without_weight,
        count(*) FILTER (WHERE below)::int AS below
      FROM f
      GROUP BY GROUPING SETS ((k), (k, level), (k, cluster_id))
    ), ranked AS (
      SELECT k, school_id, figure, row_number() OVER (PARTITION BY k ORDER BY gap DESC, school_id) AS n
      FROM f WHERE below
    ), listed AS (
      SELECT r.k, jsonb_agg(jsonb_build_object('code', s.code, 'name', s.name, 'level', s.level,
          'cluster', cl.code, 'figure', r.figure) ORDER BY r.n) AS schools
      FROM ranked r JOIN "School" s ON s.id = r.school_id JOIN "Cluster" cl ON cl.id = s."clusterId"
      WHERE r.n <= ${limit}
      GROUP BY r.k
    )
    SELECT ind.code, agg.level, agg.cluster_id, agg.grouping, agg.with_target, agg.min, agg.median, agg.max,
      agg.total, agg.weighted_mean, agg.without_weight, agg.below, listed.schools AS below_list
    FROM agg JOIN ind ON ind.k = agg.k LEFT JOIN listed ON listed.k = agg.k AND agg.grouping = 3`;
}
