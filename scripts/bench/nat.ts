/**
 * `npm run bench:nat [-- --json] [-- --trials=20] [-- --upnp=on|off|both] [-- --bytes=262144]`
 *
 * NAT traversal in real network namespaces (needs root; test/p2p/support/netns.ts draws the
 * network): a public relay, a poster and a worker each behind its own masquerading router, the
 * worker's router running miniupnpd when --upnp is on. Each trial is one job: announced on
 * gossip through the relay, bid over a relayed connection, awarded, and its data (--bytes)
 * fetched by the worker; between trials poster and worker drop each other, so each starts from
 * the relay. Per configuration: trials that succeeded, how many ended on a direct connection and
 * by which mechanism (UPnP mapping dialled by DCUtR's unilateral upgrade, or a DCUtR hole punch),
 * and the bytes through the relay's port. No chain: the award is the market's p2p award.
 *
 * Prints figures for people, or with --json one JSON object on stdout.
 */
import { netnsUnavailable } from '../../test/p2p/support/netns';
import { cleanupNatRun, runNatTrials, type NatFigures, type NatRun } from '../../test/p2p/support/nat-trials';

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

function wholeNumber(name: string, fallback: number, max: number): number {
  const text = arg(name, String(fallback));
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw new Error(`--${name} must be a whole number from 1 to ${max}, got ${text}`);
  return Number(text);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const trials = wholeNumber('trials', 20, 1000);
  const bytes = wholeNumber('bytes', 256 * 1024, 64 * 1024 * 1024);
  const upnpArg = arg('upnp', 'both');
  if (!['on', 'off', 'both'].includes(upnpArg)) throw new Error(`--upnp must be on, off or both, got ${upnpArg}`);
  const why = netnsUnavailable();
  if (why) throw new Error(`bench:nat cannot run: ${why}`);
  const modes = upnpArg === 'both' ? [true, false] : [upnpArg === 'on'];
  const results: NatFigures[] = [];
  for (const upnp of modes) {
    const run: Partial<NatRun> = {};
    try {
      results.push(
        await runNatTrials(
          { trials, upnp, bytesPerJob: bytes, progress: json ? undefined : (l) => console.error(`  ${l}`) },
          run,
        ),
      );
    } finally {
      cleanupNatRun(run);
    }
  }
  if (json) {
    console.log(JSON.stringify({ bench: 'nat', results }));
    return;
  }
  for (const r of results) {
    const ok = r.trials.filter((t) => t.transferred);
    const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
    console.log(`\nworker's router UPnP: ${r.upnp ? 'on (miniupnpd)' : 'off'}; ${r.bytesPerJob} B of data per job`);
    console.log(`  succeeded (bid, award heard, data verified): ${r.succeeded}/${r.trials.length}`);
    console.log(
      `  ended direct: ${r.direct}/${r.trials.length} (UPnP mapping ${r.byMechanism.upnp}, DCUtR hole punch ${r.byMechanism.dcutr}, none ${r.byMechanism.none})`,
    );
    console.log(`  data kept off the relay (relay bytes in the trial < data size): ${ok.filter((t) => t.fetchedDirect).length}/${ok.length}`);
    console.log(`  announce-to-award ms (mean; the window closes at the first bid): ${mean(ok.map((t) => t.awardMs))}; fetch ms (mean): ${mean(ok.map((t) => t.fetchMs))}`);
    console.log(
      `  relay bytes: setup ${r.relay.setupBytes}, trials ${r.relay.trialBytes} (${Math.round(r.relay.trialBytes / r.trials.length)} per trial)`,
    );
    console.log(
      `  relay limits: ${r.relay.limits.dataBytes} B and ${r.relay.limits.durationMs} ms per relayed connection, ${r.relay.maxReservations} reservations, ${r.relay.maxReservationsPerIp} per IP; held at end ${r.relay.reservations}`,
    );
    console.log(`  worker mapped: ${r.workerMapped.map((m) => m.addr).join(', ') || 'nothing'}`);
    for (const t of r.trials.filter((x) => x.failure)) console.log(`  trial ${t.trial} failed: ${t.failure}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
