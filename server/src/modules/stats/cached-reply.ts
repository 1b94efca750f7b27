// Sending an answer of a StatsCache (cache.ts). A hit is the very object filed at the miss, so its
// JSON is checked against the response schema and written once, not on every request: a province's
// completeness by incubator (hundreds of rows at scale 10) cost more to serialise than to find.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CacheOutcome } from './cache';

/**
 * `hit` when the answer was the cached one (valid while no write that can change a statistic has
 * committed since it was computed), `miss` when it was computed for this request.
 */
export const CACHE_HEADER = 'x-stats-cache';
export const CACHE_NOTE = `Answers are cached until a write that can change a statistic commits; the \`${CACHE_HEADER}\`
header says \`hit\` or \`miss\`.`;

export type CachedSerializer = (payload: unknown) => string;

/** A serializer that remembers each answer object's JSON (validated by `schema` the first time). */
export function serializedOnce<T extends object>(schema: z.ZodType<T>): CachedSerializer {
  const texts = new WeakMap<object, string>();
  return (payload) => {
    const body = payload as T;
    let text = texts.get(body);
    if (text === undefined) {
      text = JSON.stringify(schema.parse(body));
      texts.set(body, text);
    }
    return text;
  };
}

/** Sends a cached answer with its `x-stats-cache` header through its serializer. */
export function sendCached(reply: FastifyReply, json: CachedSerializer, body: object, seen: CacheOutcome) {
  return reply
    .header(CACHE_HEADER, seen.hit ? 'hit' : 'miss')
    .type('application/json; charset=utf-8')
    .serializer(json)
    .send(body);
}
