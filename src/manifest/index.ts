export { ManifestError, type ManifestErrorCode, type ManifestIssue } from './errors';
export { ManifestModule } from './manifest.module';
export { type ManifestOptions, ManifestService, NODE_VERIFICATION_MODES } from './manifest.service';
export { MAX_MANIFEST_BYTES, parseManifestText } from './parse';
export { manifestSchema } from './schema';
export * from './types';
export { checkCeilings, loadManifest, type ManifestCeilings, validateManifest } from './validate';
