import { Injectable } from '@nestjs/common';
import { type Campaign, type Prisma, PrismaService, type SchoolLevel } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import { ClockService } from '../calendar/clock.service';
import { CampaignIssuingService, type IssuedCampaignData } from '../campaigns/campaign-issuing.service';
import { DomainError } from '../common/errors';
import { isUniqueViolation } from '../common/failures';
import { readPhases } from '../plan-content/campaign-kind-form';
import { SELF_ASSESSMENT_SECTIONS } from '../plan-content/self-assessment';
import { type AuthUser, schoolScopeWhere } from '../plans/access';
import type { OpenPhaseInput } from './phase.schemas';

/** A phase of a campaign, and the self-assessment opened for it (null until it is). */
export interface PhaseView {
  index: number;
  name: string;
  from: string;
  to: string;
  opened: {
    campaignId: string;
    documentNumber: string;
    title: string;
    submissionDeadline: Date;
    status: string;
    /** its plans in the viewer's scope by status */
    planCounts: Record<string, number>;
  } | null;
}

export interface CampaignPhases {
  phases: PhaseView[];
  /** the schools whose plans are approved, in the viewer's scope: who a phase would be opened for */
  approvedSchools: { id: string; code: string; name: string; level: SchoolLevel }[];
}

export interface PhaseOpened {
  campaign: Campaign;
  /** in Vietnamese; empty when there is nothing to point out (e.g. a deadline on a day off) */
  warnings: string[];
}

const KEY_MAX = 63;

/**
 * A campaign's phases (Campaign.phases). At the end of one the office opens it: one SELF_ASSESSMENT campaign, child of
 * the campaign, for every school whose plan is approved, less the exceptions it names, issued through the
 * campaigns' own path so each school gets a plan workflow, deadlines and reminders.
 */
@Injectable()
export class PhasesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly issuing: CampaignIssuingService,
    private readonly clock: ClockService,
  ) {}

  async list(user: AuthUser, campaignId: string): Promise<CampaignPhases> {
    const parent = await this.loadParent(user, campaignId);
    const [children, approved] = await Promise.all([
      this.prisma.campaign.findMany({ where: { parentId: parent.id, districtId: user.districtId } }),
      this.prisma.plan.findMany({
        where: { campaignId: parent.id, status: 'APPROVED', removedAt: null, school: schoolScopeWhere(user) },
        select: { school: { select: { id: true, code: true, name: true, level: true } } },
        orderBy: { schoolCode: 'asc' },
      }),
    ]);
    const counts = children.length
      ? await this.prisma.plan.groupBy({
          by: ['campaignId', 'status'],
          where: { campaignId: { in: children.map((c) => c.id) }, school: schoolScopeWhere(user) },
          _count: { _all: true },
        })
      : [];
    const phases = readPhases(parent.phases).map((p, index): PhaseView => {
      const child = children.find((c) => c.phaseIndex === index);
      return {
        index,
        ...p,
        opened: child
          ? {
              campaignId: child.id,
              documentNumber: child.documentNumber,
              title: child.title,
              submissionDeadline: child.submissionDeadline,
              status: child.status,
              planCounts: Object.fromEntries(
                counts.filter((g) => g.campaignId === child.id).map((g) => [g.status, g._count._all]),
              ),
            }
          : null,
      };
    });
    return { phases, approvedSchools: approved.map((p) => p.school) };
  }

  /** Opens phase `index` (from 0) of a campaign: one audited action, or a Vietnamese refusal and nothing written. */
  async open(admin: AuthUser, campaignId: string, index: number, input: OpenPhaseInput): Promise<PhaseOpened> {
    const parent = await this.loadParent(admin, campaignId);
    if (parent.kind !== 'PLAN') {
      throw new DomainError('VALIDATION', 'Chỉ đợt xây dựng kế hoạch mới có giai đoạn để các trường tự đánh giá.');
    }
    const phases = readPhases(parent.phases);
    const phase = Number.isInteger(index) ? phases[index] : undefined;
    if (!phase) {
      const which = Number.isInteger(index) ? `số ${index}` : 'này';
      throw new DomainError(
        'VALIDATION',
        phases.length
          ? `Đợt kế hoạch không có giai đoạn ${which}: các giai đoạn được đánh số từ 0 đến ${phases.length - 1}.`
          : 'Đợt kế hoạch không chia giai đoạn nào.',
      );
    }
    await this.refuseOpened(parent.id, index, phase.name);
    const schools = await this.targetedSchools(parent.id, input);
    const exceptions = input.exceptions.map((e) => ({
      schoolId: e.schoolId,
      schoolName: schools.excepted.get(e.schoolId) ?? '',
      reason: e.reason,
    }));
    const data = this.childData(parent, index, phase.name, schools.targeted, input.submissionDeadline);
    try {
      const { campaign, warnings } = await this.issuing.issuePrepared(admin, data, (tx, child) =>
        AuditLog.write(tx, {
          districtId: admin.districtId,
          campaignId: parent.id,
          actorId: admin.id,
          type: 'PHASE_OPENED',
          data: {
            phaseIndex: index,
            phaseName: phase.name,
            campaignId: child.id,
            documentNumber: child.documentNumber,
            submissionDeadline: child.submissionDeadline.toISOString(),
            schools: schools.targeted.length,
            exceptions,
          },
        }),
      );
      return { campaign, warnings };
    } catch (err) {
      // Two requests at once: the unique (parentId, phaseIndex) lets one through.
      if (!isUniqueViolation(err)) throw err;
      await this.refuseOpened(parent.id, index, phase.name);
      throw new DomainError('CONFLICT', `Mã đợt "${data.key}" của giai đoạn đã được dùng cho một đợt khác.`);
    }
  }

  private async loadParent(user: AuthUser, campaignId: string): Promise<Campaign> {
    const parent = await this.prisma.campaign.findFirst({ where: { id: campaignId, districtId: user.districtId } });
    if (!parent) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    return parent;
  }

  private async refuseOpened(parentId: string, index: number, name: string): Promise<void> {
    const opened = await this.prisma.campaign.findFirst({ where: { parentId, phaseIndex: index } });
    if (opened) {
      throw new DomainError(
        'CONFLICT',
        `Giai đoạn "${name}" đã được mở cho các trường tự đánh giá (văn bản ${opened.documentNumber}).`,
      );
    }
  }

  /** The approved plans' schools less the exceptions, which must be approved plans' schools themselves. */
  private async targetedSchools(parentId: string, input: OpenPhaseInput) {
    const approved = await this.prisma.plan.findMany({
      where: { campaignId: parentId, status: 'APPROVED', removedAt: null },
      select: { school: { select: { id: true, name: true, level: true, closedAt: true } } },
    });
    if (!approved.length) {
      throw new DomainError(
        'CONFLICT',
        'Đợt kế hoạch chưa có kế hoạch nào được phê duyệt: chưa thể mở giai đoạn để các trường tự đánh giá.',
      );
    }
    const byId = new Map(approved.map((p) => [p.school.id, p.school] as const));
    const problems = input.exceptions.flatMap((e, i) =>
      byId.has(e.schoolId)
        ? []
        : [
            {
              field: `exceptions.${i}.schoolId`,
              message: 'Trường ngoại lệ phải là trường có kế hoạch đã được phê duyệt trong đợt',
            },
          ],
    );
    if (problems.length) {
      throw new DomainError('VALIDATION', `${problems[0].message}.`, { errors: problems });
    }
    const excepted = new Map(input.exceptions.map((e) => [e.schoolId, byId.get(e.schoolId)!.name] as const));
    const targeted = approved.map((p) => p.school).filter((s) => !excepted.has(s.id) && !s.closedAt);
    if (!targeted.length) {
      throw new DomainError('VALIDATION', 'Sau khi trừ các trường ngoại lệ, không còn trường nào để tự đánh giá.');
    }
    return { targeted, excepted };
  }

  /** The self-assessment's campaign, derived from its parent: numbers, title, people and policy carried over. */
  private childData(
    parent: Campaign,
    index: number,
    phaseName: string,
    schools: { id: string; level: SchoolLevel }[],
    submissionDeadline: string,
  ): IssuedCampaignData {
    const suffix = `-gd${index + 1}`;
    const phase = readPhases(parent.phases)[index];
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(this.clock.now());
    return {
      key: `${parent.key.slice(0, KEY_MAX - suffix.length)}${suffix}`,
      kind: 'SELF_ASSESSMENT',
      parentId: parent.id,
      phaseIndex: index,
      documentNumber: `${parent.documentNumber} (GĐ ${index + 1})`,
      title: `Tự đánh giá ${parent.title}: ${phaseName}`.slice(0, 500),
      legalBases: [...parent.legalBases, `Kế hoạch số ${parent.documentNumber}`],
      issuedOn: new Date(today),
      periodFrom: new Date(phase.from || parent.periodFrom),
      periodTo: new Date(phase.to || parent.periodTo),
      phases: [],
      targetLevels: [...new Set(schools.map((s) => s.level))],
      targetClusters: [],
      targetSchoolIds: schools.map((s) => s.id),
      sections: SELF_ASSESSMENT_SECTIONS as unknown as Prisma.InputJsonValue,
      requiredIndicators: parent.requiredIndicators,
      submissionDeadline: new Date(submissionDeadline),
      paperCopies: parent.paperCopies,
      reviewMode: 'DESK',
      approvalLevels: parent.approvalLevels,
      reviewDays: parent.reviewDays,
      revisionDays: parent.revisionDays,
      reminderPolicy: parent.reminderPolicy as Prisma.InputJsonValue,
      receiverId: parent.receiverId,
      signerId: parent.signerId,
      signerTitle: parent.signerTitle,
    };
  }
}
