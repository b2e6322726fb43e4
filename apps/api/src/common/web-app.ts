import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Every visit asks whether index.html changed (a 304 when not), so a new release is seen at once.
const REVALIDATE = 'no-cache';

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|map|txt|html)$/;
/** Each rebuild adds new names: past this many, the cache starts again rather than grow. */
const CACHED_ASSETS_MAX = 500;

interface Compressed {
  br: Buffer;
  gzip: Buffer;
}

/**
 * Hashed text assets compressed once and kept: compressing the largest chunk (Ant Design, about 900 KB) again for
 * every first visit cost the API tens of milliseconds of CPU each time. Brotli at quality 6 and gzip at 9: small
 * files, and still cheap the one time a file is asked for. zlib runs them off the event loop.
 */
function compressedAssets(assetsDir: string) {
  const cache = new Map<string, Promise<Compressed | null>>();
  const load = async (file: string): Promise<Compressed | null> => {
    const raw = await readFile(file).catch(() => null);
    if (!raw) return null;
    const [br, gz] = await Promise.all([
      promisify(brotliCompress)(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6 } }),
      promisify(gzip)(raw, { level: 9 }),
    ]);
    return { br, gzip: gz };
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const name = req.path.slice('/assets/'.length);
    const encoding = req.acceptsEncodings('br', 'gzip');
    if (!COMPRESSIBLE.test(name) || name.includes('/') || name.startsWith('.') || !encoding) return next();
    const file = path.join(assetsDir, name);
    if (!cache.has(file)) {
      if (cache.size >= CACHED_ASSETS_MAX) cache.clear();
      cache.set(file, load(file));
    }
    cache.get(file)!.then((found) => {
      if (!found) {
        cache.delete(file);
        return next();
      }
      const body = found[encoding as keyof Compressed];
      res.setHeader('Cache-Control', IMMUTABLE);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', body.length);
      res.vary('Accept-Encoding');
      res.type(path.extname(name));
      if (req.method === 'HEAD') res.end();
      else res.end(body);
    }, next);
  };
}

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
  const assets = compressedAssets(path.join(distDir, 'assets'));

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    if (isAsset(req.path)) return assets(req, res, (err?: unknown) => (err ? next(err) : serve()));
    serve();

    function serve(): void {
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
    }
  });
}
