import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each page an e-mail links to (libs/domain links.ts) is, and where its data is in the API meanwhile. */
const PAGES: { path: RegExp; what: (id?: string) => string; api: (id?: string, query?: string) => string }[] = [
  { path: /^\/plans\/([^/]+)\/?$/, what: () => 'một kế hoạch của trường', api: (id) => `/api/plans/${id}` },
  { path: /^\/plans\/?$/, what: () => 'danh sách kế hoạch', api: (_, q) => `/api/plans${q}` },
  { path: /^\/campaigns\/([^/]+)\/?$/, what: () => 'một đợt kế hoạch', api: (id) => `/api/campaigns/${id}` },
  {
    path: /^\/meetings\/([^/]+)\/?$/,
    what: () => 'một hội nghị duyệt kế hoạch',
    api: (id) => `/api/meetings/${id}/agenda`,
  },
  { path: /^\/board\/?$/, what: () => 'bảng theo dõi kế hoạch quá hạn', api: (_, q) => `/api/board${q}` },
];

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(what: string, api: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Duyệt - ${escapeHtml(what)}</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Duyệt</h1>
<p>Liên kết này mở ${escapeHtml(what)} trong Duyệt, hệ thống xây dựng và xét duyệt kế hoạch của Phòng GD&amp;ĐT.</p>
<p>Ứng dụng web đang được hoàn thiện. Trong lúc chờ, dữ liệu của trang này có tại
<a href="${escapeHtml(api)}">${escapeHtml(api)}</a> (cần đăng nhập).</p>
</body>
</html>
`;
}

/**
 * Answers the pages e-mails link to (a plan, a campaign, a meeting, the board) with a short page saying what the
 * link is, until the browser app serves them. Only GET and HEAD; anything else passes on (and meets a 404).
 */
function linkPages(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  for (const p of PAGES) {
    const m = p.path.exec(req.path);
    if (!m) continue;
    const id = m[1];
    if (id !== undefined && !UUID.test(id)) return next();
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .send(page(p.what(id), p.api(id, query)));
    return;
  }
  next();
}

export function setupLinkPages(app: INestApplication): void {
  app.use(linkPages);
}
