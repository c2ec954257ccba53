//! Number words: the vocabulary (`three`, `twelve`, `thousand`, `fifth`) and a
//! checked builder that accepts only well-formed phrases (text2num style).
//!
//! `twenty one` is 21, but `three four` is two numbers: each word is an
//! instruction to the builder, and an instruction that does not fit the
//! phrase so far ends it.

/// What one number word contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// 0-9.
    Unit(u64),
    /// 10-19.
    Teen(u64),
    /// 20, 30, ... 90.
    Tens(u64),
    /// `hundred`.
    Hundred,
    /// `thousand`, `million`, ... (the multiplier).
    Scale(f64),
}

/// A cardinal number word.
pub fn cardinal(w: &str) -> Option<Word> {
    use Word::*;
    Some(match w {
        "zero" | "nought" | "naught" => Unit(0),
        "one" => Unit(1),
        "two" => Unit(2),
        "three" => Unit(3),
        "four" => Unit(4),
        "five" => Unit(5),
        "six" => Unit(6),
        "seven" => Unit(7),
        "eight" => Unit(8),
        "nine" => Unit(9),
        "ten" => Teen(10),
        "eleven" => Teen(11),
        "twelve" => Teen(12),
        "thirteen" => Teen(13),
        "fourteen" => Teen(14),
        "fifteen" => Teen(15),
        "sixteen" => Teen(16),
        "seventeen" => Teen(17),
        "eighteen" => Teen(18),
        "nineteen" => Teen(19),
        "twenty" => Tens(20),
        "thirty" => Tens(30),
        "forty" => Tens(40),
        "fifty" => Tens(50),
        "sixty" => Tens(60),
        "seventy" => Tens(70),
        "eighty" => Tens(80),
        "ninety" => Tens(90),
        "hundred" => Hundred,
        _ => return scale(w).map(Scale),
    })
}

/// A scale word and its multiplier (`million` -> 1e6), including the
/// abbreviations news and finance use.
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tln" | "tn" => 1e12,
        "lakh" | "lac" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// An ordinal word, as the cardinal word it ends a phrase with
/// (`twenty-first` = `twenty` + `first`).
pub fn ordinal(w: &str) -> Option<Word> {
    use Word::*;
    Some(match w {
        "first" => Unit(1),
        "second" => Unit(2),
        "third" => Unit(3),
        "fourth" => Unit(4),
        "fifth" => Unit(5),
        "sixth" => Unit(6),
        "seventh" => Unit(7),
        "eighth" => Unit(8),
        "ninth" | "nineth" => Unit(9),
        "tenth" => Teen(10),
        "eleventh" => Teen(11),
        "twelfth" => Teen(12),
        "thirteenth" => Teen(13),
        "fourteenth" => Teen(14),
        "fifteenth" => Teen(15),
        "sixteenth" => Teen(16),
        "seventeenth" => Teen(17),
        "eighteenth" => Teen(18),
        "nineteenth" => Teen(19),
        "twentieth" => Tens(20),
        "thirtieth" => Tens(30),
        "fortieth" => Tens(40),
        "fiftieth" => Tens(50),
        "sixtieth" => Tens(60),
        "seventieth" => Tens(70),
        "eightieth" => Tens(80),
        "ninetieth" => Tens(90),
        "hundredth" => Hundred,
        "thousandth" => Scale(1e3),
        "millionth" => Scale(1e6),
        "billionth" => Scale(1e9),
        "trillionth" => Scale(1e12),
        _ => return None,
    })
}

/// A fraction's denominator word (`thirds` -> 3, `half` -> 2), singular or plural.
pub fn denominator(w: &str) -> Option<f64> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "half" | "halve" => 2.0,
        "quarter" => 4.0,
        "second" | "first" => return None,
        _ => match ordinal(stem)? {
            Word::Unit(n) | Word::Teen(n) | Word::Tens(n) => n as f64,
            Word::Hundred => 100.0,
            Word::Scale(s) => s,
        },
    })
}

/// Builds a number from words, refusing sequences that are not one number.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    /// Completed scale groups (`two million` of `two million three hundred`).
    total: f64,
    /// The group being built (below the last scale).
    group: f64,
    /// The smallest scale used so far: the next must be smaller.
    last_scale: Option<f64>,
    /// What the last instruction was, to check the next one against.
    last: Option<Word>,
    /// A bare value (digits) in the group, which only a multiplier may follow.
    digits: bool,
    words: usize,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Starts from a digit value (`3 hundred`, `4 thousand`).
    pub fn with_digits(x: f64) -> Builder {
        Builder { group: x, digits: true, words: 1, ..Builder::default() }
    }

    /// Whether `w` can extend the number so far.
    pub fn accepts(&self, w: Word) -> bool {
        use Word::*;
        let g = self.group;
        match w {
            Unit(0) => self.last.is_none(),
            Unit(_) => match self.last {
                None => true,
                Some(Tens(_)) => !self.digits && g % 10.0 == 0.0 && g % 100.0 >= 20.0,
                Some(Hundred) | Some(Scale(_)) => true,
                _ => false,
            },
            Teen(_) | Tens(_) => match self.last {
                None => true,
                Some(Hundred) => !self.digits || g % 100.0 == 0.0,
                Some(Scale(_)) => true,
                _ => false,
            },
            Hundred if self.digits => g > 0.0 && self.last.is_none(),
            Hundred => match self.last {
                Some(Unit(0)) => false,
                Some(Unit(_)) | Some(Teen(_)) => g > 0.0 && g < 100.0,
                Some(Tens(_)) => g > 0.0 && g < 100.0,
                _ => false,
            },
            Scale(s) => {
                let smaller = self.last_scale.is_none_or(|l| s < l);
                let has_group = g > 0.0 && (self.digits || !matches!(self.last, Some(Scale(_)) | None));
                smaller && has_group
            }
        }
    }

    /// Adds `w`; returns false (and changes nothing) when it does not fit.
    pub fn push(&mut self, w: Word) -> bool {
        if !self.accepts(w) {
            return false;
        }
        use Word::*;
        match w {
            Unit(n) | Teen(n) | Tens(n) => {
                // After a digit value the last word can only be a multiplier.
                self.group += n as f64;
            }
            Hundred if self.digits => self.group *= 100.0,
            Hundred => {
                // `two hundred`: the hundred multiplies what is below 100 of the group.
                let below = self.group % 100.0;
                self.group = self.group - below + below * 100.0;
            }
            Scale(s) => {
                self.total += self.group * s;
                self.group = 0.0;
                self.last_scale = Some(s);
            }
        }
        self.digits = false;
        self.last = Some(w);
        self.words += 1;
        true
    }

    /// Whether `hundred` or `thousand` came last (so `and` may follow).
    pub fn after_multiplier(&self) -> bool {
        matches!(self.last, Some(Word::Hundred) | Some(Word::Scale(_)))
    }

    /// The smallest scale word used so far (`million` in `two million three`).
    pub fn last_scale(&self) -> Option<f64> {
        self.last_scale
    }

    /// Whether the last word was a tens word (so a hyphen and a unit may follow).
    pub fn after_tens(&self) -> bool {
        matches!(self.last, Some(Word::Tens(_)))
    }

    pub fn value(&self) -> f64 {
        self.total + self.group
    }

    pub fn is_empty(&self) -> bool {
        self.words == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(words: &[&str]) -> Option<f64> {
        let mut b = Builder::new();
        for w in words {
            if !b.push(cardinal(w)?) {
                return None;
            }
        }
        Some(b.value())
    }

    #[test]
    fn well_formed_phrases_build() {
        assert_eq!(build(&["twelve", "thousand"]), Some(12_000.0));
        assert_eq!(build(&["one", "hundred", "six"]), Some(106.0));
        assert_eq!(build(&["twenty", "one", "trillion", "three", "hundred"]), Some(21e12 + 300.0));
        assert_eq!(build(&["two", "hundred", "two", "thousand"]), Some(202_000.0));
        assert_eq!(build(&["nineteen", "hundred"]), Some(1900.0));
    }

    #[test]
    fn ill_formed_phrases_stop() {
        assert_eq!(build(&["three", "four"]), None);
        assert_eq!(build(&["twenty", "thirty"]), None);
        assert_eq!(build(&["thousand", "million"]), None);
        assert_eq!(build(&["one", "thousand", "million"]), None);
    }
}
