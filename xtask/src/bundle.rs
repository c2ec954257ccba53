//! Bundle size report: raw and gzipped bytes of every file in `dist/`, by kind, and of the
//! single file `newslens.html` beside the folder's total.

use std::path::{Path, PathBuf};

use crate::codec::gzip;
use crate::single_file;

/// The bench fails above this many gzipped bytes in total (3 MB).
const LIMIT_GZIPPED: u64 = 3_000_000;
/// ... and when the single file is above this many gzipped bytes (1.5 MB).
const LIMIT_SINGLE_GZIPPED: u64 = 1_500_000;

pub fn report(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect(dist, &mut files).map_err(|e| format!("cannot read {}: {e} (build first)", dist.display()))?;
    files.retain(|f| f.file_name().is_none_or(|n| n != single_file::FILE_NAME));
    files.sort();
    if files.is_empty() {
        return Err(format!("{} is empty: build first", dist.display()));
    }
    let mut rows = Vec::new();
    for path in &files {
        let raw = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
        let gz = gzip(&std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?)?.len() as u64;
        let name = path.strip_prefix(dist).unwrap_or(path).display().to_string();
        rows.push((kind(path), name, raw, gz));
    }
    println!("{:<6} {:>12} {:>12}  file", "kind", "raw bytes", "gzip -9");
    for (kind, name, raw, gz) in &rows {
        println!("{kind:<6} {raw:>12} {gz:>12}  {name}");
    }
    println!();
    for k in ["wasm", "js", "css", "html", "model", "other"] {
        let (n, raw, gz) = rows.iter().filter(|r| r.0 == k).fold((0, 0, 0), |a, r| (a.0 + 1, a.1 + r.2, a.2 + r.3));
        if n > 0 {
            println!(
                "bundle {k}: {} raw, {} gzipped ({n} file{})",
                human(raw),
                human(gz),
                if n == 1 { "" } else { "s" }
            );
        }
    }
    let raw: u64 = rows.iter().map(|r| r.2).sum();
    let gz: u64 = rows.iter().map(|r| r.3).sum();
    println!("bundle total: {} raw, {} gzipped ({raw} / {gz} bytes)", human(raw), human(gz));
    let single = report_single_file(dist);
    if gz > LIMIT_GZIPPED {
        return Err(format!("bundle is {} gzipped, above the 3 MB limit", human(gz)));
    }
    single?;
    println!("bundle-size: within the 3 MB gzipped limit (folder) and 1.5 MB (single file)");
    Ok(())
}

/// The single file's raw and gzipped size; an error above its budget or when it is missing.
pub fn report_single_file(dist: &Path) -> Result<(), String> {
    let path = dist.join(single_file::FILE_NAME);
    let bytes = std::fs::read(&path)
        .map_err(|e| format!("{}: {e} (the release build writes it: cargo xtask single-file)", path.display()))?;
    let (raw, gz) = (bytes.len() as u64, gzip(&bytes)?.len() as u64);
    println!("single file {}: {} raw, {} gzipped ({raw} / {gz} bytes)", path.display(), human(raw), human(gz));
    if gz > LIMIT_SINGLE_GZIPPED {
        return Err(format!("{} is {} gzipped, above the 1.5 MB limit", single_file::FILE_NAME, human(gz)));
    }
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Which part of the bundle a file is: code, style, page, or model data.
fn kind(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "wasm" => "wasm",
        "js" | "mjs" => "js",
        "css" => "css",
        "html" => "html",
        "bin" | "fst" | "model" | "dat" | "json" | "gz" | "zst" | "br" => "model",
        _ => "other",
    }
}

fn human(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.2} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} kB", bytes as f64 / 1e3)
    }
}
