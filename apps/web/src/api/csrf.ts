/** The CSRF token the API set beside the session cookie (CONTRACT.md): readable by the app, echoed in a header. */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'duyet_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const needsCsrf = (method: string): boolean => UNSAFE.has(method.toUpperCase());
