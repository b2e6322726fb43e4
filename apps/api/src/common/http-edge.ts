import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { JSON_BODY_LIMIT_BYTES } from '@duyet/domain';
import { EdgeError, errorBodyFor, fromParserError } from './http-errors.filter';

/** The routes that take a multipart/form-data body (a file); every other body is JSON. */
const MULTIPART_ROUTES = [/^\/api\/plans\/[^/]+\/attachments\/?$/, /^\/api\/district-import\/(check|apply)\/?$/];

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/**
 * Refuses with 415 a body the route cannot read before anything parses it: compressed bodies (no route takes
 * one, and inflating them would let a small request grow past the limits), form-encoded or text bodies on JSON
 * routes, and multipart outside the upload route.
 */
function refuseUnreadableBodies(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') {
    return next(
      new EdgeError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Không nhận dữ liệu nén (Content-Encoding: ${encoding.slice(0, 40)}): hãy gửi dữ liệu không nén.`,
      ),
    );
  }
  const multipartRoute = MULTIPART_ROUTES.some((route) => route.test(req.path));
  if (multipartRoute && req.is('multipart/form-data')) return next();
  if (req.is(['application/json', 'application/*+json'])) return next();
  const sent = (req.headers['content-type'] ?? '').split(';')[0]!.trim().slice(0, 80) || 'không ghi';
  return next(
    new EdgeError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      multipartRoute
        ? `Tệp gửi dạng multipart/form-data (định dạng đã gửi: ${sent}).`
        : `Chỉ nhận dữ liệu JSON (Content-Type: application/json); định dạng đã gửi: ${sent}.`,
    ),
  );
}

/** HTTP/1.1 requires a Host header; Node's own refusal of one without it is an empty 400, so the app says it. */
function requireHost(req: Request, _res: Response, next: NextFunction): void {
  if (req.httpVersion === '1.1' && req.headers.host === undefined) {
    const message = 'Yêu cầu HTTP/1.1 cần có tiêu đề Host.';
    return next(new EdgeError(400, 'BAD_REQUEST', message, [{ field: 'Host', message }]));
  }
  next();
}

const sendJson = (res: ServerResponse, status: number): void => {
  const body = JSON.stringify(errorBodyFor(status));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
};

/**
 * Answers what Node's HTTP parser refuses before Express sees the request (headers too large, a malformed
 * request line, an Expect it does not know) with the same JSON error every other answer has, instead of an
 * empty 400/417/431.
 */
function answerClientErrors(server: Server): void {
  // Node keeps the option on the server and reads it per request (it is not in the Server type).
  (server as Server & { requireHostHeader: boolean }).requireHostHeader = false;
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => sendJson(res, 417));
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify(errorBodyFor(status));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}

/**
 * What every request meets before a route: the body rules above, then JSON parsing with the limit the schemas
 * imply (the largest valid draft fits; anything larger is a 413). `strict: false` lets a JSON string or number
 * through to the route's schema, which names what was expected instead of calling it invalid JSON.
 * Call before app.init(); the app must be created with `bodyParser: false`.
 */
export function setupHttpEdge(app: INestApplication): void {
  app.use(requireHost);
  app.use(refuseUnreadableBodies);
  app.use(
    express.json({
      limit: JSON_BODY_LIMIT_BYTES,
      strict: false,
      inflate: false,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(fromParserError(err)));
  answerClientErrors(app.getHttpServer() as Server);
}
