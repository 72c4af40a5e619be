/**
 * A dependent step's input from the workers that produced it, not through the poster
 * (`/cairn/<network>/graph-input/1.0.0`, one signed `InputRoute` a message). The input of a unit
 * that reads other steps is the concatenation of their agreed outputs; each is held by the
 * worker whose unit produced it, which the poster checked against that unit's commitment.
 *
 *   poster, on awarding such a unit:  route = {unit job, attempt, consumer peer, input sha256,
 *                                     parts: [(producer's unit job, output sha256, producer peer)]}
 *                                     sent to each producer, then to the consumer
 *   producer, told by the job's poster: grants the consumer its output under the consumer's job
 *                                     (only an output it delivered for a job of that poster)
 *   consumer, told by its job's poster: fetches each part from its producer (its own from its
 *                                     store), checks the whole against the input's sha256, and
 *                                     stores it; the job life's fetch of that job waits for it
 *                                     (TransferService.route) and asks the poster only if it failed
 *
 * The poster still grants the consumer every blob of the job, so a producer that vanished, a
 * route that did not arrive, or a part that does not hash right costs a fetch from the poster,
 * never the job. What went where is kept (`fetched`, `granted`, bounded) for the node's tests.
 */
import { sha256Hex } from '../executor/blob-store';
import type { DirectChannel, DirectFrame } from '../p2p/direct';
import { Kind, seal } from '../p2p/envelope';
import { describe, reject } from '../p2p/errors';
import { esm } from '../p2p/esm';
import type { P2pHost } from '../p2p/host';
import { protocolId } from '../p2p/topics';
import type { JobRecord, PosterRecord, WorkerRecord } from '../jobs/journal';
import type { Logger } from '../shared/logging';
import type { TransferService } from '../transfer/transfer.service';
import { TransferError } from '../transfer/errors';
import { decodeInputRoute, encodeInputRoute, type InputPart, type InputRoute } from './input-route-wire';
import type { GraphRecord } from './types';

/** A grant outlives the consumer's run window by this much, and never more than a day. */
const GRANT_SLACK_MS = 10 * 60_000;
const MAX_GRANT_MS = 24 * 3_600_000;
/**
 * A producer may see its grant a moment after the consumer asks: asked again this often, for up
 * to 5 s. Only a producer that answered (UNAUTHORIZED) is waited for; one that cannot be reached
 * sends the consumer to the poster at once. (1 s was too short on a loaded machine: the route
 * fell back to the poster once in a fresh-clone run.)
 */
const UNAUTHORIZED_RETRIES = 20;
const RETRY_MS = 250;
/** How long the consumer's route waits for the producers' to be delivered. */
const PRODUCER_WAIT_MS = 1_000;
const MAX_KEPT = 200;

/** Where a routed input came from, part by part (`self`: the consumer's own store). */
export interface RoutedInput {
  jobId: string;
  inputSha256: string;
  parts: Array<{ sha256: string; from: string }>;
  ok: boolean;
  error?: string;
}

export interface InputRoutesDeps {
  host: P2pHost;
  transfer: TransferService;
  /** The node's blob store (the executor's on a worker). */
  store: { has(h: string): boolean; get(h: string): Uint8Array; put(b: Uint8Array): string };
  life: {
    worker?: { record(jobId: bigint): WorkerRecord | undefined };
    onChange(listener: (r: JobRecord) => void): () => void;
  };
  graphs: { status(graphId: string): GraphRecord };
  caps: { maxBytes: number; timeoutMs: number };
  log: Logger;
}

export class InputRoutes {
  private channel?: DirectChannel;
  private unsubscribe?: () => void;
  /** Awards a route was sent for (`${jobId}/${attempt}`), so each is sent once. */
  private readonly sent = new Set<string>();
  /** Inputs this node fetched by route, oldest first. */
  readonly fetched: RoutedInput[] = [];
  /** Outputs this node let a consumer fetch, oldest first. */
  readonly granted: Array<{ jobId: string; consumer: string; sha256: string }> = [];

  constructor(private readonly deps: InputRoutesDeps) {}

  async start(): Promise<void> {
    const { host } = this.deps;
    this.channel = await host.channel({
      protocol: protocolId(host.config.network, 'graph-input'),
      kinds: new Set([Kind.KIND_INPUT_ROUTE]),
      onFrame: (frame) => this.onFrame(frame),
    });
    this.unsubscribe = this.deps.life.onChange((r) => {
      if (r.role === 'poster' && r.graph && r.award && r.step !== 'done')
        void this.sendRoute(r).catch((err: unknown) =>
          this.deps.log.warn(
            { jobId: r.jobId, err: describe(err) },
            'input route not sent; the poster serves it',
          ),
        );
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.channel?.stop();
  }

  /** NestJS: before the host and the transfer service stop. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  // --- poster -------------------------------------------------------------------------------

  private async sendRoute(r: PosterRecord): Promise<void> {
    const award = r.award!;
    const key = `${r.jobId}/${award.attempt}`;
    if (this.sent.has(key)) return;
    let g: GraphRecord;
    try {
      g = this.deps.graphs.status(r.graph!.graphId);
    } catch {
      return;
    }
    const n = g.nodes[r.graph!.node];
    if (!n || n.deps.length === 0 || !n.inputSha256) return;
    const parts: InputPart[] = [];
    for (const d of n.deps) {
      const dep = g.nodes[d];
      const u = dep?.units.find(
        (x) => x.verdict === 'match' && x.outputSha256 === dep.agreed && x.peer !== undefined,
      );
      if (!dep?.agreed || !u) return; // nobody known to hold it: the poster serves the input
      parts.push({
        jobId: BigInt(u.jobId),
        sha256: dep.agreed,
        producer: u.peer!,
        addrs: await this.addrsOf(u.peer!),
      });
    }
    this.sent.add(key);
    if (this.sent.size > 4 * MAX_KEPT) this.sent.delete(this.sent.values().next().value!);
    const route: InputRoute = {
      jobId: BigInt(r.jobId),
      attempt: award.attempt,
      consumer: award.peer,
      inputSha256: n.inputSha256,
      parts,
      untilMs: Date.now() + Number(g.execDurationS) * 1000 + GRANT_SLACK_MS,
    };
    const payload = encodeInputRoute(route);
    // Producers first, so their grants are in place when the consumer asks.
    const producers = [...new Set(parts.map((p) => p.producer))].filter((p) => p !== award.peer);
    // A producer that cannot be reached is not waited for long: the consumer falls back anyway.
    await Promise.race([
      Promise.all(
        producers.map((p) =>
          this.send(p, payload, parts.find((x) => x.producer === p)!.addrs).catch((err: unknown) =>
            this.deps.log.info(
              { jobId: r.jobId, producer: p, err: describe(err) },
              'input route: producer not reached; the consumer will fetch that part from the poster',
            ),
          ),
        ),
      ),
      new Promise((resolve) => setTimeout(resolve, PRODUCER_WAIT_MS).unref()),
    ]);
    await this.send(award.peer, payload, await this.addrsOf(award.peer));
    this.deps.log.info({ jobId: r.jobId, producers, consumer: award.peer }, 'input route sent');
  }

  private async addrsOf(peer: string): Promise<string[]> {
    try {
      const p = await this.deps.host.libp2p.peerStore.get(this.deps.host.peerIdOf(peer));
      return p.addresses.map((a) => a.multiaddr.toString()).slice(0, 8);
    } catch {
      return [];
    }
  }

  private async send(peer: string, payload: Uint8Array, addrs: string[]): Promise<void> {
    const { multiaddr } = esm().multiaddr;
    const { host } = this.deps;
    await this.channel!.send(
      host.peerIdOf(peer),
      seal(host.signer, Kind.KIND_INPUT_ROUTE, payload),
      addrs.map((a) => multiaddr(a)),
    );
  }

  // --- producer and consumer ----------------------------------------------------------------

  private onFrame(frame: DirectFrame): void {
    const route = decodeInputRoute(frame.env.payload);
    frame.env.authenticate();
    const self = this.deps.host.peerId;
    const from = frame.peerId;
    if (route.consumer === self) return this.consume(from, route);
    const mine = route.parts.filter((p) => p.producer === self);
    if (mine.length === 0)
      throw reject('UNSOLICITED', `an input route for job ${route.jobId} naming neither this node`);
    let grantedAny = false;
    for (const p of mine) {
      const w = this.deps.life.worker?.record(p.jobId);
      // Only the poster of the job whose output it is may give it away, and only that output.
      if (!w || w.poster !== from || w.outputSha256 !== p.sha256 || !this.deps.store.has(p.sha256)) continue;
      const until = Math.min(route.untilMs, Date.now() + MAX_GRANT_MS);
      this.deps.transfer.grants.allow(route.consumer, route.jobId, [p.sha256], until);
      keep(this.granted, { jobId: route.jobId.toString(), consumer: route.consumer, sha256: p.sha256 });
      grantedAny = true;
    }
    if (!grantedAny)
      throw reject(
        'UNSOLICITED',
        `an input route for job ${route.jobId} naming outputs this node did not deliver to that poster`,
      );
    this.deps.log.info(
      { jobId: String(route.jobId), consumer: route.consumer },
      'input route: output granted to consumer',
    );
  }

  private consume(from: string, route: InputRoute): void {
    const w = this.deps.life.worker?.record(route.jobId);
    if (!w || w.poster !== from || w.attempt !== route.attempt)
      throw reject(
        'UNSOLICITED',
        `an input route for job ${route.jobId}, which this node did not bid on with that poster`,
      );
    if (this.deps.store.has(route.inputSha256)) return;
    this.deps.transfer.route(route.jobId, route.inputSha256, this.assemble(route));
  }

  private async assemble(route: InputRoute): Promise<Uint8Array> {
    const { store, transfer, caps } = this.deps;
    const record: RoutedInput = {
      jobId: route.jobId.toString(),
      inputSha256: route.inputSha256,
      parts: [],
      ok: false,
    };
    try {
      const parts = await Promise.all(
        route.parts.map(async (p) => {
          if (store.has(p.sha256)) return { bytes: store.get(p.sha256), from: 'self' };
          for (let attempt = 1; ; attempt++) {
            try {
              const got = await transfer.client.fetchBlobs(p.producer, route.jobId, [p.sha256], {
                ...caps,
                addrs: p.addrs,
              });
              return { bytes: got.get(p.sha256)!, from: p.producer };
            } catch (err) {
              if (
                !(err instanceof TransferError && err.code === 'UNAUTHORIZED') ||
                attempt >= UNAUTHORIZED_RETRIES
              )
                throw err;
              await new Promise((r) => setTimeout(r, RETRY_MS));
            }
          }
        }),
      );
      record.parts = route.parts.map((p, i) => ({ sha256: p.sha256, from: parts[i]!.from }));
      const whole = Buffer.concat(parts.map((p) => p.bytes));
      if (sha256Hex(whole) !== route.inputSha256)
        throw new Error(`the parts hash to ${sha256Hex(whole)}, not the input ${route.inputSha256}`);
      store.put(whole);
      record.ok = true;
      this.deps.log.info({ jobId: record.jobId, parts: record.parts }, 'input fetched from its producers');
      return whole;
    } catch (err) {
      record.error = describe(err);
      this.deps.log.info(
        { jobId: record.jobId, err: record.error },
        'input route failed; fetching the input from the poster',
      );
      throw err;
    } finally {
      keep(this.fetched, record);
    }
  }
}

function keep<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_KEPT) list.shift();
}
