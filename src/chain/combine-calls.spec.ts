import { RpcProvider, type Call } from 'starknet';
import { CairnClients } from './cairn';
import { combineCalls } from './combine-calls';

const deployment = {
  market: '0x111',
  registry: '0x222',
  reputation: '0x333',
  token: '0x444',
} as unknown as ConstructorParameters<typeof CairnClients>[0];
// Only populate() is used: calldata is encoded from the checked-in ABIs, no request is made.
const { market, token } = new CairnClients(deployment, new RpcProvider({ nodeUrl: 'http://127.0.0.1:9' }));
const targets = { market: market.address, token: token.address };

const post = (...budgets: bigint[]): Call[] => [
  token.populate('approve', market.address, budgets.reduce((s, b) => s + b, 0n)),
  ...budgets.map((b) => market.populate('create_job', b, 0xabcn, 60n, 2)),
];
const felts = (calls: Call[]) =>
  calls.map((c) => ({ to: BigInt(c.contractAddress), fn: c.entrypoint, data: (c.calldata as string[]).map(BigInt) }));

describe('combineCalls', () => {
  it('turns several confirms into the confirm_jobs call the ABI encodes', () => {
    const out = combineCalls(
      [[market.populate('confirm', 7n)], [market.populate('confirm', 9n)]],
      targets,
    );
    expect(felts(out)).toEqual(felts([market.populate('confirm_jobs', [7n, 9n])]));
  });

  it('turns accepts and claims into accept_jobs and claim_jobs', () => {
    const out = combineCalls(
      [
        [market.populate('accept_job', 1n)],
        [market.populate('claim', 4n)],
        [market.populate('accept_job', 2n)],
        [market.populate('claim', 5n)],
      ],
      targets,
    );
    expect(felts(out)).toEqual(
      felts([market.populate('accept_jobs', [1n, 2n]), market.populate('claim_jobs', [4n, 5n])]),
    );
  });

  it('turns posts into one approve of the sum and the create_jobs call the ABI encodes', () => {
    const big = (1n << 130n) + 5n;
    const out = combineCalls([post(10n), post(20n, big)], targets);
    const spec = (budget: bigint) => ({ budget, manifest_hash: 0xabcn, exec_duration: 60n, max_attempts: 2 });
    expect(felts(out)).toEqual(
      felts([
        token.populate('approve', market.address, 30n + big),
        market.populate('create_jobs', [spec(10n), spec(20n), spec(big)]),
      ]),
    );
  });

  it('leaves a lone call as it is, so one job costs what it did', () => {
    const lone = [market.populate('confirm', 7n)];
    expect(combineCalls([lone], targets)).toEqual(lone);
    expect(combineCalls([post(10n)], targets)).toEqual(post(10n));
  });

  it('turns awards and submits, whose calldata varies in length, into award_jobs and submit_results', () => {
    const out = combineCalls(
      [
        [market.populate('award_job', 3n, '0x55', 8n, 100n, ['0x1', '0x2'])],
        [market.populate('submit_result', 3n, 0x77n)],
        [market.populate('award_job', 4n, '0x56', (1n << 128n) + 9n, 101n, ['0x3'])],
        [market.populate('submit_result', 4n, 0x78n)],
      ],
      targets,
    );
    expect(felts(out)).toEqual(
      felts([
        market.populate('award_jobs', [
          { job_id: 3n, worker: '0x55', price: 8n, consent_expiry: 100n, consent_signature: ['0x1', '0x2'] },
          { job_id: 4n, worker: '0x56', price: (1n << 128n) + 9n, consent_expiry: 101n, consent_signature: ['0x3'] },
        ]),
        market.populate('submit_results', [
          { job_id: 3n, commitment: 0x77n },
          { job_id: 4n, commitment: 0x78n },
        ]),
      ]),
    );
  });

  it('keeps other calls in place, the combined call where the first unit it absorbs was', () => {
    const award = [market.populate('award_job', 3n, '0x55', 8n, 100n, ['0x1', '0x2'])];
    const dispute = [token.populate('approve', market.address, 4n), market.populate('dispute', 6n, 1n, 2n)];
    const cancel = [market.populate('cancel_job', 2n)];
    const out = combineCalls(
      [award, cancel, [market.populate('confirm', 7n)], dispute, [market.populate('confirm', 9n)], cancel],
      targets,
    );
    expect(felts(out)).toEqual(
      felts([...award, ...cancel, market.populate('confirm_jobs', [7n, 9n]), ...dispute, ...cancel]),
    );
  });

  it('does not merge an approve that is not exactly the budgets it pays for', () => {
    const odd = [token.populate('approve', market.address, 99n), market.populate('create_job', 10n, 0xabcn, 60n, 2)];
    const out = combineCalls([odd, post(20n)], targets);
    expect(felts(out)).toEqual(felts([...odd, ...post(20n)]));
  });

  it('does not merge calls to another contract or approves for another spender', () => {
    const elsewhere = [{ ...market.populate('confirm', 7n), contractAddress: '0x999' }];
    const otherSpender = [token.populate('approve', '0x999', 10n), market.populate('create_job', 10n, 0xabcn, 60n, 2)];
    const units = [elsewhere, elsewhere, otherSpender, otherSpender];
    expect(combineCalls(units, targets)).toEqual(units.flat());
  });
});
