import { Injectable } from '@nestjs/common';
import { type Campaign, PrismaService } from '@duyet/database';
import { type AuthUser, schoolScopeWhere } from '../plans/access';
import { DomainError } from '../common/errors';
import { trailEntry } from '../audit/audit-log';
import { type TargetRange, targetsView } from './campaign-targets';

export interface CampaignDto {
  id: string;
  key: string;
  kind: string;
  parentId: string | null;
  phaseIndex: number | null;
  documentNumber: string;
  title: string;
  legalBases: string[];
  issuedOn: string;
  period: { from: string; to: string };
  phases: unknown;
  targetLevels: string[];
  targetClusters: string[];
  sections: unknown;
  requiredIndicators: string[];
  /** the directive's district target per required indicator */
  targets: Record<string, TargetRange>;
  submissionDeadline: string;
  paperCopies: number;
  reviewMode: string;
  approvalLevels: number;
  reviewDays: number;
  revisionDays: number;
  reminderPolicy: unknown;
  copiedFromId: string | null;
  signerTitle: string | null;
  /** nơi nhận of the directive */
  distribution: string[];
  /** who signs the directive, and who receives the submissions (the paper copies); null when none is named */
  signer: { email: string; fullName: string } | null;
  receiver: { email: string; fullName: string } | null;
  status: string;
  workflowId: string;
  plansOpenedAt: string | null;
  /** why the last campaign-level step (launch, close, deadline) failed for good, for its admins; null when none */
  problem: { message: string; at: string } | null;
  createdAt: string;
  planCounts: Record<string, number>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

const person = { select: { email: true, fullName: true } } as const;
const withPeople = { signer: person, receiver: person, targets: true } as const;
type CampaignWithPeople = Campaign & {
  signer: { email: string; fullName: string } | null;
  receiver: { email: string; fullName: string } | null;
  targets: Parameters<typeof targetsView>[0];
};

@Injectable()
export class CampaignQueriesService {
  constructor(private readonly prisma: PrismaService) {}

  async list(user: AuthUser): Promise<CampaignDto[]> {
    const campaigns = await this.prisma.campaign.findMany({
      where: { districtId: user.districtId },
      orderBy: [{ issuedOn: 'desc' }, { createdAt: 'desc' }],
      include: withPeople,
    });
    return Promise.all(campaigns.map((c) => this.toDto(user, c)));
  }

  async get(user: AuthUser, id: string): Promise<CampaignDto> {
    const campaign = await this.prisma.campaign.findFirst({
      where: { id, districtId: user.districtId },
      include: withPeople,
    });
    if (!campaign) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    return this.toDto(user, campaign);
  }

  async auditTrail(user: AuthUser, id: string) {
    await this.get(user, id);
    const events = await this.prisma.auditEvent.findMany({
      where: {
        campaignId: id,
        districtId: user.districtId,
        OR: [{ planId: null }, { type: { in: ['CAMPAIGN_SCHOOL_ADDED', 'CAMPAIGN_SCHOOL_REMOVED'] } }],
      },
      orderBy: { createdAt: 'asc' },
      include: { actor: { select: { id: true, fullName: true, title: true } } },
    });
    return events.map(trailEntry);
  }

  private async toDto(user: AuthUser, c: CampaignWithPeople): Promise<CampaignDto> {
    const groups = await this.prisma.plan.groupBy({
      by: ['status'],
      where: { campaignId: c.id, school: schoolScopeWhere(user) },
      _count: { _all: true },
    });
    return {
      id: c.id,
      key: c.key,
      kind: c.kind,
      parentId: c.parentId,
      phaseIndex: c.phaseIndex,
      documentNumber: c.documentNumber,
      title: c.title,
      legalBases: c.legalBases,
      issuedOn: day(c.issuedOn),
      period: { from: day(c.periodFrom), to: day(c.periodTo) },
      phases: c.phases,
      targetLevels: c.targetLevels,
      targetClusters: c.targetClusters,
      sections: c.sections,
      requiredIndicators: c.requiredIndicators,
      targets: targetsView(c.targets),
      submissionDeadline: c.submissionDeadline.toISOString(),
      paperCopies: c.paperCopies,
      reviewMode: c.reviewMode,
      approvalLevels: c.approvalLevels,
      reviewDays: c.reviewDays,
      revisionDays: c.revisionDays,
      reminderPolicy: c.reminderPolicy,
      copiedFromId: c.copiedFromId,
      signerTitle: c.signerTitle,
      distribution: c.distribution,
      signer: c.signer,
      receiver: c.receiver,
      status: c.status,
      workflowId: c.workflowId,
      plansOpenedAt: c.plansOpenedAt?.toISOString() ?? null,
      problem: c.problem && c.problemAt ? { message: c.problem, at: c.problemAt.toISOString() } : null,
      createdAt: c.createdAt.toISOString(),
      planCounts: Object.fromEntries(groups.map((g) => [g.status, g._count._all])),
    };
  }
}
