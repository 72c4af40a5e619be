/**
 * A Nest provider factory for a service that must be running before anything that injects it
 * runs (the p2p host, adverts, alerts, the market): it builds the service and awaits its start.
 */
export function startedBy<D extends unknown[], T extends { start(): Promise<unknown> }>(
  create: (...deps: D) => T,
): (...deps: D) => Promise<T> {
  return async (...deps: D) => {
    const service = create(...deps);
    await service.start();
    return service;
  };
}
