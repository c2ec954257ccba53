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
}
