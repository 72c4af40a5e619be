/**
 * The explorer page, bundled once at build time (`npm run explorer:build`) into dist/, which the
 * indexer serves at `/` as static files. Everything the page needs is in the bundle: no fonts,
 * scripts or styles from another host (the indexer's Content-Security-Policy forbids them).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One small bundle: the page is a few views; no lazy chunks to fetch later.
    modulePreload: false,
    assetsInlineLimit: 0,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
