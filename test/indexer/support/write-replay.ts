/** `npx tsx test/indexer/support/write-replay.ts <file>`: the scripted history as a replay file. */
import { scriptCodec } from './harness';
import { MarketScript, scriptedHistory } from './market-script';

const s = new MarketScript(scriptCodec());
scriptedHistory(s);
s.chain.save(process.argv[2]!);
