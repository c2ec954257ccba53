//! The two reference samples (shared data `gold/`) exported to W3C Web Annotation and
//! brat and read back to the same documents; and the brat export read by a real brat
//! reader from PyPI (bratly, pinned in `tests/brat/requirements.txt`, installed into a
//! virtual environment under the target folder on first run: about 15 s once, then 1 s).
//! Without the shared data, or without Python and PyPI, the tests print why they skip.

#[path = "support/gold.rs"]
mod gold;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use newslens::doc::Annotation;
use newslens::export::{self, Format};
use newslens::Document;

#[test]
fn reference_samples_come_back_from_w3c_and_brat() {
    let Some(docs) = gold::documents("the reference round trips") else { return };
    for format in [Format::W3c, Format::Brat, Format::Native] {
        let bytes = export::export(format, &docs).unwrap();
        let back = export::import(&bytes).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(back.len(), docs.len());
        for (got, want) in back.iter().zip(&docs) {
            assert_eq!(spans(got), spans(want), "{format}: spans of {:?}", want.source);
            assert_eq!(got, want, "{format}: {:?}", want.source);
        }
    }
}

/// Every span of a document: `(layer/label or speaker kind, start, end, text)`.
fn spans(doc: &Document) -> Vec<(String, usize, usize, String)> {
    let mut out = Vec::new();
    for a in &doc.annotations {
        let (start, end) = a.range();
        out.push((format!("{}/{}", a.layer().as_str(), a.label()), start, end, a.text().to_string()));
        if let Annotation::Quote(q) = a {
            for s in q.speaker.iter() {
                out.push(("speaker".into(), s.start, s.end, s.text.clone()));
            }
            for s in &q.co_speakers {
                out.push(("co-speaker".into(), s.start, s.end, s.text.clone()));
            }
        }
    }
    out
}

#[test]
fn a_real_brat_reader_reads_the_reference_samples_as_exported() {
    let Some(docs) = gold::documents("the brat reader check") else { return };
    let python = match bratly_python() {
        Ok(python) => python,
        Err(reason) => {
            println!("skipped: the brat reader check needs bratly from PyPI: {reason}");
            return;
        }
    };
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("brat-check");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("export")).unwrap();
    let zip = work.join("reference.zip");
    std::fs::write(&zip, export::export(Format::Brat, &docs).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/brat/read_with_bratly.py");
    let run = Command::new(&python).arg(&script).arg(&zip).arg(work.join("export")).output().unwrap();
    assert!(
        run.status.success(),
        "bratly refused the export:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let read: HashMap<String, BratRead> = serde_json::from_slice(&run.stdout).expect("the script prints JSON");
    assert_eq!(read.len(), docs.len());
    for doc in &docs {
        let name = doc.source.as_deref().unwrap().trim_end_matches(".txt");
        let got = &read[name];
        let range: HashMap<&str, (usize, usize)> = got
            .text_bound
            .iter()
            .map(|(id, _, fragments)| (id.as_str(), (fragments[0][0], fragments[fragments.len() - 1][1])))
            .collect();

        let mut annotations: Vec<(String, (usize, usize))> = got
            .text_bound
            .iter()
            .filter(|(_, label, _)| label != "Mention")
            .map(|(id, label, _)| (label.clone(), range[id.as_str()]))
            .collect();
        let mut expected: Vec<(String, (usize, usize))> =
            doc.annotations.iter().map(|a| (a.label().to_string(), a.range())).collect();
        annotations.sort();
        expected.sort();
        assert_eq!(annotations, expected, "{name}: annotations as bratly read them");

        let mut speakers: Vec<Link> = got
            .relations
            .iter()
            .map(|(kind, quote, who)| (kind.clone(), range[quote.as_str()], range[who.as_str()]))
            .collect();
        let mut expected = Vec::new();
        for a in &doc.annotations {
            if let Annotation::Quote(q) = a {
                expected.extend(q.speaker.iter().map(|s| ("Speaker".to_string(), a.range(), (s.start, s.end))));
                expected.extend(q.co_speakers.iter().map(|s| ("CoSpeaker".to_string(), a.range(), (s.start, s.end))));
            }
        }
        speakers.sort();
        expected.sort();
        assert!(!expected.is_empty(), "{name}: the reference has speakers");
        assert_eq!(speakers, expected, "{name}: speaker relations as bratly read them");

        let nominal = doc.annotations.iter().filter(|a| matches!(a, Annotation::Quote(q) if q.nominal)).count();
        assert_eq!(got.attributes.iter().filter(|(what, _)| what == "Nominal").count(), nominal, "{name}: Nominal");
        assert_eq!(got.notes, doc.annotations.len(), "{name}: one note per annotation");
    }
}

/// A speaker relation: its kind, the quote's range and the speaker's.
type Link = (String, (usize, usize), (usize, usize));

/// What the script prints for one document.
#[derive(serde::Deserialize)]
struct BratRead {
    /// `(id, label, fragments)`.
    text_bound: Vec<(String, String, Vec<[usize; 2]>)>,
    /// `(kind, quote id, speaker id)`.
    relations: Vec<(String, String, String)>,
    /// `(name, target id)`.
    attributes: Vec<(String, String)>,
    notes: usize,
}

/// A Python with the pinned bratly, in a virtual environment made once under the target
/// folder (remade when the pins change).
fn bratly_python() -> Result<PathBuf, String> {
    let requirements = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/brat/requirements.txt");
    let pins = std::fs::read_to_string(&requirements).map_err(|e| e.to_string())?;
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bratly-venv");
    let python = venv.join(if cfg!(windows) { "Scripts/python.exe" } else { "bin/python" });
    let stamp = venv.join("newslens-pins.txt");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == pins) && python.exists() {
        return Ok(python);
    }
    let system = ["python3", "python"]
        .into_iter()
        .find(|p| Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success()))
        .ok_or("no python3 on PATH")?;
    run(Command::new(system).args(["-m", "venv", "--clear"]).arg(&venv), "python3 -m venv")?;
    run(
        Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "-r"])
            .arg(&requirements),
        "pip install -r tests/brat/requirements.txt",
    )?;
    std::fs::write(&stamp, pins).map_err(|e| e.to_string())?;
    Ok(python)
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let out = command.output().map_err(|e| format!("{what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(format!("{what} failed: {}", stderr.lines().rev().take(3).collect::<Vec<_>>().join(" / ")))
    }
}
