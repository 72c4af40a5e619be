import { z } from 'zod';
import { ControlError, RpcCode } from './protocol';
import { MethodRegistry } from './registry';

const ctx = () => ({ notify: () => undefined, signal: new AbortController().signal });

describe('MethodRegistry', () => {
  it('validates params with the method schema before the handler runs', async () => {
    const r = new MethodRegistry();
    const seen: unknown[] = [];
    r.register(
      'job.status',
      z.object({ id: z.string().regex(/^0x[0-9a-f]+$/), verbose: z.boolean().default(false) }),
      async (p) => {
        seen.push(p);
        return { ok: true };
      },
    );
    await expect(r.invoke('job.status', { id: '0x1f' }, ctx())).resolves.toEqual({ ok: true });
    expect(seen).toEqual([{ id: '0x1f', verbose: false }]);

    const err = await r.invoke('job.status', { id: 'nope', verbose: 3 }, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ControlError);
    const rpc = (err as ControlError).toRpc();
    expect(rpc.code).toBe(RpcCode.InvalidParams);
    expect(rpc.data.code).toBe('INVALID_PARAMS');
    expect(rpc.data.issues).toEqual([expect.stringMatching(/^id: /), expect.stringMatching(/^verbose: /)]);
    expect(seen).toHaveLength(1);
  });

  it('treats absent params as {}', async () => {
    const r = new MethodRegistry();
    r.register('node.ping', z.object({}).strict(), async () => 'pong');
    await expect(r.invoke('node.ping', undefined, ctx())).resolves.toBe('pong');
  });

  it('names the known methods when asked for an unknown one', async () => {
    const r = new MethodRegistry();
    r.register('node.status', z.object({}), async () => null);
    r.register('node.ping', z.object({}), async () => null);
    const err = (await r.invoke('node.stats', {}, ctx()).catch((e: unknown) => e)) as ControlError;
    expect(err.rpcCode).toBe(RpcCode.MethodNotFound);
    expect(err.message).toContain('node.ping, node.status');
    expect(err.data.methods).toEqual(['node.ping', 'node.status']);
  });

  it('refuses a duplicate or malformed method name at registration', () => {
    const r = new MethodRegistry();
    r.register('job.list', z.object({}), async () => []);
    expect(() => r.register('job.list', z.object({}), async () => [])).toThrow(/twice/);
    expect(() => r.register('$/cancel', z.object({}), async () => [])).toThrow(/group\.name/);
    expect(() => r.register('list', z.object({}), async () => [])).toThrow(/group\.name/);
  });
});
