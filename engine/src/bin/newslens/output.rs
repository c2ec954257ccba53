//! Where an export goes: `--format NAME` and `--out FILE`, shared by `annotate` and `import`.

use std::io::Write;

use newslens::export::{self, Format};
use newslens::Document;

use crate::USAGE;

/// No `format`: JSON lines (`annotate`'s default). With one: a single export, to `file` or stdout.
#[derive(Default)]
pub(crate) struct Output {
    pub format: Option<Format>,
    pub file: Option<String>,
}

impl Output {
    /// Takes `--format NAME` or `--out FILE`.
    pub fn set(&mut self, flag: &str, value: Option<&String>) -> Result<(), String> {
        let value = value.ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        if flag == "--out" {
            self.file = Some(value.clone());
        } else if value != "jsonl" {
            self.format = Some(Format::from_name(value).ok_or_else(|| format!("unknown format {value}\n{USAGE}"))?);
        }
        Ok(())
    }

    pub fn is_export(&self) -> bool {
        self.format.is_some()
    }

    /// `--out` without `--format` is refused: JSON lines go to stdout.
    pub fn check(&self) -> Result<(), String> {
        match (&self.file, self.format) {
            (Some(_), None) => Err("--out goes with --format (JSON lines go to stdout)".into()),
            _ => Ok(()),
        }
    }

    /// Writes `docs` in the format (native JSON if none was given) to the file, or to
    /// `out`; a binary export (the brat zip) is not written to a terminal.
    pub fn export(&self, out: &mut impl Write, docs: &[Document]) -> Result<(), String> {
        use std::io::IsTerminal;
        let format = self.format.unwrap_or(Format::Native);
        let bytes = export::export(format, docs).map_err(|e| e.to_string())?;
        match &self.file {
            Some(path) => std::fs::write(path, bytes).map_err(|e| format!("{path}: {e}")),
            None if !format.is_text() && std::io::stdout().is_terminal() => {
                Err(format!("{format} is a zip: give --out FILE.zip or redirect stdout"))
            }
            None => out.write_all(&bytes).map_err(|e| e.to_string()),
        }
    }
}
