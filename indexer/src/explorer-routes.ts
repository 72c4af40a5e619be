/**
 * The explorer page (indexer/explorer, built by `npm run explorer:build`) served at `/` as
 * static files, read into memory once at start: a handful of files, each a few kB. The page may
 * talk only to this host: the Content-Security-Policy allows nothing else, so a dependency that
 * tried to load a font or call home would fail in the browser instead of leaking a visit.
 * Without a build the page answers 503 with the command that builds it; GraphQL is unaffected.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';

export const EXPLORER_DIST = join(__dirname, '..', 'explorer', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

function load(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const url = '/' + relative(dir, path).split('\\').join('/');
        files.set(url, {
          body: readFileSync(path),
          type: TYPES[extname(name)] ?? 'application/octet-stream',
          // Vite names assets by content hash: they never change under their name.
          immutable: url.startsWith('/assets/'),
        });
      }
    }
  };
  walk(dir);
  return files;
}

export function registerExplorerRoutes(app: FastifyInstance, dir = EXPLORER_DIST): void {
  const files = existsSync(join(dir, 'index.html')) ? load(dir) : null;
  const send = (file: StaticFile | undefined, reply: import('fastify').FastifyReply) => {
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('not found\n');
    return reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .type(file.type)
      .send(file.body);
  };
  app.get('/', async (_req, reply) => {
    if (!files)
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`the explorer page is not built: run \`npm run explorer:build\` (GraphQL is at /graphql)\n`);
    return send(files.get('/index.html'), reply);
  });
  app.get('/assets/*', async (req, reply) => send(files?.get(req.url.split('?')[0]!), reply));
}
