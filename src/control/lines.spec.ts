import { LineSplitter } from './lines';

describe('LineSplitter', () => {
  it('splits lines across reads and keeps a multibyte character split between them', () => {
    const s = new LineSplitter(1024);
    const bytes = Buffer.from('{"a":"é"}\n{"b":1}\r\n{"c"', 'utf8');
    const cut = bytes.indexOf(0xa9); // the second byte of é
    expect(s.push(bytes.subarray(0, cut))).toEqual({ lines: [], overflow: false });
    expect(s.push(bytes.subarray(cut))).toEqual({ lines: ['{"a":"é"}', '{"b":1}'], overflow: false });
    expect(s.pending).toBe(4);
    expect(s.push(Buffer.from(':2}\n'))).toEqual({ lines: ['{"c":2}'], overflow: false });
    expect(s.pending).toBe(0);
  });

  it('reports a line longer than the cap before holding it, complete or not', () => {
    const partial = new LineSplitter(8);
    expect(partial.push(Buffer.from('12345')).overflow).toBe(false);
    expect(partial.push(Buffer.from('6789')).overflow).toBe(true);

    const complete = new LineSplitter(8);
    expect(complete.push(Buffer.from('ok\n123456789\n'))).toEqual({ lines: ['ok'], overflow: true });
  });

  it('accepts a line of exactly the cap', () => {
    const s = new LineSplitter(4);
    expect(s.push(Buffer.from('abcd\n'))).toEqual({ lines: ['abcd'], overflow: false });
  });
});
