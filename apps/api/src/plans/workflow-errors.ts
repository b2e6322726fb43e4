import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError, type DomainErrorCode } from '@duyet/domain';

const BY_FAILURE_TYPE: Record<string, DomainErrorCode> = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  FORBIDDEN_ROLE: 'FORBIDDEN',
  INVALID_INPUT: 'VALIDATION',
};

/** Turns a refused workflow Update into the domain error the HTTP caller sees (409 with the workflow's reason). */
export function toDomainError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = BY_FAILURE_TYPE[err.cause.type ?? ''];
    if (code) return new DomainError(code, err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) {
    return new DomainError('CONFLICT', 'Kế hoạch này đã đóng hoặc chưa được mở, không thể thao tác.');
  }
  return err;
}
