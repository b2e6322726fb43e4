import { Injectable } from '@nestjs/common';
import {
  type IndicatorDirection,
  type IndicatorRollup,
  type IndicatorWeight,
  PreparedReads,
  PrismaService,
  type SchoolLevel,
} from '@duyet/database';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import { approvedVersions } from '../plan-content/approved-versions';
import { type PhaseResult, PhaseResultsService } from '../phases/phase-results';
import { DistrictReadAccess } from '../province/district-read-access';
import { type ConsolidationScope, figuresSql, planCountsSql } from './consolidation-sql';
import { type SchoolResult, phaseFigures } from './phase-figures';
import {
  type FigureRow,
  type GroupFigures,
  type Target,
  directiveTarget,
  figureRow,
  meetsTarget,
  schoolFigure,
} from './rollup';

export type { ConsolidationScope } from './consolidation-sql';

/** How many schools below target an indicator lists (the count of them is always whole). */
export const SCHOOLS_BELOW_LISTED = 200;

export interface SchoolBelow {
  code: string;
  name: string;
  level: SchoolLevel;
  cluster: string;
  /** the school's own target (for a lower-is-better indicator, the ceiling of its range) */
  figure: number;
}

/** How many schools a phase's per-school table lists for an indicator (those furthest short of their target first). */
export const SCHOOL_RESULTS_LISTED = 200;

/** One school's result in a phase beside its own approved target and the directive's. */
export interface SchoolPhaseResult {
  code: string;
  name: string;
  level: SchoolLevel;
  cluster: string;
  /** the school's own approved target (for a lower-is-better indicator, the ceiling of its range); null: none */
  target: number | null;
  result: number;
  /** the result against the school's own target (null: no target) */
  meetsOwn: boolean | null;
  /** the result against the directive's target; null for a count (compared as the district's total only) */
  meetsDirective: boolean | null;
}

export interface IndicatorConsolidation {
  code: string;
  label: string;
  unit: string;
  level: SchoolLevel | null;
  direction: IndicatorDirection;
  rollup: IndicatorRollup;
  weight: IndicatorWeight;
  /** the directive's target (the campaign's own, else the catalogue's) */
  target: Target;
  district: FigureRow;
  levels: (FigureRow & { level: SchoolLevel })[];
  clusters: (FigureRow & { cluster: { code: string; name: string } })[];
  /** rates only: the approved schools whose own target misses the directive's, the furthest first */
  schoolsBelow: { total: number; schools: SchoolBelow[] };
  /** per phase with approved self-assessments: each reporting school's result beside its target (at most 200) */
  schoolResults: { phaseIndex: number; phaseName: string; total: number; schools: SchoolPhaseResult[] }[];
}

export interface CampaignConsolidation {
  campaign: {
    id: string;
    key: string;
    documentNumber: string;
    title: string;
    /** the campaign's district: a province user reads several, and the page names it */
    district: { id: string; name: string };
  };
  /** the phases whose self-assessments give results (approved ones), in order */
  phases: { index: number; name: string }[];
  /** the reviewer's scope the figures are limited to; null: the whole district */
  scope: { levels: SchoolLevel[]; clusters: string[] } | null;
  /** plans in scope (removed and exempted ones aside): figures come from the approved ones only */
  plans: { total: number; submitted: number; approved: number; notApproved: number };
  indicators: IndicatorConsolidation[];
}

/** What figuresSql answers for one group. */
interface FiguresRow extends Omit<GroupFigures, 'plans' | 'approved'> {
  code: string;
  level: SchoolLevel | null;
  cluster_id: string | null;
  /** 3: the district, 1: a level, 2: a cluster */
  grouping: number;
  below_list: SchoolBelow[] | null;
}

interface CountRow {
  level: SchoolLevel;
  cluster_id: string;
  plans: number;
  /** sent in at least once (a version exists) */
  submitted: number;
  approved: number;
}

const LEVEL_ORDER: SchoolLevel[] = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'];

/**
 * The consolidation (tổng hợp) of a campaign: per required indicator, for the district, each level and each cluster,
 * the schools' targets from the approved versions of their plans rolled up as the catalogue says, against the
 * directive's targets. Plans not approved yet count as "not approved" and give no figure: a draft or a version under
 * review may still change, and a report upward states what was approved. Loads by district: reusable by any route
 * that has checked its caller may read this district (a province user later).
 */
@Injectable()
export class ConsolidationService {
  constructor(
    private readonly prisma: PrismaService,
    // The two roll-up statements as prepared statements on plain pg: for 50,000 schools Prisma's mapping of their
    // 30,000 rows cost as much as PostgreSQL's work (npm run bench -- consolidation).
    private readonly reads: PreparedReads,
    private readonly access: DistrictReadAccess,
    private readonly phaseResults: PhaseResultsService,
  ) {}

  /**
   * A reader's consolidation: an admin and the province's user (Sở GD&ĐT, districts of its province) see the whole
   * district, a reviewer the schools of their levels and clusters; the campaign's district decides who may read it.
   */
  async forUser(user: AuthUser, campaignId: string): Promise<CampaignConsolidation> {
    const { district } = await this.access.campaignFor(user, campaignId);
    if (user.role === 'REVIEWER') {
      return this.forCampaign(district.id, campaignId, {
        levels: user.reviewLevels,
        clusterIds: user.reviewClusterIds,
      });
    }
    return this.forCampaign(district.id, campaignId);
  }

  async forCampaign(
    districtId: string,
    campaignId: string,
    scope?: ConsolidationScope,
  ): Promise<CampaignConsolidation> {
    const campaign = await this.prisma.campaign.findFirst({
      where: { id: campaignId, districtId },
      select: { id: true, key: true, documentNumber: true, title: true, requiredIndicators: true, targets: true },
    });
    if (!campaign) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    const s = scope ?? null;
    const [indicators, clusters, counts, figures, district, opened] = await Promise.all([
      this.prisma.indicator.findMany({ where: { districtId, code: { in: campaign.requiredIndicators } } }),
      this.prisma.cluster.findMany({ where: { districtId }, orderBy: { code: 'asc' } }),
      this.reads.query<CountRow>(planCountsSql(districtId, campaignId, s)),
      this.reads.query<FiguresRow>(figuresSql(districtId, campaignId, s, SCHOOLS_BELOW_LISTED)),
      this.prisma.district.findUniqueOrThrow({ where: { id: districtId }, select: { id: true, name: true } }),
      // Results only once a phase is opened: one cheap count otherwise.
      this.prisma.campaign.count({ where: { parentId: campaignId, districtId, kind: 'SELF_ASSESSMENT' } }),
    ]);
    const phased = opened > 0 ? await this.loadResults(districtId, campaignId, s) : null;
    const clusterById = new Map(clusters.map((c) => [c.id, c]));
    // The clusters' order, compared once here rather than again for every indicator (2,000 clusters a province).
    const clusterRank = new Map(
      [...clusters].sort((a, b) => a.code.localeCompare(b.code)).map((c, rank) => [c.id, rank] as const),
    );
    const targets = new Map(campaign.targets.map((t) => [t.indicatorCode, t]));
    const order = new Map(campaign.requiredIndicators.map((code, i) => [code, i]));
    indicators.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
    const byCode = new Map<string, FiguresRow[]>();
    for (const f of figures) {
      const list = byCode.get(f.code);
      if (list) list.push(f);
      else byCode.set(f.code, [f]);
    }
    const total = counts.reduce((a, c) => a + c.plans, 0);
    const approved = counts.reduce((a, c) => a + c.approved, 0);
    const submitted = counts.reduce((a, c) => a + c.submitted, 0);
    return {
      campaign: {
        id: campaign.id,
        key: campaign.key,
        documentNumber: campaign.documentNumber,
        title: campaign.title,
        district,
      },
      phases: phased?.phases ?? [],
      scope: scope
        ? {
            levels: LEVEL_ORDER.filter((l) => scope.levels.includes(l)),
            clusters: clusters.filter((c) => scope.clusterIds.includes(c.id)).map((c) => c.code),
          }
        : null,
      plans: { total, submitted, approved, notApproved: total - approved },
      indicators: indicators.map((i) => {
        const target = directiveTarget(targets.get(i.code), i);
        const rule = { rollup: i.rollup, direction: i.direction, target };
        const res = phased ? indicatorResults(phased, i, rule) : null;
        const withResults = <T extends FigureRow>(r: T, pick: (s: ResultSchool) => boolean, districtRow = false): T =>
          res ? { ...r, results: res.rows(pick, districtRow) } : r;
        // The plans of the levels the indicator applies to, counted whether or not they give a figure.
        const mine = counts.filter((c) => i.level === null || c.level === i.level);
        const rows = byCode.get(i.code) ?? [];
        // Field by field, not by spreading the database's row: this runs for every cluster of every indicator
        // (28,000 times for a 50,000-school province), where spreads cost a third of the whole answer.
        const row = (members: CountRow[], f: FiguresRow | undefined, districtRow = false) => {
          let plans = 0;
          let approvedPlans = 0;
          for (const c of members) {
            plans += c.plans;
            approvedPlans += c.approved;
          }
          return figureRow(groupFigures(plans, approvedPlans, f), rule, districtRow);
        };
        const district = rows.find((f) => f.grouping === 3);
        const levels = LEVEL_ORDER.filter((l) => mine.some((c) => c.level === l));
        const clusterIds = [...new Set(mine.map((c) => c.cluster_id))]
          .map((id) => clusterById.get(id)!)
          .sort((a, b) => clusterRank.get(a.id)! - clusterRank.get(b.id)!);
        return {
          code: i.code,
          label: i.label,
          unit: i.unit,
          level: i.level,
          direction: i.direction,
          rollup: i.rollup,
          weight: i.weight,
          target,
          district: withResults(row(mine, district, true), () => true, true),
          levels: levels.map((level) =>
            withResults(
              {
                level,
                ...row(
                  mine.filter((c) => c.level === level),
                  rows.find((f) => f.grouping === 1 && f.level === level),
                ),
              },
              (x) => x.level === level,
            ),
          ),
          clusters: groupByCluster(mine, rows, clusterIds, row).map((c, k) =>
            withResults(c, (x) => x.clusterId === clusterIds[k].id),
          ),
          schoolsBelow: { total: district?.below ?? 0, schools: district?.below_list ?? [] },
          schoolResults: res?.schools ?? [],
        };
      }),
    };
  }

  /**
   * The phases' approved results of the schools in scope, with the schools and their own approved targets. Only
   * called once a phase is opened.
   */
  private async loadResults(
    districtId: string,
    campaignId: string,
    scope: ConsolidationScope | null,
  ): Promise<LoadedResults | null> {
    const all = await this.phaseResults.results(districtId, campaignId);
    if (all.length === 0) return null;
    const ids = [...new Set(all.map((r) => r.schoolId))];
    const [schools, versions] = await Promise.all([
      this.prisma.school.findMany({
        where: { id: { in: ids }, districtId },
        select: {
          id: true,
          code: true,
          name: true,
          level: true,
          clusterId: true,
          students: true,
          classes: true,
          cluster: { select: { code: true } },
        },
      }),
      approvedVersions(this.prisma, campaignId, ids),
    ]);
    const inScope = (x: { level: SchoolLevel; clusterId: string }) =>
      !scope || scope.levels.includes(x.level) || scope.clusterIds.includes(x.clusterId);
    const bySchool = new Map(schools.filter(inScope).map((x) => [x.id, { ...x, cluster: x.cluster.code }] as const));
    const results = all.filter((r) => bySchool.has(r.schoolId));
    const byCode = new Map<string, PhaseResult[]>();
    for (const r of results) {
      const list = byCode.get(r.indicatorCode);
      if (list) list.push(r);
      else byCode.set(r.indicatorCode, [r]);
    }
    const phases = new Map<number, string>();
    for (const r of all) phases.set(r.phaseIndex, r.phaseName);
    return {
      phases: [...phases].sort((a, b) => a[0] - b[0]).map(([index, name]) => ({ index, name })),
      byCode,
      schools: bySchool,
      targets: new Map([...versions].map(([id, v]) => [id, v.content.indicators])),
    };
  }
}

/** A school that reports results, with what the roll-up and the per-school table need of it. */
interface ResultSchool {
  id: string;
  code: string;
  name: string;
  level: SchoolLevel;
  clusterId: string;
  cluster: string;
  students: number | null;
  classes: number | null;
}

interface LoadedResults {
  phases: { index: number; name: string }[];
  /** per indicator code: the results, phase by phase */
  byCode: Map<string, PhaseResult[]>;
  schools: Map<string, ResultSchool>;
  /** each school's approved plan indicators (its own targets) */
  targets: Map<string, Record<string, { target?: number | null; targetMax?: number | null }>>;
}

/** One indicator's results: each group's row per phase, and the per-school table of each phase. */
function indicatorResults(
  loaded: LoadedResults,
  i: {
    code: string;
    level: SchoolLevel | null;
    weight: string;
    direction: IndicatorDirection;
    rollup: IndicatorRollup;
  },
  rule: { rollup: IndicatorRollup; direction: IndicatorDirection; target: Target },
) {
  const mine = (loaded.byCode.get(i.code) ?? []).filter((r) => {
    const school = loaded.schools.get(r.schoolId);
    return school && (i.level === null || school.level === i.level);
  });
  const weight = (s: ResultSchool) => (i.weight === 'PUPILS' ? s.students : i.weight === 'CLASSES' ? s.classes : 1);
  const phases = loaded.phases.map((p) => ({ ...p, results: mine.filter((r) => r.phaseIndex === p.index) }));
  const rows = (pick: (s: ResultSchool) => boolean, districtRow: boolean) =>
    phases.map((p) => {
      const results: SchoolResult[] = [];
      for (const r of p.results) {
        const school = loaded.schools.get(r.schoolId)!;
        if (pick(school)) results.push({ schoolId: r.schoolId, result: r.result, weight: weight(school) });
      }
      return phaseFigures({ phaseIndex: p.index, phaseName: p.name }, results, rule, districtRow);
    });
  const isCount = rule.rollup === 'COUNT';
  const schools = phases.map((p) => {
    const list = p.results.map((r) => {
      const school = loaded.schools.get(r.schoolId)!;
      const own = loaded.targets.get(r.schoolId)?.[i.code];
      const target = own ? schoolFigure(i.direction, own) : null;
      return {
        code: school.code,
        name: school.name,
        level: school.level,
        cluster: school.cluster,
        target,
        result: r.result,
        meetsOwn: target === null ? null : meetsTarget(i.direction, r.result, { min: target, max: target }),
        meetsDirective: isCount ? null : meetsTarget(i.direction, r.result, rule.target),
        // how far short of its own target (positive: short), for the order
        gap: target === null ? -Infinity : i.direction === 'LOWER' ? r.result - target : target - r.result,
      };
    });
    list.sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code));
    return {
      phaseIndex: p.index,
      phaseName: p.name,
      total: list.length,
      schools: list.slice(0, SCHOOL_RESULTS_LISTED).map(({ gap: _gap, ...rest }) => rest),
    };
  });
  return { rows, schools };
}

/** Each cluster's row: its plans, its figures (looked up once per cluster, not searched for). */
function groupByCluster(
  mine: CountRow[],
  rows: FiguresRow[],
  clusters: { id: string; code: string; name: string }[],
  row: (members: CountRow[], f: FiguresRow | undefined) => FigureRow,
): (FigureRow & { cluster: { code: string; name: string } })[] {
  const members = new Map<string, CountRow[]>();
  for (const c of mine) {
    const list = members.get(c.cluster_id);
    if (list) list.push(c);
    else members.set(c.cluster_id, [c]);
  }
  const figures = new Map(rows.filter((f) => f.grouping === 2).map((f) => [f.cluster_id!, f]));
  return clusters.map((c) => ({
    cluster: { code: c.code, name: c.name },
    ...row(members.get(c.id) ?? [], figures.get(c.id)),
  }));
}

/** A group's figures: its plans counted, and what the statement found for it (nothing: no school gave a figure). */
function groupFigures(plans: number, approved: number, f: FiguresRow | undefined): GroupFigures {
  return {
    plans,
    approved,
    with_target: f?.with_target ?? 0,
    min: f?.min ?? null,
    median: f?.median ?? null,
    max: f?.max ?? null,
    total: f?.total ?? null,
    weighted_mean: f?.weighted_mean ?? null,
    without_weight: f?.without_weight ?? 0,
    below: f?.below ?? 0,
  };
}
