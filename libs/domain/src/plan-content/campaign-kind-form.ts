// What a campaign's kind changes in a school's form and its checks: a plan (sections, indicators with targets), a
// phase's self-assessment (results against the approved targets, a narrative), a report (sections only).
import type { Prisma, SchoolLevel, Tx } from '@duyet/database';
import { approvedVersions } from './approved-versions';
import { type CampaignSection, type PlanContent, readCampaignSections } from './content';
import { catalogueIndicator } from './plan-content.service';
import { type AssessedIndicator, type CampaignKindCode, validateSelfAssessment } from './self-assessment';
import { type ValidationResult, validatePlanContent } from './validation';
import type { CatalogueIndicator } from './content';

/** The campaign fields the kind-specific parts read. */
export const KIND_CAMPAIGN_SELECT = {
  kind: true,
  parentId: true,
  phaseIndex: true,
  sections: true,
  requiredIndicators: true,
} satisfies Prisma.CampaignSelect;

export interface KindCampaign {
  kind: CampaignKindCode;
  parentId: string | null;
  phaseIndex: number | null;
  sections: unknown;
  requiredIndicators: string[];
}

/** The phase a self-assessment assesses, as its form names it. */
export interface AssessedPhase {
  parentId: string;
  parentDocumentNumber: string;
  parentTitle: string;
  index: number;
  name: string;
  from: string | null;
  to: string | null;
}

const LEVEL_ORDER: Record<SchoolLevel, number> = { PRESCHOOL: 0, PRIMARY: 1, LOWER_SECONDARY: 2 };

/**
 * A self-assessment's indicators: the parent's required indicators of the school's level, in the form's order, each
 * with the school's target from the parent plan's approved version (null when that version has none).
 */
export async function assessedIndicators(
  db: Tx,
  plan: { districtId: string; schoolId: string; level: SchoolLevel },
  campaign: Pick<KindCampaign, 'parentId' | 'requiredIndicators'>,
): Promise<AssessedIndicator[]> {
  const [rows, approved] = await Promise.all([
    db.indicator.findMany({
      where: {
        districtId: plan.districtId,
        code: { in: campaign.requiredIndicators },
        OR: [{ level: plan.level }, { level: null }],
      },
      orderBy: [{ code: 'asc' }],
    }),
    campaign.parentId ? approvedVersions(db, campaign.parentId, [plan.schoolId]) : new Map(),
  ]);
  rows.sort((a, b) => (a.level ? LEVEL_ORDER[a.level] : 9) - (b.level ? LEVEL_ORDER[b.level] : 9));
  const targets = approved.get(plan.schoolId)?.content.indicators ?? {};
  return rows.map((row) => {
    const t = targets[row.code];
    return {
      ...catalogueIndicator(row),
      required: true,
      approved: t?.target != null ? { target: t.target, targetMax: t.targetMax ?? null } : null,
    };
  });
}

/** The phase named by a self-assessment, read from its parent; null for any other kind. */
export async function assessedPhase(db: Tx, districtId: string, campaign: KindCampaign): Promise<AssessedPhase | null> {
  if (campaign.kind !== 'SELF_ASSESSMENT' || !campaign.parentId || campaign.phaseIndex == null) return null;
  const parent = await db.campaign.findFirst({
    where: { id: campaign.parentId, districtId },
    select: { id: true, documentNumber: true, title: true, phases: true },
  });
  if (!parent) return null;
  const phase = readPhases(parent.phases)[campaign.phaseIndex];
  return {
    parentId: parent.id,
    parentDocumentNumber: parent.documentNumber,
    parentTitle: parent.title,
    index: campaign.phaseIndex,
    name: phase?.name ?? `Giai đoạn ${campaign.phaseIndex + 1}`,
    from: phase?.from ?? null,
    to: phase?.to ?? null,
  };
}

/** Reads Campaign.phases ([{ name, from, to }]); anything else reads as no phase. */
export function readPhases(json: unknown): { name: string; from: string; to: string }[] {
  if (!Array.isArray(json)) return [];
  return json.map((p: { name?: unknown; from?: unknown; to?: unknown }) => ({
    name: typeof p?.name === 'string' ? p.name : '',
    from: typeof p?.from === 'string' ? p.from : '',
    to: typeof p?.to === 'string' ? p.to : '',
  }));
}

/**
 * Checks a school's content by its campaign's kind: a plan by validation.ts, a self-assessment by
 * self-assessment.ts, a report as a plan whose indicators are all optional.
 */
export async function validateByKind(
  db: Tx,
  plan: { districtId: string; schoolId: string; level: SchoolLevel },
  campaign: KindCampaign,
  catalogue: () => Promise<CatalogueIndicator[]>,
  content: PlanContent,
): Promise<ValidationResult> {
  const sections: CampaignSection[] = readCampaignSections(campaign.sections);
  if (campaign.kind === 'SELF_ASSESSMENT') {
    return validateSelfAssessment(sections, await assessedIndicators(db, plan, campaign), plan.level, content);
  }
  const requiredIndicators = campaign.kind === 'REPORT' ? [] : campaign.requiredIndicators;
  return validatePlanContent({ sections, requiredIndicators }, await catalogue(), plan.level, content);
}
