//! `newslens`: the command line, one file per subcommand. `annotate` prints one guide document per
//! input as one JSON line; it is how NewsLens is measured from outside. `board` prints the
//! page's boards for several files.

mod annotate;
mod board;

use std::process::ExitCode;

pub(crate) const USAGE: &str = "\
usage: newslens annotate FILE...       one JSON document per file, one per line
       newslens annotate --jsonl       JSON Lines on stdin: {\"text\": ..., \"dateline\": \"YYYY-MM-DD\"}
       newslens annotate --dateline YYYY-MM-DD FILE...
       newslens annotate --together FILE...   clusters shared across the files, as the page does
       newslens board [--pretty] FILE...       the page's boards for the files, as one JSON object
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("annotate") => run(annotate::run(&args[1..])),
        Some("board") => run(board::run(&args[1..])),
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
