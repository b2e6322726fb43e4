import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import type { AuthUser } from '../plans/access';
import { PlanAccessService, type PlanRow, planRowInclude } from '../plans/plan-access.service';
import { DistrictReadAccess } from '../province/district-read-access';
import { DomainError } from '../common/errors';
import { readCampaignSections, readPlanContent } from '../plan-content/content';
import { campaignTargets, schoolTargetText } from './campaign-targets';
import type { DocumentFile } from './campaign-documents.service';
import { schoolIssuer } from './docx-blocks';
import { type ApprovalData, approvalFileName } from './plan-approval';
import { buildApprovalDocx } from './plan-approval-docx';
import { buildApprovalPdf } from './plan-approval-pdf';

/** An approved plan with its approval, for whoever may read the plan: DOCX or PDF. */
@Injectable()
export class PlanDocumentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: PlanAccessService,
    private readonly districts: DistrictReadAccess,
  ) {}

  async approval(user: AuthUser, planId: string, format: 'docx' | 'pdf'): Promise<DocumentFile> {
    const data = await this.approvalData(user, planId);
    const content = format === 'docx' ? await buildApprovalDocx(data) : await buildApprovalPdf(data);
    return { fileName: approvalFileName(data, format), content };
  }

  /** The province's user (Sở GD&ĐT) reads the plans of its districts' campaigns; any other plan is not found. */
  private async provincePlan(user: AuthUser, planId: string): Promise<PlanRow> {
    const plan = await this.prisma.plan.findUnique({ where: { id: planId }, include: planRowInclude });
    if (!plan) throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
    try {
      await this.districts.campaignFor(user, plan.campaignId);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') {
        throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
      }
      throw err;
    }
    return plan;
  }

  private async approvalData(user: AuthUser, planId: string): Promise<ApprovalData> {
    const plan =
      user.role === 'PROVINCE'
        ? await this.provincePlan(user, planId)
        : await this.access.loadForActor(user, planId, 'read');
    if (plan.status !== 'APPROVED') {
      throw new DomainError('CONFLICT', 'Kế hoạch chưa được phê duyệt nên chưa có văn bản kế hoạch đã duyệt.');
    }
    const [decision, campaign] = await Promise.all([
      this.prisma.decision.findFirst({
        where: { planId, kind: 'APPROVE', final: true, version: { number: plan.currentVersionNo } },
        orderBy: { decidedAt: 'desc' },
        include: { version: { include: { submittedBy: { select: { fullName: true } } } } },
      }),
      this.prisma.campaign.findUniqueOrThrow({
        where: { id: plan.campaignId },
        include: { district: true, targets: true },
      }),
    ]);
    if (!decision) {
      throw new DomainError('CONFLICT', 'Không tìm thấy quyết định phê duyệt của phiên bản hiện tại.');
    }
    const catalogue = await this.prisma.indicator.findMany({
      where: { districtId: plan.districtId, code: { in: campaign.requiredIndicators } },
    });
    const v = decision.version;
    const content = readPlanContent(v.sections, v.indicators);
    const district = campaign.district;
    const text = (n: number | null | undefined, unit: string) => schoolTargetText(unit, n);
    return {
      issuer: schoolIssuer(district, plan.school.name),
      officeName: district.officeName,
      districtName: district.name,
      timeZone: district.timezone,
      schoolName: plan.school.name,
      campaign: { documentNumber: campaign.documentNumber, title: campaign.title, issuedOn: campaign.issuedOn },
      version: { number: v.number, submittedAt: v.submittedAt, submittedBy: v.submittedBy.fullName },
      sections: readCampaignSections(campaign.sections)
        .filter((s) => content.sections[s.key]?.trim())
        .map((s) => ({ title: s.title, text: content.sections[s.key] })),
      // The campaign's indicators this school filled in, in the campaign's order.
      indicators: campaignTargets(campaign, catalogue).flatMap((t) => {
        const value = content.indicators[t.code];
        if (!value) return [];
        return [
          {
            label: t.label,
            unit: t.unit,
            baseline: text(value.baseline, t.unit),
            target: schoolTargetText(t.unit, value.target, value.targetMax),
          },
        ];
      }),
      decision: {
        decidedAt: decision.decidedAt,
        deciderName: decision.deciderName,
        capacity: decision.capacity,
        comment: decision.comment,
      },
    };
  }
}
