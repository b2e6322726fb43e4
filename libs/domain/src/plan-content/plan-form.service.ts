import { Injectable } from '@nestjs/common';
import { type PlanStatus, PrismaService, type SchoolLevel } from '@duyet/database';
import { CalendarService } from '../calendar/calendar.service';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { deadlineDistance } from '../reminders/policy';
import { type CampaignSection, type CatalogueIndicator, readCampaignSections } from './content';
import { catalogueIndicator } from './plan-content.service';
import { type AssessedPhase, assessedIndicators, assessedPhase } from './campaign-kind-form';
import type { ApprovedTarget, CampaignKindCode } from './self-assessment';

/** Where a plan stands against the deadline in force (DOMAIN.md), in working days as the reminders count them. */
export interface PlanDue {
  /** the deadline in force: the submission or revision deadline while the school holds the plan, else the review's */
  at: Date;
  /** who the deadline binds: the school (submit or resubmit) or the office (decide) */
  holder: 'SCHOOL' | 'OFFICE';
  /** the instant has passed */
  overdue: boolean;
  /** working days left up to the last working day on or before the deadline's date (0 on that day) */
  workingDaysLeft: number;
  /** working days passed since the deadline's date (0 on that day and before it) */
  workingDaysOverdue: number;
}

/** What a school reads on its home beside each plan: its deadline and the comments waiting for an answer. */
export interface PlanStanding {
  due: PlanDue | null;
  /** unresolved comments of the office (not replies) that the school has to read and answer */
  openComments: number;
}

/** The frame of the plan's editor: the directive's header and what it asks of this school. */
export interface PlanForm {
  campaign: {
    id: string;
    documentNumber: string;
    title: string;
    issuedOn: string;
    legalBases: string[];
    submissionDeadline: Date;
    paperCopies: number;
    receiver: { fullName: string; title: string } | null;
    signerTitle: string | null;
  };
  /** PLAN, SELF_ASSESSMENT (a phase's tự đánh giá) or REPORT: what the form asks for and how it is worded */
  kind: CampaignKindCode;
  /** a self-assessment's phase and the campaign it belongs to; null for other kinds */
  phase: AssessedPhase | null;
  schoolLevel: SchoolLevel;
  sections: CampaignSection[];
  /**
   * the district's indicators that apply to the school's level, in catalogue order, with the district's target; a
   * self-assessment's: the parent's required ones with the school's approved target (`approved`); a report's: the
   * campaign's, all optional
   */
  indicators: (CatalogueIndicator & { required: boolean; approved?: ApprovedTarget | null })[];
  /** the campaign's required indicator codes (the browser runs the same checks as the server with them) */
  requiredIndicators: string[];
  standing: PlanStanding;
}

const SCHOOL_HOLDS: PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];
const OFFICE_HOLDS: PlanStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];
const LEVEL_ORDER: Record<SchoolLevel, number> = { PRESCHOOL: 0, PRIMARY: 1, LOWER_SECONDARY: 2 };

/**
 * What the school's screens need beyond the plan row: the editor's frame and the home's deadline figures. Loads by
 * plan id or district only: the caller has checked that the user may read the plans (PlansService.load/list).
 */
@Injectable()
export class PlanFormService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly calendar: CalendarService,
    private readonly clock: ClockService,
  ) {}

  async form(planId: string): Promise<PlanForm> {
    const plan = await this.prisma.plan.findUnique({
      where: { id: planId },
      select: {
        id: true,
        status: true,
        districtId: true,
        deadlineInForce: true,
        schoolId: true,
        school: { select: { level: true } },
        campaign: { include: { receiver: { select: { fullName: true, title: true } } } },
      },
    });
    if (!plan) throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
    const c = plan.campaign;
    const level = plan.school.level;
    const rows = await this.prisma.indicator.findMany({
      where: { districtId: plan.districtId, OR: [{ level }, { level: null }] },
      orderBy: [{ code: 'asc' }],
    });
    // The school's own level first, then the indicators every level reports (staff figures).
    rows.sort((a, b) => (a.level ? LEVEL_ORDER[a.level] : 9) - (b.level ? LEVEL_ORDER[b.level] : 9));
    const required = new Set(c.requiredIndicators);
    const standings = await this.standings(plan.districtId, [plan]);
    const indicators =
      c.kind === 'SELF_ASSESSMENT'
        ? await assessedIndicators(this.prisma, { ...plan, level }, c)
        : c.kind === 'REPORT'
          ? rows.filter((i) => required.has(i.code)).map((i) => ({ ...catalogueIndicator(i), required: false }))
          : rows.map((i) => ({ ...catalogueIndicator(i), required: required.has(i.code) }));
    return {
      campaign: {
        id: c.id,
        documentNumber: c.documentNumber,
        title: c.title,
        issuedOn: c.issuedOn.toISOString().slice(0, 10),
        legalBases: c.legalBases,
        submissionDeadline: c.submissionDeadline,
        paperCopies: c.paperCopies,
        receiver: c.receiver,
        signerTitle: c.signerTitle,
      },
      kind: c.kind,
      phase: await assessedPhase(this.prisma, plan.districtId, c),
      schoolLevel: level,
      sections: readCampaignSections(c.sections),
      indicators,
      // A report's indicators are all optional; a self-assessment's are checked by self-assessment.ts.
      requiredIndicators: c.kind === 'REPORT' ? [] : c.requiredIndicators,
      standing: standings.get(plan.id)!,
    };
  }

  /** The deadline figures and open comments of plans of one district, read in two queries whatever their number. */
  async standings(
    districtId: string,
    plans: { id: string; status: PlanStatus; deadlineInForce: Date | null }[],
  ): Promise<Map<string, PlanStanding>> {
    const calendar = await this.calendar.forDistrict(districtId);
    const now = this.clock.now();
    const today = calendar.localDate(now);
    const open = plans.length
      ? await this.prisma.comment.groupBy({
          by: ['planId'],
          where: { districtId, planId: { in: plans.map((p) => p.id) }, parentId: null, resolvedAt: null },
          _count: { _all: true },
        })
      : [];
    const openByPlan = new Map(open.map((g) => [g.planId, g._count._all]));
    const result = new Map<string, PlanStanding>();
    for (const p of plans) {
      const holder = SCHOOL_HOLDS.includes(p.status) ? 'SCHOOL' : OFFICE_HOLDS.includes(p.status) ? 'OFFICE' : null;
      let due: PlanDue | null = null;
      if (holder && p.deadlineInForce) {
        const { workingDays } = deadlineDistance(p.deadlineInForce, calendar, today);
        due = {
          at: p.deadlineInForce,
          holder,
          overdue: p.deadlineInForce.getTime() < now.getTime(),
          workingDaysLeft: Math.max(0, -workingDays),
          workingDaysOverdue: Math.max(0, workingDays),
        };
      }
      result.set(p.id, { due, openComments: openByPlan.get(p.id) ?? 0 });
    }
    return result;
  }
}
