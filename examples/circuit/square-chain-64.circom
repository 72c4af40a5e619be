pragma circom 2.1.0;

include "square-chain.circom";

// The test-sized circuit: 64 constraints. Public signals: [y, x].
component main {public [x]} = SquareChain(64);
