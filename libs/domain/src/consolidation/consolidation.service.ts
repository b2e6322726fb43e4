import { Injectable } from '@nestjs/common';
import {
  type IndicatorDirection,
  type IndicatorRollup,
  type IndicatorWeight,
  PrismaService,
  type SchoolLevel,
} from '@duyet/database';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import { type ConsolidationScope, plansSql, rollupSql, schoolsBelowSql } from './consolidation-sql';
import { type FigureRow, type GroupFigures, type Target, figureRow } from './rollup';

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
  plans: { total: number; approved: number; notApproved: number };
  indicators: IndicatorConsolidation[];
}

interface RollupRow extends GroupFigures {
  code: string;
  level: SchoolLevel | null;
  cluster_id: string | null;
  grouping: number;
}

interface BelowRow {
  code: string;
  school_code: string;
  school_name: string;
  level: SchoolLevel;
  cluster_code: string;
  figure: number;
}

const LEVEL_ORDER: SchoolLevel[] = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'];
const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

/**
 * The consolidation (tổng hợp) of a campaign: per required indicator, for the district, each level and each cluster,
 * the schools' targets from the approved versions of their plans rolled up as the catalogue says, against the
 * directive's targets. Plans not approved yet count as "not approved" and give no figure: a draft or a version under
 * review may still change, and a report upward states what was approved. Loads by district: reusable by any route
 * that has checked its caller may read this district (a province user later).
 */
@Injectable()
export class ConsolidationService {
  constructor(private readonly prisma: PrismaService) {}

  /** The office's read: an admin sees the district, a reviewer the schools of their levels and clusters. */
  forUser(user: AuthUser, campaignId: string): Promise<CampaignConsolidation> {
    if (user.role === 'ADMIN') return this.forCampaign(user.districtId, campaignId);
    if (user.role === 'REVIEWER') {
      return this.forCampaign(user.districtId, campaignId, {
        levels: user.reviewLevels,
        clusterIds: user.reviewClusterIds,
      });
    }
    throw new DomainError('FORBIDDEN', 'Chỉ lãnh đạo và chuyên viên Phòng GD&ĐT được xem bảng tổng hợp.');
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
    const [indicators, clusters, groups, below, [plans]] = await Promise.all([
      this.prisma.indicator.findMany({ where: { districtId, code: { in: campaign.requiredIndicators } } }),
      this.prisma.cluster.findMany({ where: { districtId }, orderBy: { code: 'asc' } }),
      this.prisma.$queryRaw<RollupRow[]>(rollupSql(districtId, campaignId, s)),
      this.prisma.$queryRaw<BelowRow[]>(schoolsBelowSql(districtId, campaignId, s, SCHOOLS_BELOW_LISTED)),
      this.prisma.$queryRaw<{ total: number; approved: number }[]>(plansSql(districtId, campaignId, s)),
    ]);
    const clusterById = new Map(clusters.map((c) => [c.id, c]));
    const targets = new Map(campaign.targets.map((t) => [t.indicatorCode, t]));
    const order = new Map(campaign.requiredIndicators.map((code, i) => [code, i]));
    indicators.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
    return {
      campaign: { id: campaign.id, key: campaign.key, documentNumber: campaign.documentNumber, title: campaign.title },
      scope: scope
        ? {
            levels: LEVEL_ORDER.filter((l) => scope.levels.includes(l)),
            clusters: clusters.filter((c) => scope.clusterIds.includes(c.id)).map((c) => c.code),
          }
        : null,
      plans: { total: plans.total, approved: plans.approved, notApproved: plans.total - plans.approved },
      indicators: indicators.map((i) => {
        const own = targets.get(i.code);
        const target = own
          ? { min: num(own.targetMin), max: num(own.targetMax) }
          : { min: num(i.targetMin), max: num(i.targetMax) };
        const rule = { rollup: i.rollup, direction: i.direction, target };
        const mine = groups.filter((g) => g.code === i.code);
        const district = mine.find((g) => g.grouping === 3);
        const schools = below.filter((b) => b.code === i.code);
        return {
          code: i.code,
          label: i.label,
          unit: i.unit,
          level: i.level,
          direction: i.direction,
          rollup: i.rollup,
          weight: i.weight,
          target,
          district: figureRow(district ?? EMPTY, rule, true),
          levels: mine
            .filter((g) => g.grouping === 1 && g.level)
            .sort((a, b) => LEVEL_ORDER.indexOf(a.level!) - LEVEL_ORDER.indexOf(b.level!))
            .map((g) => ({ level: g.level!, ...figureRow(g, rule, false) })),
          clusters: mine
            .filter((g) => g.grouping === 2 && g.cluster_id)
            .map((g) => ({ g, c: clusterById.get(g.cluster_id!)! }))
            .sort((a, b) => a.c.code.localeCompare(b.c.code))
            .map(({ g, c }) => ({ cluster: { code: c.code, name: c.name }, ...figureRow(g, rule, false) })),
          schoolsBelow: {
            total: district?.below ?? 0,
            schools: schools.map((b) => ({
              code: b.school_code,
              name: b.school_name,
              level: b.level,
              cluster: b.cluster_code,
              figure: b.figure,
            })),
          },
        };
      }),
    };
  }
}

const EMPTY: GroupFigures = {
  plans: 0,
  approved: 0,
  with_target: 0,
  min: null,
  median: null,
  max: null,
  total: null,
  weighted_mean: null,
  without_weight: 0,
  below: 0,
};
