// The board's SQL, built from Prisma.sql fragments: every value from the request is a bound parameter; only
// constant fragments chosen from validated enums (the sort order) are spliced in.
import { Prisma, type Role, type SchoolLevel } from '@duyet/database';
import type { BoardFilter, BoardSort } from './board-query';
import { WAITING_ON_STATUSES } from './board-rows';
import { PAPER_OWED_STATUSES } from '../paper-copies/paper-copies-owed';

/** Whose plans the statement may see: the same rule as schoolScopeWhere, in SQL. */
export interface BoardScope {
  districtId: string;
  role: Role;
  reviewLevels: SchoolLevel[];
  reviewClusterIds: string[];
}

// Accent-insensitive school-name search without the unaccent extension (not installed) and without folding
// every name per query (translate() over the school table costs more than the rest of the statement): the
// search text becomes a regular expression in which each letter matches all its Vietnamese forms, either case.
const ACCENTED: Record<string, string> = {
  a: 'àáảãạăằắẳẵặâầấẩẫậ',
  e: 'èéẻẽẹêềếểễệ',
  i: 'ìíỉĩị',
  o: 'òóỏõọôồốổỗộơờớởỡợ',
  u: 'ùúủũụưừứửữự',
  y: 'ỳýỷỹỵ',
  d: 'đ',
};
const FOLD = new Map(Object.entries(ACCENTED).flatMap(([base, forms]) => [...forms].map((f) => [f, base] as const)));

/** "Trường Mầm non Đông Hòa" → "truong mam non dong hoa". */
export function foldVietnamese(text: string): string {
  return [...text.normalize('NFC').toLowerCase()].map((ch) => FOLD.get(ch) ?? ch).join('');
}

/** A Postgres regular expression (ARE) that finds the text anywhere, ignoring accents and case. */
export function accentInsensitivePattern(text: string): string {
  return [...foldVietnamese(text.trim()).replace(/\s+/g, ' ')]
    .map((ch) => {
      if (/[a-z]/.test(ch)) {
        const forms = ch + (ACCENTED[ch] ?? '');
        return `[${forms}${forms.toUpperCase()}]`;
      }
      // A backslash before anything but a letter or digit makes it literal in an ARE.
      return /[0-9 ]/.test(ch) || /\p{L}/u.test(ch) ? ch : `\\${ch}`;
    })
    .join('');
}

/** A plan owes copies (submitted) and its receipts sum below its campaign's paperCopies: the board's "missing". */
const PAPER_RECEIVED = Prisma.sql`COALESCE((SELECT sum(pc.copies) FROM "PaperCopyReceipt" pc WHERE pc."planId" = p.id), 0)`;
const PAPER_REQUIRED = Prisma.sql`(SELECT c."paperCopies" FROM "Campaign" c WHERE c.id = p."campaignId")`;
const PAPER_OWED = Prisma.sql`p.status = ANY(${[...PAPER_OWED_STATUSES]}::"PlanStatus"[])`;
const PAPER_MISSING = Prisma.sql`(${PAPER_OWED} AND ${PAPER_RECEIVED} < ${PAPER_REQUIRED})`;
const PAPER_COMPLETE = Prisma.sql`(${PAPER_OWED} AND ${PAPER_RECEIVED} >= ${PAPER_REQUIRED})`;

const instant = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

// The deadline in force (DOMAIN.md) is p."deadlineInForce", which the database keeps on the plan row as the plan's
// workflow arms it (trigger plan_board_columns, migration 20261201090000_board_deadline_column): while the school
// holds the plan, the revision deadline if one is due, else the school's extension or the campaign's date; the
// reviewer's due date while the office holds it; none once decided. p."schoolCode" is the school's code, copied
// there too, so the default order (overdue first, oldest deadline first, then by school code) is an index range.

// Conditions on the school (scope, level, cluster, name) go into one semi-join, so the summary and the page,
// which need no school column, never join the school table for every plan; an admin's unfiltered board skips it.
function schoolConditions(scope: BoardScope, f: BoardFilter): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (scope.role === 'REVIEWER') {
    parts.push(Prisma.sql`(s.level = ANY(${scope.reviewLevels}::"SchoolLevel"[])
      OR s."clusterId" = ANY(${scope.reviewClusterIds}::uuid[]))`);
  } else if (scope.role !== 'ADMIN' && scope.role !== 'CLERK') {
    // The admin and the clerk see the whole district. Callers refuse school roles before this; should one slip
    // through, it sees nothing.
    parts.push(Prisma.sql`false`);
  }
  if (f.level) parts.push(Prisma.sql`s.level = ANY(${f.level}::"SchoolLevel"[])`);
  if (f.cluster) {
    parts.push(Prisma.sql`s."clusterId" IN (SELECT id FROM "Cluster"
      WHERE "districtId" = ${scope.districtId}::uuid AND code = ANY(${f.cluster}::text[]))`);
  }
  if (f.q) {
    const pattern = accentInsensitivePattern(f.q);
    parts.push(Prisma.sql`(s.name ~ ${pattern} OR s.code ~ ${pattern})`);
  }
  return parts;
}

/** FROM and WHERE over Plan p (and School sc when asked: sorting by name): the plans the filter matches. */
function plansSql(scope: BoardScope, f: BoardFilter, now: Date, joinSchool: boolean, extra = Prisma.empty) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`p."districtId" = ${scope.districtId}::uuid`,
    Prisma.sql`p."removedAt" IS NULL`,
  ];
  const school = schoolConditions(scope, f);
  if (f.schoolCode) parts.push(Prisma.sql`p."schoolCode" = ${f.schoolCode}`);
  if (school.length) {
    parts.push(Prisma.sql`p."schoolId" IN (SELECT s.id FROM "School" s
      WHERE s."districtId" = ${scope.districtId}::uuid AND ${Prisma.join(school, ' AND ')})`);
  }
  if (f.campaignId) parts.push(Prisma.sql`p."campaignId" = ${f.campaignId}::uuid`);
  if (f.status) parts.push(Prisma.sql`p.status = ANY(${f.status}::"PlanStatus"[])`);
  if (f.waitingOn) parts.push(Prisma.sql`p.status = ANY(${WAITING_ON_STATUSES[f.waitingOn]}::"PlanStatus"[])`);
  if (f.paperCopies === 'MISSING') parts.push(PAPER_MISSING);
  if (f.paperCopies === 'COMPLETE') parts.push(PAPER_COMPLETE);
  if (f.overdue === true) parts.push(Prisma.sql`p."deadlineInForce" < ${instant(now)}`);
  if (f.overdue === false) {
    parts.push(Prisma.sql`(p."deadlineInForce" IS NULL OR p."deadlineInForce" >= ${instant(now)})`);
  }
  return Prisma.sql`FROM "Plan" p
    ${joinSchool ? Prisma.sql`JOIN "School" sc ON sc.id = p."schoolId"` : Prisma.empty}
    WHERE ${Prisma.join(parts, ' AND ')} ${extra}`;
}

const SORTS_BY_NAME: readonly BoardSort[] = ['school', '-school'];

/** The plans the board shows, one row each, before sorting; the school's name only when the sort needs it. */
function matchedSql(
  scope: BoardScope,
  f: BoardFilter,
  now: Date,
  extra: Prisma.Sql = Prisma.empty,
  withName = SORTS_BY_NAME.includes(f.sort),
): Prisma.Sql {
  return Prisma.sql`SELECT p.id AS plan_id, p.status AS plan_status, p."statusChangedAt" AS status_changed_at,
      p."reviewerId" AS reviewer_id, p."campaignId" AS campaign_id, p."schoolId" AS school_id,
      p."schoolCode" AS school_code, p."deadlineInForce" AS deadline,
      CASE WHEN p."deadlineInForce" < ${instant(now)} THEN p."deadlineInForce" END AS overdue_since
      ${withName ? Prisma.sql`, sc.name AS school_name` : Prisma.empty}
    ${plansSql(scope, f, now, withName, extra)}`;
}

/** Counts by status, and how many of each are overdue, for the same filter. */
function byStatusSql(scope: BoardScope, f: BoardFilter, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT p.status AS plan_status, count(*)::int AS n,
      count(*) FILTER (WHERE p."deadlineInForce" < ${instant(now)})::int AS late,
      count(*) FILTER (WHERE ${PAPER_MISSING})::int AS paper_missing
    ${plansSql(scope, f, now, false)}
    GROUP BY p.status`;
}

/** ORDER BY for a sort, on the columns of matchedSql; ties fall to the school code, then the plan id. */
export function orderSql(sort: BoardSort, table = ''): Prisma.Sql {
  const t = Prisma.raw(table ? `${table}.` : '');
  const keys: Record<BoardSort, Prisma.Sql> = {
    // Overdue first, the oldest deadline first; then the rest, the nearest deadline first; then those with none.
    // Every overdue deadline is before every other one, so this is the deadline's own order: the index's.
    '-daysOverdue': Prisma.sql`${t}deadline ASC NULLS LAST`,
    daysOverdue: Prisma.sql`${t}deadline DESC NULLS FIRST`,
    // Vietnamese alphabetical order (Đ after D, not after Z); ICU ships with Debian's and Docker's Postgres.
    school: Prisma.sql`${t}school_name COLLATE "vi-x-icu" ASC`,
    '-school': Prisma.sql`${t}school_name COLLATE "vi-x-icu" DESC`,
    daysInState: Prisma.sql`${t}status_changed_at DESC`,
    '-daysInState': Prisma.sql`${t}status_changed_at ASC`,
    deadline: Prisma.sql`${t}deadline ASC NULLS LAST`,
    '-deadline': Prisma.sql`${t}deadline DESC NULLS LAST`,
    status: Prisma.sql`${t}plan_status ASC`,
    '-status': Prisma.sql`${t}plan_status DESC`,
  };
  return Prisma.sql`ORDER BY ${keys[sort]}, ${t}school_code ASC, ${t}plan_id ASC`;
}

// Joined for the rows of one page only, so a district of 50,000 plans reads schools and reminders for 50 of them.
const ITEM_COLUMNS = Prisma.sql`page.plan_id, page.plan_status::text AS plan_status, page.status_changed_at,
  page.deadline, page.school_code, sc.name AS school_name, sc.level::text AS school_level, sc.cluster_code,
  page.campaign_id, camp.key AS campaign_key, camp.title AS campaign_title, page.reviewer_id,
  u."fullName" AS reviewer_name, COALESCE(r.n, 0) AS reminders_sent, r.last AS last_reminder_at,
  camp."paperCopies" AS paper_copies_required, COALESCE(pc.n, 0) AS paper_copies_received`;
// Lateral lookups by primary key: joined as tables, the planner hashes the whole school table for 50 rows.
const ITEM_JOINS = Prisma.sql`LEFT JOIN LATERAL (SELECT s.name, s.level, cl.code AS cluster_code FROM "School" s
    JOIN "Cluster" cl ON cl.id = s."clusterId" WHERE s.id = page.school_id) sc ON true
  LEFT JOIN "Campaign" camp ON camp.id = page.campaign_id
  LEFT JOIN "User" u ON u.id = page.reviewer_id
  LEFT JOIN LATERAL (SELECT count(*)::int AS n, max(rs."createdAt") AS last
    FROM "ReminderSent" rs WHERE rs."planId" = page.plan_id) r ON true
  LEFT JOIN LATERAL (SELECT sum(p.copies)::int AS n
    FROM "PaperCopyReceipt" p WHERE p."planId" = page.plan_id) pc ON true`;

export interface BoardSummarySpec {
  filter: BoardFilter;
  now: Date;
  /** admins see the district's undelivered e-mails counted in the summary */
  countFailedEmails: boolean;
}

/** The summary of a filter, one row: total, overdue, counts by status (and failed e-mails for admins). */
export function boardSummarySql(scope: BoardScope, spec: BoardSummarySpec): Prisma.Sql {
  const failed = spec.countFailedEmails
    ? Prisma.sql`(SELECT count(*)::int FROM "EmailLog" e WHERE e."districtId" = ${scope.districtId}::uuid
        AND e.status = 'FAILED' ${spec.filter.campaignId ? Prisma.sql`AND e."campaignId" = ${spec.filter.campaignId}::uuid` : Prisma.empty})`
    : Prisma.sql`NULL::int`;
  return Prisma.sql`WITH by_status AS (${byStatusSql(scope, spec.filter, spec.now)})
    SELECT COALESCE(sum(n), 0)::int AS total, COALESCE(sum(late), 0)::int AS overdue_total,
      COALESCE(sum(paper_missing), 0)::int AS paper_missing_total,
      COALESCE(json_object_agg(plan_status, n), '{}'::json) AS by_status, ${failed} AS failed_emails
    FROM by_status`;
}

export interface BoardPageSpec {
  filter: BoardFilter;
  now: Date;
  limit: number;
  offset: number;
}

/** One page of the board's rows, in the filter's order. */
export function boardPageSql(scope: BoardScope, spec: BoardPageSpec): Prisma.Sql {
  return Prisma.sql`WITH page AS (
      SELECT * FROM (${matchedSql(scope, spec.filter, spec.now)}) matched
      ${orderSql(spec.filter.sort)} LIMIT ${spec.limit} OFFSET ${spec.offset})
    SELECT ${ITEM_COLUMNS} FROM page ${ITEM_JOINS}
    ${orderSql(spec.filter.sort, 'page')}`;
}

/** Every matching plan id in board order: the export walks this list in batches. */
export function boardIdsSql(scope: BoardScope, filter: BoardFilter, now: Date): Prisma.Sql {
  return Prisma.sql`WITH matched AS (${matchedSql(scope, filter, now)})
    SELECT plan_id FROM matched ${orderSql(filter.sort)}`;
}

/** The rows of the given plans, still within the scope and filter (a plan may have moved since). */
export function boardRowsSql(scope: BoardScope, filter: BoardFilter, now: Date, planIds: string[]): Prisma.Sql {
  const only = Prisma.sql`AND p.id = ANY(${planIds}::uuid[])`;
  return Prisma.sql`WITH page AS (${matchedSql(scope, filter, now, only)})
    SELECT ${ITEM_COLUMNS} FROM page ${ITEM_JOINS}`;
}
