import { ControlError, RpcCode, encodeLine, parseIncoming } from './protocol';

describe('control protocol', () => {
  it('reads requests and notifications', () => {
    expect(parseIncoming('{"jsonrpc":"2.0","id":7,"method":"node.ping"}')).toEqual({
      kind: 'request',
      request: { jsonrpc: '2.0', id: 7, method: 'node.ping', params: undefined },
    });
    expect(parseIncoming('{"jsonrpc":"2.0","method":"$/cancel","params":{"id":"a"}}')).toEqual({
      kind: 'notification',
      notification: { jsonrpc: '2.0', method: '$/cancel', params: { id: 'a' } },
    });
  });

  it.each([
    ['not json', 'x{', RpcCode.ParseError, 'PARSE_ERROR'],
    ['a batch', '[{"jsonrpc":"2.0","id":1,"method":"a.b"}]', RpcCode.InvalidRequest, 'INVALID_REQUEST'],
    ['a number', '42', RpcCode.InvalidRequest, 'INVALID_REQUEST'],
    ['wrong version', '{"jsonrpc":"1.0","id":1,"method":"a.b"}', RpcCode.InvalidRequest, 'INVALID_REQUEST'],
    ['no method', '{"jsonrpc":"2.0","id":1}', RpcCode.InvalidRequest, 'INVALID_REQUEST'],
    ['an object id', '{"jsonrpc":"2.0","id":{},"method":"a.b"}', RpcCode.InvalidRequest, 'INVALID_REQUEST'],
    [
      'array params',
      '{"jsonrpc":"2.0","id":1,"method":"a.b","params":[1]}',
      RpcCode.InvalidRequest,
      'INVALID_REQUEST',
    ],
  ])('answers %s with an error naming what is wrong', (_what, line, rpc, code) => {
    const got = parseIncoming(line);
    expect(got.kind).toBe('invalid');
    if (got.kind !== 'invalid') return;
    expect(got.error.code).toBe(rpc);
    expect(got.error.data.code).toBe(code);
    expect(got.error.message.length).toBeGreaterThan(10);
  });

  it('keeps the id of an invalid request when it can read one', () => {
    const got = parseIncoming('{"jsonrpc":"2.0","id":"q","method":""}');
    expect(got.kind === 'invalid' && got.id).toBe('q');
  });

  it('writes one line per message, bigint as decimal strings', () => {
    expect(encodeLine({ a: 10n ** 20n })).toBe('{"a":"100000000000000000000"}\n');
  });

  it('puts an application error code in data.code', () => {
    expect(new ControlError('UNKNOWN_JOB', 'no job 0x1', { id: '0x1' }).toRpc()).toEqual({
      code: RpcCode.Application,
      message: 'no job 0x1',
      data: { id: '0x1', code: 'UNKNOWN_JOB' },
    });
  });
});
