//! `newslens annotate` as a user runs it: documents on every core in input order, the same
//! bytes as the library gives, bad inputs reported by line number and skipped or stopping.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use newslens::{page, Document, Engine};

/// Short news-like articles that differ (names, figures, quotes, datelines).
fn articles(n: usize) -> Vec<(String, Option<&'static str>)> {
    const PEOPLE: &[&str] = &["Maria Lopez", "Ahmed Karimi", "Chen Wei", "Agnes Tolliver", "Ravi Menon"];
    const PLACES: &[&str] = &["Nairobi", "Ottawa", "Port Elden", "northern Italy", "São Paulo"];
    const DATES: &[Option<&str>] = &[Some("2024-11-02"), None, Some("2023-01-15")];
    (0..n)
        .map(|i| {
            let (who, place) = (PEOPLE[i % PEOPLE.len()], PLACES[(i / 2) % PLACES.len()]);
            let mut text = format!(
                "{who} arrived in {place} on Friday with {} aid workers.\n\n\
                 “We will stay as long as it takes,” {who} told reporters. Officials in {place} said \
                 about {}% of the roads were closed.",
                1_000 + i * 37,
                (i * 7) % 90 + 3
            );
            // Some long ones, so that documents finish out of order.
            if i % 5 == 0 {
                text.push_str(&"\n\nThe World Bank said on Tuesday that $3.2 billion would follow.".repeat(150));
            }
            (text, DATES[i % DATES.len()])
        })
        .collect()
}

fn jsonl_line(text: &str, dateline: Option<&str>, source: &str) -> String {
    serde_json::json!({ "text": text, "dateline": dateline, "source": source }).to_string()
}

fn newslens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newslens binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let output = child.wait_with_output().expect("newslens finishes");
    writer.join().expect("stdin written");
    output
}

/// What the library gives for one JSON line's text, as the CLI writes it.
fn library_line(engine: &Engine, text: &str, dateline: Option<&str>, source: &str) -> String {
    let mut page = page::from_str(text, page::Format::Text);
    page.dateline = dateline.map(|d| d.parse().expect("a valid test date"));
    serde_json::to_string(&engine.annotate(&page, Some(source))).expect("serialises")
}

fn stdout_lines(output: &Output) -> Vec<String> {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output").lines().map(str::to_string).collect()
}

#[test]
fn jsonl_on_many_threads_is_the_librarys_output_in_input_order() {
    let engine = Engine::new().expect("embedded models load");
    let articles = articles(40);
    let input: String = articles
        .iter()
        .enumerate()
        .map(|(i, (text, date))| jsonl_line(text, *date, &format!("doc-{i}")) + "\n")
        .collect();
    let expected: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, (text, date))| library_line(&engine, text, *date, &format!("doc-{i}")))
        .collect();
    for threads in ["1", "3", "8"] {
        let output = newslens(&["annotate", "--jsonl", "--threads", threads], input.as_bytes());
        assert!(output.status.success(), "{threads} threads: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(stdout_lines(&output), expected, "{threads} threads");
        assert!(output.stderr.is_empty(), "no progress or notes when stderr is piped");
    }
}

#[test]
fn a_bad_line_is_reported_by_number_and_skipped_or_stops_the_run() {
    let engine = Engine::new().expect("embedded models load");
    let good = articles(6);
    let mut lines: Vec<String> =
        good.iter().enumerate().map(|(i, (t, d))| jsonl_line(t, *d, &format!("doc-{i}"))).collect();
    // Line 3 is not JSON, line 5 has no text, line 7 is blank, line 8 has a bad date.
    lines.insert(2, "{\"text\": \"unterminated".into());
    lines.insert(4, "{\"dateline\": \"2024-01-01\"}".into());
    lines.insert(6, "   ".into());
    lines.insert(7, jsonl_line("Some text.", Some("2024-13-45"), "bad-date"));
    let input = lines.join("\n") + "\n";
    let expected: Vec<String> =
        good.iter().enumerate().map(|(i, (t, d))| library_line(&engine, t, *d, &format!("doc-{i}"))).collect();

    let skip = newslens(&["annotate", "--jsonl", "--threads", "4", "--on-error", "skip"], input.as_bytes());
    let stderr = String::from_utf8_lossy(&skip.stderr);
    assert!(skip.status.success(), "{stderr}");
    assert_eq!(stdout_lines(&skip), expected, "every good line, in order");
    for line in ["stdin line 3:", "stdin line 5:", "stdin line 8:"] {
        assert!(stderr.contains(line), "{line} reported in: {stderr}");
    }
    assert!(!stderr.contains("line 7"), "a blank line is no error: {stderr}");
    assert!(stderr.contains("inputs skipped: 3"), "{stderr}");

    let stop = newslens(&["annotate", "--jsonl", "--threads", "4"], input.as_bytes());
    let stderr = String::from_utf8_lossy(&stop.stderr);
    assert!(!stop.status.success(), "stop is the default and fails the run");
    assert_eq!(stdout_lines(&stop), expected[..2], "the lines before the bad one, nothing after");
    assert!(stderr.contains("stdin line 3:") && !stderr.contains("stdin line 5:"), "{stderr}");
}

#[test]
fn invalid_utf8_on_a_line_is_that_lines_error_only() {
    let mut input = jsonl_line("Maria Lopez spoke in Ottawa.", None, "a").into_bytes();
    input.extend_from_slice(b"\n{\"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(jsonl_line("Chen Wei left Nairobi.", None, "c").as_bytes());
    let output = newslens(&["annotate", "--jsonl", "--on-error", "skip"], &input);
    assert!(output.status.success());
    let sources: Vec<Option<String>> =
        stdout_lines(&output).iter().map(|l| serde_json::from_str::<Document>(l).expect("a document").source).collect();
    assert_eq!(sources, [Some("a".to_string()), Some("c".to_string())]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("stdin line 2:"));
}

#[test]
fn files_come_out_in_the_order_given_and_together_shares_clusters() {
    let engine = Engine::new().expect("embedded models load");
    let dir = std::env::temp_dir().join(format!("newslens-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let articles = articles(12);
    let mut paths = Vec::new();
    for (i, (text, _)) in articles.iter().enumerate() {
        let path = dir.join(format!("{:02}.txt", 11 - i)); // names not in input order
        std::fs::write(&path, text).expect("written");
        paths.push(path.to_string_lossy().into_owned());
    }
    let mut args = vec!["annotate", "--threads", "4", "--dateline", "2024-11-02"];
    args.extend(paths.iter().map(String::as_str));
    let output = newslens(&args, b"");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut docs: Vec<Document> = articles
        .iter()
        .enumerate()
        .map(|(i, (text, _))| {
            let mut page = page::from_str(text, page::Format::Text);
            page.dateline = Some("2024-11-02".parse().expect("date"));
            engine.annotate(&page, Some(&format!("{:02}.txt", 11 - i)))
        })
        .collect();
    let lines = |docs: &[Document]| docs.iter().map(|d| serde_json::to_string(d).expect("json")).collect::<Vec<_>>();
    assert_eq!(stdout_lines(&output), lines(&docs));

    args.insert(1, "--together");
    let together = newslens(&args, b"");
    assert!(together.status.success());
    newslens::board::unify_clusters(&mut docs);
    assert_eq!(stdout_lines(&together), lines(&docs));

    // A missing file in the middle: reported by name; skip keeps every other document.
    let missing = dir.join("missing.txt").to_string_lossy().into_owned();
    let mut args = vec!["annotate", "--on-error", "skip", &paths[0], &missing, &paths[1]];
    let output = newslens(&args, b"");
    assert!(output.status.success());
    assert_eq!(stdout_lines(&output).len(), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.txt"));
    args.drain(1..3);
    let output = newslens(&args, b"");
    assert!(!output.status.success());
    assert_eq!(stdout_lines(&output).len(), 1, "stop: the file before the missing one");
    let _ = std::fs::remove_dir_all(&dir);
}
