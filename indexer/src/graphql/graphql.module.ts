/**
 * The GraphQL API as a dynamic module: schema from the resolvers (code-first, sorted), one of
 * two drivers (see the README for the measurement that chose the default), the query depth and
 * cost rules, and DataLoaders per request.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import type { DataSource } from 'typeorm';
import type { IngestStatus } from '../ingest/ingestor';
import { apollo, gql, mercurius } from '../nest';
import { MarketQueries } from './market-queries';
import { costLimit, depthLimit } from './query-limits';
import { INGEST_STATUS, RESOLVERS, createLoaders } from './resolvers';

export interface GraphqlOptions {
  driver: 'mercurius' | 'apollo';
  maxDepth: number;
  maxCost: number;
}

export class IndexerGraphqlModule {
  static forRoot(ds: DataSource, status: IngestStatus, opts: GraphqlOptions): DynamicModule {
    const queries = new MarketQueries(ds);
    const validationRules = [depthLimit(opts.maxDepth), costLimit(opts.maxCost)];
    const common = { autoSchemaFile: true, sortSchema: true, path: '/graphql' };
    const graphql =
      opts.driver === 'mercurius'
        ? gql.GraphQLModule.forRoot({
            ...common,
            driver: mercurius().MercuriusDriver,
            graphiql: false,
            // Compile a query to JavaScript once it has been seen twice (graphql-jit).
            jit: 1,
            validationRules,
            context: () => ({ loaders: createLoaders(queries) }),
          })
        : gql.GraphQLModule.forRoot({
            ...common,
            driver: apollo().ApolloDriver,
            playground: false,
            introspection: true,
            validationRules,
            context: () => ({ loaders: createLoaders(queries) }),
          });
    return {
      module: IndexerGraphqlModule,
      imports: [graphql],
      providers: [
        { provide: MarketQueries, useValue: queries },
        { provide: INGEST_STATUS, useValue: status },
        ...RESOLVERS,
      ],
    };
  }
}
