/** Domain refusals. One exception filter maps each code to an HTTP status (apps/api). */
export type DomainErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  /** a write based on a version of the data that has changed since (If-Match): 412 */
  | 'PRECONDITION_FAILED'
  /** an account locked for a while after repeated wrong passwords: 423 */
  | 'LOCKED'
  | 'UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
