import { startNode, connect, waitFor } from './support/cluster';
(async () => {
  const P = await startNode();
  const W = [];
  for (let i = 0; i < 10; i++) { const w = await startNode({ worker: { workerAddress: BigInt(0x100 + i), cores: 4, memoryMb: 8192, wasmFeatures: ['simd'], fuelPerSecond: 1000000n, pricePerFuel: 10n } }); await connect(w, P); W.push(w); }
  await waitFor(() => P.host.gossip.meshPeers('job_announcement') >= 10, 'mesh');
  const i0 = process.cpuUsage(); const w0 = performance.now(); await new Promise((r) => setTimeout(r, 5000)); const ic = process.cpuUsage(i0); console.log('idle cpu % of one core', (ic.user + ic.system) / 1000 / (performance.now() - w0) * 100);
  let verifies = 0; const orig = P.host.verifier.verify.bind(P.host.verifier);
  P.host.verifier.verify = (a, b, c) => { verifies++; return orig(a, b, c); };
  let jobId = 1n;
  const t = process.cpuUsage(); const wall0 = performance.now();
  for (let j = 0; j < 200; j++) {
    await P.market.poster.announce({ jobId: jobId++, posterAddress: 1n, manifestHash: 2n, requirements: { minCores: 1, minMemoryMb: 1, wasmFeatures: [], minFuelPerSecond: 1n, fuelLimit: 10n }, budget: 10n ** 9n, collateral: 0n, executionDeadlineS: 2000000000n, bidWindowMs: 3000, maxBids: 3 });
  }
  const c = process.cpuUsage(t);
  console.log('verifies per job', verifies / 200, 'cpu per job (all 11 nodes) ms', (c.user + c.system) / 1000 / 200, 'wall per job ms', (performance.now() - wall0) / 200);
  await Promise.all([P, ...W].map((n) => n.stop()));
})();
