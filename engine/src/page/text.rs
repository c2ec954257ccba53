//! From a parsed tree to plain text with the page's block structure:
//! paragraphs and headings separated by blank lines, `<br>` as a line break,
//! list items on their own lines (`- ` or `1. `), table cells joined by ` | `,
//! `<pre>` kept verbatim. Scripts, styles, embedded frames, media, form
//! controls and hidden elements contribute nothing.

use super::html::{Dom, Kind, NodeId};

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
    "math", "canvas", "video", "audio", "head", "title", "select", "button", "input", "textarea", "map", "img",
    "picture", "source", "track", "meta", "link", "base", "param", "dialog",
];

/// Elements that stand as blocks of their own (a blank line around them).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "table",
    "figure",
    "figcaption",
    "address",
    "hr",
    "form",
    "fieldset",
    "details",
    "summary",
    "center",
    "hgroup",
    "caption",
    "menu",
    "body",
    "html",
];

/// Elements that start a new line but not a new paragraph.
const LINES: &[&str] = &["li", "tr", "dt", "dd", "legend", "option"];

/// Whether an element is hidden from readers (`hidden`, `display:none`,
/// `visibility:hidden`).
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() {
        return true;
    }
    match dom.attr(id, "style") {
        Some(style) => {
            let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        None => false,
    }
}

/// The readable text of `root`'s subtree.
pub fn render(dom: &Dom, root: NodeId) -> String {
    let mut w = Writer::default();
    w.node(dom, root);
    let out = w.out.trim_end();
    out.to_string()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Line breaks owed before the next text: 1 = new line, 2 = blank line.
    pending: u8,
    space: bool,
    pre: usize,
    /// One entry per open list: `None` for bullets, `Some(n)` for numbers.
    lists: Vec<Option<usize>>,
    cells_in_row: usize,
    /// A list marker written only once its item shows some text.
    marker: Option<String>,
}

impl Writer {
    fn node(&mut self, dom: &Dom, id: NodeId) {
        match &dom.nodes[id].kind {
            Kind::Text(t) => self.text(t),
            Kind::Document => self.children(dom, id),
            Kind::Element { name, .. } => {
                let name = name.as_str();
                if SKIPPED.contains(&name) || is_hidden(dom, id) {
                    return;
                }
                match name {
                    "br" => {
                        self.pending = if self.pending >= 1 { 2 } else { 1 };
                        self.space = false;
                    }
                    "hr" => self.brk(2),
                    "li" => {
                        self.brk(1);
                        let marker = match self.lists.last_mut() {
                            Some(Some(n)) => {
                                *n += 1;
                                format!("{n}. ")
                            }
                            _ => "- ".to_string(),
                        };
                        self.marker = Some(marker);
                        self.children(dom, id);
                        self.marker = None;
                        self.brk(1);
                    }
                    "ul" | "ol" | "menu" => {
                        let start = dom
                            .attr(id, "start")
                            .and_then(|s| s.trim().parse::<usize>().ok())
                            .map_or(0, |s| s.saturating_sub(1));
                        self.lists.push((name == "ol").then_some(start));
                        self.brk(if self.lists.len() > 1 { 1 } else { 2 });
                        self.children(dom, id);
                        self.brk(if self.lists.len() > 1 { 1 } else { 2 });
                        self.lists.pop();
                    }
                    "tr" => {
                        self.brk(1);
                        let saved = std::mem::replace(&mut self.cells_in_row, 0);
                        self.children(dom, id);
                        self.cells_in_row = saved;
                        self.brk(1);
                    }
                    "td" | "th" => {
                        if self.cells_in_row > 0 && self.pending == 0 {
                            self.literal(" | ");
                        }
                        self.cells_in_row += 1;
                        self.children(dom, id);
                    }
                    "pre" => {
                        self.brk(2);
                        self.pre += 1;
                        self.children(dom, id);
                        self.pre -= 1;
                        self.brk(2);
                    }
                    _ if BLOCKS.contains(&name) => {
                        self.brk(2);
                        self.children(dom, id);
                        self.brk(2);
                    }
                    _ if LINES.contains(&name) => {
                        self.brk(1);
                        self.children(dom, id);
                        self.brk(1);
                    }
                    _ => self.children(dom, id),
                }
            }
        }
    }

    fn children(&mut self, dom: &Dom, id: NodeId) {
        let mut c = dom.nodes[id].first_child;
        while let Some(n) = c {
            self.node(dom, n);
            c = dom.nodes[n].next;
        }
    }

    fn brk(&mut self, n: u8) {
        self.pending = self.pending.max(n);
        self.space = false;
    }

    /// Writes owed line breaks before visible text.
    fn flush(&mut self) {
        if self.pending > 0 {
            let trimmed = self.out.trim_end_matches([' ', '\t']).len();
            self.out.truncate(trimmed);
            if !self.out.is_empty() {
                let have = self.out.len() - self.out.trim_end_matches('\n').len();
                for _ in have..usize::from(self.pending) {
                    self.out.push('\n');
                }
            }
            self.pending = 0;
            self.space = false;
            if let Some(m) = self.marker.take() {
                self.out.push_str(&m);
            }
        } else if self.space {
            if !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.space = false;
        }
    }

    /// Text the writer adds itself (cell separators).
    fn literal(&mut self, s: &str) {
        self.flush();
        self.out.push_str(s);
    }

    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{AD}' | '\u{2060}') {
                continue;
            }
            if self.pre > 0 {
                if c == '\n' {
                    self.flush();
                    self.out.push('\n');
                } else {
                    self.flush();
                    self.out.push(if c == '\u{A0}' { ' ' } else { c });
                }
                continue;
            }
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && self.out.ends_with(' ') {
                self.space = false;
            }
            self.flush();
            self.out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let dom = Dom::parse(html);
        render(&dom, super::super::html::ROOT)
    }

    #[test]
    fn blocks_lines_lists_tables() {
        assert_eq!(
            text("<h1>Title</h1><p>One  two\nthree.</p><p>Four<br>five</p>"),
            "Title\n\nOne two three.\n\nFour\nfive"
        );
        assert_eq!(
            text("<ul><li>a</li><li>b <b>c</b></li></ul><ol start=3><li>x<li>y</ol>"),
            "- a\n- b c\n\n3. x\n4. y"
        );
        assert_eq!(text("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"), "A | B\n1 | 2");
        assert_eq!(text("<pre>  a\n  b</pre>"), "  a\n  b");
        assert_eq!(text("<ul><li><img src=x></li><li>kept</li></ul>"), "- kept");
        assert_eq!(text("<p>a<span> </span>b</p><div hidden>x</div><p style='display: none'>y</p>"), "a b");
    }
}
