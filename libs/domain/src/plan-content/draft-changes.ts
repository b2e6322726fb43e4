import type { PlanContent } from './content';

/** The sections and indicators one draft save changed, by key and code, in the order the draft lists them. */
export interface DraftChanges {
  sections: string[];
  indicators: string[];
}

const sameFigure = (a: number | null | undefined, b: number | null | undefined): boolean => (a ?? null) === (b ?? null);

/**
 * What differs between the draft before a save and after it. A section that is absent and one that is empty
 * read the same (the form sends both for a blank field); an indicator compares its three figures.
 */
export function draftChanges(before: PlanContent, after: PlanContent): DraftChanges {
  const keys = (a: object, b: object) => [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const sections = keys(before.sections, after.sections).filter(
    (k) => (before.sections[k] ?? '') !== (after.sections[k] ?? ''),
  );
  const indicators = keys(before.indicators, after.indicators).filter((code) => {
    const a = before.indicators[code] ?? {};
    const b = after.indicators[code] ?? {};
    return !(
      sameFigure(a.baseline, b.baseline) &&
      sameFigure(a.target, b.target) &&
      sameFigure(a.targetMax, b.targetMax)
    );
  });
  return { sections, indicators };
}

/** Everything a run of saves changed, each key once, in the order first seen. */
export function mergeDraftChanges(all: DraftChanges[]): DraftChanges {
  return {
    sections: [...new Set(all.flatMap((c) => c.sections))],
    indicators: [...new Set(all.flatMap((c) => c.indicators))],
  };
}

/** Reads the `changed` an audited draft save recorded; a save from before revisions were kept recorded none. */
export function readDraftChanges(json: unknown): DraftChanges {
  const c = (json ?? {}) as { sections?: unknown; indicators?: unknown };
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { sections: strings(c.sections), indicators: strings(c.indicators) };
}
