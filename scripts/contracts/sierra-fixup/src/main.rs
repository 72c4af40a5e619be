//! wasm-cairo is the Cairo compiler built for wasm32, where `usize::MAX` is 2^32 - 1. The Sierra
//! felt encoding writes a fall-through branch target as `usize::MAX`, so its contract classes
//! say "jump to statement 4294967295" where a native (64-bit) compiler says "fall through", and
//! every 64-bit reader (universal-sierra-compiler, the sequencer, starknet-devnet) rejects the
//! class with `LibfuncInvocationBranchTargetMismatch`. No program has 2^32 - 1 statements, so
//! the rewrite is unambiguous: decode, turn those targets into fall-throughs, encode again.
//!
//!
//! It also writes the ABI back in the compiler's canonical field order ("type" first, as the
//! native compiler emits it): wasm-cairo's JSON has every object's keys sorted, and the ABI
//! part of a class hash is computed over its text. starknet-devnet (through starknet-rs)
//! re-serializes the ABI in canonical order before hashing, so a class declared with sorted
//! keys gets a different hash on each side and the declare's signature fails.
//!
//! Usage: cairn-sierra-fixup <in.contract_class.json> <out.contract_class.json>
//! Prints the number of branch targets rewritten.

use cairo_lang_sierra::program::{BranchTarget, Statement, StatementIdx};
use cairo_lang_starknet_classes::contract_class::ContractClass;
use std::process::ExitCode;

const WASM32_FALLTHROUGH: usize = u32::MAX as usize;

fn run(input: &str, output: &str) -> Result<usize, String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let mut parsed: ContractClass =
        serde_json::from_str(&text).map_err(|e| format!("{input}: not a contract class: {e}"))?;
    let mut program = parsed
        .extract_sierra_program(false)
        .map_err(|e| format!("{input}: cannot decode Sierra: {e:?}"))?
        .program;
    if program.statements.len() >= WASM32_FALLTHROUGH {
        return Err(format!("{input}: too many statements to tell targets apart"));
    }
    let mut rewritten = 0;
    for statement in &mut program.statements {
        if let Statement::Invocation(invocation) = statement {
            for branch in &mut invocation.branches {
                if branch.target == BranchTarget::Statement(StatementIdx(WASM32_FALLTHROUGH)) {
                    branch.target = BranchTarget::Fallthrough;
                    rewritten += 1;
                }
            }
        }
    }
    // The encoder is private to cairo-lang-starknet-classes; `ContractClass::new` is its public
    // door. It stamps its own Sierra and compiler versions on the header (the first six felts,
    // outside the compressed body), so the original header goes back on: the program is still
    // the Sierra 1.6.0 that Cairo 2.8.2 wrote.
    let encoded = ContractClass::new(&program, parsed.entry_points_by_type.clone(), None, Default::default())
        .map_err(|e| format!("{input}: cannot encode Sierra: {e:?}"))?;
    const HEADER: usize = 6;
    let mut felts = parsed.sierra_program[..HEADER].to_vec();
    felts.extend_from_slice(&encoded.sierra_program[HEADER..]);
    parsed.sierra_program = felts;
    // Serialized from the typed class (not a serde_json::Value, whose maps sort their keys), so
    // every field comes out in the compiler's declaration order.
    let json = serde_json::to_string(&parsed).map_err(|e| e.to_string())?;
    std::fs::write(output, json).map_err(|e| format!("{output}: {e}"))?;
    Ok(rewritten)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: cairn-sierra-fixup <in.contract_class.json> <out.contract_class.json>");
        return ExitCode::from(2);
    }
    match run(&args[1], &args[2]) {
        Ok(n) => {
            println!("{n}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cairn-sierra-fixup: {e}");
            ExitCode::FAILURE
        }
    }
}
