//! `newslens import`: a native JSON, W3C Web Annotation or brat export read back (and
//! checked against the guide), printed as native JSON.

use std::io::{self, Write};

use newslens::export::{self, Format};

use crate::USAGE;

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let mut file = None;
    let mut out_file = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out_file = Some(args.next().ok_or("--out needs a file name")?.clone()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            name if file.is_none() => file = Some(name.to_string()),
            _ => return Err(format!("import reads one file\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| format!("no file to import\n{USAGE}"))?;
    let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
    let docs = export::import(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let native = export::export(Format::Native, &docs).map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    crate::write_output(&mut out, out_file.as_deref(), Format::Native, &native)?;
    out.flush().map_err(|e| e.to_string())
}
