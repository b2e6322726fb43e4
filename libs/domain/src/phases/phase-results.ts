import { Injectable } from '@nestjs/common';
import { PrismaService } from '@duyet/database';
import { DomainError } from '../common/errors';
import { approvedVersions } from '../plan-content/approved-versions';
import { readPhases } from '../plan-content/campaign-kind-form';

/** One school's result of one indicator in one phase, from its approved self-assessment. */
export interface PhaseResult {
  phaseIndex: number;
  phaseName: string;
  /** the SELF_ASSESSMENT campaign of the phase */
  campaignId: string;
  schoolId: string;
  indicatorCode: string;
  /** the result achieved, as the approved self-assessment states it */
  result: number;
  /** the self-assessment's approved version, and when it was approved */
  versionNo: number;
  approvedAt: Date;
}

/**
 * What the consolidation puts beside the targets: for a campaign, per phase, school and indicator, the result of
 * the school's approved self-assessment (a self-assessment not yet approved gives nothing). Ordered by phase, then
 * school id, then indicator code.
 */
@Injectable()
export class PhaseResultsService {
  constructor(private readonly prisma: PrismaService) {}

  async results(districtId: string, campaignId: string): Promise<PhaseResult[]> {
    const parent = await this.prisma.campaign.findFirst({
      where: { id: campaignId, districtId },
      select: { id: true, phases: true },
    });
    if (!parent) throw new DomainError('NOT_FOUND', 'Không tìm thấy đợt kế hoạch.');
    const children = await this.prisma.campaign.findMany({
      where: { parentId: parent.id, districtId, kind: 'SELF_ASSESSMENT' },
      select: { id: true, phaseIndex: true },
      orderBy: { phaseIndex: 'asc' },
    });
    const phases = readPhases(parent.phases);
    const rows: PhaseResult[] = [];
    for (const child of children) {
      const index = child.phaseIndex ?? 0;
      const versions = await approvedVersions(this.prisma, child.id);
      for (const v of [...versions.values()].sort((a, b) => a.schoolId.localeCompare(b.schoolId))) {
        for (const code of Object.keys(v.content.indicators).sort()) {
          const result = v.content.indicators[code].result;
          if (result == null) continue;
          rows.push({
            phaseIndex: index,
            phaseName: phases[index]?.name ?? `Giai đoạn ${index + 1}`,
            campaignId: child.id,
            schoolId: v.schoolId,
            indicatorCode: code,
            result,
            versionNo: v.versionNo,
            approvedAt: v.decidedAt,
          });
        }
      }
    }
    return rows;
  }
}
