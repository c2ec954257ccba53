//! The command line's exports: `annotate --format` writes each format, `import` reads
//! native, W3C and brat back to the same native JSON, and the default stays JSON lines.

use std::path::PathBuf;
use std::process::{Command, Output};

fn newslens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newslens")).args(args).output().expect("the CLI runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-exports");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn every_format_is_written_and_the_full_ones_read_back() {
    let article = scratch("article.txt");
    std::fs::write(&article, "“We will win,” Volodymyr Zelenskyy said in Kyiv on Friday.\n\nSome 8,000 troops.")
        .unwrap();
    let article = article.to_str().unwrap();
    let native = newslens(&["annotate", "--format", "json", article]);
    assert!(native.status.success(), "{}", String::from_utf8_lossy(&native.stderr));
    assert!(native.stdout.starts_with(b"{\"format\":\"newslens\",\"version\":1,"));
    for format in ["w3c", "brat", "json"] {
        let file = scratch(&format!("export.{format}"));
        let file = file.to_str().unwrap();
        let written = newslens(&["annotate", "--format", format, "--out", file, article]);
        assert!(written.status.success() && written.stdout.is_empty(), "{format}");
        let back = newslens(&["import", file]);
        assert!(back.status.success(), "{format}: {}", String::from_utf8_lossy(&back.stderr));
        assert_eq!(
            String::from_utf8(back.stdout).unwrap(),
            String::from_utf8(native.stdout.clone()).unwrap(),
            "{format}"
        );
    }
    for (format, starts) in
        [("conll", &b"-DOCSTART- -X- -X- O\n"[..]), ("csv", b"\xef\xbb\xbf\"document\""), ("html", b"<!DOCTYPE html>")]
    {
        let out = newslens(&["annotate", "--format", format, article]);
        assert!(out.status.success() && out.stdout.starts_with(starts), "{format}");
        let file = scratch(&format!("export.{format}"));
        std::fs::write(&file, &out.stdout).unwrap();
        let refused = newslens(&["import", file.to_str().unwrap()]);
        assert!(
            !refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("not a NewsLens export")
        );
    }
}

#[test]
fn the_default_stays_json_lines_and_bad_options_are_refused() {
    let article = scratch("plain.txt");
    std::fs::write(&article, "Kim Jong-un met Vladimir Putin.").unwrap();
    let article = article.to_str().unwrap();
    let lines = newslens(&["annotate", article, article]);
    assert!(lines.status.success());
    let text = String::from_utf8(lines.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    for line in text.lines() {
        let doc: newslens::Document = serde_json::from_str(line).unwrap();
        assert_eq!(doc.source.as_deref(), Some("plain.txt"));
    }
    assert_eq!(newslens(&["annotate", "--format", "jsonl", article]).stdout, newslens(&["annotate", article]).stdout);
    for args in [&["annotate", "--format", "xml", article][..], &["annotate", "--out", "x.json", article], &["import"]]
    {
        let out = newslens(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}
