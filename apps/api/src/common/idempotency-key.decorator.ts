import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '@duyet/domain';

const KEY = /^[A-Za-z0-9:_-]{8,200}$/;

/**
 * The Idempotency-Key header: a client that retries a request sends the same key and gets the first outcome
 * back. Without one, each request is new.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const raw = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (raw === undefined) return randomUUID();
  if (!KEY.test(raw)) {
    throw new DomainError(
      'VALIDATION',
      'Idempotency-Key phải gồm 8 đến 200 ký tự: chữ, số, dấu hai chấm, gạch dưới hoặc gạch ngang.',
      {
        errors: [{ field: 'Idempotency-Key', message: 'Giá trị không hợp lệ' }],
      },
    );
  }
  return raw;
});

/** The header in the OpenAPI document of a write that honours it. */
export const IdempotencyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Gửi lại cùng khóa khi thử lại yêu cầu: kết quả lần đầu được trả lại, không tạo bản ghi thứ hai',
  });
