//! Articles: every corpus page field-exact against its JSON, the committed
//! fixtures (which always run), and pages that are not articles.

// Helpers unwrap: a missing or broken fixture should fail loudly.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::common::{bless, fixtures_dir, html_pages, json_diff, shared_dir};

/// The fields SCHEMA.md defines for an Article, scored one by one.
const FIELDS: [&str; 5] = ["title", "dateline", "body", "url", "related"];

/// Parses every page in `dir` and compares it with its `.json`; returns the
/// per-field count of exact pages and the failures (path: diff lines).
fn score(dir: &Path, rewrite: bool) -> (usize, BTreeMap<&'static str, usize>, Vec<String>) {
    let mut exact: BTreeMap<&'static str, usize> = FIELDS.iter().map(|f| (*f, 0)).collect();
    let mut failures = Vec::new();
    let files = html_pages(dir);
    for html in &files {
        let bytes = std::fs::read(html).unwrap();
        let json_path = html.with_extension("json");
        let actual = match newswire::Options::new().parse_article_bytes(&bytes) {
            Ok(article) => serde_json::to_value(&article).unwrap(),
            Err(error) => Value::String(format!("error: {error}")),
        };
        if rewrite {
            let text = serde_json::to_string_pretty(&actual).unwrap();
            std::fs::write(&json_path, text + "\n").unwrap();
        }
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
        for field in FIELDS {
            let e = expected.get(field).unwrap_or(&Value::Null);
            let a = actual.get(field).unwrap_or(&Value::Null);
            if expected.get(field).is_none() || json_diff(e, a).is_empty() {
                *exact.get_mut(field).unwrap() += 1;
            }
        }
        let diff = json_diff(&expected, &actual);
        if !diff.is_empty() {
            let shown: Vec<_> = diff
                .iter()
                .take(4)
                .map(|d| d.chars().take(240).collect::<String>())
                .collect();
            failures.push(format!("{}: {}", html.display(), shown.join("; ")));
        }
    }
    (files.len(), exact, failures)
}

fn report(what: &str, total: usize, exact: &BTreeMap<&'static str, usize>, failures: &[String]) {
    let fields: Vec<String> = FIELDS
        .iter()
        .map(|f| format!("{f} {}/{total}", exact[f]))
        .collect();
    println!("{what}: {}", fields.join(", "));
    for failure in failures {
        println!("  FAIL {failure}");
    }
}

#[test]
fn corpus_articles_are_field_exact() {
    let Some(shared) = shared_dir("corpus articles") else {
        return;
    };
    let (total, exact, failures) = score(&shared.join("corpus/articles"), false);
    report("corpus articles", total, &exact, &failures);
    assert!(total >= 97, "corpus holds {total} pages");
    assert!(failures.is_empty(), "{} pages differ", failures.len());
}

#[test]
fn fixture_articles_are_field_exact() {
    let (total, exact, failures) = score(&fixtures_dir().join("articles"), bless());
    report("fixture articles", total, &exact, &failures);
    assert!(total >= 8);
    assert!(failures.is_empty(), "{} fixtures differ", failures.len());
}

#[test]
fn pages_without_an_article_are_typed_errors() {
    use newswire::{Error, parse_article};
    assert_eq!(parse_article(""), Err(Error::NoHeadline));
    assert_eq!(
        parse_article("<p>Alleen tekst, geen kop.</p>"),
        Err(Error::NoHeadline)
    );
    assert_eq!(
        parse_article("<html><head><title>Kop</title></head><body><h1>Kop</h1></body></html>"),
        Err(Error::NoBody)
    );
    assert_eq!(
        parse_article("<h1>Kop</h1><nav><a href=/a>Binnenland</a> <a href=/b>Buitenland</a></nav>"),
        Err(Error::NoBody)
    );
}

#[test]
fn body_skips_boilerplate_and_reads_br_paragraphs() {
    let html = r#"<html lang="nl"><head><title>Kop van het stuk | Site</title></head><body>
        <div role="dialog"><p>Wij gebruiken cookies om de site te verbeteren, akkoord?</p><button>Ja</button></div>
        <div><div>Kop van het stuk</div><div>GOES - Eerste alinea met genoeg tekst om te tellen.<br><br>
        <b>Tussenkop</b><br><br>Tweede alinea&nbsp;met  tekst.<figure><figcaption>Foto: iemand</figcaption></figure>
        <div style="display:none">verborgen tekst die niet mag tellen</div>
        <form><p>Meld je aan voor de nieuwsbrief</p><input type=email><button>Aanmelden</button></form>
        </div></div></body></html>"#;
    let article = newswire::parse_article(html).unwrap();
    assert_eq!(article.title, "Kop van het stuk");
    let texts: Vec<_> = article.body.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts[1..], ["Tussenkop", "Tweede alinea met tekst."]);
    assert_eq!(article.body[1].kind, newswire::BlockKind::Heading);
    assert_eq!(article.language.as_deref(), Some("nl"));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = format!(
        "<h1>Kop</h1>{}<p>GOES - Tekst van het artikel hier.</p>",
        "<div>".repeat(20_000)
    );
    let _ = newswire::parse_article(&html);
    let html = format!("<h1>Kop</h1>{}", "<b>x".repeat(5_000));
    let _ = newswire::parse_article(&html);
}

#[test]
fn metadata_comes_from_json_ld_and_meta() {
    let html = r#"<html lang="nl"><head><title>Kop | Site</title>
        <meta name="description" content="Samenvatting.">
        <meta property="og:image" content="/img/a.jpg">
        <link rel="canonical" href="https://example.nl/nieuws/kop">
        <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle",
          "headline":"Kop","datePublished":"2025-11-03","dateModified":"2025-11-03T10:15:00+01:00",
          "author":[{"@type":"Person","name":"An de Vries"}],"articleSection":"Buitenland"}]}</script>
        </head><body><article><h1>Kop</h1><p>GOES - Een alinea met genoeg tekst om te tellen.</p></article></body></html>"#;
    let article = newswire::parse_article(html).unwrap();
    let json = serde_json::to_value(&article).unwrap();
    assert_eq!(json["published"], "2025-11-03T00:00:00Z");
    assert_eq!(json["modified"], "2025-11-03T10:15:00+01:00");
    assert_eq!(json["author"], "An de Vries");
    assert_eq!(json["section"], "Buitenland");
    assert_eq!(json["description"], "Samenvatting.");
    assert_eq!(json["image"], "https://example.nl/img/a.jpg");
    assert_eq!(json["url"], "https://example.nl/nieuws/kop");
    let back: newswire::Article = serde_json::from_value(json).unwrap();
    assert_eq!(back, article);
}

#[test]
fn truncated_and_odd_pages_never_panic() {
    let page = std::fs::read(fixtures_dir().join("articles/portal-seed.html")).unwrap();
    let options = newswire::Options::new();
    for cut in (0..page.len()).step_by(97) {
        let _ = options.parse_article_bytes(&page[..cut]);
    }
    for odd in [
        "<h1></h1><p></p>",
        "<title> | </title><h1> </h1>",
        "<h1>Kop</h1><p>\u{a0}</p><p>ASTANA () -</p>",
        "<h1>Kop</h1><p>- - -</p>",
        "<script type=application/ld+json>[[[[[[[[[[[[</script><h1>Kop</h1><p>Tekst genoeg om te tellen hier.</p>",
        "<h1>Kop</h1><dialog open><p>Een dialoog met heel veel tekst erin.</p></dialog>",
    ] {
        let _ = newswire::parse_article(odd);
    }
}
