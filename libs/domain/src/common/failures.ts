import {
  ActivityFailure,
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { DomainError, type DomainErrorCode } from './errors';

// Sorts what an activity or a request ran into: a transient failure (the database restarting, a connection
// reset, a deadlock) is worth another attempt; a permanent one (a value PostgreSQL cannot store, a broken
// constraint, a refusal, a bug) fails the same way every time, so retrying it only holds the plan hostage.

/** PostgreSQL's SQLSTATE classes that a retry can cure: connection, transaction rollback, resources, shutdown. */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '40', '53', '55', '57', '58', 'XX'];
/** Prisma's codes for an unreachable or overloaded database, a timed-out pool, a write conflict. */
const TRANSIENT_PRISMA_CODES = ['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034'];
/** The driver adapter's kinds for the same. */
const TRANSIENT_ADAPTER_KINDS = [
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionWriteConflict',
  'TransactionAlreadyClosed',
];
const TRANSIENT_NODE_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
];
const TRANSIENT_MESSAGES =
  /Connection terminated|connection (?:is )?closed|timeout|the database system is (?:starting up|shutting down)|Can't reach database/i;

export type FailureKind = 'TRANSIENT' | 'PERMANENT';

/**
 * An error by its shape, not by `instanceof Error`: errors made by Node itself (a refused connection) come from
 * another realm under Jest, and any library may throw its own.
 */
const isErrorLike = (err: unknown): err is Error =>
  typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string';
const BUG_NAMES = ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError'];

interface AdapterCause {
  originalCode?: string;
  code?: string;
  kind?: string;
}

/** The SQLSTATE of a PostgreSQL error, however Prisma or pg wrapped it. */
export function sqlStateOf(err: unknown): string | undefined {
  const e = err as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: AdapterCause } };
    cause?: AdapterCause;
  } | null;
  if (!e || typeof e !== 'object') return undefined;
  const cause = e.meta?.driverAdapterError?.cause ?? e.cause;
  // A code on the error itself is Prisma's own (P2002 …) unless it is pg's DatabaseError.
  const own = typeof e.code === 'string' && !/^P[1-9]\d{3}$/.test(e.code) ? e.code : undefined;
  const code = cause?.originalCode ?? cause?.code ?? own;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Prisma's P2002: the row broke a unique constraint (a retried request, or two at once racing for one key). */
export const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';

export function failureKind(err: unknown): FailureKind {
  if (err instanceof DomainError) return err.code === 'UNAVAILABLE' ? 'TRANSIENT' : 'PERMANENT';
  if (!isErrorLike(err)) return 'TRANSIENT';
  const e = err as Error & { code?: unknown; meta?: { driverAdapterError?: { cause?: AdapterCause } } };
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (kind && TRANSIENT_ADAPTER_KINDS.includes(kind)) return 'TRANSIENT';
  const state = sqlStateOf(err);
  if (state) return TRANSIENT_SQLSTATE_CLASSES.includes(state.slice(0, 2)) ? 'TRANSIENT' : 'PERMANENT';
  if (typeof e.code === 'string') {
    if (TRANSIENT_PRISMA_CODES.includes(e.code) || TRANSIENT_NODE_CODES.includes(e.code)) return 'TRANSIENT';
    // Every other Prisma request error (P2000 value too long, P2002 unique, P2003 foreign key, P2025 not
    // found …) is about the data, not the moment.
    if (/^P2\d{3}$/.test(e.code)) return 'PERMANENT';
  }
  if (e.name === 'PrismaClientValidationError') return 'PERMANENT';
  // Prisma's engine answers a PostgreSQL error of a kind it has no name for (an invalid uuid, 22P02) with
  // "Unknown error: [object Object]"; the kinds of a database that cannot be reached all have names (above).
  if (e.message.startsWith('Unknown error:')) return 'PERMANENT';
  if (BUG_NAMES.includes(e.name)) return 'PERMANENT';
  if (e.name === 'ZodError') return 'PERMANENT';
  if (TRANSIENT_MESSAGES.test(e.message)) return 'TRANSIENT';
  return 'TRANSIENT';
}

const DOMAIN_FAILURE_TYPES: Record<DomainErrorCode, string> = {
  VALIDATION: 'INVALID_INPUT',
  UNAUTHENTICATED: 'FORBIDDEN_ROLE',
  FORBIDDEN: 'FORBIDDEN_ROLE',
  NOT_FOUND: 'INVALID_INPUT',
  CONFLICT: 'INVALID_TRANSITION',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  PRECONDITION_FAILED: 'INVALID_TRANSITION',
  LOCKED: 'FORBIDDEN_ROLE',
  UNAVAILABLE: 'UNAVAILABLE',
};

export interface PermanentFailure {
  /** the ApplicationFailure type the API maps to a status (workflow-errors.ts) */
  type: string;
  /** in Vietnamese, for the person who made the move */
  message: string;
}

/** What a permanent failure tells the caller: a refusal as itself, a data error in words a principal reads. */
export function describePermanentFailure(err: unknown): PermanentFailure {
  if (err instanceof DomainError) return { type: DOMAIN_FAILURE_TYPES[err.code], message: err.message };
  const state = sqlStateOf(err);
  const code = state ?? (err as { code?: unknown } | null)?.code;
  const ref = typeof code === 'string' ? ` (mã ${code})` : '';
  return {
    type: 'DATA_ERROR',
    message:
      `Không lưu được thay đổi vì dữ liệu gửi lên có giá trị hệ thống không lưu được${ref}. ` +
      'Thao tác đã bị hủy, không có gì thay đổi; hãy kiểm tra lại nội dung rồi thử lại.',
  };
}

const BY_FAILURE_TYPE: Record<string, DomainErrorCode> = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  FORBIDDEN_ROLE: 'FORBIDDEN',
  INVALID_INPUT: 'VALIDATION',
  DATA_ERROR: 'VALIDATION',
  CAMPAIGN_PROBLEM: 'UNAVAILABLE',
  UNAVAILABLE: 'UNAVAILABLE',
};

const GAVE_UP =
  'Hệ thống chưa lưu được thao tác sau nhiều lần thử, vui lòng thử lại sau ít phút. Dữ liệu chưa bị thay đổi.';

/**
 * Turns a refused or failed workflow Update into the domain error the HTTP caller sees: a refusal as itself
 * (409/403/400 with the workflow's reason), a move whose bounded attempts ran out as 503, never a 500.
 */
export function toDomainError(err: unknown, closedMessage: string): unknown {
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause instanceof ActivityFailure ? err.cause.cause : err.cause;
    if (cause instanceof ApplicationFailure) {
      const code = BY_FAILURE_TYPE[cause.type ?? ''];
      if (code) return new DomainError(code, cause.message);
    }
    return new DomainError('UNAVAILABLE', GAVE_UP);
  }
  if (err instanceof WorkflowNotFoundError) return new DomainError('CONFLICT', closedMessage);
  return err;
}

/** A service Duyệt needs; named, in Vietnamese, when it does not answer. */
export type Dependency = 'postgres' | 'temporal' | 'redis' | 'worker';

export const DEPENDENCY_NAMES: Record<Dependency, string> = {
  postgres: 'Cơ sở dữ liệu (PostgreSQL)',
  temporal: 'Máy chủ điều phối quy trình (Temporal)',
  redis: 'Hàng đợi thư (Redis)',
  worker: 'Bộ xử lý nền (worker)',
};

export const unavailableMessage = (dependency: Dependency): string =>
  `${DEPENDENCY_NAMES[dependency]} tạm thời không phản hồi nên thao tác chưa được thực hiện. ` +
  'Vui lòng thử lại sau ít phút.';

const POSTGRES_DOWN =
  /Can't reach database|Connection terminated|connection (?:is )?closed|the database system is|timeout exceeded when trying to connect|terminating connection/i;
const TEMPORAL_DOWN = /Failed to connect before the deadline|DEADLINE_EXCEEDED|UNAVAILABLE|Deadline exceeded/;
/** gRPC status codes: DEADLINE_EXCEEDED, UNAVAILABLE. */
const GRPC_DOWN = [4, 14];

/** Which dependency an error shows to be down, or null when it is not a dependency's outage. */
export function unavailableDependency(err: unknown): Dependency | null {
  if (!isErrorLike(err)) return null;
  const e = err as Error & {
    code?: unknown;
    dependency?: unknown;
    meta?: { driverAdapterError?: { cause?: AdapterCause } };
  };
  if (typeof e.dependency === 'string' && e.dependency in DEPENDENCY_NAMES) return e.dependency as Dependency;
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  const state = sqlStateOf(err);
  const pgDown =
    (kind !== undefined && TRANSIENT_ADAPTER_KINDS.includes(kind)) ||
    (typeof e.code === 'string' && /^P10\d\d$|^P2024$/.test(e.code)) ||
    (state !== undefined && ['08', '53', '57'].includes(state.slice(0, 2))) ||
    POSTGRES_DOWN.test(e.message);
  if (pgDown) return 'postgres';
  const grpc = e.name === 'ServiceError' ? (e.cause as { code?: unknown } | undefined)?.code : e.code;
  if ((typeof grpc === 'number' && GRPC_DOWN.includes(grpc)) || TEMPORAL_DOWN.test(e.message)) return 'temporal';
  if (e.name === 'MaxRetriesPerRequestError' || /Stream isn't writeable|enableOfflineQueue/.test(e.message)) {
    return 'redis';
  }
  return null;
}
