import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The browser app's policy: its own scripts only, never inline ones, and no talking to other origins. Ant Design
 * (through its CSS-in-JS) writes <style> tags while the page runs, hence 'unsafe-inline' for styles only: a style
 * cannot run code, and a nonce would have to reach every tag the library makes.
 */
const APP_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Swagger UI at /api/docs starts itself with an inline script and shows a validator badge from elsewhere. */
const DOCS_CSP: Directives = {
  ...APP_CSP,
  'script-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
};

const HSTS = 'max-age=31536000; includeSubDomains';

function headers(directives: Directives, upgradeInsecure: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: upgradeInsecure ? { ...directives, 'upgrade-insecure-requests': [] } : directives,
    },
    // Sent below, and only where the browser will keep it: over TLS.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/**
 * Security headers on every answer (helmet): the CSP above, nosniff, a referrer policy, no X-Powered-By, no
 * framing. HSTS when the request came over TLS (req.secure, which believes X-Forwarded-Proto from the proxies
 * TRUST_PROXY names) or always when PUBLIC_URL is https: over plain HTTP a browser ignores it anyway.
 */
export function setupSecurityHeaders(app: INestApplication, opts: { publicUrl: string; trustProxy: boolean | string }) {
  const express = app.getHttpAdapter().getInstance() as { set: (k: string, v: unknown) => void };
  express.set('trust proxy', opts.trustProxy);
  express.set('x-powered-by', false);
  const httpsPublic = opts.publicUrl.startsWith('https:');
  const forApp = headers(APP_CSP, httpsPublic);
  const forDocs = headers(DOCS_CSP, httpsPublic);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (httpsPublic || req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    const docs = req.path === '/api/docs' || req.path.startsWith('/api/docs/');
    (docs ? forDocs : forApp)(req, res, next);
  });
}
