pragma circom 2.1.0;

// y = f_N(...f_2(f_1(x))) with f_i(v) = (v + i)^2 over the BN254 scalar field: one
// multiplication, so one constraint, per round. The size of the proof job is N.
template SquareChain(N) {
    signal input x;
    signal output y;
    signal s[N + 1];
    s[0] <== x;
    for (var i = 0; i < N; i++) {
        s[i + 1] <== (s[i] + i + 1) * (s[i] + i + 1);
    }
    y <== s[N];
}
