//! `newslens import`: a native JSON, W3C Web Annotation or brat export read back (and
//! checked against the guide), printed as native JSON.

use std::io::{self, Write};

use newslens::export;

use crate::output::Output;
use crate::USAGE;

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let mut file = None;
    let mut output = Output::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => output.set(arg, args.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            name if file.is_none() => file = Some(name.to_string()),
            _ => return Err(format!("import reads one file\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| format!("no file to import\n{USAGE}"))?;
    let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
    let docs = export::import(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    output.export(&mut out, &docs)?;
    out.flush().map_err(|e| e.to_string())
}
