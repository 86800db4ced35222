//! Listing extraction: committed fixtures (always run), the shared corpus
//! read in place, and the real 2018 home-page excerpts.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{bless, fixtures_dir, html_pages, json_diff, shared_dir};

fn listing_json(path: &Path) -> Value {
    let html = fs::read_to_string(path).unwrap();
    match newswire::parse_listing(&html) {
        Ok(listing) => serde_json::to_value(&listing).unwrap(),
        Err(e) => Value::String(format!("error: {e}")),
    }
}

/// Per-field tally over items: (matching, expected).
#[derive(Default)]
struct Tally {
    fields: std::collections::BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, expected: &Value, actual: &Value) {
        let (Some(eo), ao) = (expected.as_object(), actual.as_object()) else {
            return;
        };
        for (k, ev) in eo {
            if k == "items" {
                continue;
            }
            let av = ao.and_then(|a| a.get(k)).unwrap_or(&Value::Null);
            self.count(&format!("listing.{k}"), ev == av);
        }
        let empty = Vec::new();
        let eitems = expected["items"].as_array().unwrap_or(&empty);
        let aitems = actual["items"].as_array().unwrap_or(&empty);
        self.count("items.count", eitems.len() == aitems.len());
        for (i, ei) in eitems.iter().enumerate() {
            let ai = aitems.get(i).unwrap_or(&Value::Null);
            for (k, ev) in ei.as_object().unwrap() {
                let av = ai.get(k).unwrap_or(&Value::Null);
                self.count(&format!("item.{k}"), ev == av);
            }
        }
    }

    fn count(&mut self, key: &str, ok: bool) {
        let slot = self.fields.entry(key.to_owned()).or_default();
        slot.0 += usize::from(ok);
        slot.1 += 1;
    }

    fn print(&self, what: &str) {
        for (k, (ok, all)) in &self.fields {
            println!("{what}: {k}: {ok}/{all}");
        }
    }
}

fn check_dir(dir: &Path, write: bool, tally: &mut Tally) -> Vec<String> {
    let mut failures = Vec::new();
    for html in html_pages(dir) {
        let json = html.with_extension("json");
        let actual = listing_json(&html);
        if write {
            let text = serde_json::to_string_pretty(&actual).unwrap();
            fs::write(&json, text + "\n").unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
        tally.add(&expected, &actual);
        let diff = json_diff(&expected, &actual);
        if !diff.is_empty() {
            failures.push(format!("{}:\n  {}", html.display(), diff.join("\n  ")));
        }
    }
    failures
}

#[test]
fn listing_fixtures() {
    let dir = fixtures_dir().join("listings");
    let mut tally = Tally::default();
    let failures = check_dir(&dir, bless(), &mut tally);
    tally.print("fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn listing_corpus() {
    let Some(shared) = shared_dir("listing corpus") else {
        return;
    };
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for template in ["legacy", "portal", "semantic", "nws"] {
        failures.extend(check_dir(
            &shared.join("corpus/listings").join(template),
            false,
            &mut tally,
        ));
    }
    tally.print("corpus");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn related_lists_in_article_corpus() {
    // `Article.related` is filled by `listing::related`; once the article
    // extractor exists this compares its `related` field with the corpus.
    let Some(shared) = shared_dir("article corpus") else {
        return;
    };
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for template in ["legacy", "portal", "semantic"] {
        for html in html_pages(&shared.join("corpus/articles").join(template)) {
            let expected: Value =
                serde_json::from_str(&fs::read_to_string(html.with_extension("json")).unwrap())
                    .unwrap();
            let Ok(article) = newswire::parse_article(&fs::read_to_string(&html).unwrap()) else {
                // No article extractor on this branch yet.
                return;
            };
            let actual = serde_json::to_value(&article).unwrap();
            let (e, a) = (&expected["related"], &actual["related"]);
            if e.is_object() {
                tally.add(e, a);
            }
            let diff = json_diff(e, a);
            if !diff.is_empty() {
                failures.push(format!("{}:\n  {}", html.display(), diff.join("\n  ")));
            }
        }
    }
    tally.print("related");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn real_home_page_excerpts_yield_items() {
    let Some(shared) = shared_dir("JSCryptoMinerStudy excerpts") else {
        return;
    };
    let dir = shared.join("real/JSCryptoMinerStudy");
    for html in html_pages(&dir) {
        let text = fs::read_to_string(&html).unwrap();
        let listing = newswire::Options::new()
            .with_base("https://www.example.org/")
            .unwrap()
            .parse_listing(&text);
        let name = html.file_name().unwrap().to_string_lossy().into_owned();
        let listing = listing.unwrap_or_else(|e| panic!("{name}: {e}"));
        let clocks = listing.items.iter().filter(|i| i.clock.is_some()).count();
        println!(
            "real: {name}: {} items, {clocks} clocks, heading {:?}",
            listing.items.len(),
            listing.heading
        );
        for item in &listing.items {
            println!(
                "    {:?} {:?} {:?} {:?}",
                item.clock.map(|c| c.to_string()),
                item.title,
                item.url,
                item.dateline.as_ref().map(|d| d.city.clone())
            );
            assert!(
                !item.title.is_empty() && item.url.is_some(),
                "{name}: {item:?}"
            );
            assert!(item.age.is_none(), "{name}: {item:?}");
        }
        assert!(!listing.items.is_empty(), "{name}");
        // What the excerpts show (counted by hand from their markup).
        let expected = match name.split(".excerpt-").nth(1) {
            Some("latest.html") => Some((12, 10)), // nos.nl: 2 LIVE items without a clock
            Some("meestgelezen.html") => Some((5, 0)),
            Some(zeelandnet) if name.starts_with("zeelandnet") && zeelandnet.len() > 4 => {
                Some((6, 6))
            }
            _ => None,
        };
        if let Some(expected) = expected {
            assert_eq!((listing.items.len(), clocks), expected, "{name}");
        }
    }
}

#[test]
fn no_list_is_no_listing() {
    for html in [
        "",
        "<p>geen lijst</p>",
        "<nav><a href='/a'>Binnenland</a><a href='/b'>Buitenland</a></nav>",
        "<h1>Kop</h1><p>GOES - Een artikel zonder lijst, met alleen tekst.</p>",
    ] {
        assert_eq!(
            newswire::parse_listing(html),
            Err(newswire::Error::NoListing),
            "{html}"
        );
    }
}

#[test]
fn deep_and_wide_inputs_do_not_panic() {
    let deep = "<div>".repeat(5_000)
        + "<ul><li><a href='/a'>Een lang genoeg verhaal</a></li><li><a href='/b'>Nog een lang verhaal</a></li></ul>";
    // Past the default depth limit the guard refuses the page, typed…
    assert!(matches!(
        newswire::parse_listing(&deep),
        Err(newswire::Error::LimitExceeded {
            what: newswire::Limit::Depth,
            ..
        })
    ));
    // …and with the limit raised the extractor walks it without recursion.
    let deep_ok = newswire::Options::new().with_limits(
        newswire::Limits::new()
            .max_depth(10_000)
            .max_work_per_byte(10_000),
    );
    let listing = deep_ok.parse_listing(&deep).unwrap();
    assert_eq!(listing.items.len(), 2);
    let wide = "<ul>".to_owned()
        + &"<li><a href='/x'>Titel van een verhaal</a> <b>x</b> <i>y</i></li>".repeat(5_000)
        + "</ul>";
    assert_eq!(newswire::parse_listing(&wide).unwrap().items.len(), 5_000);
}
