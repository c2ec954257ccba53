//! Byte offsets to code-point offsets, in constant time per lookup.

/// Maps byte offsets of one text to code-point offsets.
///
/// It stores the code-point count at every 64th byte and counts the few
/// code points after that checkpoint on demand, so a 5 MB text costs 80 kB.
#[derive(Debug, Clone)]
pub struct CharMap<'t> {
    text: &'t str,
    ascii: bool,
    checkpoints: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'t> CharMap<'t> {
    pub fn new(text: &'t str) -> CharMap<'t> {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut count = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                checkpoints.push(count);
                count += block.iter().filter(|&&b| !is_continuation(b)).count();
            }
            checkpoints.push(count);
        }
        CharMap { text, ascii, checkpoints }
    }

    /// The code-point offset of byte offset `byte`, which must lie on a char
    /// boundary (offsets past the end clamp to the text's length).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let from = block * BLOCK;
        self.checkpoints[block] + self.text.as_bytes()[from..byte].iter().filter(|&&b| !is_continuation(b)).count()
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_offset(self.text.len())
    }

    /// The byte offset of code-point offset `ch` (`ch == char_len()` gives the text's byte
    /// length), or `None` past the end.
    pub fn byte_offset(&self, ch: usize) -> Option<usize> {
        if self.ascii {
            return (ch <= self.text.len()).then_some(ch);
        }
        let total = *self.checkpoints.last()?;
        if ch >= total {
            return (ch == total).then_some(self.text.len());
        }
        // The last block that starts at or before code point `ch`; `checkpoints[0]` is 0.
        let block = self.checkpoints.partition_point(|&c| c <= ch) - 1;
        let mut count = self.checkpoints[block];
        let from = block * BLOCK;
        for (i, &b) in self.text.as_bytes()[from..].iter().enumerate() {
            if !is_continuation(b) {
                if count == ch {
                    return Some(from + i);
                }
                count += 1;
            }
        }
        None
    }

    /// The text at code points `start..end`, or `None` when the range is reversed or
    /// runs past the end.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let from = self.byte_offset(start)?;
        let to = self.byte_offset(end)?;
        Some(&self.text[from..to])
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "Zelenskyy’s “watching” — 8,000 🇺🇦 troops; é́ ".repeat(9);
        let map = CharMap::new(&text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(byte), n);
        }
        assert_eq!(map.char_len(), text.chars().count());
    }

    #[test]
    fn byte_offsets_invert_char_offsets() {
        for text in ["plain ascii", "Zelenskyy’s “watching” — 8,000 🇺🇦 troops; é́ ", ""] {
            let text = text.repeat(9);
            let map = CharMap::new(&text);
            for (n, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(map.byte_offset(n), Some(byte));
            }
            let len = map.char_len();
            assert_eq!(map.byte_offset(len), Some(text.len()));
            assert_eq!(map.byte_offset(len + 1), None);
            assert_eq!(map.slice(len, len), Some(""));
            assert_eq!(map.slice(1, 0), None);
        }
    }
}
