import type { FastifyInstance } from 'fastify';
import { type FieldIssue, ValidationError } from '../errors/errors.ts';

/**
 * Characters no text field may carry: NUL (PostgreSQL text cannot store U+0000 and refuses the
 * whole statement) and lone UTF-16 surrogates (not a character at all: they cannot be encoded as
 * UTF-8 and would be stored as U+FFFD, silently changing the text).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const INVALID_CHARS_CODE = 'validation.invalid_chars';

/** True when the text contains a NUL or a lone surrogate. */
export function hasInvalidChars(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

const MAX_DEPTH = 64;

/**
 * Collects a field issue for every string (and object key) holding an invalid character, named
 * like the validator names fields ('lines.0.description'); '_' for the part itself.
 */
export function findInvalidChars(value: unknown, path: string[] = [], out: FieldIssue[] = []): FieldIssue[] {
  const field = () => path.join('.') || '_';
  if (typeof value === 'string') {
    if (hasInvalidChars(value)) out.push({ field: field(), code: INVALID_CHARS_CODE });
  } else if (Array.isArray(value)) {
    if (path.length < MAX_DEPTH) for (const [i, v] of value.entries()) findInvalidChars(v, [...path, String(i)], out);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    if (path.length < MAX_DEPTH) {
      for (const [k, v] of Object.entries(value)) {
        if (hasInvalidChars(k)) out.push({ field: field(), code: INVALID_CHARS_CODE });
        else findInvalidChars(v, [...path, k], out);
      }
    }
  }
  return out;
}

/**
 * Refuses a NUL or lone surrogate in any string of a request's path parameters, query or body,
 * for every route at once (so none can forget it): a 400 naming the field, before validation,
 * instead of a database error. Runs after the auth hook, so a signed-out caller still gets 401.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const fields = [
      ...findInvalidChars(req.params),
      ...findInvalidChars(req.query),
      ...(typeof req.body === 'object' || typeof req.body === 'string' ? findInvalidChars(req.body) : []),
    ];
    if (fields.length) throw new ValidationError(fields.slice(0, 50));
  });
}
