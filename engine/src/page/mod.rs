//! Pages: what a file or paste becomes before annotation. Bytes are decoded,
//! HTML and Markdown are reduced to their readable text and metadata; plain
//! text passes through untouched so its offsets never move.
//!
//! The stages: [`html`] parses (a forgiving tokeniser and tree builder, with
//! [`entities`] for character references), [`metadata`] reads title, byline,
//! date, site and language, [`readability`] finds the article (after Mozilla
//! Readability), [`text`] turns a tree into plain text with its blocks, and
//! [`markdown`] strips Markdown syntax.
//!
//! Why a hand-written parser: the page module runs in the browser bundle
//! (budget 3 MB gzipped, the tagger model takes up to 2 MB). Measured as
//! size-optimised wasm (opt-level z, LTO, gzip -9) over a baseline that
//! already has std and serde_json, this whole module (parser, entities,
//! extraction, metadata, Markdown, text) adds about 121 KB raw / 49 KB
//! gzipped, while html5ever 0.27 with its reference DOM alone adds about
//! 454 KB raw / 153 KB gzipped, before any extraction code. The pages we
//! read need no script execution or exact error recovery; the tree builder
//! follows the HTML rules that change what text a reader sees.

pub mod entities;
pub mod html;
pub mod markdown;
pub mod metadata;
pub mod readability;
pub mod text;

use crate::calendar::Date;
use crate::error::{Error, Result};

/// A text ready for annotation, with what the page said about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<Date>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    /// For HTML: the readable text of the whole page (menus, captions and
    /// all), for "use the whole page instead". `None` for text and Markdown.
    pub full_text: Option<String>,
}

/// How a file's content is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name's extension implies (plain text when unknown).
    pub fn from_file_name(name: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            Format::Html
        } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// A page from a file's bytes: decoded (UTF-8, or UTF-16 with a byte-order
/// mark), then extracted according to `format`.
///
/// # Errors
/// [`Error::NotText`] for binary content or bytes that are not valid text.
pub fn from_bytes(bytes: &[u8], format: Format) -> Result<Page> {
    let text = match decode(bytes) {
        Ok(text) => text,
        // Older pages are saved in their legacy encoding; browsers read
        // unlabelled or Latin-1 pages as Windows-1252, and so do we.
        Err(Error::NotText { .. }) if format == Format::Html && !bytes.contains(&0) => entities::windows_1252(bytes),
        Err(e) => return Err(e),
    };
    Ok(from_str(&text, format))
}

/// A page from text already decoded.
///
/// Text is kept exactly as given (offsets into it never move). Markdown
/// loses its syntax. HTML gives its article: the output is plain text built
/// from text nodes only, so nothing in the page (scripts, handlers, frames,
/// images, links) can run, load or reach the reader.
pub fn from_str(text: &str, format: Format) -> Page {
    match format {
        Format::Text => Page { title: first_line_title(text), text: text.to_string(), ..Page::default() },
        Format::Markdown => {
            let (body, title) = markdown::to_text(text);
            Page { title: title.or_else(|| first_line_title(&body)), text: body, ..Page::default() }
        }
        Format::Html => from_html(text),
    }
}

/// The article of an HTML page, with its metadata and the whole page's text.
fn from_html(source: &str) -> Page {
    let dom = html::Dom::parse(source);
    let meta = metadata::read(&dom);
    let full = text::render(&dom, dom.body());
    let mut article = readability::extract(source, meta.title.as_deref());
    drop_repeated_captions(&mut article.dom, article.root);
    let mut body = text::render(&article.dom, article.root);
    if body.trim().is_empty() {
        body = full.clone();
    }
    Page {
        title: meta.title,
        byline: meta.byline.or(article.byline).filter(|b| !b.is_empty()),
        dateline: meta.published.as_deref().and_then(metadata::date_of),
        site_name: meta.site_name,
        lang: meta.lang,
        text: body,
        full_text: Some(full),
    }
}

/// Drops a caption that repeats an earlier one word for word (a caption shown
/// twice, a lightbox copy): the reader should meet it once. Paragraphs stay
/// as the page has them, repeated or not.
fn drop_repeated_captions(dom: &mut html::Dom, root: html::NodeId) {
    let mut seen = std::collections::HashSet::new();
    let captions: std::collections::BTreeSet<html::NodeId> = std::iter::once(root)
        .chain(dom.descendants(root))
        .filter(|&id| {
            dom.is_element(id)
                && (dom.name(id) == "figcaption"
                    || dom.attr(id, "class").is_some_and(|c| c.to_ascii_lowercase().contains("caption")))
        })
        .collect();
    for &id in &captions {
        // a caption inside a caption (`<div class=caption><figcaption>`) is the same one
        let mut up = dom.parent(id);
        let mut nested = false;
        while let Some(p) = up {
            nested |= captions.contains(&p);
            up = dom.parent(p);
        }
        if nested || dom.parent(id).is_none() {
            continue;
        }
        let key: String = dom.text_content(id).split_whitespace().collect::<Vec<_>>().join(" ");
        if key.chars().count() >= 40 && !seen.insert(key) {
            dom.detach(id);
        }
    }
}

/// The readable text of a whole HTML page (no extraction): every visible
/// text, with its block structure.
pub fn whole_page_text(html_source: &str) -> String {
    let dom = html::Dom::parse(html_source);
    text::render(&dom, dom.body())
}

/// Decodes a file's bytes to text.
///
/// # Errors
/// [`Error::NotText`] for NUL bytes or other binary content, invalid UTF-8,
/// or malformed UTF-16.
pub fn decode(bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err(Error::NotText { reason: "it contains NUL bytes (a binary file?)".into() });
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec())
        .map_err(|e| Error::NotText { reason: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()) })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::NotText { reason: "UTF-16 with an odd number of bytes".into() });
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| Error::NotText { reason: "malformed UTF-16".into() })
}

/// The first line that is not page furniture (`Skip to Content`), as a fallback title.
fn first_line_title(text: &str) -> Option<String> {
    crate::board::regions::title(text)
}
