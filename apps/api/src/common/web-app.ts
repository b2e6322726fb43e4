import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Every visit asks whether index.html changed (a 304 when not), so a new release is seen at once.
const REVALIDATE = 'no-cache';

const isApi = (p: string) => p === '/api' || p.startsWith('/api/');
const isAsset = (p: string) => p.startsWith('/assets/');

const NOT_BUILT = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Duyệt - ứng dụng chưa được dựng</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Duyệt</h1>
<p>Ứng dụng web chưa được dựng (build) trên máy chủ này.</p>
<p>Hãy chạy <code>npm run web:build</code> trong thư mục dự án rồi tải lại trang (<code>npm start</code> tự làm việc này).</p>
<p>API vẫn hoạt động tại <a href="/api/docs">/api/docs</a>.</p>
</body>
</html>
`;

/**
 * Serves the browser app (apps/web/dist) at /: hashed files under /assets/ cached for a year, index.html always
 * revalidated, both compressed (brotli or gzip, as the browser accepts). Every other GET that is not /api and
 * wants HTML gets index.html, so the app's own router opens /plans/<id> and the other pages e-mails link to.
 * /api/... is left to the API (an unknown one is its JSON 404), and so is any other method.
 */
export function setupWebApp(app: INestApplication, distDir: string): void {
  const indexFile = path.join(distDir, 'index.html');
  const files = express.static(distDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      const underAssets = path.relative(path.join(distDir, 'assets'), file);
      const hashed = !underAssets.startsWith('..') && !path.isAbsolute(underAssets);
      res.setHeader('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
    },
  });
  const compress = compression();

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    compress(req, res, (err?: unknown) => {
      if (err) return next(err);
      files(req, res, () => {
        // A missing asset is a 404, never the page: a script answered with HTML fails in a way nobody can read.
        if (isAsset(req.path) || !req.accepts('html')) return next();
        if (!existsSync(indexFile)) {
          res.status(200).setHeader('Cache-Control', REVALIDATE).type('text/html; charset=utf-8').send(NOT_BUILT);
          return;
        }
        res.setHeader('Cache-Control', REVALIDATE);
        res.sendFile(indexFile, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }, (e) => e && next(e));
      });
    });
  });
}
