// What keeps one caller or one burst from taking the server down: rate limits (shared through
// Redis when REDIS_URL is set, so N instances count together) and load shedding — past the
// latency budget the server answers 503 at once instead of queueing (issue 11: costs and load).
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { RETRY_AFTER_SECONDS } from './errors';

/**
 * The 503 of a request shed under pressure. A route's own `config.pressureHandler` may let a request
 * through (return without answering) when it costs nothing, else answer with this.
 */
export function shed(reply: FastifyReply, type: string, value: number | undefined) {
  reply
    .status(503)
    .header('retry-after', String(RETRY_AFTER_SECONDS))
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: `The server is overloaded (${type}: ${Math.round(Number(value))}); try again shortly`,
    });
}

export interface LimitsOptions {
  redisUrl?: string;
  /** Expensive requests (as-of statistics, exports, imports) one user may make per minute. */
  expensiveRateLimit: number;
  /** Event-loop delay (ms) past which new requests are shed with a 503. */
  maxEventLoopDelayMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Route `config.rateLimit` for an expensive endpoint: counted per signed-in user, after
     * validation (so `skip` may look at the parsed query).
     */
    expensive(skip?: (request: FastifyRequest) => boolean): RateLimitOptions;
    /** Requests received and not yet answered: expensive work yields to them (stats/gate.ts). */
    requestsInFlight(): number;
  }
  interface FastifyRequest {
    /** Counted in requestsInFlight (until answered or aborted). */
    inFlight: boolean;
  }
}

export default fp(
  async (app: FastifyInstance, opts: LimitsOptions) => {
    let redis: Redis | undefined;
    if (opts.redisUrl) {
      // A Redis outage must not take the API with it: no offline queue, fail fast, limits skipped.
      redis = new Redis(opts.redisUrl, {
        connectTimeout: 2_000,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: false,
      });
      redis.on('error', (error) => app.log.warn({ err: error }, 'redis unavailable: rate limits are local'));
      app.addHook('onClose', async () => {
        await redis?.quit().catch(() => redis?.disconnect());
      });
    }
    await app.register(rateLimit, {
      global: false,
      skipOnError: true,
      nameSpace: 'torch-rl:',
      ...(redis ? { redis } : {}),
    });

    app.decorate('expensive', (skip?: (request: FastifyRequest) => boolean) => ({
      max: opts.expensiveRateLimit,
      timeWindow: '1 minute',
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => `user:${request.user?.userId ?? request.ip}`,
      ...(skip ? { allowList: (request: FastifyRequest) => skip(request) } : {}),
    }));

    // Counted once each: a request aborted by its client may also reach onResponse. A flag on the
    // request (declared, so every request has the same shape) and callback hooks: a WeakSet entry
    // and a promise per hook and request were measurable on a light read.
    let inFlight = 0;
    app.decorateRequest('inFlight', false);
    const done = (request: FastifyRequest) => {
      if (!request.inFlight) return;
      request.inFlight = false;
      inFlight -= 1;
    };
    app.addHook('onRequest', (request, _reply, next) => {
      request.inFlight = true;
      inFlight += 1;
      next();
    });
    app.addHook('onResponse', (request, _reply, next) => {
      done(request);
      next();
    });
    app.addHook('onRequestAbort', (request, next) => {
      done(request);
      next();
    });
    app.decorate('requestsInFlight', () => inFlight);

    await app.register(underPressure, {
      maxEventLoopDelay: opts.maxEventLoopDelayMs,
      retryAfter: RETRY_AFTER_SECONDS,
      pressureHandler: (_request, reply, type, value) => shed(reply, type, value),
    });
  },
  { name: 'limits' },
);
