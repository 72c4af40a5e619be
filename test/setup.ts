// Every jest worker: starknet.js warns on each transaction that a young devnet has too few
// blocks to estimate a tip from. True and harmless in tests; it buried real output in CI logs.
import { config } from 'starknet';

config.set('logLevel', 'ERROR');
