/**
 * NestJS 12 and its GraphQL/HTTP packages are ES modules, required here once, synchronously
 * (code-first GraphQL needs the decorators while classes are being defined) through the shared
 * loader's `requireEsm` (src/shared/esm.ts says why).
 *
 * Only real Node processes load this file (the indexer binary, the schema printer, the bench):
 * jest's module registry cannot load ES modules, so the GraphQL layer is tested over HTTP
 * against a spawned indexer, never inside the jest sandbox.
 */
import { requireEsm as load } from '../../src/shared/esm';

export type NestCommon = typeof import('@nestjs/common', { with: { 'resolution-mode': 'import' } });
export type NestCore = typeof import('@nestjs/core', { with: { 'resolution-mode': 'import' } });
export type NestGraphql = typeof import('@nestjs/graphql', { with: { 'resolution-mode': 'import' } });
export type NestFastify = typeof import('@nestjs/platform-fastify', {
  with: { 'resolution-mode': 'import' },
});
export type NestApollo = typeof import('@nestjs/apollo', { with: { 'resolution-mode': 'import' } });
export type NestMercurius = typeof import('@nestjs/mercurius', { with: { 'resolution-mode': 'import' } });

export const common = load('@nestjs/common') as NestCommon;
export const gql = load('@nestjs/graphql') as NestGraphql;

/** The rest is loaded on demand: the schema printer needs neither HTTP nor a driver. */
export const core = (): NestCore => load('@nestjs/core') as NestCore;
export const fastifyPlatform = (): NestFastify => load('@nestjs/platform-fastify') as NestFastify;
export const apollo = (): NestApollo => load('@nestjs/apollo') as NestApollo;
export const mercurius = (): NestMercurius => load('@nestjs/mercurius') as NestMercurius;
