// One place that turns every error into RFC 9457 problem+json. 5xx details never reach a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpProblem } from '../errors';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database is unreachable, restarting, full or too slow: the request may succeed later,
 * so it is a 503 with Retry-After, never a 500. postgres.js reports socket trouble by `code`
 * (ECONNREFUSED, CONNECTION_CLOSED, …); the server by SQLSTATE (class 08, 57P0x, 53300, 57014).
 */
function databaseUnavailable(code: string): string | null {
  if (/^(E[A-Z]+|CONNECT(ION)?_[A-Z_]+)$/.test(code))
    return 'The database cannot be reached; try again shortly';
  if (code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300')
    return 'The database is restarting or busy; try again shortly';
  if (code === '57014' || code === '55P03') return 'The database took too long to answer; try again shortly';
  return null;
}

function send(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...body });
}

/**
 * Fastify's `frameworkErrors` option: the router refuses some URLs (bad percent-encoding, a path
 * parameter over maxParamLength) before any route or error handler runs. Same problem shape; the
 * URL is not echoed back.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return send(reply, status, {
    detail: status === 414 ? 'A path parameter is too long' : 'The URL is not valid',
  });
}

/** postgres error codes a client can cause despite validation (races, limits). */
function fromDatabase(error: { code?: string; constraint_name?: string; constraint?: string }) {
  switch (error.code) {
    case '23505':
      return { status: 409, detail: 'A record with the same unique key already exists' };
    case '23503':
    case '23514':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
      return { status: 422, detail: 'The record breaks a data rule' };
    case '22021':
      // A NUL character in a string: PostgreSQL text cannot hold it.
      return { status: 400, detail: 'The request contains a character that cannot be stored' };
    case '40001':
    case '40P01':
      return { status: 409, detail: 'A concurrent change conflicted; try again' };
    default:
      return null;
  }
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError & { cause?: unknown }, request, reply) => {
      if (error instanceof HttpProblem) {
        if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
        return send(reply, error.status, {
          detail: error.detail,
          ...(error.errors ? { errors: error.errors } : {}),
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        // One convention for errors[].path, the services' and the shared rules' too: a body field's
        // path within the body (`uscc`, `founderTraits.1`, as API.md writes it), so that forms map
        // it onto their fields; `query.x`, `params.x` for the other parts of a request.
        const context = error.validationContext === 'body' ? undefined : error.validationContext;
        const errors = error.validation.map((v) => ({
          path: [
            context,
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ]
            .filter(Boolean)
            .join('.'),
          message: v.message ?? 'invalid',
        }));
        return send(reply, 400, { detail: 'The request is not valid', errors });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response failed its schema');
        return send(reply, 500, {
          title: 'Internal Server Error',
          detail: 'Something went wrong on our side',
        });
      }
      const dbError = (error.cause ?? error) as { code?: string };
      const unavailable = typeof dbError.code === 'string' ? databaseUnavailable(dbError.code) : null;
      if (unavailable) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return send(reply, 503, { detail: unavailable });
      }
      const mapped =
        typeof dbError.code === 'string' && dbError.code.length === 5 ? fromDatabase(dbError) : null;
      if (mapped) {
        request.log.warn({ err: error }, 'database refused a write');
        return send(reply, mapped.status, { detail: mapped.detail });
      }
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) {
        request.log.error({ err: error }, 'unhandled error');
        return send(reply, 500, {
          title: 'Internal Server Error',
          detail: 'Something went wrong on our side',
        });
      }
      return send(reply, status, { detail: error.message });
    });

    app.setNotFoundHandler((request, reply) =>
      send(reply, 404, { detail: `No route ${request.method} ${request.url.split('?')[0]}` }),
    );
  },
  { name: 'errors' },
);
