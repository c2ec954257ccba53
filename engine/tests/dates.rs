//! Named case tables for dates, times and lengths of time as whole
//! expressions (a day with its time, periods, ranges, bounds, recurrences),
//! news first, resolved against a dateline (`td!`) or not (`t!`).

#[macro_use]
#[path = "support/figure_cases.rs"]
mod figure_cases;

use figure_cases::check;
use newslens::figures;
use newslens::text::Analysis;
use serde_json::json;

// DATE

t!(
    date_full_with_weekday,
    "on Thursday, Oct. 31, 2024, officials said",
    [("Thursday, Oct. 31, 2024", "DATE", json!({"exact": "2024-10-31"}))]
);

t!(
    time_full_date_with_weekday_and_its_time,
    "on Thursday, Oct. 31, 2024 at noon",
    [("Thursday, Oct. 31, 2024 at noon", "TIME", json!({"exact": "2024-10-31T12:00"}))]
);

t!(
    date_weekday_no_comma,
    "Wednesday Oct. 30, 2024",
    [("Wednesday Oct. 30, 2024", "DATE", json!({"exact": "2024-10-30"}))]
);

t!(date_day_month_year, "27 October 2024", [("27 October 2024", "DATE", json!({"exact": "2024-10-27"}))]);

t!(
    date_full_month_leaves_the_sentence_stop,
    "more crew in June. Then in May.",
    [("June", "DATE", json!({"exact": "--06"})), ("May", "DATE", json!({"exact": "--05"}))]
);

t!(date_bounded_before, "more crew before June.", [("before June", "DATE", json!({"min": null, "max": "--06"}))]);

t!(date_abbreviation_keeps_its_stop, "due Sept. 12", [("Sept. 12", "DATE", json!({"exact": "--09-12"}))]);

t!(time_oclock_in_words, "at six o’clock,", [("six o’clock", "TIME", json!({"exact": "T06:00"}))]);

t!(time_bounded_after, "after six o’clock,", [("after six o’clock", "TIME", json!({"min": "T06:00", "max": null}))]);

t!(time_oclock_in_digits, "at 6 o'clock sharp", [("6 o'clock", "TIME", json!({"exact": "T06:00"}))]);

t!(date_iso_with_its_time, "2024-11-02 21:58", [("2024-11-02 21:58", "TIME", json!({"exact": "2024-11-02T21:58"}))]);

t!(
    date_truncated,
    "Sept. 12 and in June, on Friday",
    [
        ("Sept. 12", "DATE", json!({"exact": "--09-12"})),
        ("June", "DATE", json!({"exact": "--06"})),
        ("Friday", "DATE", json!({"exact": "-W-5"})),
    ]
);

t!(
    date_year,
    "the 2022 Russian invasion and in 2020",
    [("2022", "DATE", json!({"exact": "2022"})), ("2020", "DATE", json!({"exact": "2020"})),]
);

t!(date_century, "the 19th century", [("19th century", "DATE", json!({"min": "1801", "max": "1900"}))]);

t!(date_may_the_verb_is_not, "They may come and march on.", []);

td!(
    date_relative_weekdays,
    "2024-11-02",
    "late Friday and Thursday and on Saturday",
    [
        ("late Friday", "DATE", json!({"exact": "2024-11-01"})),
        ("Thursday", "DATE", json!({"exact": "2024-10-31"})),
        ("Saturday", "DATE", json!({"exact": "2024-11-02"})),
    ]
);

td!(date_last_weekday, "2024-10-27", "last Thursday", [("last Thursday", "DATE", json!({"exact": "2024-10-24"}))]);

td!(
    date_relative_periods,
    "2024-11-02",
    "last year, last month and mid-October",
    [
        ("last year", "DATE", json!({"exact": "2023"})),
        ("last month", "DATE", json!({"exact": "2024-10"})),
        ("mid-October", "DATE", json!({"exact": "2024-10", "approx": true})),
    ]
);

td!(date_last_december, "2024-10-27", "Last December", [("Last December", "DATE", json!({"exact": "2023-12"}))]);

td!(
    date_day_range,
    "2024-10-27",
    "as soon as October 27 or 28.",
    [("October 27 or 28", "DATE", json!({"min": "2024-10-27", "max": "2024-10-28"}))]
);

t!(
    date_vague,
    "in the coming days, as in recent years",
    [("the coming days", "DATE", json!({"exact": null})), ("recent years", "DATE", json!({"exact": null})),]
);

// TIME

td!(
    time_with_dateline,
    "2024-11-02",
    "Last Updated At:22:00",
    [("22:00", "TIME", json!({"exact": "2024-11-02T22:00"}))]
);

t!(
    time_meridiem,
    "at 6pm and 10 a.m.",
    [("6pm", "TIME", json!({"exact": "T18:00"})), ("10 a.m.", "TIME", json!({"exact": "T10:00"})),]
);

// DURATION

t!(
    duration_hedged_words,
    "nearly three decades",
    [("nearly three decades", "DURATION", json!({"exact": 3, "approx": true, "unit": "decade"}))]
);

t!(duration_plain, "Over the past two years", [("two years", "DURATION", json!({"exact": 2, "unit": "year"}))]);

t!(
    duration_hyphenated,
    "the almost 3-year-long war",
    [("almost 3-year-long", "DURATION", json!({"exact": 3, "approx": true, "unit": "year"}))]
);

t!(duration_age, "a man 60 years old", [("60 years old", "DURATION", json!({"exact": 60, "unit": "year"}))]);

t!(
    duration_vague,
    "for weeks",
    [("weeks", "DURATION", json!({"min": 2, "max": null, "approx": true, "unit": "week"}))]
);

#[test]
fn dateline_is_found_near_the_top() {
    for (text, want) in [
        ("Title\n\n2024-11-02 21:58 Last Updated At:22:00\n\nKYIV (AP) — text", Some("2024-11-02")),
        ("# Headline\n\nPeter Symonds  \n27 October 2024\n\nAmid claims", Some("2024-10-27")),
        ("North Korea has sent troops. On 27 October 2024 they arrived in a sentence that goes on.", None),
        ("Headline\n\nPublished: Oct. 30, 2024\n\nText of the piece.", Some("2024-10-30")),
        (
            "KYIV, Oct. 30, 2024 — Ukraine's president said on Wednesday that the war goes on and on.",
            Some("2024-10-30"),
        ),
    ] {
        let got = figures::detect_dateline(&Analysis::new(text)).map(|d| d.to_string());
        assert_eq!(got.as_deref(), want, "{text:?}");
    }
}

t!(
    date_range_of_years,
    "between 2019 and 2022",
    [("between 2019 and 2022", "DATE", json!({"min": "2019", "max": "2022"}))]
);

t!(
    time_with_its_date_is_one_expression,
    "on Oct. 30, 2024 at 10:00 and later",
    [("Oct. 30, 2024 at 10:00", "TIME", json!({"exact": "2024-10-30T10:00"}))]
);

t!(
    time_takes_the_date_before_it_in_the_sentence,
    "On Oct. 30, 2024, officials said at 10:00 that it ended.",
    [
        ("Oct. 30, 2024", "DATE", json!({"exact": "2024-10-30"})),
        ("10:00", "TIME", json!({"exact": "2024-10-30T10:00"})),
    ]
);

t!(
    date_hedged_year,
    "in early 2024 and mid-2025",
    [
        ("early 2024", "DATE", json!({"exact": "2024", "approx": true})),
        ("mid-2025", "DATE", json!({"exact": "2025", "approx": true})),
    ]
);

td!(
    date_last_weekday_stays_a_date,
    "2024-11-02",
    "It happened last Thursday.",
    [("last Thursday", "DATE", json!({"exact": "2024-10-31"}))]
);

// Dates and times as whole expressions (news first), resolved against a dateline
// (Saturday 2024-11-02) and without one.

td!(
    date_range_of_days_with_a_dash,
    "2024-11-02",
    "talks on Oct. 27-28 in Kazan",
    [("Oct. 27-28", "DATE", json!({"min": "2024-10-27", "max": "2024-10-28"}))]
);

t!(
    date_range_between_a_date_and_a_day,
    "sometime between Oct. 3 and 12, officials said",
    [("between Oct. 3 and 12", "DATE", json!({"min": "--10-03", "max": "--10-12"}))]
);

td!(
    date_range_from_month_to_month,
    "2024-11-02",
    "from January to March the toll rose",
    [("from January to March", "DATE", json!({"min": "2024-01", "max": "2024-03"}))]
);

t!(date_decade, "a boom in the 1990s", [("1990s", "DATE", json!({"min": "1990", "max": "1999"}))]);

td!(
    date_hedged_relative_year,
    "2024-11-02",
    "elected late last year",
    [("late last year", "DATE", json!({"exact": "2023", "approx": true}))]
);

td!(
    date_weekday_with_part_of_day,
    "2024-11-02",
    "struck on Tuesday night",
    [("Tuesday night", "DATE", json!({"exact": "2024-10-29"}))]
);

t!(date_weekday_with_part_of_day_no_dateline, "Tuesday night", [("Tuesday night", "DATE", json!({"exact": "-W-2"}))]);

td!(
    date_earlier_this_month,
    "2024-11-02",
    "announced earlier this month",
    [("earlier this month", "DATE", json!({"exact": "2024-11", "approx": true}))]
);

t!(date_since_year, "in prison since 2014", [("since 2014", "DATE", json!({"min": "2014", "max": null}))]);

t!(
    date_recurring_weekday,
    "protests every Friday",
    [("every Friday", "DATE", json!({"exact": "-W-5", "every": "P1W"}))]
);

td!(
    time_on_a_relative_day,
    "2024-11-02",
    "tomorrow at 9 a.m.",
    [("tomorrow at 9 a.m.", "TIME", json!({"exact": "2024-11-03T09:00"}))]
);

td!(
    time_range_on_a_day,
    "2024-11-02",
    "from 4pm to 5pm today",
    [("from 4pm to 5pm today", "TIME", json!({"min": "2024-11-02T16:00", "max": "2024-11-02T17:00"}))]
);

t!(time_half_past, "at half past eight", [("half past eight", "TIME", json!({"exact": "T08:30"}))]);

t!(
    date_range_of_weekdays,
    "open Friday through Sunday",
    [("Friday through Sunday", "DATE", json!({"min": "-W-5", "max": "-W-7"}))]
);

t!(
    date_quarter_of_a_year,
    "in the third quarter of 2016",
    [("the third quarter of 2016", "DATE", json!({"min": "2016-07", "max": "2016-09"}))]
);

t!(date_before_bound, "before 2012", [("before 2012", "DATE", json!({"min": null, "max": "2012"}))]);

t!(
    date_counted_duration_stays_a_length,
    "the past two years",
    [("two years", "DURATION", json!({"exact": 2, "unit": "year"}))]
);

t!(date_vague_span_ahead, "over the next few days", [("the next few days", "DATE", json!({"exact": null}))]);

t!(date_no_date_in_a_count_range, "from 8 to 12 people", [("from 8 to 12", "CARDINAL", json!({"min": 8, "max": 12}))]);

t!(
    date_span_of_years_before_a_noun,
    "the 2023-24 season",
    [("2023-24", "DATE", json!({"min": "2023", "max": "2024"}))]
);

td!(
    time_hedged_in_local_time,
    "2024-11-02",
    "at around 3 p.m. local time",
    [("around 3 p.m. local time", "TIME", json!({"exact": "2024-11-02T15:00", "approx": true}))]
);

t!(date_nine_eleven_stays_a_name, "since 9/11 and on 9/11", []);

td!(
    date_range_across_months,
    "2024-11-02",
    "talks from Oct. 27-Nov. 2",
    [("from Oct. 27-Nov. 2", "DATE", json!({"min": "2024-10-27", "max": "2024-11-02"}))]
);
