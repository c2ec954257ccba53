//! Fuzz target: arbitrary bytes as a dropped file in every page format (and as
//! a paste) through the engine; any panic or broken output contract is a finding.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newslens::Engine;

fuzz_target!(|bytes: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::new().expect("embedded models load"));
    let violations = invariants::bytes_violations(engine, bytes);
    assert!(violations.is_empty(), "contract broken:\n  {}", violations.join("\n  "));
});
