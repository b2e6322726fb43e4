import { randomUUID } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { ZodDto } from 'nestjs-zod';
import { type Observable, map } from 'rxjs';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { EdgeError } from './http-errors.filter';

/** Where `@Answers` (nestjs-zod's ZodSerializerDto) keeps a route's declared answer. */
const DECLARED = 'ZOD_SERIALIZER_DTO_OPTIONS';

export interface AnswerMismatch {
  path: string;
  message: string;
}

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Keys the answer carries that its schema does not declare: zod drops them, a generated client never sees them. */
function undeclared(sent: unknown, kept: unknown, path: string, out: AnswerMismatch[]): void {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    sent.forEach((item, i) => undeclared(item, kept[i], `${path}[${i}]`, out));
    return;
  }
  if (!isPlain(sent) || !isPlain(kept)) return;
  for (const [key, value] of Object.entries(sent)) {
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) continue;
    if (!(key in kept)) out.push({ path: at, message: 'không có trong mô tả câu trả lời' });
    else undeclared(value, kept[key], at, out);
  }
}

/** How an answer differs from the schema it was declared with ([] when it matches, extra keys included). */
export function answerMismatches(schema: z.ZodType, answer: unknown): AnswerMismatch[] {
  const encoded = schema.safeEncode(answer as never);
  if (!encoded.success) {
    return encoded.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  }
  const out: AnswerMismatch[] = [];
  undeclared(answer, encoded.data, '', out);
  return out;
}

/**
 * Holds each JSON answer to the schema its route declares with `@Answers`, which is the schema the OpenAPI
 * document (and so the browser app's generated client) shows. The answer itself is sent as the handler made it:
 * the check never strips or converts. RESPONSE_VALIDATION=fail (the tests) answers a mismatch 500
 * RESPONSE_SCHEMA_MISMATCH; log (production) logs it with the route and the differences; off skips it.
 */
@Injectable()
export class ResponseValidation implements NestInterceptor {
  private readonly logger = new Logger('ResponseValidation');

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const mode = this.config.responseValidation;
    const dto =
      mode === 'off'
        ? undefined
        : this.reflector.getAllAndOverride<ZodDto | undefined>(DECLARED, [context.getHandler(), context.getClass()]);
    if (!dto) return next.handle();
    return next.handle().pipe(
      map((answer: unknown) => {
        if (answer instanceof StreamableFile) return answer;
        const mismatches = answerMismatches(dto.schema as unknown as z.ZodType, answer);
        if (!mismatches.length) return answer;
        const req = context.switchToHttp().getRequest<Request>();
        const errorId = randomUUID();
        const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
        const listed = mismatches.map((m) => `${m.path || '(gốc)'}: ${m.message}`).join('; ');
        this.logger.error(`[${errorId}] ${route} answered outside its declared schema ${dto.name}: ${listed}`);
        if (mode === 'log') return answer;
        throw new EdgeError(
          500,
          'RESPONSE_SCHEMA_MISMATCH',
          `Câu trả lời của hệ thống không khớp mô tả đã công bố (lỗi của hệ thống). Mã lỗi: ${errorId}`,
          mismatches.map((m) => ({ field: m.path || 'body', message: m.message })),
          errorId,
        );
      }),
    );
  }
}
