//! Units and currencies: the static tables that turn `$`, `dollars`, `mm`,
//! `kilometres`, `years` into the guide's `unit` strings.

/// What a unit word makes of a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// ISO 4217 code, and what one of the written unit is worth in it
    /// (`cents` is 0.01 USD).
    Currency(&'static str, f64),
    Percent,
    /// A unit of measure, by its symbol (`mm`, `km`, `kg`).
    Measure(&'static str),
    /// A unit of time, singular (`year`, `decade`).
    Time(&'static str),
}

/// A currency sign written before (or after) the amount.
pub fn currency_sign(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" | "ரூ" => "INR",
        "₽" => "RUB",
        "₩" => "KRW",
        "₴" => "UAH",
        "₿" => "BTC",
        "₪" => "ILS",
        "₺" => "TRY",
        "元" => "CNY",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₦" => "NGN",
        "₱" => "PHP",
        _ => return None,
    })
}

/// A letter prefix that qualifies `$` (`US$`, `C$`, `HK$`), lower-case.
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s." | "u.s" | "usd" => "USD",
        "c" | "ca" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "nz" | "nzd" => "NZD",
        "hk" | "hkd" => "HKD",
        "s" | "sgd" => "SGD",
        "mex" | "mxn" => "MXN",
        "nt" => "TWD",
        "r" => "BRL",
        "rs" => "INR",
        _ => return None,
    })
}

/// An ISO 4217 code written as a word, lower-case (`usd`, `eur`), also with
/// a million prefix (`musd`).
pub fn currency_code(w: &str) -> Option<(&'static str, f64)> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "KRW", "INR", "CAD", "AUD", "CHF", "MXN", "NZD", "HKD", "SEK",
        "NOK", "DKK", "PLN", "TRY", "BRL", "ZAR", "SGD", "KPW", "BTC",
    ];
    let find = |w: &str| CODES.iter().copied().find(|c| c.eq_ignore_ascii_case(w));
    if let Some(code) = find(w) {
        return Some((code, 1.0));
    }
    if w.eq_ignore_ascii_case("rmb") {
        return Some(("CNY", 1.0));
    }
    if w.len() == 4 && w.starts_with(['m', 'M']) {
        return find(&w[1..]).map(|c| (c, 1e6));
    }
    None
}

/// A currency written as a word after the amount (`dollars`, `yen`), lower-case.
pub fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "dollar" | "dollars" | "buck" | "bucks" => ("USD", 1.0),
        "cent" | "cents" => ("USD", 0.01),
        "euro" | "euros" => ("EUR", 1.0),
        "pound" | "pounds" | "sterling" | "quid" => ("GBP", 1.0),
        "pence" | "penny" | "pennies" => ("GBP", 0.01),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" | "rmb" => ("CNY", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "hryvnia" | "hryvnias" | "hryvnas" => ("UAH", 1.0),
        "won" => ("KRW", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "franc" | "francs" => ("CHF", 1.0),
        "peso" | "pesos" => ("MXN", 1.0),
        "rand" => ("ZAR", 1.0),
        "lira" | "liras" => ("TRY", 1.0),
        "zloty" | "zlotys" => ("PLN", 1.0),
        "shekel" | "shekels" => ("ILS", 1.0),
        "peseta" | "pesetas" => ("ESP", 1.0),
        "markka" | "markkaa" => ("FIM", 1.0),
        "guilder" | "guilders" => ("NLG", 1.0),
        "bitcoin" | "bitcoins" => ("BTC", 1.0),
        "satoshi" | "satoshis" => ("BTC", 1e-8),
        _ => return None,
    })
}

/// A country adjective that names whose dollars, francs or pesos (`australian dollars`).
pub fn currency_country(adjective: &str, noun: &str) -> Option<&'static str> {
    let dollar = matches!(noun, "dollar" | "dollars");
    Some(match adjective {
        "us" | "u.s." | "american" if dollar => "USD",
        "australian" if dollar => "AUD",
        "canadian" if dollar => "CAD",
        "singapore" if dollar => "SGD",
        "taiwan" | "taiwanese" if dollar => "TWD",
        "zealand" if dollar => "NZD",
        "kong" if dollar => "HKD",
        "swiss" => "CHF",
        "turkish" => "TRY",
        "french" if noun.starts_with("franc") => "FRF",
        "mexican" => "MXN",
        "chinese" => "CNY",
        "japanese" => "JPY",
        "indian" => "INR",
        "russian" => "RUB",
        "ukrainian" => "UAH",
        "korean" => "KRW",
        "british" => "GBP",
        "egyptian" => "EGP",
        "dutch" => "NLG",
        "finnish" => "FIM",
        _ => return None,
    })
}

/// A unit of measure, as written (case matters only for `M`/`m`-style
/// symbols, handled by the caller), to its symbol.
pub fn measure(w: &str) -> Option<&'static str> {
    Some(match w {
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "dm" | "decimetre" | "decimetres" | "decimeter" | "decimeters" => "dm",
        "m" | "metre" | "metres" | "meter" | "meters" => "m",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "kms" => "km",
        "mile" | "miles" | "mi" => "mi",
        "foot" | "feet" | "ft" => "ft",
        "inch" | "inches" => "in",
        "yard" | "yards" | "yd" | "yds" => "yd",
        "nautical" => "nmi",
        "kg" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" => "kg",
        "g" | "gram" | "grams" | "gramme" | "grammes" => "g",
        "mg" | "milligram" | "milligrams" => "mg",
        "µg" | "μg" | "mcg" | "microgram" | "micrograms" | "microgramme" | "microgrammes" => "µg",
        "t" | "tonne" | "tonnes" | "ton" | "tons" => "t",
        "lb" | "lbs" => "lb",
        "ounce" | "ounces" | "oz" => "oz",
        "l" | "litre" | "litres" | "liter" | "liters" => "l",
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => "ml",
        "gallon" | "gallons" | "gal" => "gal",
        "barrel" | "barrels" | "bbl" => "bbl",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "ha",
        "km2" | "km²" => "km2",
        "m2" | "m²" => "m2",
        "mph" => "mph",
        "kph" | "kmph" | "km/h" => "km/h",
        "knot" | "knots" => "kn",
        "degree" | "degrees" | "°" => "°",
        "celsius" | "centigrade" => "°C",
        "fahrenheit" => "°F",
        "rad" | "radian" | "radians" => "rad",
        "turn" | "turns" => "turn",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "bit" | "bits" => "bit",
        "byte" | "bytes" => "B",
        "kb" | "kilobyte" | "kilobytes" => "kB",
        "mb" | "megabyte" | "megabytes" => "MB",
        "gb" | "gigabyte" | "gigabytes" => "GB",
        "tb" | "terabyte" | "terabytes" => "TB",
        "calibre" | "caliber" => "calibre",
        "tablespoon" | "tablespoons" | "tbsp" => "tbsp",
        "teaspoon" | "teaspoons" | "tsp" => "tsp",
        "cup" | "cups" => "cup",
        "drachma" | "dram" | "drams" => "dram",
        "pm" | "picometer" | "picometers" | "picometre" | "picometres" => "pm",
        "kt" | "kiloton" | "kilotons" | "kilotonne" | "kilotonnes" => "kt",
        "megaton" | "megatons" | "megatonne" | "megatonnes" => "Mt",
        _ => return None,
    })
}

/// Measure symbols that are also common words or letters, which count as a
/// unit only when glued to the number (`20t`, `48m`) or after a clear amount.
pub fn measure_needs_glue(symbol_as_written: &str) -> bool {
    matches!(symbol_as_written, "m" | "g" | "t" | "l" | "in" | "mi" | "ha" | "pm" | "gal")
}

/// A unit of time, to the singular the guide uses.
pub fn time_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "millennium" | "millennia" => "millennium",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "second" | "seconds" | "sec" | "secs" => "second",
        "fortnight" | "fortnights" => "fortnight",
        "quarter" | "quarters" => return None,
        _ => return None,
    })
}

/// Whether a time-unit word is plural (`weeks` alone is a vague duration).
pub fn is_plural_time(w: &str) -> bool {
    matches!(w, "years" | "decades" | "centuries" | "months" | "weeks" | "days" | "hours" | "minutes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_on_common_units() {
        assert_eq!(currency_sign("$"), Some("USD"));
        assert_eq!(currency_word("cents"), Some(("USD", 0.01)));
        assert_eq!(currency_code("musd"), Some(("USD", 1e6)));
        assert_eq!(currency_country("australian", "dollars"), Some("AUD"));
        assert_eq!(measure("kilometres"), Some("km"));
        assert_eq!(time_unit("decades"), Some("decade"));
    }
}
