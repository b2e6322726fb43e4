import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import {
  DomainError,
  type DomainErrorCode,
  type FieldError,
  JSON_BODY_LIMIT_BYTES,
  formatMegabytes,
  unavailableDependency,
  unavailableMessage,
} from '@duyet/domain';

// A new code that is missing here fails to compile.
const STATUS: Record<DomainErrorCode, HttpStatus> = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  INVALID_TRANSITION: HttpStatus.CONFLICT,
  PRECONDITION_FAILED: HttpStatus.PRECONDITION_FAILED,
  LOCKED: HttpStatus.LOCKED,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  /** every 400 names what was wrong, field by field ('body' for the body as a whole) */
  errors?: FieldError[];
  /** every 5xx: the id under which the logs keep what happened */
  errorId?: string;
  /** a 503: the service that did not answer (postgres, temporal, redis, worker) */
  dependency?: string;
}

/** A refusal made at the HTTP edge, before a route runs (415 for a body the route cannot read, …). */
export class EdgeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    /** a 5xx refused here: the id its log line carries */
    readonly errorId?: string,
  ) {
    super(message);
  }
}

const GENERIC: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ.',
  401: 'Bạn cần đăng nhập.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy địa chỉ yêu cầu.',
  405: 'Địa chỉ này không nhận thao tác được gửi.',
  406: 'Không trả được dữ liệu theo định dạng được yêu cầu.',
  408: 'Yêu cầu gửi đến quá chậm, kết nối đã đóng. Vui lòng thử lại.',
  409: 'Dữ liệu vừa thay đổi, vui lòng tải lại và thử lại.',
  411: 'Cần ghi độ dài nội dung (Content-Length).',
  413: `Dữ liệu gửi lên quá lớn: tối đa ${formatMegabytes(JSON_BODY_LIMIT_BYTES)} MB cho một yêu cầu.`,
  414: 'Địa chỉ yêu cầu quá dài.',
  415: 'Định dạng dữ liệu không được hỗ trợ: hãy gửi JSON (Content-Type: application/json).',
  417: 'Yêu cầu có tiêu đề "Expect" không được hỗ trợ (chỉ nhận "100-continue").',
  429: 'Có quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
  431: 'Phần đầu (header) của yêu cầu quá lớn.',
  503: 'Hệ thống tạm thời chưa phục vụ được, vui lòng thử lại sau ít phút.',
};

/** Nest's HttpStatus has no name for 431. */
const CODE_OF = (status: number): string =>
  status === 431 ? 'HEADERS_TOO_LARGE' : (HttpStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR'));

/** The body of an error with nothing more to say than its status (Node's own refusals, a bare HttpException). */
export function errorBodyFor(status: number): ErrorBody {
  const message = GENERIC[status] ?? `Yêu cầu không thực hiện được (mã ${status}).`;
  const body: ErrorBody = { statusCode: status, code: CODE_OF(status), message };
  if (status === 400) body.errors = [{ field: 'request', message }];
  return body;
}

/** What body-parser (through http-errors) throws: a status and a machine-readable type. */
interface ParserError extends Error {
  status: number;
  type: string;
  charset?: string;
}
const isParserError = (e: unknown): e is ParserError =>
  e instanceof Error && typeof (e as Partial<ParserError>).status === 'number' && 'expose' in e;

/**
 * A body-parser refusal in Vietnamese. Called by an error middleware right after the parser: past it, Nest turns
 * a SyntaxError into a BadRequestException with the parser's English message and its type lost.
 */
export function fromParserError(e: unknown): unknown {
  if (!isParserError(e)) return e;
  const invalid = (message: string) => new EdgeError(400, 'VALIDATION', message, [{ field: 'body', message }]);
  switch (e.type) {
    case 'entity.parse.failed': {
      const at = /position (\d+)/.exec(e.message);
      return invalid(`Nội dung gửi lên không phải JSON hợp lệ${at ? ` (lỗi ở ký tự thứ ${Number(at[1]) + 1})` : ''}.`);
    }
    case 'entity.too.large':
      return new EdgeError(413, 'PAYLOAD_TOO_LARGE', GENERIC[413]!);
    case 'charset.unsupported':
      return new EdgeError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Chỉ nhận JSON mã hóa UTF-8 (bảng mã đã gửi: ${String(e.charset ?? '').slice(0, 40)}).`,
      );
    case 'encoding.unsupported':
      return new EdgeError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Không nhận dữ liệu nén: hãy gửi dữ liệu không nén.');
    case 'request.aborted':
    case 'request.size.invalid':
      return invalid('Nội dung gửi lên bị thiếu hoặc không khớp độ dài đã khai báo (Content-Length).');
    default:
      return e.status < 500 ? new EdgeError(e.status, CODE_OF(e.status), errorBodyFor(e.status).message) : e;
  }
}

const logger = new Logger('HttpErrors');

function internal(exception: unknown): ErrorBody {
  const errorId = randomUUID();
  logger.error(
    `[${errorId}] ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
  );
  return {
    statusCode: 500,
    code: 'INTERNAL',
    message: `Hệ thống gặp lỗi, vui lòng thử lại sau. Mã lỗi: ${errorId}`,
    errorId,
  };
}

function zodBody(exception: ZodValidationException): ErrorBody {
  const issues = (exception.getZodError() as ZodError).issues;
  const errors = issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message }));
  const listed = errors.map((e) => (e.field === 'body' ? e.message : `${e.field}: ${e.message}`)).join('; ');
  return { statusCode: 400, code: 'VALIDATION', message: `Dữ liệu không hợp lệ: ${listed}`, errors };
}

function domainBody(exception: DomainError): ErrorBody {
  const body: ErrorBody = {
    statusCode: STATUS[exception.code],
    code: exception.code,
    message: exception.message,
    ...exception.details,
  };
  if (body.statusCode === 400 && !body.errors?.length) body.errors = [{ field: 'request', message: body.message }];
  if (body.statusCode >= 500) body.errorId ??= randomUUID();
  return body;
}

/**
 * Every error leaves as { statusCode, code, message }, in Vietnamese: 400s name the fields, 5xx carry an id for
 * the logs. Nest's and Express's own refusals (an unknown route, a body the parser refuses) are spoken for here
 * too, never passed on in their English.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(body.statusCode).json(body);
  }
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof ZodValidationException) return zodBody(exception);
  if (exception instanceof DomainError) return domainBody(exception);
  if (exception instanceof EdgeError) {
    const body: ErrorBody = { statusCode: exception.status, code: exception.code, message: exception.message };
    if (exception.errors) body.errors = exception.errors;
    if (exception.errorId) body.errorId = exception.errorId;
    return body;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return status >= 500 ? internal(exception) : errorBodyFor(status);
  }
  const fromParser = fromParserError(exception);
  if (fromParser instanceof EdgeError) return toErrorBody(fromParser);
  const down = unavailableDependency(exception);
  if (down) {
    logger.warn(`${down} unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    return {
      statusCode: 503,
      code: 'UNAVAILABLE',
      message: unavailableMessage(down),
      dependency: down,
      errorId: randomUUID(),
    };
  }
  return internal(exception);
}
