//! `newslens.html`: the whole app in one file that opens from disk (`file://`), where browsers
//! refuse module scripts, wasm fetches and workers from files beside the page.
//!
//! The page's wasm-bindgen glue and a start-up script (single_file.js) run as one inline
//! module; the styles are one inline `<style>`; both wasm modules (gzip, base64) and the
//! worker's glue (base64) are data blocks the browser never runs. The wasm is compiled from
//! memory and the worker starts from a `blob:` URL. The Content-Security-Policy is a `<meta>`
//! with the hashes of the one script and the one style: no 'unsafe-inline'.

use std::path::{Path, PathBuf};

use crate::codec::{base64, gzip_best, sri};

pub const FILE_NAME: &str = "newslens.html";
/// The page's and the worker's file names as Trunk writes them (Cargo bins, `filehash = false`).
const APP: &str = "newslens-app";
const WORKER: &str = "worker";
const START_UP: &str = include_str!("single_file.js");
const INIT_PLACEHOLDER: &str = "__NEWSLENS_INIT__";
const THEME: &str = "#17202e";

/// Writes `dir/newslens.html` from the built folder `dir`; returns its path.
pub fn make(dir: &Path, build: &str) -> Result<PathBuf, String> {
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()));
    let read_text = |name: &str| {
        String::from_utf8(read(name)?).map_err(|_| format!("{name} is not UTF-8")).map(|t| t.replace("\r\n", "\n"))
    };

    let index = read_text("index.html")?;
    let mut styles = String::new();
    for href in stylesheets(&index) {
        styles.push_str(&read_text(href.trim_start_matches("./"))?);
        styles.push('\n');
    }
    let script = page_script(&read_text(&format!("{APP}.js"))?)?;
    for (text, what, end) in [(&script, "script", "</script"), (&styles, "styles", "</style")] {
        let lower = text.to_ascii_lowercase();
        if lower.contains(end) || lower.contains("<!--") {
            return Err(format!("the page's {what} contain `{end}` or `<!--` and cannot be inlined as they are"));
        }
    }
    let app_wasm = base64(&gzip_best(&read(&format!("{APP}_bg.wasm"))?)?);
    let worker_wasm = base64(&gzip_best(&read(&format!("{WORKER}_bg.wasm"))?)?);
    let worker_js = base64(read_text(&format!("{WORKER}.js"))?.as_bytes());
    let icon = base64(&read("icons/newslens.svg")?);

    let policy = format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; worker-src blob:; style-src '{}'; \
         img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'",
        sri(script.as_bytes()),
        sri(styles.as_bytes())
    );
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="newslens-build" content="{build}">
<meta name="theme-color" content="{THEME}">
<title>NewsLens</title>
<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,{icon}">
<style>{styles}</style>
<script type="application/octet-stream" id="newslens-app-wasm">{app_wasm}</script>
<script type="application/octet-stream" id="newslens-worker-wasm">{worker_wasm}</script>
<script type="application/octet-stream" id="newslens-worker-js">{worker_js}</script>
<script type="module">{script}</script>
</head>
<body></body>
</html>
"#
    );
    let path = dir.join(FILE_NAME);
    std::fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The page's glue with the start-up script after it: one module that runs without imports.
fn page_script(glue: &str) -> Result<String, String> {
    if glue.lines().any(|l| l.trim_start().starts_with("import ")) {
        return Err(format!("{APP}.js imports other files (wasm-bindgen snippets?); the single file cannot hold them"));
    }
    let init = glue
        .lines()
        .find_map(default_export)
        .ok_or_else(|| format!("{APP}.js exports no default init (has wasm-bindgen changed its output?)"))?;
    Ok(format!("{glue}\n{}", START_UP.replace(INIT_PLACEHOLDER, init)))
}

/// The local name a line exports as default: `export default init;` or
/// `export { initSync, __wbg_init as default };`.
fn default_export(line: &str) -> Option<&str> {
    let line = line.trim();
    let name = match line.strip_prefix("export default ") {
        Some(rest) => rest.strip_suffix(';')?,
        None => {
            let list = line.strip_prefix("export {")?.strip_suffix("};")?;
            list.split(',').find_map(|item| item.trim().strip_suffix(" as default"))?.trim()
        }
    };
    (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$')).then_some(name)
}

/// `href`s of the stylesheet links in an HTML page, in order.
fn stylesheets(html: &str) -> Vec<&str> {
    html.split("<link")
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            (attribute(tag, "rel")? == "stylesheet").then(|| attribute(tag, "href")).flatten()
        })
        .collect()
}

/// The value of `name="..."` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name) {
        let start = from + at;
        let before_ok = start == 0 || tag.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = &tag[start + name.len()..];
        if let (true, Some(value)) = (before_ok, rest.strip_prefix("=\"")) {
            return value.find('"').map(|end| &value[..end]);
        }
        from = start + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_stylesheets_trunk_links() {
        let html = r#"<head><link rel="modulepreload" href="./newslens-app.js"><link rel="stylesheet" href="./main.css" integrity="sha384-x"/>
            <link data-x="1" href="./more.css" rel="stylesheet"></head>"#;
        assert_eq!(stylesheets(html), ["./main.css", "./more.css"]);
    }

    #[test]
    fn the_start_up_calls_the_glue_s_own_init() {
        for glue in [
            "function __wbg_init(x) {}\nexport { initSync };\nexport default __wbg_init;\n",
            "function __wbg_init(x) {}\nexport { initSync, __wbg_init as default };\n",
        ] {
            let script = page_script(glue).unwrap();
            assert!(script.contains("await __wbg_init({ module_or_path:"), "{script}");
            assert!(!script.contains(INIT_PLACEHOLDER));
        }
        assert!(page_script("import { x } from './snippets/a.js';\nexport default init;\n").is_err());
        assert!(page_script("export { initSync };\n").is_err());
    }
}
