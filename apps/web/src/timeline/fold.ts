/** An event of the trail as the page lists it: a run of draft saves by one person reads as its last save. */
export interface TimelineLine {
  id: string;
  at: string;
  summary: string;
  /** how many saves in a row this line stands for (1 for any other event) */
  count: number;
}

interface Event {
  id: string;
  type: string;
  at: string;
  actor: { id: string } | null;
  summary: string;
}

/**
 * Autosave writes an event every few seconds of typing: consecutive saves by the same person fold into one line
 * (the last, with how many it stands for), so the moves that matter stay readable. Oldest first, as the API answers.
 */
export function foldDraftSaves(events: Event[]): TimelineLine[] {
  const lines: (TimelineLine & { type: string; actorId: string | null })[] = [];
  for (const e of events) {
    const last = lines[lines.length - 1];
    const actorId = e.actor?.id ?? null;
    if (last && e.type === 'PLAN_DRAFT_SAVED' && last.type === 'PLAN_DRAFT_SAVED' && last.actorId === actorId) {
      lines[lines.length - 1] = { ...last, id: e.id, at: e.at, summary: e.summary, count: last.count + 1 };
    } else {
      lines.push({ id: e.id, at: e.at, summary: e.summary, count: 1, type: e.type, actorId });
    }
  }
  return lines.map(({ id, at, summary, count }) => ({ id, at, summary, count }));
}
