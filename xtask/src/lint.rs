//! The style gate: rustfmt (widths in `rustfmt.toml`) and clippy with warnings as errors.
//! Both run before the tests, so CI refuses unformatted or clippy-dirty code.

use std::path::Path;

use crate::proc::run;

/// `cargo fmt --check` over the workspace, then clippy over every target of every member.
pub fn check(root: &Path) -> Result<(), String> {
    run(root, "cargo", &["fmt", "--all", "--check"])
        .map_err(|_| "code is not formatted: run `cargo fmt --all` (rustfmt.toml sets the width)".to_string())?;
    run(root, "cargo", &["clippy", "--workspace", "--all-targets", "--quiet", "--", "-D", "warnings"])
        .map_err(|_| "clippy found problems (listed above)".to_string())
}
