/**
 * A cheaper "need more bytes" in @libp2p/utils' LengthPrefixedDecoder, which frames Noise's
 * messages on every connection.
 *
 * The decoder reads prefixes in a loop until its length decoder throws a RangeError, so every
 * chunk it is handed ends with a throw from reading the length of an empty buffer. Noise's decoder
 * constructs a fresh RangeError each time, and capturing its stack trace through optimized frames
 * was 3.5% of a poster's CPU on the throughput bench (perf, `v8::internal::ErrorUtils::Construct`
 * under `uint16BEDecode`). An empty buffer now throws the same RangeError every time, which the
 * decoder catches the same way; every other case reaches the original length decoder unchanged.
 * (try/catch around the call costs nothing measurable in optimized code; constructing errors does.)
 */

type LengthDecoder = ((data: unknown) => number) & { [EMPTY_AWARE]?: true };

interface DecoderLike {
  lengthDecoder: LengthDecoder;
}

const EMPTY_AWARE = Symbol('cairn.emptyAwareLengthDecoder');

/**
 * The wrapper throws what the wrapped decoder threw for its first empty buffer, again and again:
 * an error of the decoder's own realm, so the loop's `instanceof RangeError` holds even where the
 * library and this module see different globals (jest's vm contexts).
 */
export function emptyAware(decode: LengthDecoder): LengthDecoder {
  if (decode[EMPTY_AWARE]) return decode;
  let needMore: unknown;
  const wrapped: LengthDecoder = (data) => {
    if (needMore !== undefined && (data as { byteLength: number }).byteLength === 0) throw needMore;
    try {
      return decode(data);
    } catch (err) {
      if ((data as { byteLength: number }).byteLength === 0) needMore = err;
      throw err;
    }
  };
  wrapped[EMPTY_AWARE] = true;
  return wrapped;
}

let installed = false;

/** Wraps each decoder's length decoder on its first use, once per process. */
export function installEmptyAwareLengthPrefix(mod: { LengthPrefixedDecoder: { prototype: object } }): void {
  if (installed) return;
  installed = true;
  const proto = mod.LengthPrefixedDecoder.prototype as { decode(this: DecoderLike, buf: unknown): unknown };
  const decode = proto.decode;
  proto.decode = function (this: DecoderLike, buf: unknown) {
    if (!this.lengthDecoder[EMPTY_AWARE]) this.lengthDecoder = emptyAware(this.lengthDecoder);
    return decode.call(this, buf);
  };
}
