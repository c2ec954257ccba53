//! What a page says about itself: title, byline, published date, site name
//! and language, from `<meta>` tags, JSON-LD and the markup, in the order of
//! trust Mozilla Readability uses.

use super::html::{Dom, NodeId, ROOT};
use super::readability::{inner_text, similarity};
use crate::calendar::Date;

/// The page's own description of itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
}

/// Reads the metadata of a parsed page.
pub fn read(dom: &Dom) -> Metadata {
    let metas = meta_values(dom);
    let get = |keys: &[&str]| -> Option<String> {
        // a later `<meta>` of the same name wins, as in Readability
        keys.iter()
            .find_map(|k| metas.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.clone()).filter(|v| !v.is_empty()))
    };
    let ld = json_ld(dom);
    let title = ld
        .title
        .clone()
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or_else(|| article_title(dom));
    let byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author", "article:author"]))
        .filter(|b| !b.starts_with("http"));
    let site_name = ld.site_name.clone().or_else(|| get(&["og:site_name"]));
    let published = ld
        .published
        .clone()
        .or_else(|| get(&["article:published_time", "parsely-pub-date", "date", "dc:date", "pubdate"]))
        .or_else(|| {
            dom.find_all(ROOT, &["time"]).into_iter().find_map(|t| dom.attr(t, "datetime").map(str::to_string))
        });
    let lang = dom
        .find(ROOT, "html")
        .and_then(|h| dom.attr(h, "lang"))
        .map(str::to_string)
        .or_else(|| get(&["og:locale", "content-language", "language"]))
        .filter(|l| !l.trim().is_empty());
    // A title the page states in its metadata is kept as written (with its site
    // name, as Readability keeps it); only `<title>` is cut (see [`article_title`]).
    let title = title.map(|t| normalize(&t));
    Metadata {
        title: title.filter(|t| !t.is_empty()),
        byline: byline.map(|b| normalize(&b)).filter(|b| !b.is_empty()),
        published,
        site_name: site_name.map(|s| normalize(&s)),
        lang,
    }
}

/// The calendar date a published-time value starts with
/// (`2019-04-28T06:01`, `2019-04-28 06:01:07`, `20190428`).
pub fn date_of(published: &str) -> Option<Date> {
    let s = published.trim();
    let digits: Vec<u8> = s.bytes().take(10).collect();
    if digits.len() >= 10 && digits[4] == b'-' && digits[7] == b'-' {
        return s.get(..10)?.parse().ok();
    }
    if s.len() >= 8 && s.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        let y = s.get(..4)?.parse().ok()?;
        let m = s.get(4..6)?.parse().ok()?;
        let d = s.get(6..8)?.parse().ok()?;
        return Date::new(y, m, d);
    }
    None
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<meta>` values keyed by lower-case `property` words and `name`.
fn meta_values(dom: &Dom) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in dom.find_all(ROOT, &["meta"]) {
        let Some(content) = dom.attr(m, "content") else { continue };
        let content = content.trim().to_string();
        if let Some(prop) = dom.attr(m, "property") {
            for p in prop.split_whitespace() {
                // `og:article:author` holds `article:author`, as in Readability.
                let p = p.to_lowercase();
                let parts: Vec<&str> = p.split(':').collect();
                for w in parts.windows(2) {
                    let known_ns = matches!(w[0], "article" | "dc" | "dcterm" | "og" | "twitter");
                    let known_key = matches!(
                        w[1],
                        "author" | "creator" | "description" | "published_time" | "title" | "site_name" | "locale"
                    );
                    if known_ns && known_key {
                        out.push((format!("{}:{}", w[0], w[1]), content.clone()));
                    }
                }
            }
        }
        if let Some(name) = dom.attr(m, "name").or_else(|| dom.attr(m, "http-equiv")) {
            // `og.title`, `dc-creator` and `og:title` all mean the same.
            let n = name.trim().to_lowercase().replace(['.', '-'], ":");
            let n = n.replace("parsely:", "parsely-").replace("pub:date", "pub-date");
            let n = n.replace("content:language", "content-language");
            // `article:*` is a property vocabulary; as a name it is unreliable.
            if !n.starts_with("article:") {
                out.push((n, content.clone()));
            }
        }
        if dom.attr(m, "itemprop").is_some_and(|p| p == "datePublished") {
            out.push(("article:published_time".into(), content.clone()));
        }
    }
    out
}

#[derive(Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
}

fn is_article_type(t: &serde_json::Value) -> bool {
    let one =
        |s: &str| s.contains("Article") || s.contains("Posting") || s.starts_with("Report") || s == "APIReference";
    match t {
        serde_json::Value::String(s) => one(s),
        serde_json::Value::Array(a) => a.iter().any(|v| v.as_str().is_some_and(one)),
        _ => false,
    }
}

/// The first schema.org article described in `<script type="application/ld+json">`.
fn json_ld(dom: &Dom) -> JsonLd {
    use serde_json::Value;
    for s in dom.find_all(ROOT, &["script"]) {
        if dom.attr(s, "type").map(str::trim) != Some("application/ld+json") {
            continue;
        }
        let raw = dom.text_content(s);
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let Ok(mut v) = serde_json::from_str::<Value>(raw) else { continue };
        if let Value::Array(items) = v {
            match items.into_iter().find(|it| is_article_type(&it["@type"])) {
                Some(it) => v = it,
                None => continue,
            }
        }
        let schema = |c: &Value| {
            c.as_str().is_some_and(|s| {
                let s = s.trim_end_matches('/');
                s == "http://schema.org" || s == "https://schema.org"
            })
        };
        if !(schema(&v["@context"]) || schema(&v["@context"]["@vocab"])) {
            continue;
        }
        if v.get("@type").is_none() {
            if let Some(graph) = v["@graph"].as_array() {
                match graph.iter().find(|it| is_article_type(&it["@type"])) {
                    Some(it) => v = it.clone(),
                    None => continue,
                }
            }
        }
        if !is_article_type(&v["@type"]) {
            continue;
        }
        let mut out = JsonLd::default();
        let name = v["name"].as_str().map(str::trim);
        let headline = v["headline"].as_str().map(str::trim);
        out.title = match (name, headline) {
            (Some(n), Some(h)) if n != h => {
                let page_title = article_title(dom).unwrap_or_default();
                let n_ok = similarity(n, &page_title) > 0.75;
                let h_ok = similarity(h, &page_title) > 0.75;
                Some(if h_ok && !n_ok { h } else { n }.to_string())
            }
            (Some(n), _) => Some(n.to_string()),
            (None, Some(h)) => Some(h.to_string()),
            _ => None,
        };
        let author = &v["author"];
        out.byline = if let Some(n) = author["name"].as_str() {
            Some(n.trim().to_string())
        } else if let Some(list) = author.as_array() {
            let names: Vec<&str> = list.iter().filter_map(|a| a["name"].as_str()).map(str::trim).collect();
            (!names.is_empty()).then(|| names.join(", "))
        } else {
            None
        };
        out.site_name = v["publisher"]["name"].as_str().map(|s| s.trim().to_string());
        out.published = v["datePublished"].as_str().map(|s| s.trim().to_string());
        out.title = out.title.map(|t| super::entities::decode(&t, false));
        out.byline = out.byline.map(|t| super::entities::decode(&t, false));
        return out;
    }
    JsonLd::default()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(1)
}

/// The title from `<title>`, cut of its site-name part as Readability does.
pub fn article_title(dom: &Dom) -> Option<String> {
    let orig: String = dom.find(ROOT, "title").map(|t| normalize(&dom.text_content(t))).unwrap_or_default();
    let headings = |names: &[&str]| -> Vec<NodeId> { dom.find_all(ROOT, names) };
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let seps = |c: char| matches!(c, '|' | '-' | '\u{2013}' | '\u{2014}' | '\\' | '/' | '>' | '\u{BB}');
    // Separators surrounded by spaces: ` | `, ` - `, ` – `, ` — `, ` / `, ` > `, ` » `.
    let positions: Vec<(usize, char)> = orig
        .char_indices()
        .filter(|&(i, c)| seps(c) && orig[..i].ends_with(' ') && orig[i + c.len_utf8()..].starts_with(' '))
        .collect();
    if let Some(&(last, _)) = positions.last() {
        hierarchical = positions.iter().any(|&(_, c)| matches!(c, '\\' | '/' | '>' | '\u{BB}'));
        cur = orig[..last].trim_end().to_string();
        if word_count(&cur) < 3 {
            // Too short: drop the first part instead.
            let first = orig.find(seps).unwrap_or(0);
            cur = orig[first..].trim_start_matches(seps).to_string();
        }
    } else if cur.contains(": ") {
        let full_heading = headings(&["h1", "h2"]).into_iter().any(|h| dom.text_content(h).trim() == cur.trim());
        if !full_heading {
            let last = orig.rfind(':').unwrap_or(0);
            cur = orig[last + 1..].to_string();
            if word_count(&cur) < 3 {
                let first = orig.find(':').unwrap_or(0);
                cur = orig[first + 1..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.clone();
            }
        }
    } else if cur.chars().count() > 150 || cur.chars().count() < 15 {
        let h1s = headings(&["h1"]);
        if h1s.len() == 1 {
            cur = inner_text(dom, h1s[0]);
        }
    }
    let mut cur = normalize(&cur);
    let words = word_count(&cur);
    let orig_without_seps: String = orig.chars().filter(|&c| !seps(c)).collect();
    if words <= 4 && (!hierarchical || words != word_count(&orig_without_seps) - 1) {
        cur = orig;
    }
    (!cur.is_empty()).then_some(cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_titles_lose_site_suffixes_metadata_titles_stay_as_written() {
        let dom = Dom::parse("<title>Quake hits the coast overnight | Daily Planet</title>");
        assert_eq!(article_title(&dom).as_deref(), Some("Quake hits the coast overnight"));
        let dom = Dom::parse("<title>Quake hits the coast overnight \u{2013} Daily Planet</title>");
        assert_eq!(article_title(&dom).as_deref(), Some("Quake hits the coast overnight"));
        let dom = Dom::parse(
            "<meta property='og:title' content='Quake hits - The Planet'><meta property='og:site_name' content='The Planet'>",
        );
        assert_eq!(read(&dom).title.as_deref(), Some("Quake hits - The Planet"));
    }

    #[test]
    fn dates() {
        assert_eq!(date_of("2019-04-28 06:01:07").map(|d| d.to_string()).as_deref(), Some("2019-04-28"));
        assert_eq!(date_of("20150724").map(|d| d.to_string()).as_deref(), Some("2015-07-24"));
        assert_eq!(date_of("yesterday"), None);
    }
}
