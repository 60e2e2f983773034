/** Stable error codes; the HTTP status for each lives in one table below. */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'csrf'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'import_failed'
  | 'internal';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 400,
  import_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/** One problem with one field or line of the input. */
export interface ErrorDetail {
  field?: string | null;
  line?: number;
  file?: string;
  message: string;
}

/** The one error type services throw; routes never build HTTP errors themselves. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} finnes ikke`);
  }
  static forbidden(message = 'Du har ikke tilgang til dette'): AppError {
    return new AppError('forbidden', message);
  }
  static validation(message: string, details: ErrorDetail[] = []): AppError {
    return new AppError('validation', message, details);
  }
}
