//! `newslens`: the command line, one file per subcommand. `annotate` prints one guide document per
//! input as one JSON line; it is how NewsLens is measured from outside. `board` prints the
//! page's boards for several files.

mod annotate;
mod board;
mod import;
mod output;
mod progress;

use std::process::ExitCode;

pub(crate) const USAGE: &str = "\
usage: newslens annotate FILE...       one JSON document per file, one per line
       newslens annotate --jsonl       JSON Lines on stdin: {\"text\": ..., \"dateline\": \"YYYY-MM-DD\"}
       newslens annotate --dateline YYYY-MM-DD FILE...
       newslens annotate --together FILE...   clusters shared across the files, as the page does
       newslens annotate --format F [--out FILE] FILE...   all the documents in one export:
                 json   native JSON {\"format\": \"newslens\", ...}, corrections included
                 w3c    W3C Web Annotation JSON-LD
                 brat   brat standoff: a zip of NAME.txt + NAME.ann (binary: give --out FILE.zip)
                 conll  CoNLL-2003 columns, IOB2 entity tags
                 csv    one row per annotation (UTF-8 with BOM)
                 html   a standalone page with the highlights, no script
                 jsonl  the default: one JSON document per line
       newslens import FILE [--out FILE]   a native, W3C or brat export back as native JSON
       newslens board [--pretty] FILE...  the page's boards for the files, as one JSON object
Offsets count Unicode code points in every format.
options: --threads N            documents annotated at once (default: every core); the output keeps input order
         --on-error stop|skip   an input that cannot be read or parsed is reported with its file name or line
                                number, then stops the run (default; exit status 1) or is skipped (exit status 0)
         --dateline YYYY-MM-DD  the date relative dates resolve against; with --jsonl, for lines that give none
Progress is shown on stderr when it is a terminal.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("annotate") => run(annotate::run(&args[1..])),
        Some("board") => run(board::run(&args[1..])),
        Some("import") => run(import::run(&args[1..])),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("newslens: {message}");
            ExitCode::FAILURE
        }
    }
}
