//! The annotation guide's types: a [`Document`] and its [`Annotation`]s, as plain serde.
//!
//! Offsets in these types are **code points** over [`Document::text`], `end`
//! exclusive. Inside the pipeline, recognisers work in byte offsets; the one
//! conversion happens in [`crate::pipeline`] when the document is assembled.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One annotated text, as the guide's JSON shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The text the offsets refer to (after page extraction and `\r\n` -> `\n`).
    pub text: String,
    /// Length of `text` in code points.
    pub text_len: usize,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The file name the text came from.
    pub source: Option<String>,
    /// `YYYY-MM-DD`: the date relative dates are resolved against.
    pub dateline: Option<String>,
    /// Extra page metadata (site name, language), when the page gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Sorted by `(start, layer)`; spans of one layer never overlap.
    pub annotations: Vec<Annotation>,
    /// Engine annotations the reader removed, so a new engine run does not bring them back
    /// (see [`crate::corrections`]). Absent from the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

impl Document {
    /// A document of `text` and `annotations` (code-point offsets) with nothing else known:
    /// no title, byline, source, dateline or page metadata, nothing rejected.
    pub fn new(text: impl Into<String>, annotations: Vec<Annotation>) -> Document {
        let text = text.into();
        Document {
            text_len: text.chars().count(),
            text,
            title: None,
            byline: None,
            source: None,
            dateline: None,
            site_name: None,
            lang: None,
            annotations,
            rejected: Vec::new(),
        }
    }
}

/// Who made an annotation. JSON: `"source": "user"` on the reader's annotations; the
/// engine's carry no `source` (`"engine"` is read too, and written as nothing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    #[default]
    Engine,
    User,
}

impl Origin {
    pub fn is_engine(&self) -> bool {
        *self == Origin::Engine
    }

    pub fn is_user(&self) -> bool {
        *self == Origin::User
    }
}

/// An engine annotation the reader removed: `{"layer", "label", "start", "end"}`.
/// It matches an annotation with the same layer, label and offsets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Rejection {
    pub layer: Layer,
    /// The label as the guide writes it (`PER`, `CARDINAL`, `DIRECT`, ...).
    pub label: String,
    pub start: usize,
    pub end: usize,
}

impl Rejection {
    /// The rejection that removes `a`.
    pub fn of(a: &Annotation) -> Rejection {
        let (start, end) = a.range();
        Rejection { layer: a.layer(), label: a.label().to_string(), start, end }
    }

    /// Whether this rejection removes `a`.
    pub fn matches(&self, a: &Annotation) -> bool {
        a.layer() == self.layer && a.range() == (self.start, self.end) && a.label() == self.label
    }
}

/// One highlight. The JSON field `layer` tells which kind it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "layer", rename_all = "lowercase")]
pub enum Annotation {
    Entity(Entity),
    Number(Number),
    Quote(Quote),
}

/// The three layers, in the order annotations at one offset are sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Entity,
    Number,
    Quote,
}

impl Layer {
    pub const ALL: [Layer; 3] = [Layer::Entity, Layer::Number, Layer::Quote];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Entity => "entity",
            Layer::Number => "number",
            Layer::Quote => "quote",
        }
    }
}

/// A half-open range of offsets with the text it covers (a speaker mention).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A named thing: person, organisation, place or other proper name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub label: EntityLabel,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Canonical name shared by every mention of the same thing, across documents.
    pub cluster: String,
    /// `User` when the reader added or changed it; absent from the JSON for the engine's.
    #[serde(default, skip_serializing_if = "Origin::is_engine")]
    pub source: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    PER,
    ORG,
    LOC,
    MISC,
}

/// A figure: a count, amount, percentage, quantity, rank, date, time or duration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Number {
    pub label: NumberLabel,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Value,
    /// The thing counted, when the text names it (`8,000 North Korean soldiers`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// `User` when the reader added or changed it; absent from the JSON for the engine's.
    #[serde(default, skip_serializing_if = "Origin::is_engine")]
    pub source: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NumberLabel {
    CARDINAL,
    MONEY,
    PERCENT,
    QUANTITY,
    ORDINAL,
    DATE,
    TIME,
    DURATION,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub label: QuoteLabel,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The reporting verb (`said`, `told`); `null` for a follow-on quote.
    pub cue: Option<String>,
    /// The mention that says it; `null` when no speaker is found.
    pub speaker: Option<Span>,
    /// The entity cluster the speaker resolves to.
    pub speaker_cluster: Option<String>,
    /// True for an unnamed speaker (`a South Korean official said`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nominal: bool,
    /// Others credited jointly with `speaker`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<Span>,
    /// True when the closing mark was never found and the span was cut at a limit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// `User` when the reader added or changed it; absent from the JSON for the engine's.
    #[serde(default, skip_serializing_if = "Origin::is_engine")]
    pub source: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QuoteLabel {
    DIRECT,
    PARTIAL,
}

impl Annotation {
    pub fn layer(&self) -> Layer {
        match self {
            Annotation::Entity(_) => Layer::Entity,
            Annotation::Number(_) => Layer::Number,
            Annotation::Quote(_) => Layer::Quote,
        }
    }

    /// `(start, end)` in code points.
    pub fn range(&self) -> (usize, usize) {
        match self {
            Annotation::Entity(a) => (a.start, a.end),
            Annotation::Number(a) => (a.start, a.end),
            Annotation::Quote(a) => (a.start, a.end),
        }
    }

    /// Who made it: the engine, or the reader.
    pub fn source(&self) -> Origin {
        match self {
            Annotation::Entity(a) => a.source,
            Annotation::Number(a) => a.source,
            Annotation::Quote(a) => a.source,
        }
    }

    /// Marks it as the reader's (or the engine's).
    pub fn set_source(&mut self, source: Origin) {
        match self {
            Annotation::Entity(a) => a.source = source,
            Annotation::Number(a) => a.source = source,
            Annotation::Quote(a) => a.source = source,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Annotation::Entity(a) => &a.text,
            Annotation::Number(a) => &a.text,
            Annotation::Quote(a) => &a.text,
        }
    }

    /// The label as the guide writes it (`PER`, `CARDINAL`, `DIRECT`, ...).
    pub fn label(&self) -> &'static str {
        match self {
            Annotation::Entity(a) => a.label.as_str(),
            Annotation::Number(a) => a.label.as_str(),
            Annotation::Quote(a) => a.label.as_str(),
        }
    }
}

macro_rules! label_names {
    ($ty:ident { $($v:ident),* }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$v),*];
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$v => stringify!($v)),* }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}
label_names!(EntityLabel { PER, ORG, LOC, MISC });
label_names!(NumberLabel { CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL, DATE, TIME, DURATION });
label_names!(QuoteLabel { DIRECT, PARTIAL });

/// A number's or date's normalised value: one exact value, or a range whose
/// open side is `None`; `approx` for hedged figures; `unit` (`USD`, `%`, `year`).
///
/// JSON: `{"exact": 8000}` or `{"min": 8000, "max": null}`, plus `approx`
/// (only when true), `unit`, `total` (`50 of 80`) and `every` (a recurrence:
/// `every Friday` is `{"exact": "-W-5", "every": "P1W"}`) when known.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Value {
    pub amount: Amount,
    pub approx: bool,
    pub unit: Option<String>,
    /// The whole a part is counted out of: `50 of 80` has `total` 80.
    pub total: Option<f64>,
    /// How often a recurring date or time repeats, as an ISO 8601 duration
    /// (`P1D` daily, `P1W` for `every Friday`); the value is one occurrence.
    pub every: Option<String>,
}

/// The value itself: exact, or bounded.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    /// `None` where the text fixes no value (`the coming days`).
    Exact(Option<Scalar>),
    Range {
        min: Option<Scalar>,
        max: Option<Scalar>,
    },
}

impl Default for Amount {
    fn default() -> Self {
        Amount::Exact(None)
    }
}

/// A number, or an ISO 8601 string for dates and times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    #[serde(serialize_with = "serialize_number")]
    Number(f64),
    Text(String),
}

impl From<f64> for Scalar {
    fn from(x: f64) -> Self {
        Scalar::Number(x)
    }
}

impl From<String> for Scalar {
    fn from(s: String) -> Self {
        Scalar::Text(s)
    }
}

impl Value {
    pub fn exact(x: impl Into<Scalar>) -> Value {
        Value { amount: Amount::Exact(Some(x.into())), ..Value::default() }
    }

    pub fn range(min: Option<Scalar>, max: Option<Scalar>) -> Value {
        Value { amount: Amount::Range { min, max }, ..Value::default() }
    }

    pub fn approx(mut self, approx: bool) -> Value {
        self.approx = approx;
        self
    }

    pub fn unit(mut self, unit: impl Into<String>) -> Value {
        self.unit = Some(unit.into());
        self
    }
}

/// Whole numbers print without a fraction (`8000`, not `8000.0`).
fn serialize_number<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        s.serialize_i64(*x as i64)
    } else {
        s.serialize_f64(*x)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match &self.amount {
            Amount::Exact(x) => map.serialize_entry("exact", x)?,
            Amount::Range { min, max } => {
                map.serialize_entry("min", min)?;
                map.serialize_entry("max", max)?;
            }
        }
        if self.approx {
            map.serialize_entry("approx", &true)?;
        }
        if let Some(unit) = &self.unit {
            map.serialize_entry("unit", unit)?;
        }
        if let Some(total) = &self.total {
            map.serialize_entry("total", &Scalar::Number(*total))?;
        }
        if let Some(every) = &self.every {
            map.serialize_entry("every", every)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value object with `exact` or `min`/`max`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let (mut exact, mut min, mut max) = (None, None, None);
                let mut value = Value::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "exact" => exact = Some(map.next_value::<Option<Scalar>>()?),
                        "min" => min = Some(map.next_value::<Option<Scalar>>()?),
                        "max" => max = Some(map.next_value::<Option<Scalar>>()?),
                        "approx" => value.approx = map.next_value()?,
                        "unit" => value.unit = map.next_value()?,
                        "total" => value.total = map.next_value()?,
                        "every" => value.every = map.next_value()?,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                value.amount = match (exact, min, max) {
                    (Some(x), None, None) => Amount::Exact(x),
                    (None, min, max) if min.is_some() || max.is_some() => {
                        Amount::Range { min: min.flatten(), max: max.flatten() }
                    }
                    (None, None, None) => Amount::Exact(None),
                    _ => return Err(de::Error::custom("`exact` and `min`/`max` together")),
                };
                Ok(value)
            }
        }
        d.deserialize_map(ValueVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_serialise_as_the_guide_writes_them() {
        let v = Value::exact(8000.0).approx(true);
        assert_eq!(serde_json::to_value(&v).unwrap(), json!({"exact": 8000, "approx": true}));
        let v = Value::range(None, Some(12000.0.into()));
        assert_eq!(serde_json::to_value(&v).unwrap(), json!({"min": null, "max": 12000}));
        let v = Value::exact("2024-09-12".to_string());
        assert_eq!(serde_json::to_value(&v).unwrap(), json!({"exact": "2024-09-12"}));
        let v = Value::exact(2.5).unit("%");
        assert_eq!(serde_json::to_value(&v).unwrap(), json!({"exact": 2.5, "unit": "%"}));
    }

    #[test]
    fn annotations_round_trip_through_json() {
        let line = r#"{"layer": "quote", "label": "DIRECT", "start": 5, "end": 9, "text": "“Hi”", "cue": null, "speaker": null, "speaker_cluster": null}"#;
        let a: Annotation = serde_json::from_str(line).unwrap();
        assert_eq!(a.layer(), Layer::Quote);
        let back = serde_json::to_value(&a).unwrap();
        assert_eq!(back["speaker"], serde_json::Value::Null);
        let line = r#"{"layer": "number", "label": "CARDINAL", "start": 0, "end": 9, "text": "thousands", "value": {"min": 2000, "max": null, "approx": true}}"#;
        let a: Annotation = serde_json::from_str(line).unwrap();
        assert_eq!(serde_json::to_value(&a).unwrap()["value"], json!({"min": 2000, "max": null, "approx": true}));
    }
}
