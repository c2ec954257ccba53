//! `newslens annotate`: one guide document per input, as JSON lines, or all of them in
//! one export format (`--format`).

use std::io::{self, BufRead, BufWriter, Write};

use newslens::page::{self, Format};
use newslens::{Date, Document, Engine};

use crate::output::Output;
use crate::USAGE;

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let engine = Engine::new().map_err(|e| e.to_string())?;
    let mut jsonl = false;
    let mut together = false;
    let mut dateline = None;
    let mut output = Output::default();
    let mut files = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--together" => together = true,
            "--dateline" => {
                let value = args.next().ok_or("--dateline needs a YYYY-MM-DD date")?;
                dateline = Some(value.parse::<Date>().map_err(|e| e.to_string())?);
            }
            "--format" | "--out" => output.set(arg, args.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            file => files.push(file.to_string()),
        }
    }
    output.check()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if jsonl {
        if !files.is_empty() {
            return Err("--jsonl reads stdin; give no files with it".into());
        }
        return annotate_jsonl(&engine, io::stdin().lock(), together, &output, &mut out);
    }
    if files.is_empty() {
        return Err(format!("no files to annotate\n{USAGE}"));
    }
    let mut failed = Vec::new();
    let mut docs = Vec::new();
    for file in &files {
        match read_page(file) {
            Ok(mut page) => {
                if dateline.is_some() {
                    page.dateline = dateline;
                }
                let name = std::path::Path::new(file).file_name().and_then(|n| n.to_str());
                let doc = engine.annotate(&page, name);
                if together || output.is_export() {
                    docs.push(doc);
                } else {
                    write_doc(&mut out, &doc)?;
                }
            }
            Err(message) => {
                eprintln!("newslens: {file}: {message}");
                failed.push(file.as_str());
            }
        }
    }
    write_together(&mut out, &mut docs, together, &output)?;
    out.flush().map_err(|e| e.to_string())?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("{} of {} files could not be read", failed.len(), files.len()))
    }
}

fn read_page(file: &str) -> Result<newslens::Page, String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    page::from_bytes(&bytes, Format::from_file_name(file)).map_err(|e| e.to_string())
}

#[derive(serde::Deserialize)]
struct JsonlInput {
    text: String,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

fn annotate_jsonl(
    engine: &Engine,
    input: impl BufRead,
    together: bool,
    output: &Output,
    out: &mut impl Write,
) -> Result<(), String> {
    let mut docs = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = line.map_err(|e| format!("stdin line {line_no}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let item: JsonlInput =
            serde_json::from_str(&line).map_err(|e| format!("stdin line {line_no}: invalid JSON: {e}"))?;
        let dateline = match item.dateline.as_deref() {
            Some(d) if !d.is_empty() => Some(d.parse::<Date>().map_err(|e| format!("stdin line {line_no}: {e}"))?),
            _ => None,
        };
        let mut page = page::from_str(&item.text, Format::Text);
        page.dateline = dateline;
        let doc = engine.annotate(&page, item.source.as_deref());
        if together || output.is_export() {
            docs.push(doc);
        } else {
            write_doc(out, &doc)?;
        }
    }
    write_together(out, &mut docs, together, output)?;
    out.flush().map_err(|e| e.to_string())
}

/// Documents are held until all are read with `--together`, so that one person has one
/// cluster name in every document, as on the page's board; and for an export.
fn write_together(out: &mut impl Write, docs: &mut [Document], together: bool, output: &Output) -> Result<(), String> {
    if together {
        newslens::board::unify_clusters(docs);
    }
    match output.format {
        Some(_) => output.export(out, docs),
        None => docs.iter().try_for_each(|doc| write_doc(out, doc)),
    }
}

fn write_doc(out: &mut impl Write, doc: &Document) -> Result<(), String> {
    serde_json::to_writer(&mut *out, doc).map_err(|e| e.to_string())?;
    out.write_all(b"\n").map_err(|e| e.to_string())
}
