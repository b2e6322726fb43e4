import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@duyet/database';
import { DomainError } from '../common/errors';
import {
  type CatalogueIndicator,
  type PlanContent,
  readAttachments,
  readCampaignSections,
  readPlanContent,
} from './content';
import { type ComparedContent, type DiffLabels, type PlanDiff, diffPlanContent } from './diff';
import type { ValidationResult } from './validation';
import { KIND_CAMPAIGN_SELECT, validateByKind } from './campaign-kind-form';

/** Which side of a comparison: a submission by its number, or the draft. */
export interface ComparedSide {
  number: number | 'draft';
  /** when the version was submitted, or when the draft was last saved */
  savedAt: Date | null;
}

export interface PlanDiffResult extends PlanDiff {
  from: ComparedSide;
  to: ComparedSide;
}

interface LoadedSide {
  side: ComparedSide;
  content: ComparedContent;
}

/**
 * A plan's content checked against its campaign, and compared between versions. Loads by plan id only: the
 * caller has already checked that the user may read the plan (PlansService.load) or runs inside the workflow.
 */
@Injectable()
export class PlanContentService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Validates the draft (or the content given) against the campaign's required sections and indicators and the
   * district's catalogue. Pass the transaction client to check the draft being frozen in the same transaction.
   */
  async validatePlan(db: Tx, planId: string, content?: PlanContent): Promise<ValidationResult> {
    const plan = await db.plan.findUnique({
      where: { id: planId },
      select: {
        districtId: true,
        schoolId: true,
        draft: true,
        school: { select: { level: true } },
        campaign: { select: KIND_CAMPAIGN_SELECT },
      },
    });
    if (!plan) throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
    const draft = plan.draft as { sections?: unknown; indicators?: unknown } | null;
    // The campaign's kind decides the checks (campaign-kind-form.ts): a plan's are validation.ts's.
    return validateByKind(
      db,
      { districtId: plan.districtId, schoolId: plan.schoolId, level: plan.school.level },
      plan.campaign,
      () => this.catalogue(db, plan.districtId),
      content ?? readPlanContent(draft?.sections, draft?.indicators),
    );
  }

  /** The draft's validation result, outside any transaction: what the principal asks for before submitting. */
  validateDraft(planId: string): Promise<ValidationResult> {
    return this.validatePlan(this.prisma, planId);
  }

  /** Section-by-section and indicator-by-indicator difference between two submissions, or one and the draft. */
  async diff(planId: string, fromNo: number, toNo: number | 'draft'): Promise<PlanDiffResult> {
    const plan = await this.prisma.plan.findUnique({
      where: { id: planId },
      select: { districtId: true, draft: true, draftUpdatedAt: true, campaign: { select: { sections: true } } },
    });
    if (!plan) throw new DomainError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
    const from = await this.version(planId, fromNo);
    const to = toNo === 'draft' ? await this.draft(planId, plan) : await this.version(planId, toNo);
    const labels = await this.labels(plan.districtId, plan.campaign.sections);
    return { from: from.side, to: to.side, ...diffPlanContent(from.content, to.content, labels) };
  }

  private async version(planId: string, number: number): Promise<LoadedSide> {
    const v = await this.prisma.planVersion.findUnique({ where: { planId_number: { planId, number } } });
    if (!v) throw new DomainError('NOT_FOUND', `Kế hoạch chưa có lần nộp thứ ${number}.`);
    return {
      side: { number, savedAt: v.submittedAt },
      content: { ...readPlanContent(v.sections, v.indicators), attachments: readAttachments(v.attachments) },
    };
  }

  private async draft(planId: string, plan: { draft: unknown; draftUpdatedAt: Date | null }): Promise<LoadedSide> {
    // The draft's attachments are the plan's live ones; a version freezes that list when it is submitted.
    const attachments = await this.prisma.attachment.findMany({
      where: { planId, removedAt: null },
      orderBy: { createdAt: 'asc' },
      select: { id: true, fileName: true, mimeType: true, size: true, sha256: true },
    });
    const draft = plan.draft as { sections?: unknown; indicators?: unknown } | null;
    return {
      side: { number: 'draft', savedAt: plan.draftUpdatedAt },
      content: { ...readPlanContent(draft?.sections, draft?.indicators), attachments },
    };
  }

  /** The titles of a campaign's sections and the labels of the district's indicators, as the school's form shows them. */
  async labels(districtId: string, campaignSections: unknown): Promise<DiffLabels> {
    const sectionTitles: Record<string, string> = {};
    for (const s of readCampaignSections(campaignSections)) sectionTitles[s.key] = s.title;
    // Optional sections the campaign does not list still get their catalogue title, after the campaign's own.
    const templates = await this.prisma.sectionTemplate.findMany({
      where: { districtId },
      orderBy: { position: 'asc' },
    });
    for (const t of templates) sectionTitles[t.key] ??= t.title;
    const catalogue = await this.catalogue(this.prisma, districtId);
    return { sectionTitles, indicatorLabels: Object.fromEntries(catalogue.map((i) => [i.code, i.label])) };
  }

  /** The district's indicators, grouped by level (preschool, primary, lower secondary, then every level). */
  private async catalogue(db: Tx, districtId: string): Promise<CatalogueIndicator[]> {
    const rows = await db.indicator.findMany({ where: { districtId }, orderBy: [{ level: 'asc' }, { code: 'asc' }] });
    return rows.map(catalogueIndicator);
  }
}

/** An indicator row of the catalogue as the content checks read it: the district's target as plain numbers. */
export function catalogueIndicator(row: {
  code: string;
  label: string;
  unit: string;
  level: CatalogueIndicator['level'];
  direction: CatalogueIndicator['direction'];
  targetMin: { toNumber(): number } | null;
  targetMax: { toNumber(): number } | null;
}): CatalogueIndicator {
  return {
    code: row.code,
    label: row.label,
    unit: row.unit,
    level: row.level,
    direction: row.direction,
    targetMin: row.targetMin?.toNumber() ?? null,
    targetMax: row.targetMax?.toNumber() ?? null,
  };
}
