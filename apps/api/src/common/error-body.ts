import type { OpenAPIObject } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Dependency, DomainErrorCode } from '@duyet/domain';

const DOMAIN_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'PRECONDITION_FAILED',
  'LOCKED',
  'UNAVAILABLE',
] as const satisfies readonly DomainErrorCode[];
// A DomainError code missing from the list above fails to compile here.
const everyDomainCode: readonly (typeof DOMAIN_CODES)[number][] = [] as DomainErrorCode[];
void everyDomainCode;

/**
 * The codes the HTTP edge answers with itself (http-errors.filter.ts, http-edge.ts): Nest's and Node's refusals
 * by their status name (NOT_FOUND is the domain's too), the parser's, a 500 and a response that broke its own schema (ResponseValidation).
 */
const EDGE_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'REQUEST_TIMEOUT',
  'LENGTH_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'EXPECTATION_FAILED',
  'TOO_MANY_REQUESTS',
  'HEADERS_TOO_LARGE',
  'CSRF',
  'INTERNAL',
  'RESPONSE_SCHEMA_MISMATCH',
] as const;

export const ERROR_CODES = [...DOMAIN_CODES, ...EDGE_CODES] as const;

const DEPENDENCIES = ['postgres', 'temporal', 'redis', 'worker'] as const satisfies readonly Dependency[];

/** Every error the API answers, whatever its status (HttpErrorsFilter). */
export const errorBodySchema = z.object({
  statusCode: z.int().min(400).max(599),
  code: z.enum(ERROR_CODES),
  message: z.string().describe('bằng tiếng Việt, để hiển thị cho người dùng'),
  errors: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .optional()
    .describe('mọi lỗi 400: từng trường sai ("body" cho cả nội dung gửi lên, "request" cho cả yêu cầu)'),
  errorId: z.guid().optional().describe('mọi lỗi 5xx: mã để tra nhật ký hệ thống'),
  dependency: z.enum(DEPENDENCIES).optional().describe('lỗi 503: dịch vụ chưa trả lời'),
});

export class ErrorBodyDto extends createZodDto(errorBodySchema, { codec: true }) {}

const ERROR_REF = { $ref: '#/components/schemas/ErrorBodyDto' };

type Operation = {
  parameters?: unknown[];
  requestBody?: { content?: Record<string, unknown> };
  security?: unknown[];
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
};

/** What any route can answer besides its own refusals. */
const COMMON: { status: string; description: string; when: (op: Operation) => boolean }[] = [
  {
    status: '400',
    description: 'Dữ liệu gửi lên không hợp lệ, nêu rõ từng trường sai',
    when: (op) => !!op.parameters?.length || !!op.requestBody,
  },
  {
    status: '401',
    description: 'Chưa đăng nhập hoặc phiên đã hết hạn',
    when: (op) => !!op.security?.length,
  },
  {
    status: '413',
    description: 'Dữ liệu gửi lên quá lớn',
    when: (op) => !!op.requestBody,
  },
  {
    status: '415',
    description: 'Định dạng dữ liệu gửi lên không được hỗ trợ',
    when: (op) => !!op.requestBody,
  },
  { status: '500', description: 'Lỗi hệ thống, kèm mã lỗi (errorId) để tra nhật ký', when: () => true },
  {
    status: '503',
    description: 'Một dịch vụ hệ thống (cơ sở dữ liệu, Temporal, worker) tạm thời chưa trả lời',
    when: () => true,
  },
];

/**
 * Gives every error answer of every operation the shared error body (unless the route declared another), and adds the errors every route of its kind
 * can answer (400 for one with input, 401 for one behind a login, 413 and 415 for one with a body, 500 and 503).
 */
export function withErrorBodies(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue;
      const op = value as Operation;
      for (const common of COMMON) {
        if (!op.responses[common.status] && common.when(op)) {
          op.responses[common.status] = { description: common.description };
        }
      }
      for (const [status, response] of Object.entries(op.responses)) {
        // A route that answers an error status with a body of its own (the health check's 503) declares it.
        if (/^[45]\d\d$/.test(status) && !response.content) {
          response.content = { 'application/json': { schema: ERROR_REF } };
        }
      }
    }
  }
  return document;
}
