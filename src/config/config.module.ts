/**
 * NestJS 12 is ESM-only and this project compiles to CommonJS under `module: node16`, where a
 * static import of an ES module is an error (TS1479). The node's modules are therefore dynamic
 * modules: plain classes whose providers, imports and exports are given in the DynamicModule
 * object, with factory providers and lifecycle hooks, so nothing from @nestjs is needed at
 * runtime except NestFactory, which main.ts imports dynamically.
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { loadConfig, parseConfig, type NodeConfig, type NodeConfigInput } from './config.schema';

/** Injection token for the validated NodeConfig. */
export const NODE_CONFIG = Symbol('NODE_CONFIG');

/** Global, so every feature module can inject NODE_CONFIG without importing this one. */
export class ConfigModule {
  /** Reads the environment when no input is given; tests and simulations pass an object. */
  static forRoot(input?: NodeConfigInput): DynamicModule {
    return ConfigModule.forConfig(input === undefined ? loadConfig() : parseConfig(input));
  }

  /** An already validated configuration (the node's assembly parses it once, up front). */
  static forConfig(config: NodeConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: NODE_CONFIG, useValue: config }],
      exports: [NODE_CONFIG],
    };
  }
}
