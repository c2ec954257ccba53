//! Markdown to plain text: the words stay, the syntax goes. Headings lose
//! their `#`, emphasis its `*`/`_`, links keep their text, images and link
//! definitions disappear, code fences keep their code, backslash escapes
//! become the character. The first heading is the title.

use super::entities;

/// Plain text of a Markdown document, and its title (first heading, or a
/// front-matter `title:`).
pub fn to_text(md: &str) -> (String, Option<String>) {
    let mut out: Vec<String> = Vec::new();
    let mut title: Option<String> = None;
    let mut para: Vec<String> = Vec::new();
    let mut fence: Option<String> = None;
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;

    // Front matter (`---` ... `---` at the very top).
    if lines.first().map(|l| l.trim_end()) == Some("---") {
        if let Some(end) = lines.iter().skip(1).position(|l| matches!(l.trim_end(), "---" | "...")) {
            for l in &lines[1..=end] {
                if let Some(t) = l.strip_prefix("title:") {
                    let t = t.trim().trim_matches(['"', '\'']).trim();
                    if !t.is_empty() {
                        title = Some(t.to_string());
                    }
                }
            }
            i = end + 2;
        }
    }

    let flush = |para: &mut Vec<String>, out: &mut Vec<String>| {
        if !para.is_empty() {
            out.push(inline(&para.join("\n")));
            para.clear();
        }
    };

    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        i += 1;
        if let Some(marker) = &fence {
            let t = trimmed.trim_end();
            if t.starts_with(marker.as_str()) && t.chars().all(|c| marker.starts_with(c)) {
                fence = None;
                // Code is written verbatim, not through `inline`.
                out.push(para.join("\n"));
                para.clear();
            } else {
                para.push(line.to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut para, &mut out);
            let c = trimmed.chars().next().unwrap_or('`');
            let n = trimmed.chars().take_while(|&x| x == c).count();
            fence = Some(c.to_string().repeat(n));
            continue;
        }
        if trimmed.trim_end().is_empty() {
            flush(&mut para, &mut out);
            continue;
        }
        if indent < 4 && is_rule(trimmed) && !(para.len() == 1 && trimmed.starts_with('-') && is_setext(trimmed, '-')) {
            flush(&mut para, &mut out);
            continue;
        }
        // Setext heading: the underline turns the paragraph into a heading.
        if indent < 4 && para.len() == 1 && (is_setext(trimmed, '=') || is_setext(trimmed, '-')) {
            let h = inline(&para[0]);
            para.clear();
            if title.is_none() {
                title = Some(h.clone());
            }
            out.push(h);
            continue;
        }
        if indent < 4 && trimmed.starts_with('#') {
            let hashes = trimmed.chars().take_while(|&c| c == '#').count();
            let rest = &trimmed[hashes..];
            if hashes <= 6 && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
                flush(&mut para, &mut out);
                let body = rest.trim().trim_end_matches('#').trim_end();
                let h = inline(body);
                if title.is_none() && !h.is_empty() {
                    title = Some(h.clone());
                }
                if !h.is_empty() {
                    out.push(h);
                }
                continue;
            }
        }
        if indent < 4 && is_link_definition(trimmed) {
            continue;
        }
        let mut content = trimmed.trim_end().to_string();
        // A footnote keeps its text, not its label.
        if content.starts_with("[^") {
            if let Some(i) = content.find("]:") {
                content = content[i + 2..].trim_start().to_string();
            }
        }
        // Quotes: the text without `>`.
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start().to_string();
        }
        // Table delimiter rows go; cells stay, joined by ` | `.
        if content.starts_with('|') || (content.contains(" | ") && content.contains('|')) {
            if content.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                continue;
            }
            let cells: Vec<&str> = content.trim_matches('|').split('|').map(str::trim).collect();
            flush(&mut para, &mut out);
            para.push(cells.join(" | "));
            flush_lines(&mut para, &mut out);
            continue;
        }
        // List items are lines of their own.
        if let Some(item) = list_item(&content) {
            let after_blank = i >= 2 && lines[i - 2].trim().is_empty();
            flush(&mut para, &mut out);
            para.push(item);
            // Continuation lines of the item join it.
            while i < lines.len() {
                let next = lines[i];
                let nt = next.trim_start();
                if nt.is_empty() || list_item(nt.trim_end()).is_some() || next.len() - nt.len() < 2 {
                    break;
                }
                para.push(nt.trim_end().to_string());
                i += 1;
            }
            let joined = para.join(" ");
            para.clear();
            let text = inline(&joined);
            // Consecutive items share one block, one per line.
            match out.last_mut() {
                Some(last) if last_was_list(last) && !after_blank => {
                    last.push('\n');
                    last.push_str(&text);
                }
                _ => out.push(text),
            }
            continue;
        }
        // A hard break (two trailing spaces or a backslash) keeps the line end.
        let hard = line.ends_with("  ") || content.ends_with('\\');
        let content = content.trim_end_matches('\\').to_string();
        if hard {
            para.push(format!("{content}\u{0}"));
        } else {
            para.push(content);
        }
    }
    if fence.is_some() {
        out.push(para.join("\n"));
        para.clear();
    }
    flush(&mut para, &mut out);
    let text = out.into_iter().filter(|b| !b.trim().is_empty()).collect::<Vec<_>>().join("\n\n");
    (text, title.filter(|t| !t.is_empty()))
}

fn flush_lines(para: &mut Vec<String>, out: &mut Vec<String>) {
    let text = inline(&para.join("\n"));
    para.clear();
    match out.last_mut() {
        Some(last) if last.contains(" | ") => {
            last.push('\n');
            last.push_str(&text);
        }
        _ => out.push(text),
    }
}

fn last_was_list(block: &str) -> bool {
    let last = block.lines().last().unwrap_or("");
    last.starts_with("- ")
        || last.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_rule(line: &str) -> bool {
    let l: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    l.len() >= 3 && (l.chars().all(|c| c == '-') || l.chars().all(|c| c == '*') || l.chars().all(|c| c == '_'))
}

fn is_setext(line: &str, c: char) -> bool {
    let l = line.trim_end();
    !l.is_empty() && l.chars().all(|x| x == c)
}

fn is_link_definition(line: &str) -> bool {
    line.starts_with('[') && !line.starts_with("[^") && line.find("]:").is_some_and(|i| !line[1..i].contains(']'))
}

/// `- x`, `* x`, `+ x` -> `- x`; `3. x`, `3) x` -> `3. x`.
fn list_item(line: &str) -> Option<String> {
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(m) {
            let rest = rest.trim_start();
            let rest = rest
                .strip_prefix("[ ] ")
                .or_else(|| rest.strip_prefix("[x] "))
                .or_else(|| rest.strip_prefix("[X] "))
                .unwrap_or(rest);
            return Some(format!("- {rest}"));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(format!("{}. {}", &line[..digits], r.trim_start()));
        }
    }
    None
}

/// Inline syntax to text: emphasis, code spans, links, images, autolinks,
/// inline HTML tags, escapes and entities. Soft line breaks become spaces.
pub fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let emphasis = emphasis_runs(&chars);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '\u{0}' => {
                out.push('\n');
                i += 1;
                if chars.get(i) == Some(&'\n') {
                    i += 1;
                }
            }
            '\n' => {
                out.push(' ');
                i += 1;
            }
            '`' => {
                let n = run(&chars, i, '`');
                match find_run(&chars, i + n, '`', n) {
                    Some(end) => {
                        let code: String = chars[i + n..end].iter().collect();
                        let code = code.replace('\n', " ");
                        let trimmed = if code.starts_with(' ') && code.ends_with(' ') && code.trim() != "" {
                            &code[1..code.len() - 1]
                        } else {
                            &code[..]
                        };
                        out.push_str(trimmed);
                        i = end + n;
                    }
                    None => {
                        out.extend(&chars[i..i + n]);
                        i += n;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            '[' => match link(&chars, i) {
                Some((text, end)) => {
                    out.push_str(&inline(&text));
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '<' => match angle(&chars, i) {
                Some((keep, end)) => {
                    out.push_str(&keep);
                    i = end;
                }
                None => {
                    out.push('<');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let n = run(&chars, i, c);
                if !emphasis.contains(&i) {
                    out.extend(&chars[i..i + n]);
                }
                i += n;
            }
            '&' => {
                let end = chars[i..].iter().take(12).position(|&x| x == ';');
                match end {
                    Some(e) => {
                        let ent: String = chars[i..=i + e].iter().collect();
                        let decoded = entities::decode(&ent, false);
                        out.push_str(&decoded);
                        i += e + 1;
                    }
                    None => {
                        out.push('&');
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out.trim().to_string()
}

fn run(chars: &[char], i: usize, c: char) -> usize {
    chars[i..].iter().take_while(|&&x| x == c).count()
}

fn find_run(chars: &[char], from: usize, c: char, n: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == c {
            let m = run(chars, j, c);
            if m == n {
                return Some(j);
            }
            j += m;
        } else {
            j += 1;
        }
    }
    None
}

/// Start positions of `*`, `_` and `~~` runs that pair up as emphasis
/// (CommonMark's flanking rules, simplified: any opener of the same
/// character pairs with the next closer).
fn emphasis_runs(chars: &[char]) -> Vec<usize> {
    let mut paired = Vec::new();
    let mut openers: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 2;
            continue;
        }
        if c == '`' {
            let n = run(chars, i, '`');
            i = find_run(chars, i + n, '`', n).map_or(i + n, |e| e + n);
            continue;
        }
        if !matches!(c, '*' | '_' | '~') {
            i += 1;
            continue;
        }
        let n = run(chars, i, c);
        let before = if i == 0 { None } else { Some(chars[i - 1]) };
        let after = chars.get(i + n).copied();
        let ws = |x: Option<char>| x.is_none_or(char::is_whitespace);
        let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        let opens = !(ws(after) || c == '_' && alnum(before));
        let closes = !(ws(before) || c == '_' && alnum(after));
        if c != '~' || n == 2 {
            let opener = if closes { openers.iter().rposition(|&(_, oc)| oc == c) } else { None };
            if let Some(k) = opener {
                paired.push(openers[k].0);
                paired.push(i);
                openers.truncate(k);
            } else if opens {
                openers.push((i, c));
            }
        }
        i += n;
    }
    paired
}

/// A link or image at `[`: its text and where it ends. `[t](url "title")`,
/// `[t][ref]`, `[t][]`, and `[t]` when followed by nothing link-like are handled.
fn link(chars: &[char], open: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut j = open;
    let close = loop {
        let c = *chars.get(j)?;
        match c {
            '\\' => j += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            '\n' if chars.get(j + 1) == Some(&'\n') => return None,
            _ => {}
        }
        j += 1;
    };
    let text: String = chars[open + 1..close].iter().collect();
    // A footnote reference `[^1]` is a pointer, not text.
    if text.starts_with('^') && chars.get(close + 1) != Some(&'(') {
        return Some((String::new(), close + 1));
    }
    match chars.get(close + 1) {
        Some('(') => {
            let mut depth = 0;
            let mut k = close + 1;
            loop {
                let c = *chars.get(k)?;
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((text, k + 1));
                        }
                    }
                    '\n' => return None,
                    _ => {}
                }
                k += 1;
            }
        }
        Some('[') => {
            let end = chars[close + 2..].iter().position(|&c| c == ']')?;
            Some((text, close + 2 + end + 1))
        }
        _ => None,
    }
}

/// `<https://x>` keeps the address; an inline HTML tag disappears.
fn angle(chars: &[char], open: usize) -> Option<(String, usize)> {
    let end = open + chars[open..].iter().take(300).position(|&c| c == '>')?;
    let inner: String = chars[open + 1..end].iter().collect();
    if inner.contains(char::is_whitespace) && !inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
        return None;
    }
    if inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("mailto:") {
        return Some((inner.trim_start_matches("mailto:").to_string(), end + 1));
    }
    if inner.contains('@') && !inner.contains(' ') {
        return Some((inner, end + 1));
    }
    let name: String = inner.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    if name.is_empty() || !inner.trim_start_matches('/').starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let keep = if name.eq_ignore_ascii_case("br") { "\n" } else { "" };
    Some((keep.to_string(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_syntax_goes() {
        assert_eq!(inline("**Bold** and *it* and _u_ and snake_case_name"), "Bold and it and u and snake_case_name");
        assert_eq!(inline("See [the report](https://x.org/a_(b)) ![chart](c.png) now"), "See the report  now");
        assert_eq!(inline(r"Costs \$5 \*not\* \[x\]"), "Costs $5 *not* [x]");
        assert_eq!(inline("Use `a*b*c` here, 2 * 3 = 6"), "Use a*b*c here, 2 * 3 = 6");
        assert_eq!(inline("Note[^1] here"), "Note here");
        assert_eq!(inline("~~gone~~ &amp; <b>bold</b> <https://x.org>"), "gone & bold https://x.org");
    }

    #[test]
    fn blocks() {
        let (text, title) = to_text("# Big *news*\n\nPara one\ncontinues.\n\n- a\n- b\n\n```\nlet x = *y*;\n```\n\n> quoted\n\n[ref]: https://x\n");
        assert_eq!(title.as_deref(), Some("Big news"));
        assert_eq!(text, "Big news\n\nPara one continues.\n\n- a\n- b\n\nlet x = *y*;\n\nquoted");
    }
}
