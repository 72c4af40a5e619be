//! Runs the Cairo unit tests of one crate natively: cairo-lang-test-runner with the Starknet
//! plugin, gas accounted, every test of the crate compiled once and run in parallel.
//!
//! Why not wasm-cairo, which compiles the contracts: it is wasm32 (4 GiB of memory, never given
//! back), and a test crate holding every contract and one JobMarket test takes 2.7-3.8 GB and
//! about two minutes of CPU to compile, so the tests had to be compiled one per process (about
//! an hour of CPU for 30 tests) and some did not fit at all. Natively the whole crate compiles
//! once, in about 30 s.
//!
//! The Cairo core library is found the compiler's own way (`detect_corelib`): run it with the
//! working directory holding `corelib/src`, as scripts/contracts/test.ts does from this folder,
//! where corelib 2.17.0 is vendored (no registry ships it; see corelib/README.md).
//!
//! Usage: cairn-cairo-test <crate dir holding cairo_project.toml> [filter]
//! Prints `test <path> ... ok|fail` per test and the runner's failure summary; exits 1 when a
//! test fails or the crate does not compile (its diagnostics on stderr).

use anyhow::Context;
use cairo_lang_test_runner::{TestRunConfig, TestRunner};
use std::path::PathBuf;
use std::process::ExitCode;

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().context("usage: cairn-cairo-test <crate dir> [filter]")?);
    let config = TestRunConfig {
        filter: args.next().unwrap_or_default(),
        include_ignored: false,
        ignored: false,
        profiler_config: None,
        gas_enabled: true,
        print_resource_usage: false,
    };
    // allow_warnings: the contracts are written for Cairo 2.8 (wasm-cairo builds them), and this
    // newer compiler warns about some of what 2.8 accepts; warnings must not stop the tests.
    TestRunner::new(&dir, true, true, config)?.run()?;
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err:#}");
            ExitCode::FAILURE
        }
    }
}
