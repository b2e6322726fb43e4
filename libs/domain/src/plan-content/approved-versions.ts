import type { Tx } from '@duyet/database';
import { type PlanContent, readPlanContent } from './content';

/** The version of a school's plan the office approved last, with its content. */
export interface ApprovedVersion {
  planId: string;
  schoolId: string;
  versionNo: number;
  decidedAt: Date;
  content: PlanContent;
}

/**
 * The approved version in force of each school's plan of a campaign: the one named by the plan's latest final
 * approval (a decision is never edited; a later one supersedes it). A plan reopened for adjustment keeps its last
 * approved version until it is approved again. `schoolIds` narrows to those schools. Loads by campaign id: the caller
 * has scoped the campaign to the district.
 */
export async function approvedVersions(
  db: Tx,
  campaignId: string,
  schoolIds?: string[],
): Promise<Map<string, ApprovedVersion>> {
  const decisions = await db.decision.findMany({
    where: {
      kind: 'APPROVE',
      final: true,
      plan: { campaignId, removedAt: null, ...(schoolIds ? { schoolId: { in: schoolIds } } : {}) },
    },
    orderBy: { decidedAt: 'desc' },
    select: {
      decidedAt: true,
      plan: { select: { id: true, schoolId: true } },
      version: { select: { number: true, sections: true, indicators: true } },
    },
  });
  const result = new Map<string, ApprovedVersion>();
  for (const d of decisions) {
    if (result.has(d.plan.schoolId)) continue;
    result.set(d.plan.schoolId, {
      planId: d.plan.id,
      schoolId: d.plan.schoolId,
      versionNo: d.version.number,
      decidedAt: d.decidedAt,
      content: readPlanContent(d.version.sections, d.version.indicators),
    });
  }
  return result;
}
