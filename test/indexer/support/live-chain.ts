/**
 * A scripted market chain in a replay file that grows and forks under a running indexer
 * (ReplayFileChain re-reads it): the scripted history, then further steps, each saved with
 * `publish()`. A fork rebuilds the same steps with another block-hash tag from a chosen height,
 * so the prefix is identical and the hashes diverge where the chain is replaced.
 */
import { join } from 'node:path';
import { scriptCodec } from './harness';
import { MarketScript, scriptedHistory } from './market-script';

export type Step = (s: MarketScript) => void;

export class LiveChain {
  private steps: Step[] = [];
  script: MarketScript;
  readonly path: string;
  private forks = 0;

  constructor(dir: string) {
    this.path = join(dir, 'live-chain.json');
    this.script = this.build();
    this.publish();
  }

  private build(fork?: { tag: string; from: number }): MarketScript {
    const s = new MarketScript(scriptCodec(), fork);
    scriptedHistory(s);
    for (const step of this.steps) step(s);
    return s;
  }

  /** Height of the recorded chain (its head is height - 1). */
  get height(): number {
    return this.script.height;
  }

  /** Applies `step` (which should mine) and writes the file. */
  extend(step: Step): void {
    step(this.script);
    this.steps.push(step);
    this.publish();
  }

  /**
   * Replaces every block from height `from` on: the steps kept are those that ran below it,
   * given as `keep`, followed by `then`; block hashes from `from` on change.
   */
  fork(from: number, keep: number, then: Step): void {
    this.steps = this.steps.slice(0, keep);
    this.script = this.build({ tag: `fork${++this.forks}`, from });
    then(this.script);
    this.steps.push(then);
    this.publish();
  }

  get stepCount(): number {
    return this.steps.length;
  }

  publish(): void {
    this.script.chain.save(this.path);
  }
}
