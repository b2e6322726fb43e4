// Requests broken at the HTTP level, written byte for byte: Node's parser (or Express, before any route) answers
// them, and the issue wants those answers in the same error shape as every other.
import type { RawCase } from './cases';

type Ctx = { token: string; planId: string };

const request = (lines: string[], body = ''): Buffer => Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const RAW: { kind: string; op: string; bytes: (ctx: Ctx) => Buffer }[] = [
  {
    kind: 'http/huge-header-20KB',
    op: 'GET /api/auth/me',
    bytes: ({ token }) =>
      request([
        'GET /api/auth/me HTTP/1.1',
        'Host: localhost',
        `Authorization: Bearer ${token}`,
        `X-Big: ${'a'.repeat(20_000)}`,
      ]),
  },
  {
    kind: 'http/huge-cookie-64KB',
    op: 'GET /api/plans',
    bytes: () => request(['GET /api/plans HTTP/1.1', 'Host: localhost', `Cookie: ${'c=1; '.repeat(13_000)}`]),
  },
  {
    kind: 'http/many-headers-3000',
    op: 'GET /api/health',
    bytes: () =>
      request([
        'GET /api/health HTTP/1.1',
        'Host: localhost',
        ...Array.from({ length: 3_000 }, (_, i) => `X-H${i}: ${i}`),
      ]),
  },
  {
    kind: 'http/long-url-20KB',
    op: 'GET /api/plans',
    bytes: () => request([`GET /api/plans?q=${'a'.repeat(20_000)} HTTP/1.1`, 'Host: localhost']),
  },
  {
    kind: 'http/nul-in-header',
    op: 'GET /api/auth/me',
    bytes: ({ token }) =>
      request(['GET /api/auth/me HTTP/1.1', 'Host: localhost', `Authorization: Bearer ${token}`, 'X-Bad: a\u0000b']),
  },
  {
    kind: 'http/space-in-header-name',
    op: 'GET /api/health',
    bytes: () => request(['GET /api/health HTTP/1.1', 'Host: localhost', 'X Bad: 1']),
  },
  {
    kind: 'http/bad-content-length',
    op: 'POST /api/auth/login',
    bytes: () =>
      request(
        ['POST /api/auth/login HTTP/1.1', 'Host: localhost', 'Content-Type: application/json', 'Content-Length: abc'],
        '{}',
      ),
  },
  {
    kind: 'http/negative-content-length',
    op: 'POST /api/auth/login',
    bytes: () =>
      request(
        ['POST /api/auth/login HTTP/1.1', 'Host: localhost', 'Content-Type: application/json', 'Content-Length: -1'],
        '{}',
      ),
  },
  {
    kind: 'http/two-content-lengths',
    op: 'POST /api/auth/login',
    bytes: () =>
      request(
        [
          'POST /api/auth/login HTTP/1.1',
          'Host: localhost',
          'Content-Type: application/json',
          'Content-Length: 2',
          'Content-Length: 3',
        ],
        '{}',
      ),
  },
  {
    kind: 'http/content-length-and-chunked',
    op: 'POST /api/auth/login',
    bytes: () =>
      request(
        [
          'POST /api/auth/login HTTP/1.1',
          'Host: localhost',
          'Content-Type: application/json',
          'Content-Length: 2',
          'Transfer-Encoding: chunked',
        ],
        '2\r\n{}\r\n0\r\n\r\n',
      ),
  },
  {
    kind: 'http/bad-chunk-size',
    op: 'POST /api/auth/login',
    bytes: () =>
      request(
        [
          'POST /api/auth/login HTTP/1.1',
          'Host: localhost',
          'Content-Type: application/json',
          'Transfer-Encoding: chunked',
        ],
        'zz\r\n{}\r\n0\r\n\r\n',
      ),
  },
  {
    kind: 'http/garbage-request-line',
    op: 'RAW',
    bytes: () => request(['HELLO THERE']),
  },
  {
    kind: 'http/unknown-method',
    op: 'RAW',
    bytes: () => request(['FROB /api/health HTTP/1.1', 'Host: localhost']),
  },
  {
    kind: 'http/bad-version',
    op: 'RAW',
    bytes: () => request(['GET /api/health HTTP/9.9', 'Host: localhost']),
  },
  {
    kind: 'http/utf8-bytes-in-path',
    op: 'GET /api/plans/{id}',
    bytes: ({ token }) =>
      request([`GET /api/plans/${utf8('kế-hoạch')} HTTP/1.1`, 'Host: localhost', `Authorization: Bearer ${token}`]),
  },
  {
    kind: 'http/nul-in-path',
    op: 'GET /api/plans/{id}',
    bytes: ({ token, planId }) =>
      request([`GET /api/plans/${planId}\u0000 HTTP/1.1`, 'Host: localhost', `Authorization: Bearer ${token}`]),
  },
  {
    kind: 'http/header-folding',
    op: 'GET /api/auth/me',
    bytes: ({ token }) =>
      request(['GET /api/auth/me HTTP/1.1', 'Host: localhost', `Authorization: Bearer`, ` ${token}`]),
  },
  {
    kind: 'http/expect-unknown',
    op: 'POST /api/auth/login',
    bytes: () =>
      request(
        [
          'POST /api/auth/login HTTP/1.1',
          'Host: localhost',
          'Content-Type: application/json',
          'Content-Length: 2',
          'Expect: 200-ok',
        ],
        '{}',
      ),
  },
  {
    kind: 'http/utf8-idempotency-key',
    op: 'POST /api/plans/{id}/submit',
    bytes: ({ token, planId }) =>
      request([
        `POST /api/plans/${planId}/submit HTTP/1.1`,
        'Host: localhost',
        `Authorization: Bearer ${token}`,
        `Idempotency-Key: ${utf8('khóa-🔑-thử-12345')}`,
        'Content-Length: 0',
      ]),
  },
  {
    kind: 'http/utf8-authorization',
    op: 'GET /api/auth/me',
    bytes: () => request(['GET /api/auth/me HTTP/1.1', 'Host: localhost', `Authorization: Bearer ${utf8('mã-🔑')}`]),
  },
  {
    kind: 'http/two-authorizations',
    op: 'GET /api/auth/me',
    bytes: ({ token }) =>
      request([
        'GET /api/auth/me HTTP/1.1',
        'Host: localhost',
        `Authorization: Bearer ${token}`,
        'Authorization: Bearer x',
      ]),
  },
  {
    kind: 'http/two-content-types',
    op: 'POST /api/auth/login',
    bytes: () =>
      request(
        [
          'POST /api/auth/login HTTP/1.1',
          'Host: localhost',
          'Content-Type: application/json',
          'Content-Type: text/plain',
          'Content-Length: 2',
        ],
        '{}',
      ),
  },
  {
    kind: 'http/absolute-form',
    op: 'GET /api/health',
    bytes: () => request(['GET http://another.example/api/health HTTP/1.1', 'Host: another.example']),
  },
  {
    kind: 'http/no-host-1.1',
    op: 'GET /api/health',
    bytes: () => request(['GET /api/health HTTP/1.1']),
  },
];

export function rawCases(first: number): RawCase[] {
  return RAW.map((r, i) => ({ n: first + i, ...r }));
}
