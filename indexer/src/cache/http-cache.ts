/**
 * The query cache on the HTTP path: a POST to /graphql whose answer is held for the current
 * block is sent from memory before GraphQL runs (after the request guard and the rate limit,
 * which still count it); otherwise its answer, when it has no errors, is stored on the way out.
 * `cairn-cache: hit|miss` says which.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LiveHub } from '../live/live-hub';
import { GRAPHQL_PATH } from '../graphql/http-guard';
import type { QueryCache } from './query-cache';
import { stableJson } from './query-cache';
import type { QueryNormalizer } from './query-normalizer';

export const CACHE_HEADER = 'cairn-cache';

const pending = new WeakMap<FastifyRequest, { key: string; generation: number }>();

export function installQueryCache(
  app: FastifyInstance,
  cache: QueryCache,
  normalizer: QueryNormalizer,
  hub: LiveHub,
): void {
  hub.onGeneration((_gen, event) => cache.invalidate(event.kind === 'rolledBack' ? 'rollback' : 'head'));
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || req.url !== GRAPHQL_PATH) return;
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
    if (typeof body?.query !== 'string') return;
    const normalized = normalizer.normalize(body.query);
    if (normalized === null) return;
    const key = `${hub.headBlock.number}\0${normalized}\0${typeof body.operationName === 'string' ? body.operationName : ''}\0${stableJson(body.variables ?? null)}`;
    const hit = cache.get(key);
    if (hit) {
      reply.header(CACHE_HEADER, 'hit').type('application/json; charset=utf-8');
      return reply.send(hit);
    }
    pending.set(req, { key, generation: cache.generation });
    reply.header(CACHE_HEADER, 'miss');
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const p = pending.get(req);
    if (!p || reply.statusCode !== 200) return payload;
    pending.delete(req);
    const body =
      typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    // An answer with errors (a deadline, a busy database) is not the block's answer.
    if (body && body.indexOf('"errors"') === -1) cache.set(p.key, body, p.generation);
    return payload;
  });
}
