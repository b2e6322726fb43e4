/**
 * Where to go after signing in: the `next` the app was sent away from, only if it is a path of this site
 * ("/plans/…", never "//other.site" or "https://…"), else home.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}

/** The sign-in address that comes back to `path` afterwards. */
export const loginPathFor = (path: string): string =>
  path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
