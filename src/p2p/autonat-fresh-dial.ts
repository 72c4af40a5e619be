/**
 * AutoNAT v1 as libp2p ships it (@libp2p/autonat 3.0), except that its dial-back takes a new
 * connection.
 *
 * The service's server side dials the address a peer asks it to verify with the connection
 * manager's `openConnection`, which hands back whatever connection is already open to that
 * address, and closes that connection when it has answered. A node that dialled a public peer
 * (its relay, its bootstrap node) and is then asked by that peer to verify the very address it
 * dialled closed its own connection to it: its relay reservation went with it, the keep-alive
 * tag redialled, the peer asked again. nat.test.ts caught both NATed nodes reconnecting to
 * their relay every ~90 ms this way until the relay banned them for syncing adverts too often.
 *
 * A dial-back on a fresh connection is also what the check means: that the address takes new
 * connections, not that one is open. The service's other dial (finding peers to ask, given a
 * peer's list of addresses) keeps reusing connections.
 */
import type { Connection, PeerId } from '@libp2p/interface' with { 'resolution-mode': 'import' };
import type { Multiaddr } from '@multiformats/multiaddr' with { 'resolution-mode': 'import' };

type Target = PeerId | Multiaddr | Multiaddr[];

interface DialingManager {
  openConnection(target: Target, options?: { force?: boolean }): Promise<Connection>;
}

export type ServiceFactory = (components: never) => unknown;

/**
 * Options for an AutoNAT dial: a single address (a dial-back) is forced onto a new connection.
 * `isMultiaddr` tells a Multiaddr from a PeerId without importing the ESM-only package here.
 */
export function dialBackOptions<O extends object | undefined>(
  target: Target,
  options: O,
  isMultiaddr: (v: unknown) => boolean,
): O | (O & { force: true }) {
  if (Array.isArray(target) || !isMultiaddr(target)) return options;
  return { ...(options ?? {}), force: true } as O & { force: true };
}

/** Wraps an AutoNAT service factory so the service sees a connection manager whose dial-backs are fresh. */
export function autonatDialingAfresh(factory: ServiceFactory, isMultiaddr: (v: unknown) => boolean): ServiceFactory {
  return (components: never) => {
    const real = (components as { connectionManager: DialingManager }).connectionManager;
    const openConnection: DialingManager['openConnection'] = (target, options) =>
      real.openConnection(target, dialBackOptions(target, options, isMultiaddr));
    // Proxies rather than copies: libp2p's components object checks service dependencies on
    // access, and the connection manager's methods expect to be called on itself.
    const connectionManager = new Proxy(real as object, {
      get(target, prop) {
        if (prop === 'openConnection') return openConnection;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const wrapped = new Proxy(components as object, {
      get(target, prop, receiver) {
        return prop === 'connectionManager' ? connectionManager : Reflect.get(target, prop, receiver);
      },
    });
    return factory(wrapped as never);
  };
}
