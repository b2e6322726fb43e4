import { diffWords } from 'diff';
import type { AttachmentRef, IndicatorValue, PlanContent } from './content';

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';

/** A run of words of a changed section: kept, added in the later text, or removed from the earlier one. */
export interface TextPart {
  change: Exclude<ChangeKind, 'CHANGED'>;
  text: string;
}

export interface SectionDiff {
  key: string;
  title: string;
  change: ChangeKind;
  before: string | null;
  after: string | null;
  /** CHANGED only: the word-level difference, in reading order */
  parts?: TextPart[];
}

export interface Figures {
  baseline: number | null;
  target: number | null;
  targetMax: number | null;
  /** a self-assessment's result achieved; absent from a plan's figures */
  result?: number;
}

export interface IndicatorDiff {
  code: string;
  label: string;
  change: ChangeKind;
  before: Figures | null;
  after: Figures | null;
}

export interface AttachmentDiff {
  id: string;
  fileName: string;
  change: Exclude<ChangeKind, 'CHANGED'>;
}

export interface PlanDiff {
  sections: SectionDiff[];
  indicators: IndicatorDiff[];
  attachments: AttachmentDiff[];
}

/** A version, or the draft with the attachments currently on the plan. */
export interface ComparedContent extends PlanContent {
  attachments?: AttachmentRef[];
}

export interface DiffLabels {
  /** key → title, in the order the campaign lists its sections; sections not named here follow, by key */
  sectionTitles: Record<string, string>;
  /** code → label, in catalogue order; codes not named here follow, by code */
  indicatorLabels: Record<string, string>;
}

/** Compares two contents of one plan (earlier `a`, later `b`), section by section and indicator by indicator. */
export function diffPlanContent(a: ComparedContent, b: ComparedContent, labels: DiffLabels): PlanDiff {
  const sectionKeys = ordered([a.sections, b.sections], labels.sectionTitles);
  const indicatorCodes = ordered([a.indicators, b.indicators], labels.indicatorLabels);
  return {
    sections: sectionKeys.flatMap((key) => {
      const d = diffSection(text(a.sections[key]), text(b.sections[key]));
      return d ? [{ key, title: labels.sectionTitles[key] ?? key, ...d }] : [];
    }),
    indicators: indicatorCodes.flatMap((code) => {
      const before = figures(a.indicators[code]);
      const after = figures(b.indicators[code]);
      const change = changeOf(before, after, sameFigures);
      return change ? [{ code, label: labels.indicatorLabels[code] ?? code, change, before, after }] : [];
    }),
    attachments: diffAttachments(a.attachments ?? [], b.attachments ?? []),
  };
}

/** Keys present on either side: first those the labels name, in their order, then the rest sorted. */
function ordered(sides: Record<string, unknown>[], labels: Record<string, string>): string[] {
  const present = new Set(sides.flatMap((side) => Object.keys(side)));
  const named = Object.keys(labels).filter((k) => present.has(k));
  const rest = [...present].filter((k) => !(k in labels)).sort();
  return [...named, ...rest];
}

// A blank section and an indicator with no figure are what an untouched field looks like: treat them as absent,
// so clearing a field reads as REMOVED and filling one as ADDED.
const text = (value: string | undefined): string | null => (value?.trim() ? value : null);

function figures(value: IndicatorValue | undefined): Figures | null {
  const f: Figures = {
    baseline: value?.baseline ?? null,
    target: value?.target ?? null,
    targetMax: value?.targetMax ?? null,
  };
  if (value?.result != null) f.result = value.result;
  return f.baseline === null && f.target === null && f.targetMax === null && f.result === undefined ? null : f;
}

const sameFigures = (x: Figures, y: Figures) =>
  x.baseline === y.baseline && x.target === y.target && x.targetMax === y.targetMax && x.result === y.result;

function changeOf<T>(before: T | null, after: T | null, same: (x: T, y: T) => boolean): ChangeKind | null {
  if (before === null && after === null) return null;
  if (before === null) return 'ADDED';
  if (after === null) return 'REMOVED';
  return same(before, after) ? 'UNCHANGED' : 'CHANGED';
}

function diffSection(before: string | null, after: string | null): Omit<SectionDiff, 'key' | 'title'> | null {
  const change = changeOf(before, after, (x, y) => x === y);
  if (!change) return null;
  if (change !== 'CHANGED') return { change, before, after };
  const parts = diffWords(before!, after!).map((p): TextPart => ({
    change: p.added ? 'ADDED' : p.removed ? 'REMOVED' : 'UNCHANGED',
    text: p.value,
  }));
  return { change, before, after, parts };
}

function diffAttachments(before: AttachmentRef[], after: AttachmentRef[]): AttachmentDiff[] {
  const afterIds = new Set(after.map((x) => x.id));
  const beforeIds = new Set(before.map((x) => x.id));
  const entry = (x: AttachmentRef, change: AttachmentDiff['change']): AttachmentDiff => ({
    id: x.id,
    fileName: x.fileName,
    change,
  });
  return [
    ...before.map((x) => entry(x, afterIds.has(x.id) ? 'UNCHANGED' : 'REMOVED')),
    ...after.filter((x) => !beforeIds.has(x.id)).map((x) => entry(x, 'ADDED')),
  ];
}
