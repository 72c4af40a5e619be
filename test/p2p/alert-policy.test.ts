/**
 * @jest-environment ./test/support/esm-environment.cjs
 *
 * An alert's effect on a node as `src/main.ts` assembles it: a worker that trusts an issuer stops
 * bidding on a module the issuer reports as hostile, and keeps bidding on everything else; a
 * worker that does not trust the issuer is unmoved. Real nodes over TCP on loopback.
 */
import { AlertType } from '../../src/alerts/alert-codec';
import { AlertService } from '../../src/alerts/alert-service';
import type { CairnNode } from '../../src/node/start-node';
import { jobSpec } from '../support/job-spec';
import { HONEST_WORKER, connect, startNode, stopAll, waitFor, waitForMesh } from './support/cluster';

const HOSTILE = 0x9999n;
const FINE = 0x1234n;

describe('alert policy in a node', () => {
  let issuer: CairnNode;
  let poster: CairnNode;
  let believer: CairnNode;
  let sceptic: CairnNode;
  let nextJob = 1n;

  beforeAll(async () => {
    issuer = await startNode();
    poster = await startNode();
    believer = await startNode({
      worker: { ...HONEST_WORKER, workerAddress: 0x701n, pricePerFuel: 5n },
      config: { alerts: { trustedIssuers: [issuer.peerId] } },
    });
    sceptic = await startNode({ worker: { ...HONEST_WORKER, workerAddress: 0x702n, pricePerFuel: 6n } });
    await connect(believer, poster);
    await connect(sceptic, poster);
    await connect(issuer, believer);
    await connect(issuer, sceptic);
    await waitForMesh([believer, sceptic]);
    await waitFor(() => poster.host.gossip.subscribers('job_announcement') >= 2, 'both workers subscribed');
  });

  afterAll(async () => {
    await stopAll([issuer, poster, believer, sceptic]);
  });

  const alerts = (n: CairnNode) => n.app.get(AlertService);

  test('the believer refuses the reported module and still bids on others; the sceptic bids on both', async () => {
    const scepticSaw: string[] = [];
    alerts(sceptic).onAlert((a) => scepticSaw.push(a.decision.action));
    alerts(issuer).raise({
      type: AlertType.ALERT_TYPE_HOSTILE_MODULE,
      subject: HOSTILE,
      evidence: 'escapes the sandbox',
    });
    await waitFor(() => alerts(believer).policy.isModuleRefused(HOSTILE), 'the believer to take the alert');
    await waitFor(() => scepticSaw.length === 1, 'the sceptic to hear it');
    expect(scepticSaw).toEqual(['noted']);

    const hostile = await poster.market.poster.announce(
      jobSpec(nextJob++, { manifestHash: HOSTILE, maxBids: 2 }),
    );
    const bidders = hostile.bids.map((b) => b.worker);
    expect(bidders).toContain(sceptic.peerId);
    expect(bidders).not.toContain(believer.peerId);
    expect(believer.market.worker?.stats.skipped).toBeGreaterThanOrEqual(1);
    expect(alerts(sceptic).policy.isModuleRefused(HOSTILE)).toBe(false);

    const fine = await poster.market.poster.announce(jobSpec(nextJob++, { manifestHash: FINE, maxBids: 2 }));
    expect(fine.bids.map((b) => b.worker).sort()).toEqual([believer.peerId, sceptic.peerId].sort());
  });
});
