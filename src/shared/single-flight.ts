/**
 * Concurrent asks for the same thing share one answer: the first caller's promise is handed to
 * everyone who asks for the key while it is pending, and forgotten once it settles, so nobody
 * ever gets an answer older than their own question's round trip. Used for chain reads that
 * many windows make at one moment (a graph's units closing together ask about the same four
 * workers).
 */
export class SingleFlight<K, V> {
  private readonly pending = new Map<K, Promise<V>>();

  run(key: K, read: () => Promise<V>): Promise<V> {
    let p = this.pending.get(key);
    if (!p) {
      p = read().finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  /** Reads in flight now (for tests). */
  get size(): number {
    return this.pending.size;
  }
}
