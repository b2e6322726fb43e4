import { pageAt } from '../app/pages';

/**
 * The reads a page needs first (who is signed in, then the page's data), started by the app's entry (main.tsx) before the rest of its code has even
 * downloaded. The app's own reads (the routes' loaders) then take these
 * answers instead of asking again: on a first visit the plan page's data is on its way some 500 ms sooner.
 *
 * An answer is taken once, by the first GET of the same address, and only in the first seconds of the page: a read
 * nobody took is forgotten rather than served stale later (signing in forgets them all too).
 */

/** Past this, an answer nobody took is not handed out: the app reads afresh. */
const FRESH_MS = 10_000;

/** Each read started, by address; an answer of undefined means it was not sent after all (the caller fetches). */
const started = new Map<string, { at: number; answer: Promise<Response | undefined> }>();

/** The API addresses the page at this path reads before it can show anything, as the app's client writes them. */
export function earlyReadsFor(pathname: string): string[] {
  const at = pageAt(pathname);
  switch (at.page) {
    case 'login':
    case 'setPassword':
    case 'forgotPassword':
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
  const [me, ...rest] = earlyReadsFor(pathname);
  if (!me) return;
  const read = (address: string) => fetch(address, { credentials: 'same-origin' });
  const whoAmI = read(me);
  keep(me, whoAmI);
  // The page's own reads wait for the answer on who is signed in: signed out, they would only be refused.
  const signedIn = whoAmI.then(
    (answer) => answer.ok,
    () => false,
  );
  for (const address of rest)
    keep(
      address,
      signedIn.then((yes) => (yes ? read(address) : undefined)),
    );
}

function keep(address: string, answer: Promise<Response | undefined>): void {
  // A failure is the app's to meet when it takes the answer (or reads again): never an unhandled rejection.
  answer.catch(() => undefined);
  started.set(address, { at: performance.now(), answer });
}

/** The answer started early for this request, once; undefined, or a promise of undefined, when the caller must fetch. */
export function takeEarlyRead(request: Request): Promise<Response | undefined> | undefined {
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
