//! CoNLL-2003 columns for the entity layer: `-DOCSTART- -X- -X- O` before each
//! document, one token per line as `token -X- -X- TAG`, a blank line between sentences.
//!
//! Tags are IOB2 (`B-PER` opens every name, `I-PER` continues it), which the CoNLL
//! scorers and spaCy's converter read; the part-of-speech and chunk columns are
//! unknown (`-X-`, as CoNLL writes them on `-DOCSTART-`). Tokens are the engine's
//! (words, numbers, single punctuation marks), cut again where a name starts or ends
//! inside one, so every name is whole tokens; a sentence never breaks inside a name.
//! The format has no offsets: the tokens, in order, are the text without its spaces.

use crate::doc::{Annotation, Document};
use crate::text::{Analysis, CharMap};

pub(super) fn write(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str("-DOCSTART- -X- -X- O\n\n");
        write_document(&mut out, doc);
    }
    out
}

fn write_document(out: &mut String, doc: &Document) {
    let text = doc.text.as_str();
    let chars = CharMap::new(text);
    // Names as byte ranges, in order (one layer never overlaps itself).
    let names: Vec<(usize, usize, &str)> = doc
        .annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => Some((chars.byte_offset(e.start)?, chars.byte_offset(e.end)?, e.label.as_str())),
            _ => None,
        })
        .collect();
    let analysis = Analysis::new(text);
    let mut name = 0; // the first name that does not end before the current token
    let mut in_name = None; // the name the last written word belongs to
    let mut written_to = 0; // where the last written word ends
    for sentence in &analysis.sentences {
        let mut wrote = false;
        for token in &analysis.tokens[sentence.clone()] {
            // Cut the token where names start or end inside it.
            let mut from = token.start;
            while from < token.end {
                while names.get(name).is_some_and(|n| n.1 <= from) {
                    name += 1;
                }
                let (to, label) = match names.get(name) {
                    Some(&(s, e, label)) if s <= from => (e.min(token.end), Some(label)),
                    Some(&(s, _, _)) if s < token.end => (s, None),
                    _ => (token.end, None),
                };
                for word in text[from..to].split_whitespace() {
                    out.push_str(word);
                    out.push_str(" -X- -X- ");
                    match label {
                        Some(label) => {
                            out.push_str(if in_name == Some(name) { "I-" } else { "B-" });
                            out.push_str(label);
                            in_name = Some(name);
                        }
                        None => {
                            out.push('O');
                            in_name = None;
                        }
                    }
                    out.push('\n');
                    wrote = true;
                    written_to = to;
                }
                from = to;
            }
        }
        // A name running on past the sentence's end keeps the sentence open.
        let name_goes_on = in_name.and_then(|k| names.get(k)).is_some_and(|n| n.1 > written_to);
        if wrote && !name_goes_on {
            out.push('\n');
        }
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
}
