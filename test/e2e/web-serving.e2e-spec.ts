import { type IncomingHttpHeaders, type Server, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type Stack, overrideEnv, startStack } from '../support/stack';

// The API serves the browser app: hashed assets cached for good, index.html never stale, the app's routes (the
// pages e-mails link to) answered with index.html, security headers on every answer. A dist of its own here, so
// the suite pins the server whatever state the real build is in.

const INDEX = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Duyệt</title>
<script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`;
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `kế hoạch ${i}`))};\n`;

async function rawGet(
  stack: Stack,
  route: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const server = stack.api.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: route, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

function expectSecurityHeaders(res: { headers: IncomingHttpHeaders }): void {
  const csp = res.headers['content-security-policy'];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("img-src 'self' data: blob:");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
  // PUBLIC_URL is http in the tests and this request came over plain HTTP.
  expect(res.headers['strict-transport-security']).toBeUndefined();
}

describe('the browser app served by the API', () => {
  let stack: Stack;
  let dist: string;
  let restoreEnv: () => void;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'duyet-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    writeFileSync(path.join(dist, 'assets/index-abc123.js'), SCRIPT);
    restoreEnv = overrideEnv({ WEB_DIST_DIR: dist });
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
    restoreEnv?.();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / with index.html: UTF-8 HTML, revalidated on every visit, security headers', async () => {
    const res = await stack.http().get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(INDEX);
    expectSecurityHeaders(res);
  });

  it('serves a hashed asset immutable for a year, compressed when the browser accepts it', async () => {
    // Raw HTTP: supertest would inflate the body before the test saw what went over the wire.
    const res = await rawGet(stack, '/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toContain('Accept-Encoding');
    const wire = res.body;
    expect(wire.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 3);
    expect(gunzipSync(wire).toString('utf8')).toBe(SCRIPT);
    expectSecurityHeaders(res);
  });

  it('prefers brotli when offered, and sends the file as it is to a client that takes neither', async () => {
    const br = await rawGet(stack, '/assets/index-abc123.js', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(SCRIPT);
    const plain = await rawGet(stack, '/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
  });

  it.each([
    '/plans/0b9c6a52-3f4e-4b8a-9d6e-1c2b3a4d5e6f',
    '/campaigns/0b9c6a52-3f4e-4b8a-9d6e-1c2b3a4d5e6f',
    '/meetings/0b9c6a52-3f4e-4b8a-9d6e-1c2b3a4d5e6f',
    '/board?overdue=true',
    '/login?next=%2Fboard',
  ])('answers the app route %s with index.html (the app routes it)', async (route) => {
    const res = await stack.http().get(route).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(INDEX);
  });

  it('keeps /api to the API: an unknown address is its JSON 404, with the security headers', async () => {
    const res = await stack.http().get('/api/nope').set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expectSecurityHeaders(res);
    const health = await stack.http().get('/api/auth/me');
    expect(health.status).toBe(401);
    expectSecurityHeaders(health);
  });

  it('answers a missing asset, another method or a request that wants JSON with a 404, never the page', async () => {
    const missing = await stack.http().get('/assets/index-old999.js').set('Accept', 'text/html');
    const posted = await stack.http().post('/plans/0b9c6a52-3f4e-4b8a-9d6e-1c2b3a4d5e6f').send({});
    const json = await stack
      .http()
      .get('/plans/0b9c6a52-3f4e-4b8a-9d6e-1c2b3a4d5e6f')
      .set('Accept', 'application/json');
    for (const res of [missing, posted, json]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('sends HSTS when a proxy on this machine says the request came over TLS', async () => {
    const res = await stack.http().get('/').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('keeps Swagger UI working at /api/docs with a policy of its own', async () => {
    const res = await stack.http().get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
    expect(res.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the API before the app is built', () => {
  let stack: Stack;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = overrideEnv({ WEB_DIST_DIR: path.join(tmpdir(), 'duyet-web-not-built-here') });
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
    restoreEnv?.();
  });

  it('answers / with a Vietnamese page saying how to build the app', async () => {
    const res = await stack.http().get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/^<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">/);
    expect(res.text).toContain('<code>npm run web:build</code>');
    expectSecurityHeaders(res);
  });
});
