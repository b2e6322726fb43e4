import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogueIndicator, IndicatorValue } from '@shared/plan-content/content';
import { validatePlanContent } from '@shared/plan-content/validation';
import { validateSelfAssessment } from '@shared/plan-content/self-assessment';
import { api, idempotencyKey, unwrap } from '../../api/client';
import { type ApiError, asApiError } from '../../api/errors';
import { type EditorIssue, type RowTexts, indicatorsOf, textsOf } from '../indicators/indicator-rows';
import { type DraftView, type PlanFormView, fetchDraft, planKeys } from '../queries';

/** How long typing pauses before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1200;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: ApiError }
  /** 412: someone saved the draft since this page read it; nothing was written */
  | { kind: 'conflict'; error: ApiError };

interface Content {
  sections: Record<string, string>;
  rows: Record<string, RowTexts>;
}

const contentOf = (draft: DraftView, catalogue: readonly CatalogueIndicator[]): Content => ({
  sections: { ...draft.sections },
  rows: Object.fromEntries(catalogue.map((i) => [i.code, textsOf(draft.indicators[i.code])])),
});

/**
 * The plan's draft being edited: what the school typed, saved a moment after typing stops with the revision it was
 * read at (If-Match), so a save over someone else's newer one is refused (412) and shown instead of overwriting it.
 */
export function useDraftEditor(planId: string, draft: DraftView, form: PlanFormView, editable: boolean) {
  const queryClient = useQueryClient();
  const catalogue: CatalogueIndicator[] = form.indicators;
  const [content, setContent] = useState<Content>(() => contentOf(draft, catalogue));
  const [save, setSave] = useState<SaveState>(
    draft.savedAt ? { kind: 'saved', at: String(draft.savedAt) } : { kind: 'idle' },
  );

  // Saves run outside React's render: they read the latest content and revision from refs.
  const contentRef = useRef(content);
  contentRef.current = content;
  const revision = useRef(draft.revision);
  const savedIndicators = useRef<Record<string, IndicatorValue>>(draft.indicators);
  const dirty = useRef(new Set<string>());
  const changes = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);

  const body = useCallback(() => {
    const c = contentRef.current;
    return { sections: c.sections, indicators: indicatorsOf(catalogue, c.rows, savedIndicators.current).values };
  }, [catalogue]);

  const runSave = useCallback(async (): Promise<boolean> => {
    if (blocked.current) return false;
    const startedAt = changes.current;
    const sent = body();
    setSave({ kind: 'saving' });
    try {
      const plan = await unwrap(
        api.PUT('/api/plans/{id}/draft', {
          params: { path: { id: planId }, header: { 'If-Match': `"${revision.current}"` } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: sent,
        }),
      );
      revision.current = plan.draftRevision;
      savedIndicators.current = sent.indicators;
      if (changes.current === startedAt) dirty.current.clear();
      queryClient.setQueryData(planKeys.plan(planId), plan);
      setSave({ kind: 'saved', at: String(plan.draftUpdatedAt ?? new Date().toISOString()) });
      return true;
    } catch (err) {
      const error = asApiError(err);
      if (error.status === 412) {
        blocked.current = true;
        setSave({ kind: 'conflict', error });
      } else setSave({ kind: 'error', error });
      return false;
    }
  }, [body, planId, queryClient]);

  /** Saves now what is not saved yet; resolves true when everything typed is on the server. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (dirty.current.size === 0) return !blocked.current;
    inFlight.current = runSave().finally(() => (inFlight.current = null));
    const ok = await inFlight.current;
    // Typing during the save: that part goes in the next one.
    if (ok && dirty.current.size > 0) return flush();
    return ok;
  }, [runSave]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    if (blocked.current) return;
    setSave({ kind: 'pending' });
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  const changed = useCallback(
    (key: string, next: (c: Content) => Content) => {
      if (!editable) return;
      dirty.current.add(key);
      changes.current += 1;
      contentRef.current = next(contentRef.current);
      setContent(contentRef.current);
      schedule();
    },
    [editable, schedule],
  );

  const setSection = useCallback(
    (key: string, text: string) =>
      changed(`sections.${key}`, (c) => ({ ...c, sections: { ...c.sections, [key]: text } })),
    [changed],
  );

  const setFigure = useCallback(
    (code: string, figure: keyof RowTexts, text: string) =>
      changed(`indicators.${code}`, (c) => ({
        ...c,
        rows: { ...c.rows, [code]: { ...(c.rows[code] ?? { baseline: '', target: '' }), [figure]: text } },
      })),
    [changed],
  );

  /** After a 412: take the draft as saved by the other person, dropping what was typed here since. */
  const takeTheirs = useCallback(async () => {
    const latest = await fetchDraft(planId);
    revision.current = latest.revision;
    savedIndicators.current = latest.indicators;
    dirty.current.clear();
    blocked.current = false;
    contentRef.current = contentOf(latest, catalogue);
    setContent(contentRef.current);
    setSave(latest.savedAt ? { kind: 'saved', at: String(latest.savedAt) } : { kind: 'idle' });
  }, [catalogue, planId]);

  /** After a 412: the other person's draft with what was typed here laid over it, field by field, then saved. */
  const keepMine = useCallback(async () => {
    const latest = await fetchDraft(planId);
    const theirs = contentOf(latest, catalogue);
    const mine = contentRef.current;
    for (const key of dirty.current) {
      const [kind, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
      if (kind === 'sections') theirs.sections[name] = mine.sections[name] ?? '';
      else if (mine.rows[name]) theirs.rows[name] = mine.rows[name];
    }
    revision.current = latest.revision;
    savedIndicators.current = latest.indicators;
    blocked.current = false;
    contentRef.current = theirs;
    setContent(theirs);
    if (dirty.current.size === 0) dirty.current.add('sections');
    await flush();
  }, [catalogue, flush, planId]);

  // A draft read again when the page opens next time: this one's revision moves on with every save.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      queryClient.removeQueries({ queryKey: planKeys.draft(planId) });
    },
    [planId, queryClient],
  );

  const unsaved =
    save.kind === 'pending' || save.kind === 'saving' || save.kind === 'conflict' || save.kind === 'error';

  // Never lose typed work: the browser asks before a tab with unsaved changes closes or reloads.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // The server's own checks (validation.ts), run on what is on screen as it is typed.
  const checks = useMemo(() => {
    const read = indicatorsOf(catalogue, content.rows, savedIndicators.current);
    const typed = { sections: content.sections, indicators: read.values };
    // A phase's self-assessment has checks of its own (self-assessment.ts), as on the server.
    const result =
      form.kind === 'SELF_ASSESSMENT'
        ? validateSelfAssessment(form.sections, form.indicators, form.schoolLevel, typed)
        : validatePlanContent(
            { sections: form.sections, requiredIndicators: form.requiredIndicators },
            catalogue,
            form.schoolLevel,
            typed,
          );
    const errors: EditorIssue[] = [...read.errors, ...result.errors];
    return { errors, warnings: result.warnings as EditorIssue[] };
  }, [catalogue, content, form]);

  const unsavedProblem = save.kind === 'conflict' || save.kind === 'error';

  return { content, save, unsaved, unsavedProblem, checks, setSection, setFigure, flush, takeTheirs, keepMine };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
