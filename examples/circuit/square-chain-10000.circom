pragma circom 2.1.0;

include "square-chain.circom";

// The benchmark-sized circuit: 10,000 constraints. Public signals: [y, x].
component main {public [x]} = SquareChain(10000);
