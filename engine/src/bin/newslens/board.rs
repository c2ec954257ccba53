//! `newslens board`: the boards of the page for the files given, as one JSON
//! object (figures by thing, dates, quotes by speaker and matched across
//! files, entities, and each file's regions that are not its article).

use std::io::{self, Write};

use newslens::page::{self, Format};
use newslens::{board, Engine};

use crate::USAGE;

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let mut pretty = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--pretty" => pretty = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            file => files.push(file),
        }
    }
    if files.is_empty() {
        return Err(format!("no files for the board\n{USAGE}"));
    }
    let engine = Engine::new().map_err(|e| e.to_string())?;
    let mut docs = Vec::with_capacity(files.len());
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
        let page = page::from_bytes(&bytes, Format::from_file_name(file)).map_err(|e| format!("{file}: {e}"))?;
        let name = std::path::Path::new(file).file_name().and_then(|n| n.to_str());
        docs.push(engine.annotate(&page, name));
    }
    board::unify_clusters(&mut docs);
    let boards = board::build(&docs);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written =
        if pretty { serde_json::to_writer_pretty(&mut out, &boards) } else { serde_json::to_writer(&mut out, &boards) };
    written.map_err(|e| e.to_string())?;
    out.write_all(b"\n").and_then(|()| out.flush()).map_err(|e| e.to_string())
}
