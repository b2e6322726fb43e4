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
import { DistrictReadAccess } from '../province/district-read-access';
import { type ConsolidationScope, figuresSql, planCountsSql } from './consolidation-sql';
import { type FigureRow, type GroupFigures, type Target, directiveTarget, figureRow } from './rollup';

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
}

export interface CampaignConsolidation {
  campaign: { id: string; key: string; documentNumber: string; title: string };
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
    const [indicators, clusters, counts, figures] = await Promise.all([
      this.prisma.indicator.findMany({ where: { districtId, code: { in: campaign.requiredIndicators } } }),
      this.prisma.cluster.findMany({ where: { districtId }, orderBy: { code: 'asc' } }),
      this.reads.query<CountRow>(planCountsSql(districtId, campaignId, s)),
      this.reads.query<FiguresRow>(figuresSql(districtId, campaignId, s, SCHOOLS_BELOW_LISTED)),
    ]);
    const clusterById = new Map(clusters.map((c) => [c.id, c]));
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
      campaign: { id: campaign.id, key: campaign.key, documentNumber: campaign.documentNumber, title: campaign.title },
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
        // The plans of the levels the indicator applies to, counted whether or not they give a figure.
        const mine = counts.filter((c) => i.level === null || c.level === i.level);
        const rows = byCode.get(i.code) ?? [];
        const row = (members: CountRow[], f: FiguresRow | undefined, districtRow = false) =>
          figureRow(
            {
              ...EMPTY,
              ...f,
              plans: members.reduce((a, c) => a + c.plans, 0),
              approved: members.reduce((a, c) => a + c.approved, 0),
            },
            rule,
            districtRow,
          );
        const district = rows.find((f) => f.grouping === 3);
        const levels = LEVEL_ORDER.filter((l) => mine.some((c) => c.level === l));
        const clusterIds = [...new Set(mine.map((c) => c.cluster_id))]
          .map((id) => clusterById.get(id)!)
          .sort((a, b) => a.code.localeCompare(b.code));
        return {
          code: i.code,
          label: i.label,
          unit: i.unit,
          level: i.level,
          direction: i.direction,
          rollup: i.rollup,
          weight: i.weight,
          target,
          district: row(mine, district, true),
          levels: levels.map((level) => ({
            level,
            ...row(
              mine.filter((c) => c.level === level),
              rows.find((f) => f.grouping === 1 && f.level === level),
            ),
          })),
          clusters: groupByCluster(mine, rows, clusterIds, row),
          schoolsBelow: { total: district?.below ?? 0, schools: district?.below_list ?? [] },
        };
      }),
    };
  }
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

const EMPTY: Omit<GroupFigures, 'plans' | 'approved'> = {
  with_target: 0,
  min: null,
  median: null,
  max: null,
  total: null,
  weighted_mean: null,
  without_weight: 0,
  below: 0,
};
