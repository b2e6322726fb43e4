// What the versions card shows of the API's diff (GET /api/plans/:id/diff), as plain data a test can read: which
// pairs can be compared, which pair opens first, how a side and an indicator's figures read.
import { versionStrings as s } from './strings';

/** One side of a comparison: a submitted version's number, or the draft. */
export type Side = number | 'draft';

export interface SideOption {
  value: Side;
  label: string;
}

/** Every version, oldest first, then the draft when the school can still change it. */
export function sideOptions(versionNumbers: number[], withDraft: boolean): SideOption[] {
  const versions = [...versionNumbers].sort((a, b) => a - b).map((n) => ({ value: n, label: s.version(n) }));
  return withDraft ? [...versions, { value: 'draft', label: s.draft }] : versions;
}

/**
 * The pair shown first: while the school revises, the last version against the draft (what has been changed since
 * the office saw it); otherwise the last two versions; one version alone has nothing to compare.
 */
export function defaultPair(versionNumbers: number[], withDraft: boolean): { from: number; to: Side } | null {
  const sorted = [...versionNumbers].sort((a, b) => a - b);
  const last = sorted[sorted.length - 1];
  if (last === undefined) return null;
  if (withDraft) return { from: last, to: 'draft' };
  if (sorted.length < 2) return null;
  return { from: sorted[sorted.length - 2], to: last };
}

/** The API compares an earlier version with a later one or the draft: the pair put in that order, or null. */
export function orderedPair(a: Side, b: Side): { from: number; to: Side } | null {
  if (a === b) return null;
  if (a === 'draft') return typeof b === 'number' ? { from: b, to: 'draft' } : null;
  if (b === 'draft') return { from: a, to: 'draft' };
  return a < b ? { from: a, to: b } : { from: b, to: a };
}

export interface Figures {
  baseline: number | null;
  target: number | null;
  targetMax: number | null;
  /** a self-assessment's result achieved */
  result?: number;
}

const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

/** "Năm gốc 99,5; mục tiêu 40 - 60", or "(trống)" when the indicator is not filled in on that side. */
export function figuresText(f: Figures | null): string {
  if (!f || (f.baseline === null && f.target === null && f.targetMax === null && f.result === undefined))
    return s.empty;
  const parts: string[] = [];
  if (f.baseline !== null) parts.push(`năm gốc ${number(f.baseline)}`);
  if (f.target !== null && f.targetMax !== null && f.targetMax !== f.target) {
    parts.push(`mục tiêu ${number(f.target)} - ${number(f.targetMax)}`);
  } else if (f.target !== null || f.targetMax !== null) {
    parts.push(`mục tiêu ${number((f.target ?? f.targetMax)!)}`);
  }
  if (f.result !== undefined) parts.push(`kết quả ${number(f.result)}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface TextPart {
  change: 'ADDED' | 'REMOVED' | 'UNCHANGED';
  text: string;
}

/**
 * The runs of a changed section, as the page marks them; a section added or removed whole is one run of its text.
 * Runs of only spaces between two changes are kept as they are (the reader sees the words, not the gaps).
 */
export function sectionRuns(d: {
  change: string;
  before: string | null;
  after: string | null;
  parts?: TextPart[];
}): TextPart[] {
  if (d.change === 'CHANGED' && d.parts) return d.parts.filter((p) => p.text.length > 0);
  if (d.change === 'ADDED') return [{ change: 'ADDED', text: d.after ?? '' }];
  if (d.change === 'REMOVED') return [{ change: 'REMOVED', text: d.before ?? '' }];
  return [{ change: 'UNCHANGED', text: d.after ?? d.before ?? '' }];
}

/** What changed at all: the page says "the same" rather than listing unchanged rows only. */
export function hasChanges(diff: {
  sections: { change: string }[];
  indicators: { change: string }[];
  attachments: { change: string }[];
}): boolean {
  return [...diff.sections, ...diff.indicators, ...diff.attachments].some((x) => x.change !== 'UNCHANGED');
}
