// Sending an answer of a StatsCache (cache.ts). A hit is the very object filed at the miss, so its
// JSON is checked against the response schema and encoded once, not on every request: a province's
// completeness by incubator (hundreds of rows at scale 10) cost more to serialise than to find.
// Kept as UTF-8 bytes, not as a string: a string reply is measured (Buffer.byteLength) and encoded
// again for every response, which for 70 KB of Chinese labels cost the server ~200 µs a request,
// six times the rest of a hit; bytes go to the socket as they are.
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

/** An answer object's JSON body, as UTF-8 bytes. */
export type CachedSerializer = (payload: object) => Buffer;

/** A serializer that remembers each answer object's JSON bytes (validated by `schema` the first time). */
export function serializedOnce<T extends object>(schema: z.ZodType<T>): CachedSerializer {
  const bodies = new WeakMap<object, Buffer>();
  return (payload) => {
    let bytes = bodies.get(payload);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(schema.parse(payload)));
      bodies.set(payload, bytes);
    }
    return bytes;
  };
}

/**
 * Sends a cached answer with its `x-stats-cache` header: its bytes as they are (a Buffer skips
 * Fastify's serializer and the route's response schema, which `serializedOnce` applied).
 */
export function sendCached(reply: FastifyReply, json: CachedSerializer, body: object, seen: CacheOutcome) {
  return reply
    .header(CACHE_HEADER, seen.hit ? 'hit' : 'miss')
    .type('application/json; charset=utf-8')
    .send(json(body));
}
