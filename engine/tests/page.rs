//! Page extraction cases: hostile HTML yields only text, markup becomes
//! sensible plain text, Markdown loses its syntax, plain text never moves.

use newslens::page::{self, Format, Page};

fn html(s: &str) -> Page {
    page::from_str(s, Format::Html)
}

fn md(s: &str) -> Page {
    page::from_str(s, Format::Markdown)
}

/// `t!(name, format, input, expected_text)`: the extracted text, exactly.
macro_rules! t {
    ($name:ident, $fmt:expr, $input:expr, $want:expr) => {
        #[test]
        fn $name() {
            let got = page::from_str($input, $fmt);
            assert_eq!(got.text, $want, "input: {:?}", $input);
        }
    };
}

// Markup to text.
t!(
    html_entities,
    Format::Html,
    "<p>Fish &amp; chips &mdash; &#8220;caf&eacute;&#x201D; &copy 2024 &bogus;</p>",
    "Fish & chips \u{2014} \u{201C}caf\u{E9}\u{201D} \u{A9} 2024 &bogus;"
);
t!(html_br_is_a_line, Format::Html, "<p>Line one<br>line two<br/>line three</p>", "Line one\nline two\nline three");
t!(
    html_paragraphs_and_headings,
    Format::Html,
    "<h2>Section</h2><p>First   para\ngraph.</p><p>Second.</p>",
    "Section\n\nFirst para graph.\n\nSecond."
);
t!(
    html_lists,
    Format::Html,
    "<ul><li>apples</li><li>pears</li></ul><ol><li>one<li>two</ol>",
    "- apples\n- pears\n\n1. one\n2. two"
);
t!(
    html_table,
    Format::Html,
    "<table><tr><th>Town</th><th>Pop.</th></tr><tr><td>Kursk</td><td>440,000</td></tr></table>",
    "Town | Pop.\nKursk | 440,000"
);
t!(html_unclosed_and_stray_tags, Format::Html, "<p>One<p>Two</span></b><div>Three</i></div>", "One\n\nTwo\n\nThree");
t!(html_pre_keeps_spacing, Format::Html, "<pre>a  b\n  c</pre>", "a  b\n  c");
t!(html_drop_caps_join, Format::Html, "<p><span>Z</span>imbabwe</p>", "Zimbabwe");

// Markdown to text.
t!(
    md_heading_and_emphasis,
    Format::Markdown,
    "# The *big* story\n\nIt was **very** _hot_.",
    "The big story\n\nIt was very hot."
);
t!(
    md_links_kept_images_dropped,
    Format::Markdown,
    "See [the report](https://x.org/r \"t\") and ![a chart](c.png).",
    "See the report and ."
);
t!(md_escapes, Format::Markdown, r"It cost \$5 and \*nothing\* else \_ok\_", "It cost $5 and *nothing* else _ok_");
t!(
    md_code_fence_kept,
    Format::Markdown,
    "Text\n\n```rust\nlet a = *b; // [x](y)\n```\n\nMore",
    "Text\n\nlet a = *b; // [x](y)\n\nMore"
);
t!(md_intraword_underscores, Format::Markdown, "call snake_case_name now", "call snake_case_name now");
t!(
    md_lists_and_quotes,
    Format::Markdown,
    "* one\n* two\n\n1. first\n2. second\n\n> quoted *words*",
    "- one\n- two\n\n1. first\n2. second\n\nquoted words"
);
t!(md_soft_wrap_joins, Format::Markdown, "A line\nthat wraps.", "A line that wraps.");
t!(md_setext_and_rule, Format::Markdown, "Title\n=====\n\nBody\n\n---\n\nEnd", "Title\n\nBody\n\nEnd");
t!(md_table, Format::Markdown, "| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n1 | 2");

// Plain text stays exactly as it is.
t!(text_untouched, Format::Text, "  <p>&amp; **x**\r\n\n\ttabs  ", "  <p>&amp; **x**\r\n\n\ttabs  ");

#[test]
fn markdown_first_heading_is_title() {
    assert_eq!(md("Intro line\n\n## Real *Title*\n\n# Later").title.as_deref(), Some("Real Title"));
    assert_eq!(md("---\ntitle: \"Front\"\n---\n# Heading").title.as_deref(), Some("Front"));
}

/// Nothing in the page runs, loads or escapes: the text holds no markup,
/// no script, no handler, no URL from the page.
#[test]
fn hostile_html_gives_only_text() {
    let hostile = r#"<!doctype html><html><head><title>Safe title</title>
<script>alert('head')</script><style>body{background:url(https://evil.example/x.png)}</style>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/"></head>
<body onload="alert('onload')">
<iframe src="https://evil.example/frame" srcdoc="<script>alert('srcdoc')</script>"></iframe>
<p onclick="alert('click')">Readable paragraph one, with enough words in it to count as content for the article.</p>
<img src="https://evil.example/pixel.gif" onerror="alert('img')" alt="pixel alt">
<a href="javascript:alert('link')">link text</a>
<svg><script>alert('svg')</script><text>svgtext</text></svg>
<object data="https://evil.example/flash.swf">objtext</object><embed src="https://evil.example/e">
<noscript><img src="https://evil.example/noscript.gif"></noscript>
<!-- <script>alert('comment')</script> -->
<form action="https://evil.example/post"><input value="secret"><button>Press</button></form>
<p>Second paragraph, still readable, &lt;script&gt; shown as text is fine.</p>
<template><script>alert('template')</script></template>
</body></html>"#;
    let p = html(hostile);
    for text in [&p.text, p.full_text.as_ref().expect("html has full text")] {
        for bad in [
            "alert",
            "evil",
            "onload",
            "onerror",
            "onclick",
            "javascript",
            "srcdoc",
            "svgtext",
            "objtext",
            "secret",
            "Press",
            "pixel alt",
            "background",
        ] {
            assert!(!text.contains(bad), "{bad:?} leaked into {text:?}");
        }
        assert!(text.contains("Readable paragraph one"), "{text:?}");
        assert!(text.contains("<script> shown as text"), "{text:?}");
    }
    assert_eq!(p.title.as_deref(), Some("Safe title"));
}

#[test]
fn article_leaves_menus_but_whole_page_keeps_them() {
    let para = "Officials said the convoy of 8,000 troops arrived overnight, according to the ministry, \
        which gave no further details, and residents said roads were closed for hours.";
    let src = format!(
        r##"<html lang="en"><head><title>Troops arrive in the north | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-11-02T09:30:00Z"></head>
<body><nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/cookies">Cookie Policy</a></nav>
<div class="share-tools"><a href="#">Share on Facebook</a></div>
<article class="story-body"><h1>Troops arrive in the north</h1>
<p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Celebrity news</a></li></ul></aside>
<footer class="footer">Copyright Daily Planet</footer></body></html>"##
    );
    let p = html(&src);
    assert!(p.text.contains("convoy of 8,000 troops"), "{}", p.text);
    for menu in ["Cookie Policy", "Share on Facebook", "Most read", "Celebrity", "Copyright"] {
        assert!(!p.text.contains(menu), "{menu:?} in article: {}", p.text);
    }
    let full = p.full_text.as_deref().unwrap_or_default();
    assert!(full.contains("Cookie Policy") && full.contains("convoy of 8,000 troops"));
    assert_eq!(page::whole_page_text(&src), full);
    assert_eq!(p.title.as_deref(), Some("Troops arrive in the north"));
    assert_eq!(p.byline.as_deref(), Some("Jane Reporter"));
    assert_eq!(p.dateline.map(|d| d.to_string()).as_deref(), Some("2024-11-02"));
    assert_eq!(p.site_name.as_deref(), Some("Daily Planet"));
    assert_eq!(p.lang.as_deref(), Some("en"));
}

#[test]
fn json_ld_and_body_byline() {
    let para = "The council voted on Tuesday to close the bridge, citing cracks found by engineers, \
        and said repairs could take several months, though no budget has yet been agreed.";
    let src = format!(
        r#"<html><head><title>Bridge closes</title><script type="application/ld+json">
{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge closes after cracks found",
"datePublished":"2023-06-07T20:54:26Z","author":[{{"name":"Ann Lee"}},{{"name":"Bo Kim"}}],
"publisher":{{"name":"Town Times"}}}}</script></head>
<body><div class="content"><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></div></body></html>"#
    );
    let p = html(&src);
    assert_eq!(p.title.as_deref(), Some("Bridge closes after cracks found"));
    assert_eq!(p.byline.as_deref(), Some("Ann Lee, Bo Kim"));
    assert_eq!(p.dateline.map(|d| d.to_string()).as_deref(), Some("2023-06-07"));
    assert_eq!(p.site_name.as_deref(), Some("Town Times"));

    let src2 = format!(
        r#"<html><body><div class="post"><div class="byline">By Sam Writer</div>
<p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></div></body></html>"#
    );
    let p = html(&src2);
    assert_eq!(p.byline.as_deref(), Some("By Sam Writer"));
    assert!(!p.text.contains("Sam Writer"));
}

#[test]
fn never_panics_on_odd_input() {
    let many = "<p>a</p>".repeat(2000);
    let odd = [
        "",
        "<",
        "<<<>>>",
        "</p></p></div>",
        "<a href='",
        "<!--",
        "<!-->",
        "<![CDATA[",
        "&#xFFFFFFFF;",
        "&#99999999999999999999;",
        "<p>\u{1F600}&#128512;</p>",
        "<table><td>x<tr>y",
        "<li>a<li>b",
        "<script>",
        "<title>t",
        "<html><body><body><html>",
        "<br/><br><br></br>",
        "<ol start=-5><li>x",
        "<div style='display:none'>",
        many.as_str(),
    ];
    for s in odd {
        let _ = html(s);
        let _ = md(s);
        let _ = page::whole_page_text(s);
    }
    let _ = md("[a](b\n```\n\\");
    let _ = md("**__~~`");
    let _ = md("<");
    let _ = md("&#");
}

#[test]
fn decodes_bytes_of_html_files() {
    let bytes = "\u{FEFF}<p>Caf\u{E9} &amp; bar</p>".as_bytes();
    let p = page::from_bytes(bytes, Format::from_file_name("Saved Page.HTM")).expect("utf-8");
    assert_eq!(p.text, "Caf\u{E9} & bar");
    assert!(page::from_bytes(&[0, 1, 2], Format::Html).is_err());
}

#[test]
fn advert_labels_leave_the_article() {
    let para = "The committee published its findings on Monday, saying the agency had ignored warnings \
        for years, and recommended that its budget be cut by a third over the next two years.";
    let src = format!(
        "<html><body><article><p>{para} One.</p><div class=\"slot\">Advertisement</div><p>{para} Two.</p>\
         <p>ADVERTISEMENT</p><p>{para} Three.</p><div>Continue reading the main story</div><p>{para} Four.</p></article></body></html>"
    );
    let p = html(&src);
    assert!(!p.text.to_lowercase().contains("advertisement"), "{}", p.text);
    assert!(!p.text.contains("Continue reading"), "{}", p.text);
    assert_eq!(p.text.matches("committee published").count(), 4);
}

#[test]
fn legacy_encoded_pages_read_as_windows_1252() {
    let bytes = b"<meta charset=iso-8859-1><p>Caf\xE9 \x93quoted\x94 \x80 5</p>";
    let p = page::from_bytes(bytes, Format::Html).expect("latin-1 page");
    assert_eq!(p.text, "Caf\u{E9} \u{201C}quoted\u{201D} \u{20AC} 5");
    // Plain text stays strict: it is not guessed at.
    assert!(page::from_bytes(b"Caf\xE9", Format::Text).is_err());
}

#[test]
fn br_separated_text_becomes_paragraphs() {
    let para = "Residents were told to leave the valley before the dam was opened, officials said, \
        and buses were sent to the three villages nearest the river.";
    let src =
        format!("<html><body><div id='story'>{para} 1<br><br>{para} 2<br><br>{para} 3<br>{para} 4</div></body></html>");
    let p = html(&src);
    let blocks: Vec<&str> = p.text.split("\n\n").collect();
    assert_eq!(blocks.len(), 3, "{}", p.text);
    assert_eq!(blocks[2].lines().count(), 2, "{}", p.text);
}

#[test]
fn a_caption_shown_twice_is_read_once() {
    let para = "The mayor opened the new bridge on Saturday morning, two years later than planned, \
        and thanked the workers who had finished it through the winter.";
    let cap = "The bridge, seen from the east bank at dawn on Saturday";
    let src = format!(
        "<html><body><article><figure><img src=a.jpg><figcaption>{cap}</figcaption></figure>\
         <p>{para}</p><p>{para} Again.</p><figure><figcaption>{cap}</figcaption></figure><p>{para} Third.</p></article></body></html>"
    );
    let p = html(&src);
    assert_eq!(p.text.matches(cap).count(), 1, "{}", p.text);
    assert_eq!(p.text.matches("mayor opened").count(), 3, "{}", p.text);
}

#[test]
fn a_paragraph_the_page_repeats_stays_repeated() {
    // Only captions are read once: the page's own paragraphs are its text.
    let para = "The mayor opened the new bridge on Saturday morning, two years later than planned, \
        and thanked the workers who had finished it through the winter.";
    let src =
        format!("<html><body><article><p>{para}</p><p>Then the band played.</p><p>{para}</p></article></body></html>");
    let p = html(&src);
    assert_eq!(p.text.matches("mayor opened").count(), 2, "{}", p.text);
}

#[test]
fn a_caption_inside_a_caption_is_kept_once() {
    let para = "The mayor opened the new bridge on Saturday morning, two years later than planned, \
        and thanked the workers who had finished it through the winter.";
    let cap = "The bridge, seen from the east bank at dawn on Saturday";
    let src = format!(
        "<html><body><article><p>{para}</p><div class='media-caption'><figcaption>{cap}</figcaption></div>\
         <p>{para} Again.</p></article></body></html>"
    );
    assert_eq!(html(&src).text.matches(cap).count(), 1);
}

#[test]
fn a_page_without_a_title_has_none() {
    // No `<title>` and no title in its metadata: the first line is no title.
    let p = html("<html><body><p>1. AI has not changed much in security so far, the report says.</p></body></html>");
    assert_eq!(p.title, None);
    let p = html(
        "<html><head><title>Quake hits the coast overnight \u{2013} Daily Planet</title></head><body><p>Text.</p></body></html>",
    );
    assert_eq!(p.title.as_deref(), Some("Quake hits the coast overnight"));
}
