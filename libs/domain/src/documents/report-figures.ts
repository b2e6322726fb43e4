// The report's figures are the consolidation's (ConsolidationService.forCampaign: weighted averages, sums of counts
// compared as a district total only, medians, the schools below target): this only lays them out as the report's
// rows, so the report and the consolidation page never disagree.
import type { SchoolLevel } from '@duyet/database';
import type { CampaignConsolidation } from '../consolidation/consolidation.service';
import type { FigureRow } from '../consolidation/rollup';
import { targetText } from './campaign-targets';
import type { ReportIndicator, ReportRow } from './report-docx';

export const LEVEL_NAMES: Record<SchoolLevel, string> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
};

/** The whole district's row, or a reviewer's share of it. */
export const scopeName = (c: Pick<CampaignConsolidation, 'scope'>) => (c.scope ? 'Phạm vi phụ trách' : 'Toàn huyện');

/** Per indicator: a row per level it applies to (when more than one), then the district's with the schools below. */
export function reportIndicators(c: CampaignConsolidation): ReportIndicator[] {
  return c.indicators.map((i) => {
    const target = targetText({ unit: i.unit, direction: i.direction, ...i.target });
    const row = (scope: string, f: FigureRow, below: string[]): ReportRow => ({
      scope,
      schools: f.plans,
      approved: f.approved,
      withTarget: f.withTarget,
      min: f.min,
      median: f.median,
      max: f.max,
      value: f.value,
      target,
      met: f.meets,
      below,
    });
    const { total, schools } = i.schoolsBelow;
    const below = schools.map((s) => s.name);
    if (total > below.length) below.push(`và ${total - below.length} trường khác`);
    const levels = i.levels.length > 1 ? i.levels.map((l) => row(LEVEL_NAMES[l.level], l, [])) : [];
    return {
      label: i.label,
      unit: i.unit,
      rollUp: i.rollup === 'COUNT' ? 'SUM' : 'AVERAGE',
      rows: [...levels, row(scopeName(c), i.district, below)],
    };
  });
}
