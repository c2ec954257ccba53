//! `newslens annotate`: one guide document per input, as JSON lines, in input order, or all of
//! them in one export format (`--format`); the inputs are annotated on every core (see
//! `newslens::parallel`).

use std::io::{self, BufRead, BufWriter, Write};
use std::ops::ControlFlow;

use newslens::page::{self, Format};
use newslens::parallel::{all_cores, for_each_ordered, Limits};
use newslens::{Date, Document, Engine};

use crate::output::Output;
use crate::progress::Progress;
use crate::USAGE;

/// What to do with an input that cannot be read or parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnError {
    /// Report it and go on with the next input.
    Skip,
    /// Report it and stop; everything before it has been written.
    Stop,
}

struct Options {
    jsonl: bool,
    together: bool,
    dateline: Option<Date>,
    threads: usize,
    on_error: OnError,
    output: Output,
    files: Vec<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        jsonl: false,
        together: false,
        dateline: None,
        threads: all_cores(),
        on_error: OnError::Stop,
        output: Output::default(),
        files: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => options.jsonl = true,
            "--together" => options.together = true,
            "--dateline" => {
                let value = args.next().ok_or("--dateline needs a YYYY-MM-DD date")?;
                options.dateline = Some(value.parse::<Date>().map_err(|e| e.to_string())?);
            }
            "--threads" => {
                let value = args.next().and_then(|v| v.parse::<usize>().ok()).filter(|&n| n > 0);
                options.threads = value.ok_or("--threads needs a number of threads, 1 or more")?;
            }
            "--on-error" => {
                options.on_error = match args.next().map(String::as_str) {
                    Some("skip") => OnError::Skip,
                    Some("stop") => OnError::Stop,
                    _ => return Err("--on-error needs skip or stop".into()),
                }
            }
            "--format" | "--out" => options.output.set(arg, args.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            file => options.files.push(file.to_string()),
        }
    }
    options.output.check()?;
    if options.jsonl && !options.files.is_empty() {
        return Err("--jsonl reads stdin; give no files with it".into());
    }
    if !options.jsonl && options.files.is_empty() {
        return Err(format!("no files to annotate\n{USAGE}"));
    }
    Ok(options)
}

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let options = parse_options(args)?;
    let engine = Engine::new().map_err(|e| e.to_string())?;
    if options.jsonl {
        let progress = Progress::stream(stdin_size());
        let lines = JsonlLines { input: io::stdin().lock(), number: 0, failed: false, progress: &progress };
        annotate_all(&engine, &options, lines, &progress)
    } else {
        let progress = Progress::files(options.files.len());
        let files = options.files.iter().map(|file| {
            let size = std::fs::metadata(file).map_or(0, |m| m.len() as usize);
            (Input::File(file.clone()), size)
        });
        annotate_all(&engine, &options, files, &progress)
    }
}

/// One input to annotate, read but not yet parsed (parsing runs on the worker threads too).
enum Input {
    /// A line of JSON Lines on stdin, numbered from 1.
    Line {
        number: usize,
        bytes: Vec<u8>,
    },
    File(String),
    /// Reading the input failed: the run cannot go on.
    Unreadable(String),
}

/// Why an input gave no document.
struct Failure {
    message: String,
    /// The input itself cannot be read further: the run stops whatever `--on-error` says.
    fatal: bool,
}

/// Annotates every input in parallel and writes the documents in input order; with
/// `--together`, holds them all to share clusters across them first, and with `--format`,
/// to write them as one export.
fn annotate_all(
    engine: &Engine,
    options: &Options,
    inputs: impl Iterator<Item = (Input, usize)>,
    progress: &Progress,
) -> Result<(), String> {
    let limits = Limits::for_threads(options.threads);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
    let mut outcome = Outcome::default();
    if options.together || options.output.is_export() {
        let mut docs = Vec::new();
        for_each_ordered(
            inputs,
            limits,
            |input| annotate_input(engine, options, input),
            |result| match result {
                Ok(doc) => {
                    docs.push(doc);
                    ControlFlow::Continue(())
                }
                Err(failure) => outcome.failed(failure, options.on_error, progress),
            },
        );
        if options.together {
            newslens::board::unify_clusters(&mut docs);
        }
        if options.output.is_export() {
            let exported = options.output.export(&mut out, &docs);
            if exported.is_ok() {
                docs.iter().for_each(|_| progress.wrote_one());
                outcome.written = docs.len();
            }
            outcome.write_error = exported.err();
        } else {
            for doc in &docs {
                if outcome.wrote(write_doc(&mut out, doc), progress).is_break() {
                    break;
                }
            }
        }
    } else {
        // Each document is also turned into its JSON line on the worker threads.
        let render = |input| {
            let doc = annotate_input(engine, options, input)?;
            let mut line = Vec::with_capacity(doc.text.len() * 4 + 256);
            write_doc(&mut line, &doc).map_err(|message| Failure { message, fatal: true })?;
            Ok(line)
        };
        for_each_ordered(inputs, limits, render, |result| match result {
            Ok(line) => outcome.wrote(out.write_all(&line).map_err(|e| e.to_string()), progress),
            Err(failure) => outcome.failed(failure, options.on_error, progress),
        });
    }
    if outcome.write_error.is_none() {
        outcome.write_error = out.flush().err().map(|e| e.to_string());
    }
    progress.finish();
    outcome.verdict()
}

/// What became of the inputs so far.
#[derive(Default)]
struct Outcome {
    written: usize,
    skipped: usize,
    /// The run stopped at a failed input (already reported).
    stopped: Option<Failure>,
    write_error: Option<String>,
}

impl Outcome {
    fn wrote(&mut self, result: Result<(), String>, progress: &Progress) -> ControlFlow<()> {
        match result {
            Ok(()) => {
                self.written += 1;
                progress.wrote_one();
                ControlFlow::Continue(())
            }
            Err(e) => {
                self.write_error = Some(e);
                ControlFlow::Break(())
            }
        }
    }

    /// Reports a failed input at once, and says whether to go on.
    fn failed(&mut self, failure: Failure, on_error: OnError, progress: &Progress) -> ControlFlow<()> {
        progress.note(&failure.message);
        if failure.fatal || on_error == OnError::Stop {
            self.stopped = Some(failure);
            ControlFlow::Break(())
        } else {
            self.skipped += 1;
            ControlFlow::Continue(())
        }
    }

    fn verdict(self) -> Result<(), String> {
        if let Some(e) = self.write_error {
            return Err(format!("cannot write the output: {e}"));
        }
        if let Some(failure) = self.stopped {
            let hint = if failure.fatal { "" } else { " (--on-error skip goes on past it)" };
            return Err(format!("stopped at the input above{hint}; documents written before it: {}", self.written));
        }
        if self.skipped > 0 {
            eprintln!(
                "newslens: documents written: {}; inputs skipped: {} (reported above)",
                self.written, self.skipped
            );
        }
        Ok(())
    }
}

/// The document for one input, or why there is none.
fn annotate_input(engine: &Engine, options: &Options, input: Input) -> Result<Document, Failure> {
    let failure = |message: String| Failure { message, fatal: false };
    match input {
        Input::Line { number, bytes } => {
            let item: JsonlInput = serde_json::from_slice(&bytes)
                .map_err(|e| failure(format!("stdin line {number}: invalid JSON: {e}")))?;
            let dateline = match item.dateline.as_deref() {
                Some(d) if !d.is_empty() => {
                    Some(d.parse::<Date>().map_err(|e| failure(format!("stdin line {number}: {e}")))?)
                }
                _ => None,
            };
            let mut page = page::from_str(&item.text, Format::Text);
            page.dateline = dateline.or(options.dateline);
            Ok(engine.annotate(&page, item.source.as_deref()))
        }
        Input::File(file) => {
            let mut page = read_page(&file).map_err(|e| failure(format!("{file}: {e}")))?;
            if options.dateline.is_some() {
                page.dateline = options.dateline;
            }
            let name = std::path::Path::new(&file).file_name().and_then(|n| n.to_str());
            Ok(engine.annotate(&page, name))
        }
        Input::Unreadable(message) => Err(Failure { message, fatal: true }),
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

/// The non-blank lines of JSON Lines input, numbered, each weighed by its length.
struct JsonlLines<'a, R> {
    input: R,
    number: usize,
    failed: bool,
    progress: &'a Progress,
}

impl<R: BufRead> Iterator for JsonlLines<'_, R> {
    type Item = (Input, usize);

    fn next(&mut self) -> Option<(Input, usize)> {
        while !self.failed {
            let mut bytes = Vec::new();
            self.number += 1;
            match self.input.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(n) => {
                    self.progress.read(n);
                    if !bytes.iter().all(u8::is_ascii_whitespace) {
                        let weight = bytes.len();
                        return Some((Input::Line { number: self.number, bytes }, weight));
                    }
                }
                Err(e) => {
                    self.failed = true;
                    return Some((Input::Unreadable(format!("stdin line {}: {e}", self.number)), 0));
                }
            }
        }
        None
    }
}

/// The size of stdin when it is a file, for a progress bar with an end.
fn stdin_size() -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = std::fs::File::from(fd).metadata().ok()?;
        meta.is_file().then_some(meta.len())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Writes one document as one JSON line: the one place the CLI's output format is decided.
fn write_doc(out: &mut impl Write, doc: &Document) -> Result<(), String> {
    serde_json::to_writer(&mut *out, doc).map_err(|e| e.to_string())?;
    out.write_all(b"\n").map_err(|e| e.to_string())
}
