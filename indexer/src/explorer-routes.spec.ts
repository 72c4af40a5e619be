import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY, registerExplorerRoutes } from './explorer-routes';

/** One raw HTTP request, path sent as written (fetch would normalise `..` away). */
function raw(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () =>
      s.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    let out = '';
    s.on('data', (c) => (out += c.toString()));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

describe('the explorer page as static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-explorer-spec-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let port = 0;
  let barePort = 0;
  // Over a socket: fastify's inject loads an ES module jest cannot.
  const get = async (p: number, url: string) => {
    const res = await fetch(`http://127.0.0.1:${p}${url}`);
    return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  };

  beforeAll(async () => {
    app = Fastify();
    registerExplorerRoutes(app, dist);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    bare = Fastify();
    registerExplorerRoutes(bare, join(dir, 'nothing-built'));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    barePort = (bare.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page and its hashed assets with a policy that allows only this host', async () => {
    const page = await get(port, '/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const js = await get(port, '/assets/index-abc.js');
    expect(js.body).toBe('console.log(1)');
    expect(js.headers['cache-control']).toMatch(/immutable/);
  });

  it('serves nothing outside its files: unknown assets, traversal and encoded traversal are 404', async () => {
    expect((await get(port, '/assets/nope.js')).statusCode).toBe(404);
    for (const path of [
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const answer = await raw(port, path);
      expect(answer).not.toContain('not for the web');
      expect(answer).toMatch(/^HTTP\/1\.1 (404|400)/);
    }
  });

  it('without a build, / says how to build it (503) instead of failing', async () => {
    const res = await get(barePort, '/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/npm run explorer:build/);
  });
});
