/**
 * NestJS wiring of manifest validation (a dynamic module without decorators; see
 * src/config/config.module.ts for why).
 */
import type { DynamicModule } from '@nestjs/common' with { 'resolution-mode': 'import' };
import { type ManifestOptions, ManifestService } from './manifest.service';

export class ManifestModule {
  static forRoot(opts: ManifestOptions = {}): DynamicModule {
    return {
      module: ManifestModule,
      providers: [{ provide: ManifestService, useValue: new ManifestService(opts) }],
      exports: [ManifestService],
    };
  }
}
