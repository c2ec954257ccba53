//! `newslens` for Python: the engine's documents as dicts, the very JSON the CLI writes.
//!
//! Thin on purpose: every decision is the engine's. This file checks arguments, releases
//! the GIL while the engine works (on every core for many texts, through
//! `newslens::parallel`), and turns each document's JSON into Python objects with the
//! standard `json` module, so `json.dumps(doc, ensure_ascii=False, separators=(",", ":"))`
//! gives back the CLI's line byte for byte.

use std::sync::OnceLock;

use newslens::page::{self, Format};
use newslens::{Date, Document, Engine};
use pyo3::exceptions::{PyImportError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// The engine, loaded once per process when the module is imported.
static ENGINE: OnceLock<Engine> = OnceLock::new();

fn engine() -> &'static Engine {
    ENGINE.get().expect("the module's init loads the engine before any function runs")
}

/// One text to annotate, checked and owned, so the engine can run without the GIL.
struct Job {
    text: String,
    dateline: Option<Date>,
    source: Option<String>,
}

impl Job {
    fn annotate(&self) -> Document {
        let mut page = page::from_str(&self.text, Format::Text);
        page.dateline = self.dateline;
        engine().annotate(&page, self.source.as_deref())
    }
}

fn parse_dateline(dateline: Option<&str>, what: &str) -> PyResult<Option<Date>> {
    match dateline {
        Some(d) if !d.is_empty() => {
            d.parse::<Date>().map(Some).map_err(|e| PyValueError::new_err(format!("{what}: {e}")))
        }
        _ => Ok(None),
    }
}

fn to_json(doc: &Document) -> String {
    // A document is plain data: strings, numbers, lists; serialising it cannot fail.
    serde_json::to_string(doc).unwrap_or_default()
}

/// Python objects from the engine's JSON, as `json.loads` makes them.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// Every item of an iterable of strings or None (one `str` is refused: it is not a list of texts).
fn strings(iterable: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<Option<String>>> {
    if iterable.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be an iterable of strings, not one string")));
    }
    let mut out = Vec::new();
    for (i, item) in iterable.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() {
            out.push(None);
        } else {
            let value = item.extract::<String>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "{what}[{i}] must be a str, not {}",
                    item.get_type().name().map_or_else(|_| "?".into(), |n| n.to_string())
                ))
            })?;
            out.push(Some(value));
        }
    }
    Ok(out)
}

/// Documents from Python dicts (as [`annotate`] returns them), through `json.dumps`.
fn documents(py: Python<'_>, docs: &Bound<'_, PyAny>) -> PyResult<Vec<Document>> {
    if docs.is_instance_of::<pyo3::types::PyDict>() {
        return Err(PyTypeError::new_err("docs must be a list of documents, not one document"));
    }
    let dumps = py.import("json")?.getattr("dumps")?;
    let mut out = Vec::new();
    for (i, doc) in docs.try_iter()?.enumerate() {
        let json: String = dumps.call1((doc?,))?.extract()?;
        let doc = serde_json::from_str::<Document>(&json)
            .map_err(|e| PyValueError::new_err(format!("docs[{i}] is not a NewsLens document: {e}")))?;
        out.push(doc);
    }
    Ok(out)
}

/// The `newslens` module: named things, figures and quotations in news text.
#[pymodule(name = "newslens")]
mod newslens_module {
    use super::*;

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        let engine = Engine::new().map_err(|e| PyImportError::new_err(format!("the engine's models: {e}")))?;
        let _ = ENGINE.set(engine);
        module.add("__version__", env!("CARGO_PKG_VERSION"))?;
        Ok(())
    }

    /// Annotates one news text and returns the guide's document as a dict.
    ///
    /// `dateline` (`YYYY-MM-DD`) is the date relative dates are resolved against; without
    /// it the engine looks for one in the text. `source` names where the text came from.
    /// Offsets (`start`, `end`) count code points, as Python's string indices do. The
    /// dict is the JSON line `newslens annotate` writes, parsed by `json.loads`.
    #[pyfunction]
    #[pyo3(signature = (text, dateline=None, source=None))]
    fn annotate<'py>(
        py: Python<'py>,
        text: String,
        dateline: Option<&str>,
        source: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let job = Job { text, dateline: parse_dateline(dateline, "dateline")?, source };
        let json = py.detach(|| to_json(&job.annotate()));
        loads(py, &json)
    }

    /// Annotates many texts on `threads` threads (default: every core) with the GIL
    /// released, and returns their documents as dicts, in the order of `texts`.
    ///
    /// `datelines` and `sources`, when given, hold one entry (or None) per text. With
    /// `together=True`, one person has one cluster name in every document, as on the
    /// page's board and with `newslens annotate --together`.
    #[pyfunction]
    #[pyo3(signature = (texts, threads=None, datelines=None, sources=None, together=false))]
    fn annotate_many<'py>(
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        datelines: Option<&Bound<'py, PyAny>>,
        sources: Option<&Bound<'py, PyAny>>,
        together: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let texts = strings(texts, "texts")?
            .into_iter()
            .enumerate()
            .map(|(i, t)| t.ok_or_else(|| PyTypeError::new_err(format!("texts[{i}] is None, not a str"))))
            .collect::<PyResult<Vec<String>>>()?;
        let per_text = |values: Option<&Bound<'py, PyAny>>, what: &str| -> PyResult<Vec<Option<String>>> {
            let Some(values) = values else { return Ok(vec![None; texts.len()]) };
            let values = strings(values, what)?;
            if values.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "{what} has {} entries for {} texts",
                    values.len(),
                    texts.len()
                )));
            }
            Ok(values)
        };
        let datelines = per_text(datelines, "datelines")?;
        let sources = per_text(sources, "sources")?;
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be 1 or more")),
            Some(n) => n,
            None => newslens::parallel::all_cores(),
        };
        let mut jobs = Vec::with_capacity(texts.len());
        for (i, ((text, dateline), source)) in texts.into_iter().zip(datelines).zip(sources).enumerate() {
            let dateline = parse_dateline(dateline.as_deref(), &format!("datelines[{i}]"))?;
            jobs.push(Job { text, dateline, source });
        }
        let lines: Vec<String> = py.detach(|| {
            if together {
                let mut docs = newslens::parallel::map_ordered(jobs, threads, |job: Job| job.annotate());
                newslens::board::unify_clusters(&mut docs);
                newslens::parallel::map_ordered(docs, threads, |doc: Document| to_json(&doc))
            } else {
                newslens::parallel::map_ordered(jobs, threads, |job: Job| to_json(&job.annotate()))
            }
        });
        let list = PyList::empty(py);
        for line in &lines {
            list.append(loads(py, line)?)?;
        }
        Ok(list)
    }

    /// The page's boards across `docs` (documents as [`annotate`] returns them), as a dict:
    /// `documents`, `figures` grouped by what they count, the dated `timeline`, `quotes`
    /// by speaker and matched across documents, and `entities`, the JSON `newslens board`
    /// prints. One person gets one cluster name across the documents first, as with
    /// `together=True`; the dicts given are not changed.
    #[pyfunction]
    fn board<'py>(py: Python<'py>, docs: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let mut docs = documents(py, docs)?;
        let json = py.detach(|| {
            newslens::board::unify_clusters(&mut docs);
            // Plain data, as for a document: serialising cannot fail.
            serde_json::to_string(&newslens::board::build(&docs)).unwrap_or_default()
        });
        loads(py, &json)
    }
}
