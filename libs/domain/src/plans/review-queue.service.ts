import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@duyet/database';
import { ClockService } from '../calendar/clock.service';
import { CalendarService } from '../calendar/calendar.service';
import { officeRank } from '../people/positions';
import { SigningService } from '../people/signing.service';
import { type AuthUser, schoolScopeWhere } from './access';
import { PlanAccessService } from './plan-access.service';
import { QUEUE_STATUSES, type QueueFilters, type QueueRow, filterQueue, isOverdue, queueFacets } from './review-queue';

/** The office day a default revision deadline ends at, as the return move computes it (plan-move-effects). */
const END_OF_OFFICE_DAY = '17:00';

const queueSelect = {
  id: true,
  status: true,
  reviewDueAt: true,
  submittedAt: true,
  currentVersionNo: true,
  campaign: { select: { id: true, title: true, documentNumber: true, approvalLevels: true } },
  school: { select: { code: true, name: true, level: true, cluster: { select: { code: true } } } },
  decisions: {
    where: { kind: { in: ['RECOMMEND_APPROVE', 'RECOMMEND_RETURN'] } },
    orderBy: { decidedAt: 'desc' },
    take: 1,
    select: { kind: true, version: { select: { number: true } } },
  },
} satisfies Prisma.PlanSelect;

/** The plans waiting on a reviewer's decision, and what a decision on one of them will record. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly access: PlanAccessService,
    private readonly signing: SigningService,
  ) {}

  /**
   * Submitted plans and plans under review in the user's scope (a reviewer: their levels and clusters, not those an
   * admin gave to someone else, plus those assigned to them), most urgent first, with the count of each filter.
   */
  async queue(user: AuthUser, filters: QueueFilters) {
    const where: Prisma.PlanWhereInput = {
      districtId: user.districtId,
      status: { in: [...QUEUE_STATUSES] },
      removedAt: null,
      ...(user.role === 'REVIEWER'
        ? {
            OR: [
              { school: schoolScopeWhere(user), OR: [{ reviewerId: null }, { reviewerId: user.id }] },
              { reviewerId: user.id },
            ],
          }
        : { school: schoolScopeWhere(user) }),
    };
    const plans = await this.prisma.plan.findMany({ where, select: queueSelect });
    const now = this.clock.now();
    const rows = plans.map((p) => ({
      ...p,
      status: p.status as QueueRow['status'],
      school: { code: p.school.code, name: p.school.name, level: p.school.level, cluster: p.school.cluster.code },
    }));
    const items = filterQueue(rows, filters, now).map((r) => {
      const recommendation = r.decisions[0];
      return {
        id: r.id,
        status: r.status,
        reviewDueAt: r.reviewDueAt,
        submittedAt: r.submittedAt,
        overdue: isOverdue(r, now),
        versionNo: r.currentVersionNo,
        approvalLevels: r.campaign.approvalLevels,
        // only a recommendation on the version now waiting counts: an older one was about another text
        recommendation:
          recommendation && recommendation.version.number === r.currentVersionNo
            ? recommendation.kind === 'RECOMMEND_APPROVE'
              ? ('APPROVE' as const)
              : ('RETURN' as const)
            : null,
        campaign: { id: r.campaign.id, title: r.campaign.title, documentNumber: r.campaign.documentNumber },
        school: r.school,
      };
    });
    return { total: rows.length, items, facets: queueFacets(rows, filters, now) };
  }

  /**
   * What the decision form needs: whether this user decides or recommends here, the capacity the server will record
   * for each (computed as the move will compute it), and the revision deadline the campaign's rule gives today.
   */
  async decisionContext(user: AuthUser, id: string) {
    const plan = await this.access.loadForActor(user, id, 'read');
    const campaign = await this.prisma.campaign.findUniqueOrThrow({
      where: { id: plan.campaignId },
      select: { approvalLevels: true, revisionDays: true },
    });
    const rank = officeRank(user.position);
    const twoLevel = campaign.approvalLevels >= 2;
    const office = user.role === 'REVIEWER' || user.role === 'ADMIN';
    const calendar = await this.calendar.forDistrict(user.districtId);
    const now = this.clock.now();
    return {
      approvalLevels: campaign.approvalLevels,
      revisionDays: campaign.revisionDays,
      defaultRevisionDeadline: calendar.atLocalTime(
        calendar.addWorkingDays(calendar.localDate(now), campaign.revisionDays),
        END_OF_OFFICE_DAY,
      ),
      canDecide: office && (!twoLevel || rank === 'HEAD' || rank === 'DEPUTY_HEAD'),
      canRecommend: office && twoLevel,
      decisionCapacity: await this.signing.capacityOf(user, { final: true }),
      recommendationCapacity: await this.signing.capacityOf(user, { final: false }),
    };
  }
}
