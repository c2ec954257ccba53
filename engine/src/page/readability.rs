//! Finding the article in a page, after Mozilla Readability: paragraphs vote
//! for their ancestors (by length and commas), class and id names weigh in,
//! link-heavy blocks lose; the best candidate and its worthy siblings are the
//! article, which is then cleaned of share bars, forms, footers, asides and
//! link lists. Runs again with looser rules when the result is too short.

use super::html::{Dom, Kind, NodeId};
use super::text::is_hidden;

/// Fewest characters an article should have before we stop loosening rules.
const CHAR_THRESHOLD: usize = 500;
/// How many top candidates to keep.
const TOP_CANDIDATES: usize = 5;

const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
const MAYBE: &[&str] = &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];
const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
const DIV_TO_P: &[&str] = &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];
const ALTER_TO_DIV_EXCEPTIONS: &[&str] = &["div", "article", "section", "p", "ol", "ul"];
const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
    "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "samp",
    "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
];

/// What the article search found.
pub struct Article {
    /// The tree the article lives in (edited by the search).
    pub dom: Dom,
    /// The article's root element in `dom`.
    pub root: NodeId,
    /// A byline found in the page body (class `byline`, `rel=author`, ...).
    pub byline: Option<String>,
}

#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// Finds the article in `html`. `title` is the page's title, used to drop a
/// heading that repeats it.
pub fn extract(html: &str, title: Option<&str>) -> Article {
    let attempts = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    let mut best: Option<(usize, Article)> = None;
    for flags in attempts {
        let mut dom = Dom::parse(html);
        prepare(&mut dom);
        let mut r = Readability { dom, flags, scores: Vec::new(), byline: None };
        let root = r.grab_article(title);
        let len = inner_text(&r.dom, root).chars().count();
        let article = Article { dom: r.dom, root, byline: r.byline };
        if len >= CHAR_THRESHOLD {
            return article;
        }
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, article));
        }
    }
    match best {
        Some((_, a)) => a,
        None => {
            let dom = Dom::parse(html);
            let root = dom.body();
            Article { dom, root, byline: None }
        }
    }
}

/// `textContent` with runs of whitespace made one space, trimmed.
pub fn inner_text(dom: &Dom, id: NodeId) -> String {
    normalize_spaces(&dom.text_content(id))
}

fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

/// Lower-cased `class id`, what the name patterns are matched against.
fn match_string(dom: &Dom, id: NodeId) -> String {
    let class = dom.attr(id, "class").unwrap_or("");
    let ident = dom.attr(id, "id").unwrap_or("");
    format!("{class} {ident}").to_lowercase()
}

/// Removes what never belongs to an article and evens out legacy markup.
fn prepare(dom: &mut Dom) {
    for id in dom.find_all(super::html::ROOT, &["script", "noscript", "style", "template"]) {
        dom.detach(id);
    }
    // Comments are not kept by the parser; fonts become spans.
    for id in dom.find_all(super::html::ROOT, &["font"]) {
        dom.set_name(id, "span");
    }
    replace_brs(dom);
}

/// Turns runs of two or more `<br>` into paragraph breaks, as Readability does.
fn replace_brs(dom: &mut Dom) {
    for br in dom.find_all(dom.body(), &["br"]) {
        if dom.parent(br).is_none() {
            continue;
        }
        let mut next = dom.nodes[br].next;
        let mut replaced = false;
        // Drop the following <br>s (whitespace between them aside).
        loop {
            let n = skip_whitespace(dom, next);
            match n {
                Some(n) if dom.name(n) == "br" => {
                    replaced = true;
                    next = dom.nodes[n].next;
                    dom.detach(n);
                }
                _ => break,
            }
        }
        if !replaced {
            continue;
        }
        let p = dom.create_element("p");
        dom.replace(br, p);
        let mut next = dom.nodes[p].next;
        while let Some(n) = next {
            if dom.name(n) == "br" {
                let after = skip_whitespace(dom, dom.nodes[n].next);
                if after.is_some_and(|a| dom.name(a) == "br") {
                    break;
                }
            }
            if !is_phrasing(dom, n) {
                break;
            }
            next = dom.nodes[n].next;
            dom.append(p, n);
        }
        while let Some(last) = dom.nodes[p].last_child {
            if is_whitespace(dom, last) {
                dom.detach(last);
            } else {
                break;
            }
        }
        if let Some(parent) = dom.parent(p) {
            if dom.name(parent) == "p" {
                dom.set_name(parent, "div");
            }
        }
    }
}

fn skip_whitespace(dom: &Dom, mut n: Option<NodeId>) -> Option<NodeId> {
    while let Some(id) = n {
        match dom.text_of(id) {
            Some(t) if t.trim().is_empty() => n = dom.nodes[id].next,
            _ => return Some(id),
        }
    }
    None
}

fn is_whitespace(dom: &Dom, id: NodeId) -> bool {
    match dom.text_of(id) {
        Some(t) => t.trim().is_empty(),
        None => dom.name(id) == "br",
    }
}

fn is_phrasing(dom: &Dom, id: NodeId) -> bool {
    match &dom.nodes[id].kind {
        Kind::Text(_) => true,
        Kind::Element { name, .. } => {
            PHRASING.contains(&name.as_str())
                || (matches!(name.as_str(), "a" | "del" | "ins")
                    && dom.children(id).into_iter().all(|c| is_phrasing(dom, c)))
        }
        Kind::Document => false,
    }
}

struct Readability {
    dom: Dom,
    flags: Flags,
    /// Content score per node (`None`: not a candidate yet).
    scores: Vec<Option<f64>>,
    byline: Option<String>,
}

impl Readability {
    fn score(&self, id: NodeId) -> Option<f64> {
        self.scores.get(id).copied().flatten()
    }

    fn set_score(&mut self, id: NodeId, s: f64) {
        if self.scores.len() <= id {
            self.scores.resize(self.dom.nodes.len().max(id + 1), None);
        }
        self.scores[id] = Some(s);
    }

    fn class_weight(&self, id: NodeId) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let mut w = 0.0;
        for attr in ["class", "id"] {
            let Some(v) = self.dom.attr(id, attr) else { continue };
            if v.is_empty() {
                continue;
            }
            let v = v.to_lowercase();
            if contains_any(&v, NEGATIVE) || v.split_whitespace().any(|t| t == "hid") {
                w -= 25.0;
            }
            if contains_any(&v, POSITIVE) {
                w += 25.0;
            }
        }
        w
    }

    fn initialize(&mut self, id: NodeId) {
        let base = match self.dom.name(id) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let w = self.class_weight(id);
        self.set_score(id, base + w);
    }

    fn link_density(&self, id: NodeId) -> f64 {
        let len = inner_text(&self.dom, id).chars().count();
        if len == 0 {
            return 0.0;
        }
        let mut links = 0.0;
        for a in self.dom.find_all(id, &["a"]) {
            let coefficient = if self.dom.attr(a, "href").is_some_and(|h| h.starts_with('#')) { 0.3 } else { 1.0 };
            links += inner_text(&self.dom, a).chars().count() as f64 * coefficient;
        }
        links / len as f64
    }

    fn is_byline(&self, id: NodeId, matches: &str) -> bool {
        let rel = self.dom.attr(id, "rel").unwrap_or("");
        let itemprop = self.dom.attr(id, "itemprop").unwrap_or("");
        let len = self.dom.text_content(id).trim().chars().count();
        (rel == "author" || itemprop.contains("author") || contains_any(matches, BYLINE)) && len > 0 && len < 100
    }

    /// Whether an element has no text and only `<br>`/`<hr>` inside.
    fn is_empty(&self, id: NodeId) -> bool {
        self.dom.text_content(id).trim().is_empty()
            && self.dom.element_children(id).iter().all(|&c| matches!(self.dom.name(c), "br" | "hr"))
    }

    fn has_child_block(&self, id: NodeId) -> bool {
        self.dom
            .children(id)
            .into_iter()
            .any(|c| DIV_TO_P.contains(&self.dom.name(c)) || (self.dom.is_element(c) && self.has_child_block(c)))
    }

    /// The single child element, when it is named `tag` and there is no other text.
    fn single_child(&self, id: NodeId, tag: &str) -> Option<NodeId> {
        let kids = self.dom.element_children(id);
        if kids.len() != 1 || self.dom.name(kids[0]) != tag {
            return None;
        }
        let stray_text =
            self.dom.children(id).into_iter().any(|c| self.dom.text_of(c).is_some_and(|t| !t.trim().is_empty()));
        (!stray_text).then_some(kids[0])
    }

    fn grab_article(&mut self, title: Option<&str>) -> NodeId {
        let body = self.dom.body();
        let mut to_score: Vec<NodeId> = Vec::new();
        let mut title_heading_removed = false;
        let mut node = Some(body);
        while let Some(id) = node {
            if !self.dom.is_element(id) {
                node = self.dom.next_node(id, false);
                continue;
            }
            let name = self.dom.name(id).to_string();
            let matches = match_string(&self.dom, id);
            let remove_next = |me: &mut Self, id| {
                let next = me.dom.next_node(id, true);
                me.dom.detach(id);
                next
            };
            if id != body && (is_hidden(&self.dom, id) || self.aria_hidden(id)) {
                node = remove_next(self, id);
                continue;
            }
            if self.dom.attr(id, "aria-modal") == Some("true") && self.dom.attr(id, "role") == Some("dialog") {
                node = remove_next(self, id);
                continue;
            }
            if self.byline.is_none() && id != body && self.is_byline(id, &matches) {
                self.byline = Some(self.byline_text(id));
                node = remove_next(self, id);
                continue;
            }
            if !title_heading_removed && matches!(name.as_str(), "h1" | "h2") {
                if let Some(t) = title {
                    let heading = inner_text(&self.dom, id);
                    if similarity(t, &heading) > 0.75 {
                        title_heading_removed = true;
                        node = remove_next(self, id);
                        continue;
                    }
                }
            }
            if self.flags.strip_unlikely && id != body {
                if contains_any(&matches, UNLIKELY)
                    && !contains_any(&matches, MAYBE)
                    && !self.dom.has_ancestor(id, "table")
                    && !self.dom.has_ancestor(id, "code")
                    && name != "a"
                {
                    node = remove_next(self, id);
                    continue;
                }
                if self.dom.attr(id, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r)) {
                    node = remove_next(self, id);
                    continue;
                }
            }
            if matches!(name.as_str(), "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                && self.is_empty(id)
            {
                node = remove_next(self, id);
                continue;
            }
            if TAGS_TO_SCORE.contains(&name.as_str()) {
                to_score.push(id);
            }
            let mut cur = id;
            if name == "div" {
                self.wrap_phrasing(id);
                if let Some(p) = self.single_child(id, "p") {
                    if self.link_density(id) < 0.25 {
                        self.dom.replace(id, p);
                        cur = p;
                        to_score.push(p);
                    }
                } else if !self.has_child_block(id) {
                    self.dom.set_name(id, "p");
                    to_score.push(id);
                }
            }
            node = self.dom.next_node(cur, false);
        }

        let candidates = self.score_paragraphs(&to_score);
        let top = self.pick_top(&candidates, body);
        let content = self.gather_siblings(top);
        self.prepare_article(content);
        content
    }

    fn aria_hidden(&self, id: NodeId) -> bool {
        self.dom.attr(id, "aria-hidden") == Some("true")
            && !self.dom.attr(id, "class").is_some_and(|c| c.contains("fallback-image"))
    }

    fn byline_text(&self, id: NodeId) -> String {
        let named = self
            .dom
            .descendants(id)
            .into_iter()
            .find(|&d| self.dom.attr(d, "itemprop").is_some_and(|p| p.contains("name")));
        normalize_spaces(&self.dom.text_content(named.unwrap_or(id)))
    }

    /// Puts runs of inline content directly inside a `<div>` into `<p>`s.
    fn wrap_phrasing(&mut self, div: NodeId) {
        let mut p: Option<NodeId> = None;
        let mut child = self.dom.nodes[div].first_child;
        while let Some(c) = child {
            let next = self.dom.nodes[c].next;
            if is_phrasing(&self.dom, c) {
                match p {
                    Some(p) => self.dom.append(p, c),
                    None if !is_whitespace(&self.dom, c) => {
                        let new = self.dom.create_element("p");
                        self.dom.replace(c, new);
                        self.dom.append(new, c);
                        p = Some(new);
                    }
                    None => {}
                }
            } else if let Some(pp) = p.take() {
                while let Some(last) = self.dom.nodes[pp].last_child {
                    if is_whitespace(&self.dom, last) {
                        self.dom.detach(last);
                    } else {
                        break;
                    }
                }
            }
            child = next;
        }
    }

    fn score_paragraphs(&mut self, to_score: &[NodeId]) -> Vec<NodeId> {
        let mut candidates = Vec::new();
        for &el in to_score {
            let Some(parent) = self.dom.parent(el) else { continue };
            if !self.dom.is_element(parent) {
                continue;
            }
            let text = inner_text(&self.dom, el);
            let len = text.chars().count();
            if len < 25 {
                continue;
            }
            let mut ancestors = Vec::new();
            let mut a = self.dom.parent(el);
            while let Some(n) = a {
                if ancestors.len() >= 5 || !self.dom.is_element(n) {
                    break;
                }
                ancestors.push(n);
                a = self.dom.parent(n);
            }
            if ancestors.is_empty() {
                continue;
            }
            let commas = text.matches([',', '，']).count() as f64;
            let score = 1.0 + commas + (len / 100).min(3) as f64;
            for (level, &anc) in ancestors.iter().enumerate() {
                if self.dom.parent(anc).is_none() {
                    continue;
                }
                if self.score(anc).is_none() {
                    self.initialize(anc);
                    candidates.push(anc);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                let s = self.score(anc).unwrap_or(0.0) + score / divider;
                self.set_score(anc, s);
            }
        }
        candidates
    }

    fn pick_top(&mut self, candidates: &[NodeId], body: NodeId) -> NodeId {
        let mut top: Vec<(NodeId, f64)> = Vec::new();
        for &c in candidates {
            let s = self.score(c).unwrap_or(0.0) * (1.0 - self.link_density(c));
            self.set_score(c, s);
            top.push((c, s));
        }
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        top.truncate(TOP_CANDIDATES);
        let Some(&(mut best, best_score)) = top.first() else {
            return self.whole_body(body);
        };
        if best == body || self.dom.name(best) == "body" {
            return self.whole_body(body);
        }
        // When several strong candidates share an ancestor, the article is that ancestor.
        let alternatives: Vec<Vec<NodeId>> =
            top[1..].iter().filter(|(_, s)| *s / best_score >= 0.75).map(|(c, _)| self.ancestors(*c)).collect();
        if alternatives.len() >= 3 {
            let mut parent = self.dom.parent(best);
            while let Some(p) = parent {
                if self.dom.name(p) == "body" {
                    break;
                }
                let containing = alternatives.iter().filter(|a| a.contains(&p)).count();
                if containing >= 3 {
                    best = p;
                    break;
                }
                parent = self.dom.parent(p);
            }
        }
        if self.score(best).is_none() {
            self.initialize(best);
        }
        // Climb while the parent scores better (the article's paragraphs may be split up).
        let mut last_score = self.score(best).unwrap_or(0.0);
        let threshold = last_score / 3.0;
        let mut parent = self.dom.parent(best);
        while let Some(p) = parent {
            if self.dom.name(p) == "body" || !self.dom.is_element(p) {
                break;
            }
            let Some(ps) = self.score(p) else {
                parent = self.dom.parent(p);
                continue;
            };
            if ps < threshold {
                break;
            }
            if ps > last_score {
                best = p;
                break;
            }
            last_score = ps;
            parent = self.dom.parent(p);
        }
        // An only child stands for its parent.
        let mut parent = self.dom.parent(best);
        while let Some(p) = parent {
            if self.dom.name(p) == "body" || !self.dom.is_element(p) {
                break;
            }
            if self.dom.element_children(p).len() != 1 {
                break;
            }
            best = p;
            parent = self.dom.parent(p);
        }
        if self.score(best).is_none() {
            self.initialize(best);
        }
        best
    }

    fn ancestors(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut p = self.dom.parent(id);
        while let Some(n) = p {
            out.push(n);
            p = self.dom.parent(n);
        }
        out
    }

    /// No candidate: the whole body becomes the article.
    fn whole_body(&mut self, body: NodeId) -> NodeId {
        let div = self.dom.create_element("div");
        for c in self.dom.children(body) {
            self.dom.append(div, c);
        }
        self.dom.append(body, div);
        self.initialize(div);
        div
    }

    /// The top candidate plus siblings that look like part of the article.
    fn gather_siblings(&mut self, top: NodeId) -> NodeId {
        let content = self.dom.create_element("div");
        let top_score = self.score(top).unwrap_or(0.0);
        let threshold = (top_score * 0.2).max(10.0);
        let Some(parent) = self.dom.parent(top) else {
            self.dom.append(content, top);
            return content;
        };
        let top_class = self.dom.attr(top, "class").unwrap_or("").to_string();
        for sib in self.dom.children(parent) {
            if !self.dom.is_element(sib) {
                continue;
            }
            let mut append = sib == top;
            if !append {
                let bonus = if !top_class.is_empty() && self.dom.attr(sib, "class").unwrap_or("") == top_class {
                    top_score * 0.2
                } else {
                    0.0
                };
                if self.score(sib).is_some_and(|s| s + bonus >= threshold) {
                    append = true;
                } else if self.dom.name(sib) == "p" {
                    let density = self.link_density(sib);
                    let text = inner_text(&self.dom, sib);
                    let len = text.chars().count();
                    // A long, link-poor paragraph, or a short one that reads as a sentence.
                    let long = len > 80 && density < 0.25;
                    let sentence =
                        len < 80 && len > 0 && density == 0.0 && (text.contains(". ") || text.ends_with('.'));
                    append = long || sentence;
                }
            }
            if append {
                if !ALTER_TO_DIV_EXCEPTIONS.contains(&self.dom.name(sib)) {
                    self.dom.set_name(sib, "div");
                }
                self.dom.append(content, sib);
            }
        }
        content
    }

    /// Cleans the chosen article of what is not reading matter.
    fn prepare_article(&mut self, content: NodeId) {
        self.clean_conditionally(content, "form");
        self.clean_conditionally(content, "fieldset");
        for tag in [
            "object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button", "nav",
            "svg",
        ] {
            for id in self.dom.find_all(content, &[tag]) {
                self.dom.detach(id);
            }
        }
        // Share bars inside the article.
        for top_child in self.dom.element_children(content) {
            for id in std::iter::once(top_child).chain(self.dom.descendants(top_child)) {
                if !self.dom.is_element(id) || self.dom.parent(id).is_none() {
                    continue;
                }
                let m = match_string(&self.dom, id);
                if is_share(&m) && self.dom.text_content(id).chars().count() < 500 {
                    self.dom.detach(id);
                }
            }
        }
        // Headings that are negatively weighted.
        for h in self.dom.find_all(content, &["h1", "h2"]) {
            if self.class_weight(h) < 0.0 {
                self.dom.detach(h);
            }
        }
        self.clean_conditionally(content, "table");
        self.clean_conditionally(content, "ul");
        self.clean_conditionally(content, "div");
        for h in self.dom.find_all(content, &["h1"]) {
            self.dom.set_name(h, "h2");
        }
        // Blocks that only say "Advertisement" or "Loading…".
        for id in self.dom.find_all(content, &["p", "div", "span", "section", "aside", "figure", "li"]) {
            if self.dom.parent(id).is_some() && is_label(&inner_text(&self.dom, id)) {
                self.dom.detach(id);
            }
        }
        for p in self.dom.find_all(content, &["p"]) {
            let media = self.dom.find_all(p, &["img", "embed", "object", "iframe"]).len();
            if media == 0 && self.dom.text_content(p).trim().is_empty() {
                self.dom.detach(p);
            }
        }
    }

    fn clean_conditionally(&mut self, content: NodeId, tag: &str) {
        if !self.flags.clean_conditionally {
            return;
        }
        let mut nodes = self.dom.find_all(content, &[tag]);
        nodes.reverse();
        for id in nodes {
            if self.should_remove(id, tag) {
                self.dom.detach(id);
            }
        }
    }

    fn is_data_table(&self, id: NodeId) -> bool {
        if self.dom.name(id) != "table" {
            return false;
        }
        if self.dom.attr(id, "role") == Some("presentation") {
            return false;
        }
        if self.dom.attr(id, "datatable") == Some("0") {
            return false;
        }
        if self.dom.attr(id, "summary").is_some() {
            return true;
        }
        if self.dom.find(id, "caption").is_some_and(|c| !self.dom.children(c).is_empty()) {
            return true;
        }
        if !self.dom.find_all(id, &["col", "colgroup", "tfoot", "thead", "th"]).is_empty() {
            return true;
        }
        if self.dom.find(id, "table").is_some() {
            return false;
        }
        let rows = self.dom.find_all(id, &["tr"]);
        let cols = rows.iter().map(|&r| self.dom.element_children(r).len()).max().unwrap_or(0);
        rows.len() >= 10 || cols > 4 || rows.len() * cols > 10
    }

    fn should_remove(&self, id: NodeId, tag: &str) -> bool {
        if self.dom.parent(id).is_none() {
            return false;
        }
        if tag == "table" && self.is_data_table(id) {
            return false;
        }
        // Inside a data table or code block: keep.
        let mut p = self.dom.parent(id);
        while let Some(n) = p {
            if self.dom.name(n) == "code" || self.is_data_table(n) {
                return false;
            }
            p = self.dom.parent(n);
        }
        let is_list = tag == "ul" || tag == "ol" || {
            let len = inner_text(&self.dom, id).chars().count();
            let list_len: usize =
                self.dom.find_all(id, &["ul", "ol"]).iter().map(|&l| inner_text(&self.dom, l).chars().count()).sum();
            len > 0 && list_len as f64 / len as f64 > 0.9
        };
        let weight = self.class_weight(id);
        if weight < 0.0 {
            return true;
        }
        let text = inner_text(&self.dom, id);
        if text.matches([',', '，']).count() >= 10 {
            return false;
        }
        let p = self.dom.find_all(id, &["p"]).len() as f64;
        let img = self.dom.find_all(id, &["img"]).len() as f64;
        let li = self.dom.find_all(id, &["li"]).len() as f64 - 100.0;
        let input = self.dom.find_all(id, &["input"]).len() as f64;
        let heading_len: usize = self
            .dom
            .find_all(id, &["h1", "h2", "h3", "h4", "h5", "h6"])
            .iter()
            .map(|&h| inner_text(&self.dom, h).chars().count())
            .sum();
        let content_len = text.chars().count();
        let heading_density = if content_len == 0 { 0.0 } else { heading_len as f64 / content_len as f64 };
        let embeds = self.dom.find_all(id, &["object", "embed", "iframe"]).len();
        let density = self.link_density(id);
        let in_figure = self.dom.has_ancestor(id, "figure");
        let remove = (img > 1.0 && p / img < 0.5 && !in_figure)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list && heading_density < 0.9 && content_len < 25 && (img == 0.0 || img > 2.0) && !in_figure)
            || (!is_list && weight < 25.0 && density > 0.2)
            || (weight >= 25.0 && density > 0.5)
            || ((embeds == 1 && content_len < 75) || embeds > 1);
        if is_list && remove {
            // A list of images only (a gallery) stays.
            let kids = self.dom.element_children(id);
            let gallery = !kids.is_empty()
                && kids.iter().all(|&k| self.dom.element_children(k).len() <= 1)
                && self.dom.find_all(id, &["img"]).len() == kids.len();
            if gallery {
                return false;
            }
        }
        remove
    }
}

/// Placeholder text left where an advert or lazy content goes.
fn is_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '\u{2026}', ':']).to_lowercase();
    matches!(
        t.as_str(),
        "ad" | "ads"
            | "advert"
            | "advertisement"
            | "advertising"
            | "sponsored"
            | "loading"
            | "story continues below advertisement"
            | "article continues below advertisement"
            | "continue reading below"
            | "continue reading the main story"
            | "scroll to continue with content"
            | "skip advertisement"
    )
}

/// `share` / `sharedaddy` as a word of a class or id (`_` counts as a boundary).
fn is_share(m: &str) -> bool {
    for word in ["sharedaddy", "share"] {
        let mut from = 0;
        while let Some(i) = m[from..].find(word) {
            let at = from + i;
            let before = m[..at].chars().next_back();
            let after = m[at + word.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| c == '_' || !c.is_alphanumeric());
            if boundary(before) && boundary(after) {
                return true;
            }
            from = at + word.len();
        }
    }
    false
}

/// Share of `b`'s words (by length) that also occur in `a`, as Readability's
/// text similarity: 1 - (length of `b`'s new words / length of `b`'s words).
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let ta = words(a);
    let tb = words(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = tb.iter().filter(|w| !ta.contains(w)).collect();
    let len_b: usize = tb.iter().map(|w| w.chars().count()).sum::<usize>() + tb.len() - 1;
    let len_new: usize = unique_b.iter().map(|w| w.chars().count()).sum::<usize>() + unique_b.len().saturating_sub(1);
    1.0 - len_new as f64 / len_b as f64
}
