//! A small, forgiving HTML parser: a tokeniser and a tree builder that follow
//! the HTML rules that matter for reading (void elements, raw-text elements,
//! implied end tags, stray end tags ignored) into an editable node arena.
//!
//! Nothing here runs or fetches anything: the tree is data, and only its text
//! ever leaves this module.

use super::entities;

/// Index of a node in a [`Dom`].
pub type NodeId = usize;

/// What a node is.
#[derive(Debug, Clone)]
pub enum Kind {
    Document,
    Element { name: String, attrs: Vec<(String, String)> },
    Text(String),
}

/// One node, linked to its parent and siblings so edits are cheap.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev: Option<NodeId>,
    pub next: Option<NodeId>,
}

/// A parsed document. Node 0 is the document itself.
#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

pub const ROOT: NodeId = 0;

/// Deepest nesting kept: deeper start tags still add their element, but its
/// content goes to the current element (keeps every walk's recursion bounded).
const MAX_DEPTH: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose content is not markup (read up to their end tag).
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Elements whose content is text with character references.
const RCDATA: &[&str] = &["title", "textarea"];

/// Elements that close an open `<p>` when they start.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Structural ("special") elements: a stray inline end tag does not close
/// past them.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "li",
    "link",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noscript",
    "object",
    "ol",
    "p",
    "pre",
    "section",
    "select",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements an end tag's search for its opener stops at.
const SCOPE: &[&str] = &["html", "table", "td", "th", "caption", "template", "object", "marquee"];

fn is(name: &str, set: &[&str]) -> bool {
    set.contains(&name)
}

impl Dom {
    /// Parses HTML. Never fails: malformed markup becomes the nearest
    /// sensible tree, as in a browser.
    pub fn parse(html: &str) -> Dom {
        let mut builder = Builder { dom: Dom::empty(), stack: vec![ROOT] };
        Tokenizer { src: html, pos: 0 }.run(&mut builder);
        builder.dom
    }

    fn empty() -> Dom {
        Dom { nodes: vec![Node::new(Kind::Document)] }
    }

    /// Adds a detached node.
    pub fn create(&mut self, kind: Kind) -> NodeId {
        self.nodes.push(Node::new(kind));
        self.nodes.len() - 1
    }

    /// Adds a detached element with no attributes.
    pub fn create_element(&mut self, name: &str) -> NodeId {
        self.create(Kind::Element { name: name.to_string(), attrs: Vec::new() })
    }

    /// The lower-case tag name, or `""` for text and the document.
    pub fn name(&self, id: NodeId) -> &str {
        match &self.nodes[id].kind {
            Kind::Element { name, .. } => name,
            _ => "",
        }
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].kind, Kind::Element { .. })
    }

    pub fn text_of(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }

    /// An attribute's value (names are lower case).
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs.iter().find(|(n, _)| n == attr).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Renames an element, keeping its attributes and children.
    pub fn set_name(&mut self, id: NodeId, new: &str) {
        if let Kind::Element { name, .. } = &mut self.nodes[id].kind {
            *name = new.to_string();
        }
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent
    }

    /// Child nodes, in order (collected, so the caller may edit the tree).
    pub fn children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            out.push(n);
            c = self.nodes[n].next;
        }
        out
    }

    /// Child elements, in order.
    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        self.children(id).into_iter().filter(|&c| self.is_element(c)).collect()
    }

    /// Removes a node (with its subtree) from its parent.
    pub fn detach(&mut self, id: NodeId) {
        let Node { parent, prev, next, .. } = self.nodes[id];
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => self.nodes[p].next = next,
            None => self.nodes[parent].first_child = next,
        }
        match next {
            Some(n) => self.nodes[n].prev = prev,
            None => self.nodes[parent].last_child = prev,
        }
        let node = &mut self.nodes[id];
        node.parent = None;
        node.prev = None;
        node.next = None;
    }

    /// Moves `child` to the end of `parent`'s children.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent].last_child;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = last;
        match last {
            Some(l) => self.nodes[l].next = Some(child),
            None => self.nodes[parent].first_child = Some(child),
        }
        self.nodes[parent].last_child = Some(child);
    }

    /// Moves `new` to just before `reference` (which must have a parent).
    pub fn insert_before(&mut self, reference: NodeId, new: NodeId) {
        let Some(parent) = self.nodes[reference].parent else { return };
        if new == reference {
            return;
        }
        self.detach(new);
        let prev = self.nodes[reference].prev;
        self.nodes[new].parent = Some(parent);
        self.nodes[new].prev = prev;
        self.nodes[new].next = Some(reference);
        self.nodes[reference].prev = Some(new);
        match prev {
            Some(p) => self.nodes[p].next = Some(new),
            None => self.nodes[parent].first_child = Some(new),
        }
    }

    /// Puts `new` where `old` is and detaches `old`.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        self.insert_before(old, new);
        self.detach(old);
    }

    /// The next node in document order; `skip_children` steps over `id`'s subtree.
    pub fn next_node(&self, id: NodeId, skip_children: bool) -> Option<NodeId> {
        if !skip_children {
            if let Some(c) = self.nodes[id].first_child {
                return Some(c);
            }
        }
        let mut n = id;
        loop {
            if let Some(s) = self.nodes[n].next {
                return Some(s);
            }
            n = self.nodes[n].parent?;
        }
    }

    /// Every element below `id` (not `id` itself) in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut n = self.nodes[id].first_child;
        while let Some(cur) = n {
            out.push(cur);
            n = match self.nodes[cur].first_child {
                Some(c) => Some(c),
                None => self.next_within(cur, id),
            };
        }
        out
    }

    fn next_within(&self, mut n: NodeId, root: NodeId) -> Option<NodeId> {
        loop {
            if n == root {
                return None;
            }
            if let Some(s) = self.nodes[n].next {
                return Some(s);
            }
            n = self.nodes[n].parent?;
        }
    }

    /// Descendant elements named any of `names`.
    pub fn find_all(&self, id: NodeId, names: &[&str]) -> Vec<NodeId> {
        self.descendants(id).into_iter().filter(|&n| names.contains(&self.name(n))).collect()
    }

    /// The first descendant element named `name`.
    pub fn find(&self, id: NodeId, name: &str) -> Option<NodeId> {
        self.descendants(id).into_iter().find(|&n| self.name(n) == name)
    }

    /// All text below `id`, as is (a DOM's `textContent`).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Some(t) = self.text_of(id) {
            return t.to_string();
        }
        for n in self.descendants(id) {
            if let Some(t) = self.text_of(n) {
                out.push_str(t);
            }
        }
        out
    }

    /// Whether some ancestor of `id` is named `name`.
    pub fn has_ancestor(&self, id: NodeId, name: &str) -> bool {
        let mut p = self.parent(id);
        while let Some(n) = p {
            if self.name(n) == name {
                return true;
            }
            p = self.parent(n);
        }
        false
    }

    /// The `<body>` element, or the document when there is none.
    pub fn body(&self) -> NodeId {
        self.find(ROOT, "body").unwrap_or(ROOT)
    }
}

impl Node {
    fn new(kind: Kind) -> Node {
        Node { kind, parent: None, first_child: None, last_child: None, prev: None, next: None }
    }
}

/// Builds the tree from tokens.
struct Builder {
    dom: Dom,
    /// Open elements, the document at the bottom.
    stack: Vec<NodeId>,
}

impl Builder {
    fn current(&self) -> NodeId {
        *self.stack.last().unwrap_or(&ROOT)
    }

    fn text(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        let cur = self.current();
        // Merge with a preceding text node, as the DOM does.
        if let Some(last) = self.dom.nodes[cur].last_child {
            if let Kind::Text(t) = &mut self.dom.nodes[last].kind {
                t.push_str(&text);
                return;
            }
        }
        let id = self.dom.create(Kind::Text(text));
        self.dom.append(cur, id);
    }

    /// Index in the stack of the nearest open `name`, not crossing `stop_at`.
    fn open_index(&self, name: &str, stop_at: &[&str]) -> Option<usize> {
        for i in (1..self.stack.len()).rev() {
            let n = self.dom.name(self.stack[i]);
            if n == name {
                return Some(i);
            }
            if is(n, stop_at) {
                return None;
            }
        }
        None
    }

    fn close(&mut self, name: &str, stop_at: &[&str]) {
        if let Some(i) = self.open_index(name, stop_at) {
            self.stack.truncate(i);
        }
    }

    fn start(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) {
        let n = name.as_str();
        if is(n, CLOSES_P) {
            self.close("p", &["button", "table", "td", "th", "caption", "html", "template"]);
        }
        match n {
            "li" => self.close("li", &["ul", "ol", "table", "td", "th", "template", "html"]),
            "dt" | "dd" => {
                self.close("dt", &["dl", "table", "td", "th", "html"]);
                self.close("dd", &["dl", "table", "td", "th", "html"]);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let cur = self.dom.name(self.current());
                if matches!(cur, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    self.stack.pop();
                }
            }
            "a" => self.close("a", SPECIAL),
            "option" => self.close("option", &["select", "html"]),
            "tr" => {
                self.close("td", &["table", "tr"]);
                self.close("th", &["table", "tr"]);
                self.close("tr", &["table"]);
            }
            "td" | "th" => {
                self.close("td", &["table", "tr"]);
                self.close("th", &["table", "tr"]);
            }
            "thead" | "tbody" | "tfoot" => {
                for t in ["td", "th", "tr", "thead", "tbody", "tfoot"] {
                    self.close(t, &["table"]);
                }
            }
            // A second <body> or <html> adds nothing new; keep one.
            "body" | "html" | "head" if self.dom.find(ROOT, n).is_some() => return,
            _ => {}
        }
        let id = self.dom.create(Kind::Element { name, attrs });
        let cur = self.current();
        self.dom.append(cur, id);
        if !(self_closing || is(self.dom.name(id), VOID)) && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" => {
                self.start("br".into(), Vec::new(), true);
                return;
            }
            "body" | "html" | "head" => {
                // Content after </body> still belongs to the body, as in a browser.
                if name == "head" {
                    self.close("head", &[]);
                }
                return;
            }
            _ => {}
        }
        if is(name, SPECIAL) || is(name, SCOPE) {
            self.close(name, SCOPE);
            return;
        }
        // Inline end tag: close the nearest match unless a structural element is in the way.
        for i in (1..self.stack.len()).rev() {
            let n = self.dom.name(self.stack[i]);
            if n == name {
                self.stack.truncate(i);
                return;
            }
            if is(n, SPECIAL) {
                return;
            }
        }
    }
}

/// Splits the source into tokens and hands them to the builder.
struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

impl Tokenizer<'_> {
    fn run(&mut self, b: &mut Builder) {
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() {
            let Some(off) = self.src[self.pos..].find('<') else {
                b.text(entities::decode(&self.src[self.pos..], false));
                return;
            };
            let lt = self.pos + off;
            if lt > self.pos {
                b.text(entities::decode(&self.src[self.pos..lt], false));
            }
            self.pos = lt;
            let rest = &self.src[lt..];
            let next = rest.as_bytes().get(1).copied().unwrap_or(0);
            if let Some(comment) = rest.strip_prefix("<!--") {
                self.pos = match comment.find("-->") {
                    Some(e) => lt + 4 + e + 3,
                    None => bytes.len(),
                };
            } else if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
                let (text, used) = match cdata.find("]]>") {
                    Some(e) => (&cdata[..e], 9 + e + 3),
                    None => (cdata, rest.len()),
                };
                b.text(text.to_string());
                self.pos = lt + used;
            } else if next == b'!' || next == b'?' {
                self.pos = match rest.find('>') {
                    Some(e) => lt + e + 1,
                    None => bytes.len(),
                };
            } else if next == b'/' {
                let after = rest.as_bytes().get(2).copied().unwrap_or(0);
                if after.is_ascii_alphabetic() {
                    let (name, _, _, used) = tag(&rest[2..]);
                    self.pos = lt + 2 + used;
                    b.end(&name);
                } else if after == b'>' {
                    self.pos = lt + 3;
                } else {
                    // `</ ...>` and similar are bogus comments.
                    self.pos = match rest.find('>') {
                        Some(e) => lt + e + 1,
                        None => bytes.len(),
                    };
                }
            } else if next.is_ascii_alphabetic() {
                let (name, attrs, self_closing, used) = tag(&rest[1..]);
                self.pos = lt + 1 + used;
                let raw = is(&name, RAW_TEXT);
                let rc = is(&name, RCDATA);
                b.start(name.clone(), attrs, self_closing);
                if (raw || rc) && !self_closing {
                    let body_start = self.pos;
                    let end = find_end_tag(&self.src[body_start..], &name);
                    let content = &self.src[body_start..body_start + end.0];
                    b.text(if rc { entities::decode(content, false) } else { content.to_string() });
                    self.pos = body_start + end.1;
                    b.end(&name);
                }
            } else {
                b.text("<".into());
                self.pos = lt + 1;
            }
        }
    }
}

/// Where the raw content ends (before `</name`) and where scanning resumes.
fn find_end_tag(s: &str, name: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(off) = s[i..].find("</") {
        let at = i + off;
        let cand = &bytes[at + 2..];
        if cand.len() >= name.len()
            && cand[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && cand.get(name.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            let close = s[at..].find('>').map_or(s.len(), |e| at + e + 1);
            return (at, close);
        }
        i = at + 2;
    }
    (s.len(), s.len())
}

/// Reads a tag after `<` or `</`: name, attributes, self-closing flag, bytes used.
fn tag(s: &str) -> (String, Vec<(String, String)>, bool, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = s[..i].to_ascii_lowercase();
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return (name, attrs, false, b.len());
        }
        if b[i] == b'>' {
            return (name, attrs, self_closing, i + 1);
        }
        self_closing = false;
        let start = i;
        i += 1; // an attribute name may start with `=`
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'/' | b'=') {
            i += 1;
        }
        let attr_name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vstart = i + 1;
                let vend = b[vstart..].iter().position(|&c| c == q).map_or(b.len(), |p| vstart + p);
                value = entities::decode(&s[vstart..vend], true);
                i = (vend + 1).min(b.len());
            } else {
                let vstart = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = entities::decode(&s[vstart..i], true);
            }
        }
        if !attrs.iter().any(|(n, _)| *n == attr_name) {
            attrs.push((attr_name, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom, id: NodeId) -> String {
        let mut s = String::new();
        for c in dom.children(id) {
            match &dom.nodes[c].kind {
                Kind::Text(t) => s.push_str(t),
                Kind::Element { name, .. } => {
                    s.push_str(&format!("<{name}>{}</{name}>", outline(dom, c)));
                }
                Kind::Document => {}
            }
        }
        s
    }

    #[test]
    fn implied_end_tags_and_voids() {
        let dom = Dom::parse("<p>one<p>two<br>three<ul><li>a<li>b</ul>");
        assert_eq!(outline(&dom, ROOT), "<p>one</p><p>two<br></br>three</p><ul><li>a</li><li>b</li></ul>");
    }

    #[test]
    fn stray_end_tags_do_not_close_blocks() {
        let dom = Dom::parse("<div><b>x</i>y</b></span>z</div>w");
        assert_eq!(outline(&dom, ROOT), "<div><b>xy</b>z</div>w");
    }

    #[test]
    fn raw_text_and_attributes() {
        let dom = Dom::parse("<script>if (a<b) x='</p>'</script><a href=\"?a=1&amp;b=2\" data-x=y>t</a>");
        let a = dom.find(ROOT, "a").unwrap();
        assert_eq!(dom.attr(a, "href"), Some("?a=1&b=2"));
        assert_eq!(dom.attr(a, "data-x"), Some("y"));
        let s = dom.find(ROOT, "script").unwrap();
        assert_eq!(dom.text_content(s), "if (a<b) x='</p>'");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let html = "<div>".repeat(5_000) + "deep";
        let dom = Dom::parse(&html);
        let mut depth = 0;
        let mut n = ROOT;
        while let Some(c) = dom.nodes[n].first_child {
            depth += 1;
            n = c;
        }
        assert!(depth <= MAX_DEPTH + 1, "{depth}");
    }

    #[test]
    fn survives_truncation() {
        for html in ["<", "<a", "<a href='", "<!--", "<script>x", "&#", "&#x;", "</", "<p>é</"] {
            let _ = Dom::parse(html);
        }
    }
}
