//! A zip of named files, written and read in memory: `rawzip` lays out the archive,
//! `miniz_oxide` deflates (both pure Rust, without dependencies of their own, so the
//! page stays small).

use std::io::Write;

use rawzip::{CompressionMethod, DataDescriptorOutput, ZipArchive, ZipArchiveWriter};

use super::{syntax, Format, ImportError};
use crate::error::{Error, Result};

/// The most an import unpacks: far beyond any session, short of a zip bomb.
pub(super) const UNPACKED_LIMIT: usize = 512 << 20;

/// A zip holding `files` (name, contents) in order, deflated.
pub(super) fn write(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let failed = |e: rawzip::Error| Error::Export { format: "zip", reason: e.to_string() };
    let io_failed = |e: std::io::Error| Error::Export { format: "zip", reason: e.to_string() };
    let mut out = Vec::new();
    let mut archive = ZipArchiveWriter::new(&mut out);
    for (name, data) in files {
        let compressed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (mut entry, _) =
            archive.new_file(name.as_str()).compression_method(CompressionMethod::DEFLATE).start().map_err(failed)?;
        entry.write_all(&compressed).map_err(io_failed)?;
        entry.finish(DataDescriptorOutput::new(rawzip::crc32(data), data.len() as u64)).map_err(failed)?;
    }
    archive.finish().map_err(failed)?;
    Ok(out)
}

/// The files in a zip (name, contents), in archive order; folders are skipped and names
/// normalised (no `..`, forward slashes). Stored and deflated entries are read, their
/// checksums verified.
pub(super) fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>> {
    let bad = |e: rawzip::Error| syntax(Format::Brat, format!("not a readable zip: {e}"));
    let archive = ZipArchive::from_slice(bytes).map_err(bad)?;
    let mut entries = archive.entries();
    let mut files = Vec::new();
    let mut unpacked = 0usize;
    while let Some(entry) = entries.next_entry().map_err(bad)? {
        if entry.is_dir() {
            continue;
        }
        let name = entry.file_path().try_normalize().map_err(bad)?.as_str().to_string();
        let data = archive.get_entry(entry.wayfinder()).map_err(bad)?.data();
        let left = UNPACKED_LIMIT.saturating_sub(unpacked);
        let method = entry.compression_method();
        let contents = if method == CompressionMethod::STORE {
            data.to_vec()
        } else if method == CompressionMethod::DEFLATE {
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, left).map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    Error::Import(ImportError::TooLarge { limit: UNPACKED_LIMIT })
                }
                _ => syntax(Format::Brat, format!("{name}: damaged deflate data")),
            })?
        } else {
            return Err(syntax(Format::Brat, format!("{name}: compression method {method} is not read")));
        };
        unpacked += contents.len();
        if unpacked > UNPACKED_LIMIT {
            return Err(ImportError::TooLarge { limit: UNPACKED_LIMIT }.into());
        }
        if rawzip::crc32(&contents) != entry.crc32() {
            return Err(syntax(Format::Brat, format!("{name}: checksum mismatch")));
        }
        files.push((name, contents));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_come_back_as_written() {
        let files = vec![
            ("a.txt".to_string(), "Zelenskyy’s “watching” 🇺🇦\n".repeat(50).into_bytes()),
            ("dir/b.ann".to_string(), Vec::new()),
        ];
        let zip = write(&files).unwrap();
        assert!(zip.starts_with(b"PK\x03\x04"));
        assert!(zip.len() < files[0].1.len(), "deflated");
        assert_eq!(read(&zip).unwrap(), files);
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let zip = write(&[("a.txt".to_string(), b"hello hello hello".to_vec())]).unwrap();
        for cut in [0, 10, zip.len() / 2, zip.len() - 1] {
            assert!(read(&zip[..cut]).is_err());
        }
        let mut flipped = zip.clone();
        flipped[40] ^= 0xff;
        let _ = read(&flipped);
    }
}
