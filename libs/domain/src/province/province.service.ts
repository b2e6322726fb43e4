import { Injectable } from '@nestjs/common';
import { type PlanStatus, PrismaService, type SchoolLevel } from '@duyet/database';
import { PLAN_STATUSES } from '@duyet/workflows';
import { DomainError } from '../common/errors';
import { type AuthUser, NO_ID } from '../plans/access';
import { DistrictReadAccess } from './district-read-access';

/** Plans counted by state: every state present, zero when none. */
export type StateCounts = Record<PlanStatus, number>;

const emptyCounts = (): StateCounts => Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as StateCounts;

const campaignSelect = {
  id: true,
  districtId: true,
  key: true,
  documentNumber: true,
  title: true,
  status: true,
  issuedOn: true,
  submissionDeadline: true,
  paperCopies: true,
} as const;

/**
 * What a province department (Sở GD&ĐT) reads of its districts: each district with its campaigns and their plans
 * counted by state, and a campaign's summary. Read-only; every district goes through DistrictReadAccess. An admin of
 * a district reads the same of their own district (what the province sees of it).
 */
@Injectable()
export class ProvinceService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: DistrictReadAccess,
  ) {}

  async districts(user: AuthUser) {
    const province = await this.provinceOf(user);
    const districts = await this.prisma.district.findMany({
      where: user.role === 'PROVINCE' ? { provinceId: user.provinceId ?? NO_ID } : { id: user.districtId },
      select: { id: true, code: true, name: true, officeName: true, province: true },
      orderBy: { name: 'asc' },
    });
    const ids = districts.map((d) => d.id);
    const [campaigns, counts] = await Promise.all([
      this.prisma.campaign.findMany({
        where: { districtId: { in: ids } },
        select: campaignSelect,
        orderBy: [{ issuedOn: 'desc' }, { key: 'asc' }],
      }),
      this.prisma.plan.groupBy({
        by: ['campaignId', 'status'],
        where: { districtId: { in: ids }, removedAt: null },
        _count: { _all: true },
      }),
    ]);
    const byCampaign = new Map<string, StateCounts>();
    for (const c of counts) {
      const row = byCampaign.get(c.campaignId) ?? emptyCounts();
      row[c.status] = c._count._all;
      byCampaign.set(c.campaignId, row);
    }
    return {
      province,
      districts: districts.map((d) => ({
        ...d,
        campaigns: campaigns
          .filter((c) => c.districtId === d.id)
          .map(({ districtId: _, ...c }) => {
            const byState = byCampaign.get(c.id) ?? emptyCounts();
            return { ...c, total: sum(byState), byState };
          }),
      })),
    };
  }

  /** A campaign of one district: its plans by state, for the district and for each school level. */
  async campaignSummary(user: AuthUser, districtId: string, campaignId: string) {
    const { district } = await this.access.campaignOf(user, districtId, campaignId);
    const campaign = await this.prisma.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: campaignSelect,
    });
    const rows = await this.prisma.$queryRaw<{ level: SchoolLevel; status: PlanStatus; n: number }[]>`
      SELECT s.level, p.status, count(*)::int AS n
        FROM "Plan" p JOIN "School" s ON s.id = p."schoolId"
       WHERE p."campaignId" = ${campaignId}::uuid AND p."districtId" = ${district.id}::uuid AND p."removedAt" IS NULL
       GROUP BY s.level, p.status`;
    const byState = emptyCounts();
    const levels = new Map<SchoolLevel, StateCounts>();
    for (const r of rows) {
      byState[r.status] += r.n;
      const row = levels.get(r.level) ?? emptyCounts();
      row[r.status] = r.n;
      levels.set(r.level, row);
    }
    const { districtId: _, ...rest } = campaign;
    return {
      district: { id: district.id, code: district.code, name: district.name, officeName: district.officeName },
      campaign: rest,
      total: sum(byState),
      byState,
      byLevel: (['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'] as const)
        .filter((level) => levels.has(level))
        .map((level) => ({ level, total: sum(levels.get(level)!), byState: levels.get(level)! })),
    };
  }

  private async provinceOf(user: AuthUser) {
    const select = { id: true, code: true, name: true, officeName: true } as const;
    if (user.role === 'PROVINCE') {
      const province = await this.prisma.province.findUnique({ where: { id: user.provinceId ?? NO_ID }, select });
      if (!province) throw new DomainError('NOT_FOUND', 'Không tìm thấy tỉnh của tài khoản này.');
      return province;
    }
    if (user.role !== 'ADMIN') {
      throw new DomainError('FORBIDDEN', 'Chỉ Sở GD&ĐT và lãnh đạo Phòng xem được trang tổng quan này.');
    }
    const own = await this.prisma.district.findUnique({
      where: { id: user.districtId },
      select: { provinceRef: { select } },
    });
    return own?.provinceRef ?? null;
  }
}

const sum = (c: StateCounts) => PLAN_STATUSES.reduce((n, s) => n + c[s], 0);
