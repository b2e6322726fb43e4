import { common } from '../common/strings';

export interface FieldError {
  field: string;
  message: string;
}

/** An answer of the API that is not a success, with its Vietnamese message: what the page shows, never the code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message of the field named (or of a field under it: "sections.purpose" for "sections"), if any. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Reads the API's error shape ({ statusCode, code, message, errors? }); anything else gets a message of ours. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.message === 'string') {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is FieldError => isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string',
        )
      : [];
    return new ApiError(status, typeof body.code === 'string' ? body.code : 'UNKNOWN', body.message, errors, body);
  }
  return new ApiError(status, 'UNKNOWN', common.unknownError);
}

export const networkError = () => new ApiError(0, 'NETWORK', common.networkError);

/** Any thrown value as something a page can show in Vietnamese. */
export const asApiError = (err: unknown): ApiError =>
  err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', common.unknownError);
