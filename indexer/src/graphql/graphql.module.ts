/**
 * The GraphQL API as a dynamic module: schema from the resolvers (code-first, sorted), one of
 * two drivers (see the README for the measurement that chose the default), the query guards
 * (query-guard.ts) and, per request, DataLoaders over the API's own pool with a deadline.
 *
 * Mercurius (the default) runs the guards from its preValidation hook, before the standard
 * rules, and checks `first` variables in preExecution, on every request (parse and validation
 * are cached per query text, variables are not). Apollo runs them as a validation rule.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { FastifyReply } from 'fastify';
import {
  type DocumentNode,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  type ValidationRule,
  validate as gqlValidate,
} from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { IngestStatus } from '../ingest/ingestor';
import { apollo, gql, mercurius } from '../nest';
import { errorFormatter, refusedRequest } from './error-format';
import type { GraphqlLimits } from './limits';
import { MarketQueries } from './market-queries';
import { type GuardWork, checkPageVariables, guardDocument } from './query-guard';
import { DeadlineDb } from './request-db';
import { type GqlContext, INGEST_STATUS, RESOLVERS, createLoaders } from './resolvers';

export interface GraphqlOptions {
  driver: 'mercurius' | 'apollo';
  limits: GraphqlLimits;
  log: Logger;
}

/** Response header with the guards' work on a query seen for the first time (JSON). */
export const WORK_HEADER = 'cairn-graphql-work';

export class IndexerGraphqlModule {
  static forRoot(ds: DataSource, status: IngestStatus, opts: GraphqlOptions): DynamicModule {
    const { limits } = opts;
    const guard = (schema: GraphQLSchema, doc: DocumentNode) => {
      const r = guardDocument(schema, doc, limits);
      if (!limits.introspection) {
        // The spec's own rule, on its own: the document is known to be small by now.
        r.errors.push(...gqlValidate(schema, doc, [NoSchemaIntrospectionCustomRule]));
      }
      return r;
    };
    /** `first` variables per document: parsed documents are cached by mercurius, so are these. */
    const pageVariables = new WeakMap<DocumentNode, string[]>();
    const context = (_req: unknown, reply?: FastifyReply): GqlContext => {
      const db = new DeadlineDb(ds, Date.now() + limits.requestTimeoutMs, limits.requestTimeoutMs);
      const q = new MarketQueries(db);
      return { q, db, loaders: createLoaders(q), reply };
    };
    const common = { autoSchemaFile: true, sortSchema: true, path: '/graphql' };
    const graphql =
      opts.driver === 'mercurius'
        ? gql.GraphQLModule.forRoot({
            ...common,
            driver: mercurius().MercuriusDriver,
            graphiql: false,
            // Compile a query to JavaScript once it has been seen twice (graphql-jit).
            jit: 1,
            allowBatchedQueries: false,
            graphql: { parseOptions: { maxTokens: limits.maxTokens } },
            errorFormatter: errorFormatter(opts.log),
            hooks: {
              preValidation: [
                async (schema: GraphQLSchema, doc: DocumentNode, ctx: GqlContext) => {
                  const r = guard(schema, doc);
                  ctx.reply?.header(WORK_HEADER, JSON.stringify(r.work satisfies GuardWork));
                  if (r.errors.length) throw refusedRequest(r.errors);
                  pageVariables.set(doc, r.analysis.pageVariables);
                },
              ],
              preExecution: [
                async (
                  schema: GraphQLSchema,
                  doc: DocumentNode,
                  _ctx: GqlContext,
                  variables: Record<string, unknown> | undefined,
                ) => {
                  const names = pageVariables.get(doc) ?? guard(schema, doc).analysis.pageVariables;
                  const errors = checkPageVariables(names, variables);
                  if (errors.length) throw refusedRequest(errors);
                },
              ],
            },
            context,
          })
        : gql.GraphQLModule.forRoot({
            ...common,
            driver: apollo().ApolloDriver,
            playground: false,
            introspection: limits.introspection,
            parseOptions: { maxTokens: limits.maxTokens },
            validationRules: [
              ((ctx) => {
                for (const e of guard(ctx.getSchema(), ctx.getDocument()).errors) ctx.reportError(e);
                return {};
              }) satisfies ValidationRule,
            ],
            context: ({ reply }: { reply?: FastifyReply }) => context(undefined, reply),
          });
    return {
      module: IndexerGraphqlModule,
      imports: [graphql],
      providers: [{ provide: INGEST_STATUS, useValue: status }, ...RESOLVERS],
    };
  }
}
