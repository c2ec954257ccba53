//! Named case tables for the number layer's amounts, one collection per
//! label, in the style of aho-corasick's tests (helpers in
//! `support/figure_cases.rs`); dates and times are in `dates.rs`.

#[macro_use]
#[path = "support/figure_cases.rs"]
mod figure_cases;

use figure_cases::check;
use newslens::figures::{self, Context};
use newslens::text::Analysis;
use serde_json::json;

// CARDINAL: counts, qualifiers, ranges, vague plurals, words.

t!(cardinal_plain, "Some 8,000 troops arrived.", [("Some 8,000", "CARDINAL", json!({"exact": 8000, "approx": true}))]);

t!(cardinal_up_to, "up to 12,000 soldiers", [("up to 12,000", "CARDINAL", json!({"min": null, "max": 12000}))]);

t!(cardinal_more_than, "more than 7,000 people", [("more than 7,000", "CARDINAL", json!({"min": 7000, "max": null}))]);

t!(cardinal_at_least, "at least 3,000 soldiers", [("at least 3,000", "CARDINAL", json!({"min": 3000, "max": null}))]);

t!(
    cardinal_as_many_as,
    "as many as 10,000 troops",
    [("as many as 10,000", "CARDINAL", json!({"min": null, "max": 10000}))]
);

t!(
    cardinal_range_hedged,
    "around 8,000 to 12,000 troops",
    [("around 8,000 to 12,000", "CARDINAL", json!({"min": 8000, "max": 12000, "approx": true}))]
);

t!(
    cardinal_between,
    "between 8,000 and 12,000 troops",
    [("between 8,000 and 12,000", "CARDINAL", json!({"min": 8000, "max": 12000}))]
);

t!(
    cardinal_thousands,
    "thousands of soldiers",
    [("thousands", "CARDINAL", json!({"min": 2000, "max": null, "approx": true}))]
);

t!(
    cardinal_several_thousand,
    "several thousand have left",
    [("several thousand", "CARDINAL", json!({"min": 3000, "max": null, "approx": true}))]
);

t!(
    cardinal_tens_of_thousands,
    "tens of thousands of people",
    [("tens of thousands", "CARDINAL", json!({"min": 20000, "max": null, "approx": true}))]
);

t!(
    cardinal_words,
    "twelve thousand people and three dogs",
    [("twelve thousand", "CARDINAL", json!({"exact": 12000})), ("three", "CARDINAL", json!({"exact": 3})),]
);

t!(
    cardinal_hyphenated_words,
    "twenty-one trillion and three hundred",
    [("twenty-one trillion and three hundred", "CARDINAL", json!({"exact": 21000000000300u64}))]
);

t!(
    cardinal_a_dozen,
    "a dozen drones and half a dozen tanks",
    [("a dozen", "CARDINAL", json!({"exact": 12})), ("half a dozen", "CARDINAL", json!({"exact": 6})),]
);

t!(
    cardinal_part_of_total,
    "50 of 80 drones were shot down",
    [("50 of 80", "CARDINAL", json!({"exact": 50, "total": 80}))]
);

t!(
    cardinal_or_more,
    "around “90,000 or more a month.”",
    [
        ("90,000 or more", "CARDINAL", json!({"min": 90000, "max": null, "approx": true})),
        ("a month", "DURATION", json!({"exact": 1, "unit": "month"})),
    ]
);

t!(cardinal_scale, "1.2 million people", [("1.2 million", "CARDINAL", json!({"exact": 1200000}))]);

t!(cardinal_one_of, "one of the parties", [("one", "CARDINAL", json!({"exact": 1}))]);

t!(cardinal_pronoun_one_is_not, "the one that poses a threat, which one", []);

t!(
    cardinal_fraction,
    "two thirds of voters and 3/4 of them",
    [("two thirds", "CARDINAL", json!({"exact": 0.666666666667})), ("3/4", "CARDINAL", json!({"exact": 0.75})),]
);

// MONEY

t!(
    money_dollars_million,
    "another $400 million package",
    [("$400 million", "MONEY", json!({"exact": 400000000, "unit": "USD"}))]
);

t!(
    money_escaped_dollar,
    "another \\$400 million package",
    [("$400 million", "MONEY", json!({"exact": 400000000, "unit": "USD"}))]
);

t!(
    money_vague,
    "tens of billions of dollars of weapons",
    [(
        "tens of billions of dollars",
        "MONEY",
        json!({"min": 20000000000u64, "max": null, "approx": true, "unit": "USD"})
    )]
);

t!(money_glued_m, "a £10m deal", [("£10m", "MONEY", json!({"exact": 10000000, "unit": "GBP"}))]);

t!(
    money_word_currency,
    "420 million finnish markka and 5 euros",
    [
        ("420 million finnish markka", "MONEY", json!({"exact": 420000000, "unit": "FIM"})),
        ("5 euros", "MONEY", json!({"exact": 5, "unit": "EUR"})),
    ]
);

t!(
    money_prefixed_dollar,
    "a US$ 150 million loan",
    [("US$ 150 million", "MONEY", json!({"exact": 150000000, "unit": "USD"}))]
);

t!(money_cents, "down 34 cents", [("34 cents", "MONEY", json!({"exact": 0.34, "unit": "USD"}))]);

// PERCENT

t!(percent_sign, "about 2% of the vote", [("about 2%", "PERCENT", json!({"exact": 2, "approx": true, "unit": "%"}))]);

t!(
    percent_word,
    "50 percent and twenty per cent",
    [
        ("50 percent", "PERCENT", json!({"exact": 50, "unit": "%"})),
        ("twenty per cent", "PERCENT", json!({"exact": 20, "unit": "%"})),
    ]
);

t!(percent_range, "5-10% of shells", [("5-10%", "PERCENT", json!({"min": 5, "max": 10, "unit": "%"}))]);

// QUANTITY

t!(quantity_glued, "155mm shells", [("155mm", "QUANTITY", json!({"exact": 155, "unit": "mm"}))]);

t!(quantity_spelled, "10 kilometres away", [("10 kilometres", "QUANTITY", json!({"exact": 10, "unit": "km"}))]);

t!(quantity_hyphen, "a six-mile trip", [("six-mile", "QUANTITY", json!({"exact": 6, "unit": "mi"}))]);

t!(
    quantity_square,
    "660 square meters of land",
    [("660 square meters", "QUANTITY", json!({"exact": 660, "unit": "m2"}))]
);

// ORDINAL

t!(
    ordinal_words_and_digits,
    "the 70th anniversary, his fourth visit, the first",
    [
        ("70th", "ORDINAL", json!({"exact": 70})),
        ("fourth", "ORDINAL", json!({"exact": 4})),
        ("first", "ORDINAL", json!({"exact": 1})),
    ]
);

t!(
    ordinal_compound,
    "the twenty-first and one hundred twenty-fifth",
    [("twenty-first", "ORDINAL", json!({"exact": 21})), ("one hundred twenty-fifth", "ORDINAL", json!({"exact": 125})),]
);

t!(ordinal_in_name_is_not, "Ukraine's 24th Mechanised Brigade said", []);

// No false figures.

t!(no_figures_in_urls, "see https://apnews.com/article/2024-11-02-abc123 and wsws.org/en/2024/10", []);

t!(no_figures_in_phones, "call +1-222-2222 or 555-123-4567", []);

t!(no_figures_in_codes, "an F-16 and an A320 near SCP-173", []);

// The thing counted.

#[test]
fn of_names_the_counted_thing() {
    let text = "at least 3,000 North Korean soldiers have been moved; thousands of troops; 13,000 containers worth";
    let analysis = Analysis::new(text);
    let of: Vec<Option<String>> = figures::find(&analysis, &Context::default()).into_iter().map(|f| f.of).collect();
    assert_eq!(of, [Some("North Korean soldiers".into()), Some("troops".into()), Some("containers".into())]);
}

#[test]
fn never_panics_and_spans_are_sorted_on_odd_input() {
    let nasty = "$ % - 1/0 0/0 ½ 9999999999999999999999 1e999 ,,, ... 1,,2 😀12😀 — 3–4 mid- last \u{202f}5 ٪";
    for cut in 0..nasty.len() {
        if !nasty.is_char_boundary(cut) {
            continue;
        }
        let text = &nasty[cut..];
        let found = figures::find(&Analysis::new(text), &Context::default());
        for w in found.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "overlap in {text:?}");
        }
        for f in &found {
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
    }
}

// Names and codes with numbers in them are not counts.

t!(no_figures_in_named_numbers, "jets, Article 5, Resolution 2231, Route 66, No. 10 and Euro 2024", []);

t!(no_figures_in_slashed_names, "the 9/11 attacks and 24/7 coverage", []);

t!(
    cardinal_hyphenated_fraction,
    "a two-thirds majority",
    [("two-thirds", "CARDINAL", json!({"exact": 0.666666666667}))]
);

t!(money_rupees_crore, "Rs 500 crore", [("Rs 500 crore", "MONEY", json!({"exact": 5000000000u64, "unit": "INR"}))]);

t!(
    money_dollars_and_cents,
    "it cost 3 dollars 50 cents",
    [("3 dollars 50 cents", "MONEY", json!({"exact": 3.5, "unit": "USD"}))]
);

t!(
    quantity_feet_and_inches,
    "he is 5 feet 2 inches tall",
    [("5 feet 2 inches", "QUANTITY", json!({"exact": 5.16666666667, "unit": "ft"}))]
);

t!(
    quantity_degrees,
    "It was 5°C and some 300-odd delegates came",
    [
        ("5°C", "QUANTITY", json!({"exact": 5, "unit": "°C"})),
        ("some 300-odd", "CARDINAL", json!({"exact": 300, "approx": true})),
    ]
);

t!(
    cardinal_scores_are_no_ranges,
    "They won 3-1, after 6-3 6-4.",
    [
        ("3", "CARDINAL", json!({"exact": 3})),
        ("1", "CARDINAL", json!({"exact": 1})),
        ("6", "CARDINAL", json!({"exact": 6})),
        ("3", "CARDINAL", json!({"exact": 3})),
        ("6", "CARDINAL", json!({"exact": 6})),
        ("4", "CARDINAL", json!({"exact": 4})),
    ]
);

t!(cardinal_hyphen_range, "5-10 soldiers", [("5-10", "CARDINAL", json!({"min": 5, "max": 10}))]);

// Written forms from plain number recognisers' conventions, and what stays no figure.

t!(
    cardinal_scientific_notation,
    "a mass of 1.3e6 tonnes",
    [("1.3e6 tonnes", "QUANTITY", json!({"exact": 1300000, "unit": "t"}))]
);

t!(
    cardinal_times_ten_power,
    "about 6.23x10^-4 of it",
    [("about 6.23x10^-4", "CARDINAL", json!({"exact": 0.000623, "approx": true}))]
);

t!(
    cardinal_compound_denominator,
    "one twenty-fifth of the vote",
    [("one twenty-fifth", "CARDINAL", json!({"exact": 0.04}))]
);

t!(cardinal_spaced_multiplier_at_end, "Views: 2.33 k.", [("2.33 k", "CARDINAL", json!({"exact": 2330}))]);

t!(
    cardinal_spaced_letter_before_word_is_no_multiplier,
    "at 300 K the metal",
    [("300", "CARDINAL", json!({"exact": 300}))]
);

t!(
    cardinal_code_with_letters_on_both_sides_is_none,
    "the h1n1 strain in the mid-1990s",
    [("mid-1990s", "DATE", json!({"min": "1990", "max": "1999", "approx": true}))]
);

t!(money_cents_after_code, "It rises to 17 USD 25.", [("17 USD 25", "MONEY", json!({"exact": 17.25, "unit": "USD"}))]);

t!(
    money_code_then_own_percent_is_no_cents,
    "It fell 5 USD 20 percent lower",
    [
        ("5 USD", "MONEY", json!({"exact": 5, "unit": "USD"})),
        ("20 percent", "PERCENT", json!({"exact": 20, "unit": "%"}))
    ]
);

t!(
    money_currency_word_before_scaled_number,
    "starts at dollar 22.5 million.",
    [("dollar 22.5 million", "MONEY", json!({"exact": 22500000, "unit": "USD"}))]
);

t!(
    money_won_before_number_is_a_verb,
    "She won 3 million votes",
    [("3 million", "CARDINAL", json!({"exact": 3000000}))]
);

t!(quantity_inch_mark_spaced, "a pen that is 10 \" long", [("10 \"", "QUANTITY", json!({"exact": 10, "unit": "in"}))]);

t!(
    quantity_dimensions_with_x,
    "a plot of 1 m x 1 m.",
    [("1 m", "QUANTITY", json!({"exact": 1, "unit": "m"})), ("1 m", "QUANTITY", json!({"exact": 1, "unit": "m"}))]
);

t!(quantity_unit_glued_to_digits_is_a_code, "part 24703 L-202", [("24703", "CARDINAL", json!({"exact": 24703}))]);

t!(ordinal_relative_words_are_no_figure, "the last one and the next to last, previous page", []);

t!(
    cardinal_part_out_of_total,
    "one out of three voters",
    [("one out of three", "CARDINAL", json!({"exact": 1, "total": 3}))]
);

t!(cardinal_part_in_ratio, "1 in 5 adults", [("1 in 5", "CARDINAL", json!({"exact": 1, "total": 5}))]);

t!(
    cardinal_in_before_a_duration_is_no_ratio,
    "killed 5 in 10 days",
    [("5", "CARDINAL", json!({"exact": 5})), ("10 days", "DURATION", json!({"exact": 10, "unit": "day"}))]
);

t!(
    cardinal_in_before_a_year_is_no_ratio,
    "won 2 in 2023",
    [("2", "CARDINAL", json!({"exact": 2})), ("2023", "DATE", json!({"exact": "2023"}))]
);

t!(
    money_tamil_rupee_sign,
    "lend me 100,000 ரூ for rent",
    [("100,000 ரூ", "MONEY", json!({"exact": 100000, "unit": "INR"}))]
);

t!(
    cardinal_lakh_crore_in_words,
    "a total of three lakh crore",
    [("three lakh crore", "CARDINAL", json!({"exact": 3000000000000u64}))]
);

t!(
    cardinal_bare_hundred_thousand,
    "Hundred thousand rally in the capital",
    [("Hundred thousand", "CARDINAL", json!({"exact": 100000}))]
);

t!(
    cardinal_few_hundred_thousand_stays_vague,
    "a few hundred thousand people",
    [("a few hundred thousand", "CARDINAL", json!({"min": 200000, "max": null, "approx": true}))]
);

t!(
    cardinal_number_word_then_hundreds,
    "five hundreds were there",
    [("five hundreds", "CARDINAL", json!({"exact": 500}))]
);

// `X over Y` is a division only between plain numbers, the divisor closing the clause.

t!(
    cardinal_over_is_a_division,
    "It is one over three, or 200 over 3.",
    [
        ("one over three", "CARDINAL", json!({"exact": 0.333333333333})),
        ("200 over 3", "CARDINAL", json!({"exact": 66.6666666667})),
    ]
);

t!(
    cardinal_negative_over,
    "The answer is negative one over 20",
    [("negative one over 20", "CARDINAL", json!({"exact": -0.05}))]
);

t!(
    cardinal_over_before_a_noun_is_no_division,
    "2,000 over 3 years; they won 5 over 3 rivals",
    [
        ("2,000", "CARDINAL", json!({"exact": 2000})),
        ("over 3 years", "DURATION", json!({"min": 3, "max": null, "unit": "year"})),
        ("5", "CARDINAL", json!({"exact": 5})),
        ("over 3", "CARDINAL", json!({"min": 3, "max": null})),
    ]
);

t!(
    cardinal_result_over_is_no_division,
    "The Senate voted 52 over 48.",
    [("52", "CARDINAL", json!({"exact": 52})), ("over 48", "CARDINAL", json!({"min": 48, "max": null})),]
);

t!(
    money_is_never_divided,
    "It rose $5 over 3.",
    [("$5", "MONEY", json!({"exact": 5, "unit": "USD"})), ("over 3", "CARDINAL", json!({"min": 3, "max": null})),]
);

t!(
    cardinal_over_after_a_unit_is_no_division,
    "up 5 percent over 3.",
    [
        ("5 percent", "PERCENT", json!({"exact": 5, "unit": "%"})),
        ("over 3", "CARDINAL", json!({"min": 3, "max": null})),
    ]
);

#[test]
fn year_over_year_is_no_division() {
    let text = "Sales grew in 2023 over 2022.";
    let values: Vec<f64> = figures::scan_numbers(&Analysis::new(text)).into_iter().map(|n| n.value).collect();
    assert_eq!(values, [2023.0, 2022.0]);
}

// Fractions after `and`: a part no smaller than the denominator is the whole numerator.

t!(
    cardinal_improper_fraction_after_and,
    "one hundred and thirty fifths and one hundred and thirty-two fifths",
    [
        ("one hundred and thirty fifths", "CARDINAL", json!({"exact": 26})),
        ("one hundred and thirty-two fifths", "CARDINAL", json!({"exact": 26.4})),
    ]
);

t!(
    cardinal_mixed_fraction_after_and,
    "one hundred and three quarters",
    [("one hundred and three quarters", "CARDINAL", json!({"exact": 100.75}))]
);

t!(
    cardinal_stacked_and_before_a_fraction,
    "twenty and three and three fifths",
    [("twenty and three and three fifths", "CARDINAL", json!({"exact": 23.6}))]
);

t!(
    cardinal_multiplier_then_hyphenated_denominator,
    "ninety - five hundred-fifths",
    [("ninety - five hundred-fifths", "CARDINAL", json!({"exact": 1900}))]
);

// Comma groups that are no thousands are a list.

t!(
    cardinal_comma_list_is_one_number_a_group,
    "Exercises nrs. 22,24,26,31.",
    [
        ("22", "CARDINAL", json!({"exact": 22})),
        ("24", "CARDINAL", json!({"exact": 24})),
        ("26", "CARDINAL", json!({"exact": 26})),
        ("31", "CARDINAL", json!({"exact": 31})),
    ]
);

t!(
    cardinal_thousands_groups_stay_one_number,
    "1,000,000 and 22,500 and 12,34,567",
    [
        ("1,000,000", "CARDINAL", json!({"exact": 1000000})),
        ("22,500", "CARDINAL", json!({"exact": 22500})),
        ("12,34,567", "CARDINAL", json!({"exact": 1234567})),
    ]
);

// A spaced minus is a sign only where a clause starts and the number closes it.

t!(cardinal_spaced_minus, "- 1 4/5", [("- 1 4/5", "CARDINAL", json!({"exact": -1.8}))]);

t!(
    cardinal_spaced_minus_in_brackets,
    "Dow 5647.65 ( - 64.73 )",
    [("5647.65", "CARDINAL", json!({"exact": 5647.65})), ("- 64.73", "CARDINAL", json!({"exact": -64.73})),]
);

t!(cardinal_spaced_minus_multiplier, "- 10  k", [("- 10  k", "CARDINAL", json!({"exact": -10000}))]);

t!(cardinal_list_bullet_is_no_minus, "- 5 soldiers were killed", [("5", "CARDINAL", json!({"exact": 5}))]);

t!(
    cardinal_spaced_dash_between_numbers_is_a_range,
    "10 - 12 people",
    [("10 - 12", "CARDINAL", json!({"min": 10, "max": 12}))]
);

// Money: subunits in words, colloquial yuan, a code glued to its number, a sign between numbers.

t!(
    money_singular_unit_and_subunit_in_words,
    "It costs one dollar and two and three points.",
    [
        ("one dollar and two", "MONEY", json!({"exact": 1.02, "unit": "USD"})),
        ("three", "CARDINAL", json!({"exact": 3})),
    ]
);

t!(
    money_unit_and_a_count_is_no_subunit,
    "one dollar and two apples",
    [("one dollar", "MONEY", json!({"exact": 1, "unit": "USD"})), ("two", "CARDINAL", json!({"exact": 2})),]
);

t!(
    money_sign_amount_and_subunit_in_words,
    "me c $ 100 and fifty.",
    [("c $ 100 and fifty", "MONEY", json!({"exact": 100.5, "unit": "CAD"}))]
);

t!(
    money_sign_amount_and_digits_is_no_subunit,
    "He paid $100 and 50 people came.",
    [("$100", "MONEY", json!({"exact": 100, "unit": "USD"})), ("50", "CARDINAL", json!({"exact": 50})),]
);

t!(
    money_kuai_and_mao,
    "It may need one kuai and five mao five.",
    [("one kuai and five mao five", "MONEY", json!({"exact": 1.55, "unit": "CNY"}))]
);

t!(
    money_sen_before_the_number,
    "Do you think sen 100,000 is expensive?",
    [("sen 100,000", "MONEY", json!({"exact": 1000, "unit": "MYR"}))]
);

t!(money_senator_is_no_currency, "Sen. 100 votes", [("100", "CARDINAL", json!({"exact": 100}))]);

t!(
    money_code_glued_to_the_next_number,
    "we are giving away 3 USD50 Cards.",
    [("3", "CARDINAL", json!({"exact": 3})), ("USD50", "MONEY", json!({"exact": 50, "unit": "USD"})),]
);

t!(
    money_sign_between_numbers_with_units,
    "10 $ 30 $ and 10 $ 30 cent",
    [
        ("10 $", "MONEY", json!({"exact": 10, "unit": "USD"})),
        ("30 $", "MONEY", json!({"exact": 30, "unit": "USD"})),
        ("10 $ 30 cent", "MONEY", json!({"exact": 10.3, "unit": "USD"})),
    ]
);

t!(
    cardinal_unit_thousand_after_a_multiplier_is_the_denominator,
    "one hundred one thousand fifths",
    [("one hundred one thousand fifths", "CARDINAL", json!({"exact": 0.0995024875622}))]
);

t!(
    cardinal_hundred_one_thousand_stays_a_count,
    "one hundred one thousand people",
    [("one hundred one thousand", "CARDINAL", json!({"exact": 101000}))]
);

// Ranges as one figure, however the two ends are written.

t!(
    range_preposition_pair,
    "estimates range from 8,000 to 12,000 troops",
    [("from 8,000 to 12,000", "CARDINAL", json!({"min": 8000, "max": 12000}))]
);

t!(
    range_a_change_is_two_figures,
    "The toll rose from 8,000 to 12,000.",
    [("8,000", "CARDINAL", json!({"exact": 8000})), ("12,000", "CARDINAL", json!({"exact": 12000}))]
);

t!(
    range_between_with_a_shared_multiplier,
    "between 3 and 5 million people",
    [("between 3 and 5 million", "CARDINAL", json!({"min": 3000000, "max": 5000000}))]
);

t!(range_dash_percent, "a 10-12% rise", [("10-12%", "PERCENT", json!({"min": 10, "max": 12, "unit": "%"}))]);

t!(range_tilde, "10~12 drones", [("10~12", "CARDINAL", json!({"min": 10, "max": 12}))]);

t!(
    range_two_comparatives_with_but,
    "more than 10 but fewer than 20 ships",
    [("more than 10 but fewer than 20", "CARDINAL", json!({"min": 10, "max": 20}))]
);

t!(
    range_two_comparatives_with_and,
    "at least $5 million and at most $8 million",
    [("at least $5 million and at most $8 million", "MONEY", json!({"min": 5000000, "max": 8000000, "unit": "USD"}))]
);

t!(
    range_two_comparatives_upper_first,
    "under 20 but over 10 ships",
    [("under 20 but over 10", "CARDINAL", json!({"min": 10, "max": 20}))]
);

t!(range_ordinals, "the 10th to 12th centuries BC", [("10th to 12th", "ORDINAL", json!({"min": 10, "max": 12}))]);

t!(range_ordinal_words, "third to fifth place", [("third to fifth", "ORDINAL", json!({"min": 3, "max": 5}))]);

t!(range_count_words, "eight to ten boats", [("eight to ten", "CARDINAL", json!({"min": 8, "max": 10}))]);

t!(
    range_with_units_on_both_ends,
    "between 10 km and 20 km away",
    [("between 10 km and 20 km", "QUANTITY", json!({"min": 10, "max": 20, "unit": "km"}))]
);
