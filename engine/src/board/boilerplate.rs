//! One line at a time: is it page furniture (navigation, share and sign-up
//! prompts, "Recommended", cookie notices, a bare link) or a photo caption?
//!
//! The rules lean to keeping text: a line is furniture only when it is short
//! and made of furniture words, or opens with a phrase only furniture opens
//! with; a long line of prose never is, whatever words it holds.

use super::regions::RegionKind;

/// Words that make up navigation and share bars (`Skip to Content Facebook
/// Feature Image`). A short line made only of these is furniture.
const NAV_WORDS: &[&str] = &[
    "about",
    "account",
    "advertisement",
    "advertising",
    "ad",
    "all",
    "app",
    "article",
    "articles",
    "back",
    "bluesky",
    "bookmark",
    "by",
    "close",
    "comment",
    "comments",
    "contact",
    "content",
    "continue",
    "copy",
    "editor's",
    "email",
    "facebook",
    "feature",
    "featured",
    "feed",
    "follow",
    "for",
    "gift",
    "home",
    "image",
    "images",
    "in",
    "instagram",
    "latest",
    "like",
    "link",
    "linkedin",
    "listen",
    "live",
    "load",
    "log",
    "login",
    "main",
    "may",
    "menu",
    "more",
    "most",
    "navigation",
    "news",
    "newsletter",
    "newsletters",
    "next",
    "now",
    "of",
    "on",
    "open",
    "or",
    "our",
    "photo",
    "photos",
    "picks",
    "pinterest",
    "popular",
    "post",
    "previous",
    "print",
    "read",
    "recommended",
    "reddit",
    "register",
    "related",
    "reply",
    "rss",
    "save",
    "search",
    "see",
    "share",
    "show",
    "sign",
    "skip",
    "sponsored",
    "stories",
    "story",
    "subscribe",
    "telegram",
    "the",
    "this",
    "threads",
    "tiktok",
    "to",
    "top",
    "trending",
    "tweet",
    "twitter",
    "up",
    "us",
    "video",
    "videos",
    "view",
    "watch",
    "whatsapp",
    "x",
    "you",
    "youtube",
];

/// Words that say a line is a bar rather than a label: a short line of
/// [`NAV_WORDS`] needs at least one of these (`More` alone is a heading's
/// word too, `Share` is not).
const NAV_ANCHORS: &[&str] = &[
    "advertisement",
    "bluesky",
    "comment",
    "comments",
    "facebook",
    "instagram",
    "linkedin",
    "login",
    "menu",
    "navigation",
    "news",
    "newsletter",
    "newsletters",
    "pinterest",
    "print",
    "recommended",
    "reddit",
    "related",
    "rss",
    "share",
    "skip",
    "sponsored",
    "subscribe",
    "telegram",
    "tiktok",
    "trending",
    "tweet",
    "twitter",
    "whatsapp",
    "youtube",
    "sign",
    "log",
    "popular",
    "register",
    "bookmark",
];

/// Openings only furniture has (lower case, apostrophes straight).
const OPENERS: &[&str] = &[
    "skip to ",
    "sign up for ",
    "sign up to ",
    "sign up now",
    "subscribe to ",
    "subscribe now",
    "subscribe for ",
    "follow us ",
    "follow us on",
    "click here",
    "read next",
    "also read:",
    "see also:",
    "watch:",
    "listen:",
    "to contact ",
    "get the latest",
    "download the ",
    "download our ",
    "join our ",
    "support our ",
    "share this ",
    "share on ",
    "share via ",
    "by clicking",
    "all rights reserved",
    "copyright ©",
    "copyright (c)",
    "©",
    "last updated",
    "updated:",
    "this article is more than",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "you may also like",
    "have a news tip",
    "got a news tip",
    "was this article",
    "thank you for reading",
];

/// Openings of photo captions (lower case).
const CAPTION_OPENERS: &[&str] = &[
    "in this photo",
    "in this image",
    "in this picture",
    "in this file photo",
    "in this undated photo",
    "in this undated image",
    "in this handout",
    "in this still",
    "in this video",
    "in this aerial",
    "this photo ",
    "this image ",
    "file - ",
    "file – ",
    "file — ",
    "file photo",
    "photo: ",
    "image: ",
    "pictured: ",
    "caption: ",
];

/// What a credit at the end of a caption names (lower case).
const CREDITS: &[&str] = &[
    "ap photo",
    "via ap",
    "getty images",
    "reuters",
    "afp",
    "epa",
    "photo by",
    "photograph:",
    "photo:",
    "pool photo",
    "handout",
    "shutterstock",
    "press service",
    "/ap",
];

/// A prompt opener makes a line furniture only up to this many words.
const PROMPT_WORDS: usize = 12;

/// Past this many words a line is prose, whatever it opens with (cookie
/// notices and credited captions run longer and are checked on their own).
const SHORT: usize = 30;

/// The kind of a whole line, when it is not the article's own text.
pub(crate) fn classify(line: &str) -> Option<RegionKind> {
    // Most lines are paragraphs of prose: only a caption or a cookie notice can be one, and
    // those show at the line's ends or in one word, so a long line is not folded whole.
    let rough_words = line.split_whitespace().take(LONG + 1).count();
    if rough_words > LONG {
        return None;
    }
    if rough_words > SHORT + 5 {
        return long_line(line);
    }
    let plain = unmark(line);
    let lower = super::context::fold(plain.trim());
    if lower.is_empty() {
        return None;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    if is_caption(&lower, n) {
        return Some(RegionKind::Caption);
    }
    if lower.contains("cookie")
        && n <= 90
        && ["we use", "accept", "consent", "this site", "this website", "privacy"].iter().any(|p| lower.contains(p))
    {
        return Some(RegionKind::Boilerplate);
    }
    if n > SHORT {
        return None;
    }
    // A prompt is a few words (`Sign up for the WSWS email newsletter`); a sentence that
    // opens like one and goes on to describe the thing is the article's (Readability keeps
    // `Sign up for Command Line, a paid weekly newsletter from ... about ...`).
    let prompt = n <= PROMPT_WORDS && OPENERS.iter().any(|p| lower.starts_with(p));
    if prompt || is_link_only(&lower) || is_promo_link(&lower, &words) {
        return Some(RegionKind::Boilerplate);
    }
    // `2024-11-02 21:58 Last Updated At:22:00` (a `First published ...` dateline is kept)
    if n <= 12 && lower.contains("last updated") && lower.contains(|c: char| c.is_ascii_digit()) {
        return Some(RegionKind::Boilerplate);
    }
    // `FACEBOOK.` over a reader's letter is a label with a stop: the text's own.
    let ends_like_prose = lower.ends_with(['.', '?', '!', '"', '”']) || (lower.ends_with(':') && n > 3);
    if n <= 8
        && !ends_like_prose
        && words.iter().all(|w| NAV_WORDS.contains(w))
        && words.iter().any(|w| NAV_ANCHORS.contains(w))
    {
        return Some(RegionKind::Boilerplate);
    }
    None
}

/// How strongly a line says that what follows is a list of other stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListHeading {
    /// `Recommended Articles`, `Most read`: furniture wherever it stands.
    Always,
    /// `Read more`, `Related`, `See also`: furniture with the bulleted links under it; over
    /// plain paragraphs it may be the article's (Readability keeps the Post's `Read more:`).
    WithList,
}

/// Whether a line heads a list of links (see [`ListHeading`]).
pub(crate) fn list_heading(line: &str) -> Option<ListHeading> {
    if line.len() > 60 {
        return None;
    }
    let lower = super::context::fold(unmark(line).trim());
    let lower = lower.trim_end_matches(':').trim();
    match lower {
        "recommended"
        | "recommended articles"
        | "recommended stories"
        | "recommended for you"
        | "most read"
        | "most popular"
        | "trending"
        | "trending now"
        | "you may also like"
        | "you might also like"
        | "more stories" => Some(ListHeading::Always),
        "read more" | "related" | "related articles" | "related stories" | "related content" | "related coverage"
        | "more news" | "top stories" | "latest news" | "see also" | "also read" => Some(ListHeading::WithList),
        _ if lower.starts_with("more from ") && lower.split_whitespace().count() <= 5 => Some(ListHeading::WithList),
        _ => None,
    }
}

/// A line of a list: `- ...`, `* ...`, `• ...`.
pub(crate) fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") || t.starts_with("· ")
}

/// The line without Markdown emphasis and link brackets (`**[a](b)**` -> `a b`).
fn unmark(line: &str) -> String {
    line.chars().map(|c| if matches!(c, '*' | '[' | ']' | '(' | ')' | '_' | '#' | '>') { ' ' } else { c }).collect()
}

/// A credit in brackets at the end: `(Oleg Petrasiuk/Ukrainian 24th Mechanised Brigade via AP)`.
fn has_credit(lower: &str) -> bool {
    let t = lower.trim_end_matches(['.', ' ']);
    t.strip_suffix(')').and_then(|s| s.rfind('(')).is_some_and(|open| {
        let credit = &t[open..];
        credit.len() < 120 && CREDITS.iter().any(|c| credit.contains(c))
    })
}

fn is_caption(lower: &str, n: usize) -> bool {
    if n > 90 {
        return false;
    }
    if CAPTION_OPENERS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if has_credit(lower) {
        return true;
    }
    // `Soldiers march in a parade ... in Pyongyang, 2018.`: one present-tense line ending in a year.
    if (4..=30).contains(&n) && !lower.contains(['“', '"']) {
        let body = lower.trim_end_matches('.');
        // `..., 2018`: the text before `, YYYY`.
        let before_comma = body.strip_suffix(|c: char| c.is_ascii_digit()).and_then(|b| {
            let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let year = &body[body.len() - digits..];
            (digits == 4 && (year.starts_with("19") || year.starts_with("20")))
                .then(|| b[..b.len() - 3].strip_suffix(", "))
                .flatten()
        });
        let year = before_comma.is_some();
        let one_sentence = !body.contains(". ");
        // Captions speak in the present of a place (`in Pyongyang, 2018`), reports in the past of a month.
        let reported = [" said", " says", " told", " according to", " was ", " were ", " had ", " has been "]
            .iter()
            .any(|w| body.contains(w));
        let before_year = before_comma.unwrap_or("").rsplit(' ').next().unwrap_or("").trim_end_matches('.');
        let month = before_year.chars().all(|c| c.is_ascii_digit())
            || MONTHS.iter().any(|m| before_year.len() >= 3 && m.starts_with(before_year));
        if year && one_sentence && !reported && !month {
            return true;
        }
    }
    false
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A long line: a caption (its opening or its credit) or a cookie notice, else prose.
fn long_line(line: &str) -> Option<RegionKind> {
    let head: String = line.chars().take(24).collect();
    let head = super::context::fold(&head);
    let tail_from = line.char_indices().rev().nth(CREDIT_CHARS).map_or(0, |(i, _)| i);
    let tail = super::context::fold(&line[tail_from..]);
    if CAPTION_OPENERS.iter().any(|p| head.starts_with(p)) || has_credit(&tail) {
        return Some(RegionKind::Caption);
    }
    if line.contains("ookie") {
        let lower = super::context::fold(line);
        if ["we use", "accept", "consent", "this site", "this website", "privacy"].iter().any(|p| lower.contains(p)) {
            return Some(RegionKind::Boilerplate);
        }
    }
    None
}

/// Past this many words a line is never a caption or notice.
const LONG: usize = 90;
/// A caption's credit lies within this many characters of its end.
const CREDIT_CHARS: usize = 160;

/// A line that is nothing but a link or an address (`wsws.org/contact`).
fn is_link_only(lower: &str) -> bool {
    let parts: Vec<&str> = lower.split_whitespace().collect();
    !parts.is_empty() && parts.len() <= 3 && parts.iter().all(|p| is_address(p))
}

fn is_address(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.starts_with("http://")
        || w.starts_with("https://")
        || w.starts_with("www.")
        || w.split('/').next().is_some_and(|host| {
            let mut labels = host.split('.');
            let tld = host.rsplit('.').next().unwrap_or("");
            host.contains('.')
                && labels.all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                && matches!(tld, "com" | "org" | "net" | "co" | "uk" | "io" | "news" | "info" | "gov" | "edu")
        })
}

/// `Follow AP’s coverage of the war in Ukraine at https://...`: an imperative
/// opening and an address.
fn is_promo_link(lower: &str, words: &[&str]) -> bool {
    let imperative = matches!(
        words.first().copied(),
        Some(
            "follow"
                | "visit"
                | "read"
                | "sign"
                | "subscribe"
                | "download"
                | "get"
                | "contact"
                | "click"
                | "watch"
                | "listen"
                | "join"
                | "support"
                | "donate"
                | "share"
                | "find"
                | "see"
        )
    );
    imperative && lower.split_whitespace().any(is_address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in [
            "Skip to Content Facebook Feature Image",
            "News",
            "Comment",
            "Sign up for the WSWS email newsletter",
            "Share this article",
            "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine",
            "To contact the WSWS and the",
            "**[wsws.org/contact](https://wsws.org/contact)**",
            "2024-11-02 21:58 Last Updated At:22:00",
            "We use cookies to improve your experience. By continuing you accept our use of cookies.",
            "Advertisement",
        ] {
            assert_eq!(classify(line), Some(RegionKind::Boilerplate), "{line}");
        }
    }

    #[test]
    fn captions() {
        for line in [
            "In this photo provided by Ukraine's 24th Mechanised Brigade press service, servicemen install landmines near Chasiv Yar, Ukraine, Wednesday Oct. 30, 2024. (Oleg Petrasiuk/Ukrainian 24th Mechanised Brigade via AP)",
            "FILE - Indian Home Minister Amit Shah speaks during a public meeting in Ahmedabad, India, Wednesday, Nov. 16, 2022. (AP Photo/Ajit Solanki, File)",
            "Soldiers march in a parade for the 70th anniversary of North Korea’s founding day in Pyongyang, 2018.",
        ] {
            assert_eq!(classify(line), Some(RegionKind::Caption), "{line}");
        }
    }

    #[test]
    fn article_lines_stay() {
        for line in [
            "Ukraine's Zelenskyy urges allies to act before North Korean troops reach the front",
            "Calls for U.S. Response",
            "North Korean Soldiers: Legitimate Military Targets",
            "The Growing Presence of North Korean Troops in Russia",
            "Kyiv’s Urgent Calls for Allied Action",
            "More than 7,000 North Koreans had been transported, the agency said.",
            "Follow the money, investigators said.",
            "News of the deployment spread quickly.",
            "Share prices fell sharply in Seoul on Monday after the report.",
            "The treaty was signed in Pyongyang in June, 2024.",
            "The treaty took effect in June, 2024.",
            "Peter Symonds",
            "Sign up for Command Line, a paid weekly newsletter from Alex Heath about the tech industry’s inside conversation.",
            "Read the full transcript of his interview",
            "Related: Chicago is America's most segregated city",
            "CNNMoney (New York) First published February 1, 2016: 1:28 AM ET",
            "27 October 2024",
            "The law took effect in 2018.",
            "Latest",
            "More",
            "FACEBOOK.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }
}
