import createClient, { type Middleware } from 'openapi-fetch';
import { csrfToken, needsCsrf } from './csrf';
import { takeEarlyRead } from './early-reads';
import { ApiError, networkError, toApiError } from './errors';
import type { paths } from './schema.gen';

export type { paths, components } from './schema.gen';

/** Called when the session is gone (401): the app goes to the sign-in page and back afterwards. */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const SIGN_IN = '/api/auth/session';

const session: Middleware = {
  onRequest({ request }) {
    if (needsCsrf(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
  onResponse({ request, response }) {
    // A wrong password on the sign-in form is also a 401: that one is the form's to show.
    const signingIn = request.method === 'POST' && new URL(request.url).pathname === SIGN_IN;
    if (response.status === 401 && !signingIn) onUnauthenticated();
    return response;
  },
};

/** The typed client of the API, generated from its OpenAPI document (npm run web:client). */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  // The page's first reads may already be on their way (early-reads.ts): those are taken, not asked again.
  fetch: async (request) => (await takeEarlyRead(request)) ?? fetch(request),
});
api.use(session);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a success, or an ApiError carrying the API's Vietnamese message and field errors. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw networkError();
  }
  if (!answer.response.ok) throw toApiError(answer.response.status, answer.error);
  return answer.data as T;
}

/** One key per user action, so that a retried request (a double click, a flaky network) is done once. */
export const idempotencyKey = (): string => `web:${crypto.randomUUID()}`;
