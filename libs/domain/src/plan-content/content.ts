import type { IndicatorValue } from './target-text';

export type { IndicatorValue } from './target-text';

export type SchoolLevelCode = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY';

/** One entry of Campaign.sections. */
export interface CampaignSection {
  key: string;
  title: string;
  required: boolean;
}

/** One entry of the district's indicator catalogue, with the district's target as plain numbers. */
export interface CatalogueIndicator {
  code: string;
  label: string;
  unit: string;
  /** null: applies to every level */
  level: SchoolLevelCode | null;
  direction: 'HIGHER' | 'LOWER' | 'NONE';
  targetMin: number | null;
  targetMax: number | null;
}

/** What a draft or a frozen version says: free text per section, figures per indicator code. */
export interface PlanContent {
  sections: Record<string, string>;
  indicators: Record<string, IndicatorValue>;
}

/** An attachment as PlanVersion.attachments freezes it. */
export interface AttachmentRef {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * Reads stored JSON (Plan.draft, PlanVersion.sections/indicators) into PlanContent. A plan that was never
 * drafted holds {}, and versions outlive schema changes, so anything unexpected reads as empty rather than
 * failing the whole page.
 */
export function readPlanContent(sections: unknown, indicators: unknown): PlanContent {
  const content: PlanContent = { sections: {}, indicators: {} };
  if (isRecord(sections)) {
    for (const [key, text] of Object.entries(sections)) if (typeof text === 'string') content.sections[key] = text;
  }
  if (isRecord(indicators)) {
    for (const [code, value] of Object.entries(indicators)) {
      if (!isRecord(value)) continue;
      content.indicators[code] = {
        baseline: finiteOrNull(value.baseline),
        target: finiteOrNull(value.target),
        targetMax: finiteOrNull(value.targetMax),
        // Only a self-assessment records a result: a plan's figures read as they always have.
        ...('result' in value ? { result: finiteOrNull(value.result) } : {}),
      };
    }
  }
  return content;
}

/** Reads PlanVersion.attachments; entries without an id are dropped. */
export function readAttachments(json: unknown): AttachmentRef[] {
  if (!Array.isArray(json)) return [];
  return json.filter(isRecord).flatMap((a) =>
    typeof a.id === 'string'
      ? [
          {
            id: a.id,
            fileName: typeof a.fileName === 'string' ? a.fileName : '',
            mimeType: typeof a.mimeType === 'string' ? a.mimeType : '',
            size: typeof a.size === 'number' ? a.size : 0,
            sha256: typeof a.sha256 === 'string' ? a.sha256 : '',
          },
        ]
      : [],
  );
}

/** Reads Campaign.sections; an entry without `required` counts as required, as the campaign form writes them. */
export function readCampaignSections(json: unknown): CampaignSection[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter(isRecord)
    .flatMap((s) =>
      typeof s.key === 'string'
        ? [{ key: s.key, title: typeof s.title === 'string' ? s.title : s.key, required: s.required !== false }]
        : [],
    );
}

/** "99,8%" and "40 giải": figures the way the office's documents print them. */
export function formatFigure(value: number, unit: string): string {
  const text = value.toLocaleString('vi-VN', { maximumFractionDigits: 3 });
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
