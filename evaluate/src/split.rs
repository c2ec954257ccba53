//! The protocol against tuning to the test: every case or page is put, by a
//! fixed rule on its own text, into a development part (looked at, tuned on)
//! or a held-out part (run once, at the end, for the figure reported).
//!
//! The rule is FNV-1a (64-bit) over the UTF-8 bytes of the case's key (a
//! spec case's `Input` sentence, a page's folder name): held out when the hash
//! modulo 10 is below 3, so about 30% is held out. Hashing the text, not the
//! position, keeps a sentence on one side in every file it appears in and
//! keeps the split stable when files gain cases.
//!
//! Reports print the two parts apart. Failures are only ever listed for the
//! development part; the held-out part prints its figure and nothing more.

/// Which part of the data a case belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Dev,
    HeldOut,
}

impl Part {
    /// The part of the case whose key is `key`.
    pub fn of(key: &str) -> Part {
        if fnv1a(key.as_bytes()) % 10 < 3 {
            Part::HeldOut
        } else {
            Part::Dev
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Part::Dev => "dev",
            Part::HeldOut => "held-out",
        }
    }
}

/// FNV-1a, 64-bit.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_fixed() {
        // Known FNV-1a values, so the rule cannot drift unnoticed.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let held = (0..1000).filter(|i| Part::of(&format!("case {i}")) == Part::HeldOut).count();
        assert!((250..350).contains(&held), "{held} of 1000 held out");
    }
}
