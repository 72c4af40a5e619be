/**
 * Waiting on something outside this process (a node coming up, a chain reaching a state): poll
 * `probe` every `everyMs` until it gives a value, which is returned. A probe that throws counts
 * as "not yet" (the thing polled may not be listening yet); after `timeoutMs` it throws
 * `timed out waiting for <what>`.
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs: number,
  everyMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
