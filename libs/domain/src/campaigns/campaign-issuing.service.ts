import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import type { Prisma } from '@duyet/database';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { type Campaign, type Position, PrismaService } from '@duyet/database';
import { TemporalClientService } from '@duyet/temporal';
import {
  type CampaignWorkflowInput,
  type DistrictRemindersInput,
  campaignWorkflowId,
  remindersWorkflowId,
} from '@duyet/workflows';
import type { AuthUser } from '../plans/access';
import { CalendarService } from '../calendar/calendar.service';
import { ClockService } from '../calendar/clock.service';
import { dayOffWarning } from '../calendar/deadline-warnings';
import { DomainError } from '../common/errors';
import type { CampaignCopyInput, CampaignInput } from './campaign.schemas';
import { AuditLog } from '../audit/audit-log';
import { DelegationsService } from '../people/delegations.service';
import { signingCapacity } from '../people/signing-capacity';
import { type TargetRange, resolveCampaignTargets, targetsView } from './campaign-targets';

/** A campaign's row as issued, before the district, its id, workflow and issuer are added. */
export type IssuedCampaignData = Omit<
  Prisma.CampaignUncheckedCreateInput,
  'id' | 'districtId' | 'workflowId' | 'createdById' | 'key' | 'documentNumber'
> & { key: string; documentNumber: string };

export interface CampaignCreated {
  campaign: Campaign;
  /** false: a retry found the campaign the first request issued */
  created: boolean;
  /** in Vietnamese; empty when there is nothing to point out */
  warnings: string[];
}

@Injectable()
export class CampaignIssuingService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
    private readonly clock: ClockService,
    private readonly calendars: CalendarService,
    private readonly delegations: DelegationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Last year's campaign with new dates: sections, indicators, targets, policy and signer carried over. */
  async copy(admin: AuthUser, sourceId: string, input: CampaignCopyInput): Promise<CampaignCreated> {
    const source = await this.prisma.campaign.findFirst({
      where: { id: sourceId, districtId: admin.districtId },
      include: { receiver: true, signer: true, targets: true },
    });
    if (!source) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch để sao chép.');
    const copy: CampaignInput = {
      key: input.key,
      // A phase's self-assessment is opened from its campaign, never copied: a copy of one is a plan.
      kind: source.kind === 'REPORT' ? 'REPORT' : 'PLAN',
      documentNumber: input.documentNumber,
      title: input.title ?? source.title,
      legalBases: source.legalBases,
      issuedOn: input.issuedOn,
      period: input.period,
      phases: input.phases ?? [],
      targetLevels: source.targetLevels,
      targetClusters: source.targetClusters,
      requiredSections: (source.sections as { key: string }[]).map((s) => s.key),
      requiredIndicators: source.requiredIndicators,
      // The directive's own targets carry over; a required indicator without one takes the catalogue's.
      targets: targetsView(source.targets),
      submissionDeadline: input.submissionDeadline,
      paperCopies: source.paperCopies,
      receiver: source.receiver?.email,
      reviewMode: source.reviewMode,
      approvalLevels: source.approvalLevels === 2 ? 2 : 1,
      reviewDays: source.reviewDays,
      revisionDays: source.revisionDays,
      reminderPolicy: source.reminderPolicy as CampaignInput['reminderPolicy'],
      distribution: source.distribution,
      // The directive's capacity as recorded on last year's; without one, computed for the signer anew.
      signer: { email: source.signer?.email ?? admin.email, title: source.signerTitle ?? undefined },
    };
    const result = await this.create(admin, copy);
    if (result.created) {
      await this.prisma.campaign.update({ where: { id: result.campaign.id }, data: { copiedFromId: source.id } });
    }
    return result;
  }

  /**
   * Issues a campaign and starts its workflow. A retry with the same key and document number returns the same
   * campaign. `warnings`: what the office should know but may mean (a deadline on a day off), in Vietnamese.
   */
  async create(admin: AuthUser, input: CampaignInput): Promise<CampaignCreated> {
    const { campaign, created } = await this.issue(admin, input);
    return { campaign, created, warnings: await this.warnings(campaign) };
  }

  private async warnings(campaign: Campaign): Promise<string[]> {
    const calendar = await this.calendars.forDistrict(campaign.districtId);
    const warning = dayOffWarning('Hạn nộp kế hoạch', campaign.submissionDeadline, calendar);
    return warning ? [warning] : [];
  }

  private async issue(admin: AuthUser, input: CampaignInput): Promise<{ campaign: Campaign; created: boolean }> {
    const existing = await this.prisma.campaign.findUnique({
      where: { districtId_key: { districtId: admin.districtId, key: input.key } },
    });
    if (existing) {
      if (existing.documentNumber !== input.documentNumber) {
        throw new DomainError('CONFLICT', `Mã đợt "${input.key}" đã được dùng cho văn bản ${existing.documentNumber}.`);
      }
      await this.startWorkflow(existing);
      return { campaign: existing, created: false };
    }
    const refs = await this.resolveReferences(admin.districtId, input);
    const kind = input.kind ?? 'PLAN';
    const campaign = await this.insert(
      admin,
      {
        key: input.key,
        documentNumber: input.documentNumber,
        title: input.title,
        legalBases: input.legalBases,
        issuedOn: new Date(input.issuedOn),
        periodFrom: new Date(input.period.from),
        periodTo: new Date(input.period.to),
        phases: input.phases,
        kind,
        targetLevels: input.targetLevels,
        targetClusters: input.targetClusters,
        sections: refs.sections,
        requiredIndicators: input.requiredIndicators,
        submissionDeadline: new Date(input.submissionDeadline),
        paperCopies: input.paperCopies,
        // A report has no review meeting: the office reads it at its desk.
        reviewMode: kind === 'REPORT' ? 'DESK' : input.reviewMode,
        approvalLevels: input.approvalLevels,
        reviewDays: input.reviewDays,
        revisionDays: input.revisionDays,
        reminderPolicy: (input.reminderPolicy ?? {}) as Prisma.InputJsonValue,
        copiedFromId: input.copiedFromId ?? null,
        receiverId: refs.receiverId,
        signerId: refs.signerId,
        signerTitle: refs.signerTitle,
        distribution: input.distribution,
      },
      refs.targets,
    );
    return { campaign, created: true };
  }

  /**
   * Issues a campaign another feature has built (a phase's self-assessment: its schools named one by one) through
   * the same path as the office's form: the row and its CAMPAIGN_CREATED event, then the campaign's workflow, which
   * opens the plans and starts their workflows and reminders. `within` writes in the same transaction (the
   * caller's own audit event), so the whole action lands or nothing does.
   */
  async issuePrepared(
    admin: AuthUser,
    data: IssuedCampaignData,
    within?: (tx: Prisma.TransactionClient, campaign: Campaign) => Promise<unknown>,
  ): Promise<CampaignCreated> {
    const campaign = await this.insert(admin, data, new Map(), within);
    return { campaign, created: true, warnings: await this.warnings(campaign) };
  }

  /** `targets`: the directive's own target per indicator code (a self-assessment has none of its own). */
  private async insert(
    admin: AuthUser,
    data: IssuedCampaignData,
    targets: ReadonlyMap<string, TargetRange>,
    within?: (tx: Prisma.TransactionClient, campaign: Campaign) => Promise<unknown>,
  ): Promise<Campaign> {
    const campaign = await this.prisma.$transaction(async (tx) => {
      const id = crypto.randomUUID();
      const row = await tx.campaign.create({
        data: {
          ...data,
          id,
          districtId: admin.districtId,
          workflowId: campaignWorkflowId(id),
          createdById: admin.id,
        },
      });
      await tx.campaignTarget.createMany({
        data: [...targets].map(([indicatorCode, t]) => ({
          campaignId: id,
          indicatorCode,
          targetMin: t.min,
          targetMax: t.max,
        })),
      });
      await AuditLog.write(tx, {
        districtId: admin.districtId,
        campaignId: id,
        actorId: admin.id,
        type: 'CAMPAIGN_CREATED',
        data: { key: data.key, documentNumber: data.documentNumber },
      });
      await within?.(tx, row);
      return row;
    });
    await this.startWorkflow(campaign);
    return campaign;
  }

  /** Starts the campaign's workflow, and the district's reminders workflow unless it already runs. */
  private async startWorkflow(campaign: Campaign): Promise<void> {
    const client = await this.temporal.getClient();
    const input: CampaignWorkflowInput = {
      campaignId: campaign.id,
      districtId: campaign.districtId,
      batchSize: this.config.temporal.campaignBatchSize,
      clock: this.clock.settings,
    };
    await client.workflow.start('campaignWorkflow', {
      workflowId: campaign.workflowId,
      taskQueue: this.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    if (!this.config.reminders.runs) return;
    const reminders: DistrictRemindersInput = { districtId: campaign.districtId, clock: this.clock.settings };
    await client.workflow.start('districtRemindersWorkflow', {
      workflowId: remindersWorkflowId(campaign.districtId),
      taskQueue: this.temporal.taskQueue,
      args: [reminders],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  }

  private async resolveReferences(districtId: string, input: CampaignInput) {
    const [sections, indicators, clusters, users, source] = await Promise.all([
      this.prisma.sectionTemplate.findMany({ where: { districtId }, orderBy: { position: 'asc' } }),
      this.prisma.indicator.findMany({ where: { districtId, code: { in: input.requiredIndicators } } }),
      this.prisma.cluster.findMany({ where: { districtId, code: { in: input.targetClusters } } }),
      this.prisma.user.findMany({
        where: { districtId, email: { in: [input.signer.email, ...(input.receiver ? [input.receiver] : [])] } },
      }),
      input.copiedFromId
        ? this.prisma.campaign.findFirst({ where: { id: input.copiedFromId, districtId }, select: { id: true } })
        : null,
    ]);
    const unknown = (wanted: string[], known: string[]) => wanted.filter((w) => !known.includes(w));
    // Each problem names its field, so that a form shows it where the office chose the value.
    const problems: { field: string; message: string }[] = [];
    const badSections = unknown(
      input.requiredSections,
      sections.map((s) => s.key),
    );
    if (badSections.length)
      problems.push({
        field: 'requiredSections',
        message: `Mục kế hoạch không có trong danh mục: ${badSections.join(', ')}`,
      });
    const badIndicators = unknown(
      input.requiredIndicators,
      indicators.map((i) => i.code),
    );
    if (badIndicators.length)
      problems.push({
        field: 'requiredIndicators',
        message: `Chỉ tiêu không có trong danh mục: ${badIndicators.join(', ')}`,
      });
    const badClusters = unknown(
      input.targetClusters,
      clusters.map((c) => c.code),
    );
    if (badClusters.length)
      problems.push({ field: 'targetClusters', message: `Cụm trường không tồn tại: ${badClusters.join(', ')}` });
    const byEmail = new Map(users.map((u) => [u.email, u.id] as const));
    const signer = users.find((u) => u.email === input.signer.email)!;
    if (!byEmail.has(input.signer.email))
      problems.push({ field: 'signer.email', message: `Người ký ${input.signer.email} không thuộc Phòng GD&ĐT này` });
    if (input.receiver && !byEmail.has(input.receiver))
      problems.push({ field: 'receiver', message: `Người nhận ${input.receiver} không thuộc Phòng GD&ĐT này` });
    if (input.copiedFromId && !source)
      problems.push({ field: 'copiedFromId', message: 'Không tìm thấy đợt được sao chép trong huyện' });
    const targets = resolveCampaignTargets(input.requiredIndicators, indicators, input.targets);
    problems.push(...targets.problems);
    if (problems.length) {
      throw new DomainError('VALIDATION', problems.map((p) => p.message).join('. ') + '.', { errors: problems });
    }
    // Without a named receiver, submissions go to the office's clerk (văn thư, by position), who registers them.
    const clerk = input.receiver
      ? null
      : await this.prisma.user.findFirst({
          where: { districtId, position: 'CLERK', active: true },
          orderBy: { createdAt: 'asc' },
        });
    return {
      sections: input.requiredSections.map((key) => {
        const s = sections.find((t) => t.key === key)!;
        return { key: s.key, title: s.title, required: true };
      }),
      receiverId: input.receiver ? byEmail.get(input.receiver)! : (clerk?.id ?? null),
      signerId: signer.id,
      signerTitle: input.signer.title ?? (await this.signerCapacity({ ...signer, districtId })),
      targets: targets.targets,
    };
  }

  /**
   * The directive's signing capacity when the request names none: the signer's own position, KT. for a deputy head,
   * TL./TUQ. under the head's delegation in force. A capacity the request gives is the directive's own text (it may
   * be signed outside the office, "TM. ỦY BAN NHÂN DÂN - KT. CHỦ TỊCH") and is kept as written.
   */
  private async signerCapacity(signer: { id: string; districtId: string; position: Position; acting: boolean }) {
    const delegation = signer.position === 'SPECIALIST' ? await this.delegations.kindInForce(signer) : null;
    return signingCapacity(signer, { final: true, delegation });
  }
}
