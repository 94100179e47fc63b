import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, DomainError, type FieldIssue, ValidationError } from '../errors/errors.ts';
import { translate } from '../i18n/messages.ts';

interface ZodLikeIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

function issueToField(i: ZodLikeIssue): FieldIssue {
  const field = i.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
  // Custom checks (credit code, ID number, mobile) carry their own message key.
  const custom = (i.params.params as { key?: string } | undefined)?.key;
  if (custom) return { field, code: custom };
  if (i.keyword === 'invalid_type' && /received undefined/.test(i.message))
    return { field, code: 'validation.required' };
  if (i.keyword === 'too_small' && i.params.minimum === 1 && i.params.origin === 'string')
    return { field, code: 'validation.required' };
  return { field, code: `validation.${i.keyword}`, params: { minimum: i.params.minimum, maximum: i.params.maximum } };
}

/** Maps every error to `{ statusCode, code, message, fields?, requestId }` in the request's language. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale ?? 'zh-CN';
  const requestId = String(req.id);
  const body = (statusCode: number, code: string, params: Record<string, unknown> = {}, extra = {}) =>
    reply.code(statusCode).send({ statusCode, code, message: translate(locale, code, params), ...extra, requestId });

  let e: unknown = err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    e = new ValidationError((err.validation as unknown as ZodLikeIssue[]).map(issueToField));
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
    // Malformed JSON, wrong content type and the like.
    return reply.code(fe.statusCode).send({
      statusCode: fe.statusCode,
      code: fe.code ?? 'bad_request',
      message: translate(locale, 'validation.invalid_format'),
      requestId,
    });
  }
  req.log.error({ err }, 'unhandled error');
  if (process.env.DEBUG_ERRORS) console.error(err);
  return body(500, 'internal', { requestId });
}
