/**
 * `npm run bench:contracts`: what each entry point costs on devnet (the fee actually charged,
 * in STRK, and the L2 gas the receipt reports), and what one whole job life costs, per party,
 * alone and per job when BATCH lives go through the batch entry points together.
 * `-- --json` prints one JSON object with the same figures instead of the table.
 * `-- --breakdown` adds where each step of the job life spends its gas: every call's own L2 gas
 * (from devnet's trace) and what the transaction paid outside the calls (call-gas.ts).
 *
 * Costs are deterministic for a given contract and devnet version (no timing involved), so
 * one run of each entry point is the measurement.
 */
import { config, type Account, type GetTransactionReceiptResponse } from 'starknet';
import { signAwardConsent } from '../../src/chain/award-consent';
import { loadArtifacts } from '../../src/chain/artifacts';
import { CairnClients } from '../../src/chain/cairn';
import { deployCairn } from '../../src/chain/deploy';
import { DEVNET_STRK_ADDRESS, Devnet } from '../devnet';
import { DEFAULT_MARKET_PARAMS, STRK } from '../../src/chain/params';
import { toBigInt } from '../../src/chain/values';
import { CallNames, type TxGas, txGas } from './call-gas';

/** Jobs in the batched life: the node's queue batches up to 16 calls a transaction. */
const BATCH = 8;

// starknet.js warns on each transaction that a young devnet has too few blocks to estimate tips.
config.set('logLevel', 'ERROR');

interface Cost {
  feeFri: bigint;
  l2Gas: bigint;
  l1DataGas: bigint;
}

async function main() {
  const json = process.argv.includes('--json');
  const breakdown = process.argv.includes('--breakdown');
  const devnet = await Devnet.start({ accounts: 6 });
  try {
    const { provider, accounts } = await devnet.signers();
    const [owner, poster, worker, worker2] = accounts as [Account, Account, Account, Account];
    const deployment = await deployCairn(owner, { token: DEVNET_STRK_ADDRESS });
    const as = (a: Account) => new CairnClients(deployment, a);
    const costs: Record<string, Cost> = {};
    const names = new CallNames()
      .contract(deployment.market, 'market')
      .contract(deployment.registry, 'registry')
      .contract(deployment.reputation, 'reputation')
      .contract(DEVNET_STRK_ADDRESS, 'STRK')
      .functions(['__validate__', '__execute__', 'transfer', 'transfer_from', 'approve', 'is_valid_signature'])
      .functions(
        Object.values(loadArtifacts()).flatMap((a) =>
          (a.sierra.abi as { type: string; name: string; items?: { type: string; name: string }[] }[]).flatMap((e) =>
            e.type === 'interface' ? (e.items ?? []).map((i) => i.name) : e.type === 'function' ? [e.name] : [],
          ),
        ),
      );
    for (const [a, label] of [[poster, 'poster'], [worker, 'worker'], [worker2, 'worker2']] as const) names.contract(a.address, label);
    const traces: Record<string, TxGas> = {};
    const cost = async (label: string, p: Promise<{ txHash: string }>) => {
      const { txHash } = await p;
      if (breakdown && /^(life|batch): /.test(label)) traces[label] = await txGas(devnet, txHash, names);
      const receipt = (await provider.getTransactionReceipt(txHash)) as GetTransactionReceiptResponse;
      const v = receipt.value as unknown as {
        actual_fee: { amount: string };
        execution_resources: { l2_gas: number; l1_data_gas: number };
      };
      costs[label] = {
        feeFri: BigInt(v.actual_fee.amount),
        l2Gas: BigInt(v.execution_resources.l2_gas),
        l1DataGas: BigInt(v.execution_resources.l1_data_gas),
      };
    };
    const jobCount = async () => toBigInt(await as(owner).market.read.job_count());
    const budget = 10n * STRK;
    const price = 8n * STRK;
    // Every award carries the worker's signed consent, checked by the market through the
    // worker account's is_valid_signature: its cost is part of award_job's figure.
    const award = async (jobId: bigint, w: Account) => {
      const expiry = BigInt((await provider.getBlockWithTxHashes('latest')).timestamp) + 3_600n;
      const attempt = Number((await as(owner).market.read.job(jobId)).attempts) + 1;
      const signature = await signAwardConsent(w, { market: deployment.market, jobId, price, expiry, attempt });
      return as(poster).market.invoke('award_job', jobId, w.address, price, expiry, signature);
    };
    /** A job with a 60 s execution window, awarded to `w`, accepted, and its result submitted if `submit`. */
    const jobInHand = async (w: Account, submit: boolean) => {
      await as(poster).market.invoke('create_job', budget, 0xc0ffeen, 60n, 2n);
      const jobId = await jobCount();
      await award(jobId, w);
      await as(w).market.invoke('accept_job', jobId);
      if (submit) await as(w).market.invoke('submit_result', jobId, 0x1234n);
      return jobId;
    };

    // Worker setup.
    for (const w of [worker, worker2]) {
      await cost(w === worker ? 'token.approve' : 'token.approve (2)', as(w).token.invoke('approve', deployment.registry, 1_000n * STRK));
      await cost(w === worker ? 'registry.stake' : 'registry.stake (2)', as(w).registry.invoke('stake', 500n * STRK));
      await cost(w === worker ? 'registry.bind_peer' : 'registry.bind_peer (2)', as(w).registry.invoke('bind_peer', '12D3KooWLzHtQ5o3XBSyM6zjGKH1pRzQn5JXg6kJbT3z3Zx8pJ9Z'));
    }

    // One whole job life, the common path: create, award, accept, submit, confirm.
    await cost('life: token.approve', as(poster).token.invoke('approve', deployment.market, budget));
    await cost('life: market.create_job', as(poster).market.invoke('create_job', budget, 0xc0ffeen, 3_600n, 2n));
    const id = await jobCount();
    await cost('life: market.award_job (with consent check)', award(id, worker));
    await cost('life: market.accept_job', as(worker).market.invoke('accept_job', id));
    await cost('life: market.submit_result', as(worker).market.invoke('submit_result', id, 0x1234n));
    await cost('life: market.confirm', as(poster).market.invoke('confirm', id));

    // The same life for BATCH jobs at once through the batch entry points, a transaction per
    // step, as the node's queue sends them when it has a step for several jobs (combine-calls.ts).
    const ids = Array.from({ length: BATCH }, (_, i) => id + 1n + BigInt(i));
    const spec = { budget, manifest_hash: 0xc0ffeen, exec_duration: 3_600n, max_attempts: 2 };
    await cost('batch: token.approve', as(poster).token.invoke('approve', deployment.market, BigInt(BATCH) * budget));
    await cost('batch: market.create_jobs', as(poster).market.invoke('create_jobs', ids.map(() => spec)));
    const expiry = BigInt((await provider.getBlockWithTxHashes('latest')).timestamp) + 3_600n;
    const awards = await Promise.all(
      ids.map(async (jobId) => ({
        job_id: jobId,
        worker: worker.address,
        price,
        consent_expiry: expiry,
        consent_signature: await signAwardConsent(worker, { market: deployment.market, jobId, price, expiry, attempt: 1 }),
      })),
    );
    await cost('batch: market.award_jobs', as(poster).market.invoke('award_jobs', awards));
    await cost('batch: market.accept_jobs', as(worker).market.invoke('accept_jobs', ids));
    await cost('batch: market.submit_results', as(worker).market.invoke('submit_results', ids.map((job_id) => ({ job_id, commitment: 0x1234n }))));
    await cost('batch: market.confirm_jobs', as(poster).market.invoke('confirm_jobs', ids));

    // The other entry points.
    await as(poster).token.invoke('approve', deployment.market, 10n * budget);
    await as(poster).market.invoke('create_job', budget, 0xc0ffeen, 3_600n, 2n);
    await cost('market.cancel_job', as(poster).market.invoke('cancel_job', await jobCount()));

    const d = await jobInHand(worker, true);
    await as(poster).token.invoke('approve', deployment.market, price);
    await cost('market.dispute (pulls the bond)', as(poster).market.invoke('dispute', d, 0xbadn, 0xd15b07edn));
    await cost('market.resolve (poster wins: refund + bond + slash)', as(owner).market.invoke('resolve', d, false));
    // The bond's approval replaced the allowance the budgets below draw on.
    await as(poster).token.invoke('approve', deployment.market, 10n * budget);

    // A dispute nobody rules on: anyone settles it for the worker after the resolution window.
    const f = await jobInHand(worker2, true); // the first worker is suspended by the lost dispute above
    await as(poster).token.invoke('approve', deployment.market, price);
    await as(poster).market.invoke('dispute', f, 0xbadn, 0xd15b07edn);
    await as(poster).token.invoke('approve', deployment.market, 10n * budget);
    await devnet.increaseTime(Number(DEFAULT_MARKET_PARAMS.resolution_window) + 1);
    await cost('market.finalize_dispute (default: worker paid + bond)', as(owner).market.invoke('finalize_dispute', f));

    const c = await jobInHand(worker2, true);
    await devnet.increaseTime(Number(DEFAULT_MARKET_PARAMS.review_window) + 1);
    await cost('market.claim', as(worker2).market.invoke('claim', c));

    const e = await jobInHand(worker2, false);
    await devnet.increaseTime(61);
    await cost('market.expire (missed deadline: slash + reopen)', as(owner).market.invoke('expire', e));
    await cost('market.collect_fees', as(owner).market.invoke('collect_fees'));
    await cost('market.set_params (scheduled)', as(owner).market.invoke('set_params', DEFAULT_MARKET_PARAMS));

    await cost('registry.request_unstake', as(worker).registry.invoke('request_unstake', 10n * STRK));
    await cost('registry.cancel_unstake', as(worker).registry.invoke('cancel_unstake'));
    await as(worker).registry.invoke('request_unstake', 10n * STRK);
    await devnet.increaseTime(86_401);
    await cost('registry.withdraw', as(worker).registry.invoke('withdraw'));

    const life = Object.entries(costs).filter(([k]) => k.startsWith('life: '));
    const sum = (xs: [string, Cost][]) =>
      xs.reduce((s, [, c]) => ({ feeFri: s.feeFri + c.feeFri, l2Gas: s.l2Gas + c.l2Gas, l1DataGas: s.l1DataGas + c.l1DataGas }), { feeFri: 0n, l2Gas: 0n, l1DataGas: 0n });
    const batch = sum(Object.entries(costs).filter(([k]) => k.startsWith('batch: ')));
    const perJob = (c: Cost): Cost => ({ feeFri: c.feeFri / BigInt(BATCH), l2Gas: c.l2Gas / BigInt(BATCH), l1DataGas: c.l1DataGas / BigInt(BATCH) });
    const jobLife = {
      batched: perJob(batch),
      total: sum(life),
      poster: sum(life.filter(([k]) => /approve|create|award|confirm/.test(k))),
      worker: sum(life.filter(([k]) => /accept|submit/.test(k))),
    };
    const strk = (fri: bigint) => Number(fri) / 1e18;
    if (json) {
      const conv = (c: Cost) => ({ fee_strk: strk(c.feeFri), fee_fri: c.feeFri.toString(), l2_gas: Number(c.l2Gas), l1_data_gas: Number(c.l1DataGas) });
      const out = {
        devnet: devnet.url,
        entry_points: Object.fromEntries(Object.entries(costs).map(([k, c]) => [k, conv(c)])),
        job_life: {
          total: conv(jobLife.total),
          poster: conv(jobLife.poster),
          worker: conv(jobLife.worker),
          batch_size: BATCH,
          batched_per_job: conv(jobLife.batched),
        },
        ...(breakdown ? { breakdown: traces } : {}),
      };
      process.stdout.write(JSON.stringify(out) + '\n');
    } else {
      const rows = Object.entries(costs).map(([k, c]) => [k, strk(c.feeFri).toFixed(6), c.l2Gas.toString(), c.l1DataGas.toString()]);
      rows.push(['JOB LIFE total (approve+create+award+accept+submit+confirm)', strk(jobLife.total.feeFri).toFixed(6), jobLife.total.l2Gas.toString(), jobLife.total.l1DataGas.toString()]);
      rows.push(['  of which poster', strk(jobLife.poster.feeFri).toFixed(6), jobLife.poster.l2Gas.toString(), jobLife.poster.l1DataGas.toString()]);
      rows.push(['  of which worker', strk(jobLife.worker.feeFri).toFixed(6), jobLife.worker.l2Gas.toString(), jobLife.worker.l1DataGas.toString()]);
      rows.push([`JOB LIFE per job in a batch of ${BATCH} (the batch: rows)`, strk(jobLife.batched.feeFri).toFixed(6), jobLife.batched.l2Gas.toString(), jobLife.batched.l1DataGas.toString()]);
      const w = Math.max(...rows.map((r) => r[0]!.length));
      process.stdout.write(`${'entry point'.padEnd(w)}  ${'fee STRK'.padStart(10)}  ${'L2 gas'.padStart(10)}  ${'L1 data gas'.padStart(11)}\n`);
      for (const r of rows) process.stdout.write(`${r[0]!.padEnd(w)}  ${r[1]!.padStart(10)}  ${r[2]!.padStart(10)}  ${r[3]!.padStart(11)}\n`);
      for (const [label, t] of Object.entries(traces)) {
        process.stdout.write(`\n${label.replace(/^life: /, '')}: ${t.l2Gas} L2 gas, ${t.outsideCalls} outside the calls (new storage slots at 402,000 each, data)\n`);
        for (const c of t.calls) {
          process.stdout.write(`  ${'  '.repeat(c.depth)}${c.call.padEnd(40 - 2 * c.depth)} ${String(c.l2Gas).padStart(9)} total ${String(c.ownL2Gas).padStart(9)} own\n`);
        }
      }
    }
  } finally {
    await devnet.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
