/** Typed domain errors; the HTTP error handler maps each to its status and a localised body. */
export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(readonly fields: FieldIssue[]) {
    super('validation.failed');
  }
  static field(field: string, code: string, params?: Record<string, unknown>): ValidationError {
    return new ValidationError([{ field, code, params }]);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(code = 'auth.required') {
    super(code);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(code = 'forbidden') {
    super(code);
  }
}

/** Unknown id and out-of-scope id produce this same error, so nothing leaks (SPEC 1.2). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor() {
    super('not_found');
  }
}

/** No route answers this method and URL: distinct from a record that does not exist. */
export class RouteNotFoundError extends DomainError {
  readonly status = 404;
  constructor() {
    super('route.not_found');
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  constructor(
    code: string,
    params: Record<string, unknown> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code, params);
  }
}

export class StaleVersionError extends DomainError {
  readonly status = 412;
  constructor() {
    super('stale_version');
  }
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
}
