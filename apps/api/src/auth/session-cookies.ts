import type { CookieOptions, Request, Response } from 'express';

/** The session JWT, never readable by scripts. */
export const SESSION_COOKIE = 'duyet_session';
/** The CSRF token the app reads and sends back as X-CSRF-Token on every unsafe request (double submit). */
export const CSRF_COOKIE = 'duyet_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change something: a cookie-authenticated one must prove it comes from the app's own page. */
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One cookie's value from the request's Cookie header; undefined when absent or not decodable. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface SessionCookieSettings {
  /** the session's lifetime, the same as the token's expiry */
  ttlSeconds: number;
  /** PUBLIC_URL is https: the cookies never travel over plain HTTP */
  secure: boolean;
}

// Lax, not Strict: a link in an e-mail opens a page already signed in; cross-site POSTs still carry no cookie.
const base = (s: SessionCookieSettings): CookieOptions => ({ path: '/', sameSite: 'lax', secure: s.secure });

export function setSessionCookies(res: Response, s: SessionCookieSettings, token: string, csrf: string): void {
  const maxAge = s.ttlSeconds * 1000;
  res.cookie(SESSION_COOKIE, token, { ...base(s), httpOnly: true, maxAge });
  res.cookie(CSRF_COOKIE, csrf, { ...base(s), httpOnly: false, maxAge });
}

export function clearSessionCookies(res: Response, s: SessionCookieSettings): void {
  res.clearCookie(SESSION_COOKIE, { ...base(s), httpOnly: true });
  res.clearCookie(CSRF_COOKIE, { ...base(s), httpOnly: false });
}
