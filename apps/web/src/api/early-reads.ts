import { pageAt } from '../app/pages';

/**
 * The reads a page needs first, started by the app's entry (main.tsx) before the rest of its code has even
 * downloaded. The app's own reads (the routes' loaders) then take these
 * answers instead of asking again: on a first visit the plan page's data is on its way some 500 ms sooner.
 *
 * An answer is taken once, by the first GET of the same address, and only in the first seconds of the page: a read
 * nobody took is forgotten rather than served stale later (signing in forgets them all too).
 */

/** Past this, an answer nobody took is not handed out: the app reads afresh. */
const FRESH_MS = 10_000;

const started = new Map<string, { at: number; answer: Promise<Response> }>();

/** The API addresses the page at this path reads before it can show anything, as the app's client writes them. */
export function earlyReadsFor(pathname: string): string[] {
  const at = pageAt(pathname);
  switch (at.page) {
    case 'login':
      return [];
    case 'home':
      return ['/api/auth/me', '/api/plans?page=1&pageSize=100'];
    case 'plan': {
      const base = `/api/plans/${at.planId}`;
      return ['/api/auth/me', base, `${base}/form`, `${base}/draft`];
    }
    case 'other':
      return ['/api/auth/me'];
  }
}

export function startEarlyReads(pathname: string): void {
  for (const address of earlyReadsFor(pathname)) {
    const answer = fetch(address, { credentials: 'same-origin' });
    // A failure is the app's to meet when it takes the answer (or reads again): never an unhandled rejection.
    answer.catch(() => undefined);
    started.set(address, { at: performance.now(), answer });
  }
}

/** The answer started early for this request, once; undefined when there is none (the caller fetches). */
export function takeEarlyRead(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const url = new URL(request.url);
  if (url.origin !== window.location.origin) return undefined;
  const address = url.pathname + url.search;
  const found = started.get(address);
  if (!found) return undefined;
  started.delete(address);
  return performance.now() - found.at <= FRESH_MS ? found.answer : undefined;
}

/** Forgets every answer not yet taken (after signing in: what was read before belongs to nobody now). */
export function forgetEarlyReads(): void {
  started.clear();
}
