//! Hostile input: every shape returns `Ok` or a typed error, and no real
//! page trips a default limit.

use std::io::Read;
use std::time::Instant;

use newswire::{Error, Limits, Options};

use crate::shapes::{self, SHAPES};

fn outcome(html: &str) -> Result<(), Error> {
    let options = Options::new();
    match options.parse_article(html) {
        Ok(_) | Err(Error::NoHeadline | Error::NoBody) => {}
        Err(e) => return Err(e),
    }
    match options.parse_listing_bytes(html.as_bytes()) {
        Ok(_) | Err(Error::NoListing) => Ok(()),
        Err(e) => Err(e),
    }
}

fn assert_limited(name: &str, html: &str) {
    let result = outcome(html);
    assert!(
        matches!(result, Err(Error::LimitExceeded { .. })),
        "{name}: {result:?}"
    );
}

#[test]
fn table_shapes_are_refused() {
    assert_limited("100k nested div", &"<div>".repeat(100_000));
    assert_limited("5k b in closed div", &shapes::b_in_closed_div(100_000));
    assert_limited("20k b id text", &shapes::b_id_text(269_000));
    assert_limited(
        "dozen formatting x20k",
        &shapes::formatting_dozen(1_200_000),
    );
    assert_limited("40k span, 40k em", &shapes::span_stray_em(440_000));
    assert_limited("100k attributes", &shapes::many_attributes(889_000));
}

#[test]
fn shapes_beyond_the_table_are_refused() {
    for (name, make) in [
        ("li in list", shapes::li_in_list as fn(usize) -> String),
        ("form misnest", shapes::form_misnest),
        ("svg desc end", shapes::svg_desc_end),
        ("annotation-xml style", shapes::annotation_style),
        ("noah attributes", shapes::noah_attributes),
        ("html attribute merge", shapes::html_attribute_merge),
        ("stray end walk", shapes::stray_end_walk),
        ("span div misnest", shapes::span_div_misnest),
        ("svg style nesting", shapes::svg_style_nesting),
        ("reconstruct many", shapes::reconstruct_many),
        ("nested tables", shapes::nested_tables),
        ("table in cell", shapes::table_in_cell),
    ] {
        assert_limited(name, &make(1_000_000));
    }
}

#[test]
fn every_shape_returns() {
    for shape in SHAPES {
        let html = (shape.make)(200_000);
        let start = Instant::now();
        let result = outcome(&html);
        println!("{}: {:?} in {:?}", shape.name, result, start.elapsed());
    }
}

#[test]
fn degenerate_inputs() {
    let options = Options::new();
    let inputs: &[&[u8]] = &[
        b"",
        b"   \n\t  ",
        b"<!-- only a comment -->",
        b"\0\0\0<p>\0</p>\0",
        b"\xff\xfe\x00<\x00p",
        b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc<h1>\xff</h1><p>\x80</p>",
        b"<",
        b"</",
        b"<!",
        b"<a",
        b"<a href='",
        b"<script>",
        b"<svg><![CDATA[",
        b"<plaintext><div>",
        b"\xef\xbb\xbf",
        b"\xfe\xff\x00<\x00h\x001",
    ];
    for input in inputs {
        let article = options.parse_article_bytes(input);
        assert!(
            matches!(article, Ok(_) | Err(Error::NoHeadline | Error::NoBody)),
            "{input:?}: {article:?}"
        );
        let listing = options.parse_listing_bytes(input);
        assert!(
            matches!(listing, Ok(_) | Err(Error::NoListing)),
            "{input:?}"
        );
    }
    let garbage: Vec<u8> = (0..200_000u32)
        .map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes()[1])
        .collect();
    let result = options.parse_article_bytes(&garbage);
    assert!(!matches!(result, Err(Error::InvalidBase(_))));
}

#[test]
fn custom_limits_apply() {
    let tight = Options::new().with_limits(Limits::new().max_input_bytes(10));
    assert!(matches!(
        tight.parse_article_bytes(b"<p>more than ten bytes</p>"),
        Err(Error::LimitExceeded {
            what: newswire::Limit::InputBytes,
            limit: 10
        })
    ));
}

fn real_pages() -> Vec<(String, Vec<u8>)> {
    let Some(shared) = crate::common::shared_dir("real pages vs limits") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut dirs = vec![shared.join("real"), shared.join("corpus")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.display().to_string();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let extension = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            let bytes = match extension.as_deref() {
                Some("gz") => {
                    let mut bytes = Vec::new();
                    let Ok(file) = std::fs::File::open(&path) else {
                        continue;
                    };
                    if flate2::read::GzDecoder::new(file)
                        .read_to_end(&mut bytes)
                        .is_err()
                    {
                        continue;
                    }
                    bytes
                }
                Some("html" | "htm") => {
                    let Ok(bytes) = std::fs::read(&path) else {
                        continue;
                    };
                    bytes
                }
                _ => continue,
            };
            out.push((name, bytes));
        }
    }
    out.sort();
    out
}

#[test]
fn no_real_page_trips_a_default_limit() {
    let pages = real_pages();
    for (name, bytes) in &pages {
        let text = Options::decode(bytes);
        if let Err(e) = Limits::default().check(&text) {
            panic!("{name}: {e}");
        }
    }
    println!("{} real pages within the default limits", pages.len());
}

/// One shape at one size, for peak-RSS measurement with `/usr/bin/time -v`:
/// `HOSTILE_SHAPE=paragraphs HOSTILE_SIZE=10000000 target/release/deps/lib-… hostile::one_shape --ignored`.
#[test]
#[ignore = "measurement"]
fn one_shape() {
    let name = std::env::var("HOSTILE_SHAPE").unwrap_or_else(|_| "paragraphs".into());
    let size: usize = std::env::var("HOSTILE_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000_000);
    let shape = SHAPES.iter().find(|s| s.name == name).unwrap();
    let html = (shape.make)(size);
    let start = Instant::now();
    let result = outcome(&html);
    println!("{name} {size}: {result:?} in {:?}", start.elapsed());
}
