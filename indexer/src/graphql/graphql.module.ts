/**
 * The GraphQL API as a dynamic module: schema from the resolvers (code-first, sorted), one of
 * two drivers (see the README for the measurement that chose the default), the query guards
 * (query-guard.ts) and, per request, DataLoaders over the API's own pool with a deadline.
 *
 * Mercurius (the default) runs the guards from its preValidation hook, before the standard
 * rules, and in preExecution, on every request (parse and validation are cached per query
 * text, variables are not), checks `first` variables and admits the query's cost against the
 * process's budget (admission.ts). Apollo runs the guards as a validation rule, without the
 * variable check (the argument pipes still refuse such values) or the cost budget.
 */
import type { DynamicModule, Provider } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { FastifyReply } from 'fastify';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  type ValidationRule,
  validate as gqlValidate,
} from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { IngestStatus } from '../ingest/ingestor';
import { apollo, gql, mercurius } from '../nest';
import { CostAdmission } from './admission';
import { errorFormatter, refusedRequest } from './error-format';
import type { GraphqlLimits } from './limits';
import { MarketQueries } from './market-queries';
import { type GuardResult, type GuardWork, checkPageVariables, guardDocument } from './query-guard';
import { DeadlineDb } from './request-db';
import { type GqlContext, INGEST_STATUS, RESOLVERS, createLoaders } from './resolvers';

export interface GraphqlOptions {
  driver: 'mercurius' | 'apollo';
  limits: GraphqlLimits;
  log: Logger;
  /** Further providers (the subscription resolver and what it needs), given by the app. */
  providers?: Provider[];
}

/** Response header with the guards' work on a query seen for the first time (JSON). */
export const WORK_HEADER = 'cairn-graphql-work';

/** Takes the request's share of the cost budget until its response closes, or refuses it (503). */
function admit(admission: CostAdmission, cost: number, reply: FastifyReply | undefined): void {
  if (!admission.admit(cost)) {
    reply?.header('retry-after', '1');
    throw refusedRequest(
      [
        new GraphQLError(
          `the server is running ${admission.costInFlight} of its ${admission.budget} query cost at once; this query (${cost}) must wait: retry in a second`,
          {
            extensions: {
              code: 'BUSY',
              cost,
              costInFlight: admission.costInFlight,
              budget: admission.budget,
            },
          },
        ),
      ],
      503,
    );
  }
  if (reply) reply.raw.once('close', () => admission.release(cost));
  else admission.release(cost);
}

/** What execution needs to remember of a checked document. */
const summary = (r: GuardResult) => ({ pageVariables: r.analysis.pageVariables, cost: r.work.cost });

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
    /** Per document, as mercurius caches parsed documents: its `first` variables and its cost. */
    const checked = new WeakMap<DocumentNode, { pageVariables: string[]; cost: number }>();
    const admission = new CostAdmission(limits.maxCostInFlight);
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
                  checked.set(doc, summary(r));
                },
              ],
              preExecution: [
                async (
                  schema: GraphQLSchema,
                  doc: DocumentNode,
                  ctx: GqlContext,
                  variables: Record<string, unknown> | undefined,
                ) => {
                  const known = checked.get(doc) ?? summary(guard(schema, doc));
                  const errors = checkPageVariables(known.pageVariables, variables);
                  if (errors.length) throw refusedRequest(errors);
                  admit(admission, known.cost, ctx.reply);
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
      providers: [{ provide: INGEST_STATUS, useValue: status }, ...RESOLVERS, ...(opts.providers ?? [])],
    };
  }
}
