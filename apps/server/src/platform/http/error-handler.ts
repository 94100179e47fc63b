import { PATH_ID_NOT_FOUND } from '@sales/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, DomainError, type FieldIssue, NotFoundError, ValidationError } from '../errors/errors.ts';
import { type Locale, pickLocale } from '../i18n/locale.ts';
import { hasMessage, translate } from '../i18n/messages.ts';

interface ZodLikeIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** The `validation.<zod issue code>` keys the mapping below can produce (the catalog test renders each). */
export const ZOD_ISSUE_CODES = [
  'validation.invalid_type',
  'validation.too_small.string',
  'validation.too_small.array',
  'validation.too_small.number',
  'validation.too_small.exclusive',
  'validation.too_big.string',
  'validation.too_big.array',
  'validation.too_big.number',
  'validation.too_big.exclusive',
  'validation.invalid_format',
  'validation.not_multiple_of',
  'validation.unrecognized_keys',
  'validation.invalid_union',
  'validation.invalid_key',
  'validation.invalid_element',
  'validation.invalid_value',
  'validation.custom',
] as const;

/** too_small / too_big: a length for text, a count for lists, a bound for numbers (and dates). */
function sizeCode(i: ZodLikeIssue): string {
  const origin = String(i.params.origin ?? 'number');
  if (origin === 'string' || origin === 'array') return `validation.${i.keyword}.${origin}`;
  if (origin === 'set' || origin === 'file') return `validation.${i.keyword}.array`;
  return i.params.inclusive === false ? `validation.${i.keyword}.exclusive` : `validation.${i.keyword}.number`;
}

export function issueToField(i: ZodLikeIssue): FieldIssue {
  const field = i.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
  // Custom checks (credit code, ID number, mobile, money) carry their own message key…
  const { key: custom, ...customParams } = (i.params.params as { key?: string } | undefined) ?? {};
  // …with the figures the message names (e.g. the row of a scheme's indicator), when it has any.
  if (custom)
    return Object.keys(customParams).length ? { field, code: custom, params: customParams } : { field, code: custom };
  // …and shared schemas may name one as the check's message (e.g. 'validation.id' on ids).
  if (hasMessage(i.message)) return { field, code: i.message };
  if (i.keyword === 'invalid_type' && /received undefined/.test(i.message))
    return { field, code: 'validation.required' };
  if (i.keyword === 'too_small' && i.params.minimum === 1 && i.params.origin === 'string')
    return { field, code: 'validation.required' };
  if (i.keyword === 'too_small' || i.keyword === 'too_big') {
    const bound = (v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
    return { field, code: sizeCode(i), params: { minimum: bound(i.params.minimum), maximum: bound(i.params.maximum) } };
  }
  if (i.keyword === 'not_multiple_of') return { field, code: 'validation.not_multiple_of', params: i.params };
  return { field, code: `validation.${i.keyword}` };
}

// Fastify's own client errors, by their code, as our message keys.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'bad_url',
};

/** The request body limit (app.ts), named by the "too large" message. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The caller's language even when the request never reached the hooks (a bad URL). */
function localeOf(req: FastifyRequest): Locale {
  return req.locale ?? pickLocale(req.headers?.['accept-language']);
}

/**
 * Maps every error to `{ statusCode, code, message, fields?, requestId }` in the request's
 * language — domain errors, validation, and Fastify's own (bad URL, body too large, malformed
 * JSON, wrong content type): a client never sees a framework's English body.
 */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  const requestId = String(req.id);
  const body = (statusCode: number, code: string, params: Record<string, unknown> = {}, extra = {}) =>
    reply.code(statusCode).send({ statusCode, code, message: translate(locale, code, params), ...extra, requestId });

  let e: unknown = err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const all = (err.validation as unknown as ZodLikeIssue[]).map(issueToField);
    // One message per field and code (an oversized id fails both "integer" and "at most").
    const fields = all.filter((f, i) => all.findIndex((g) => g.field === f.field && g.code === f.code) === i);
    // A path id that is a number outside its column's range names no record: 404 like any unknown id.
    const inPath = (err as { validationContext?: string }).validationContext === 'params';
    if (inPath && fields.some((f) => f.code === PATH_ID_NOT_FOUND)) e = new NotFoundError();
    else e = new ValidationError(fields);
  }
  if (e instanceof ValidationError) {
    const fields = e.fields.map((f) => ({
      field: f.field,
      code: f.code,
      message: translate(locale, f.code, f.params),
    }));
    return body(400, e.code, {}, { fields });
  }
  if (e instanceof ConflictError) return body(409, e.code, e.params, e.extra);
  if (e instanceof DomainError) return body(e.status, e.code, e.params);
  const fe = err as FastifyError & { cause?: { code?: string } };
  // A unique index caught a race the service's own check could not see: a conflict, not a crash.
  if (fe.code === '23505' || fe.cause?.code === '23505') return body(409, 'conflict.unique');
  if (fe.statusCode === 429) return body(429, 'rate_limited');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = FASTIFY_CODES[fe.code] ?? (err instanceof SyntaxError ? 'malformed_json' : 'bad_request');
    return body(fe.statusCode, code, { maxMb: BODY_LIMIT_BYTES / 1024 / 1024 });
  }
  req.log.error({ err }, 'unhandled error');
  if (process.env.DEBUG_ERRORS) console.error(err);
  return body(500, 'internal', { requestId });
}
