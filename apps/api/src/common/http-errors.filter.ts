import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { DomainError, type DomainErrorCode } from '@duyet/domain';

// A new code that is missing here fails to compile.
const STATUS: Record<DomainErrorCode, HttpStatus> = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  INVALID_TRANSITION: HttpStatus.CONFLICT,
  PRECONDITION_FAILED: HttpStatus.PRECONDITION_FAILED,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
  errorId?: string;
}

/** Every error leaves as { statusCode, code, message }; 400s name the fields; 500s carry an id for the logs. */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof ZodValidationException) {
      const issues = (exception.getZodError() as ZodError).issues;
      const errors = issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
      return {
        statusCode: 400,
        code: 'VALIDATION',
        message: `Dữ liệu không hợp lệ: ${errors.map((e) => `${e.field} - ${e.message}`).join('; ')}`,
        errors,
      };
    }
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS[exception.code],
        code: exception.code,
        message: exception.message,
        ...exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        statusCode: status,
        code: HttpStatus[status] ?? 'HTTP_ERROR',
        message: vietnameseHttpMessage(status, exception.message),
      };
    }
    const errorId = randomUUID();
    this.logger.error(
      `[${errorId}] ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
    );
    return {
      statusCode: 500,
      code: 'INTERNAL',
      message: `Hệ thống gặp lỗi, vui lòng thử lại sau. Mã lỗi: ${errorId}`,
      errorId,
    };
  }
}

function vietnameseHttpMessage(status: number, fallback: string): string {
  switch (status) {
    case 404:
      return 'Không tìm thấy địa chỉ yêu cầu.';
    case 401:
      return 'Bạn cần đăng nhập.';
    case 403:
      return 'Bạn không có quyền thực hiện thao tác này.';
    case 413:
      return 'Dữ liệu gửi lên quá lớn.';
    case 400:
      return `Yêu cầu không hợp lệ: ${fallback}`;
    default:
      return fallback;
  }
}
