//! Criterion benches: extraction next to html5ever alone, grammars, scaling.
//!
//! Every `parse_article` / `parse_listing` measurement sits in the same group
//! as its baseline, `html5ever` building (and dropping) the `RcDom` of the
//! same input, so the report shows the ratio side by side. The DOM's drop is
//! inside both timed regions: a caller pays it.
//!
//! For the real-shaped pages the same group also times the two parts that
//! `extract` adds to the baseline, so the report shows where the time goes:
//! `guard` (the hostile-input pre-scan, `Limits::check`) and `from_dom`
//! (`Article::from_dom` / `Listing::from_dom` on a DOM built once, outside
//! the timed region: the index, the heuristics and the owned output).
//! `html5ever + guard + from_dom` is about `extract`. `drop` times dropping
//! the `RcDom` alone (built outside the timed region, one per iteration):
//! the share of the baseline a caller pays after the parse.
//!
//! Run: `cargo bench --bench extract` (a group: `cargo bench --bench extract -- article`).

// A bench input that fails to parse is a broken bench: abort loudly.
#![allow(clippy::expect_used, clippy::panic, clippy::cast_possible_truncation)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{
    BatchSize, BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main,
    measurement::WallTime,
};
use html5ever::tendril::TendrilSink;
use newswire::markup5ever_rcdom::RcDom;
use newswire::{Dateline, RelativeAge};

fn page(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("benches/pages")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// html5ever's `RcDom` of `html`, as a caller would build it.
fn rcdom(html: &str) -> RcDom {
    html5ever::parse_document(RcDom::default(), html5ever::ParseOpts::default()).one(html)
}

/// html5ever alone: tokenise, build the `RcDom`, drop it.
fn html5ever_only(html: &str) -> usize {
    let dom = rcdom(html);
    let children = dom.document.children.borrow().len();
    assert!(children > 0);
    children
}

fn article_from_dom(dom: &RcDom) -> usize {
    let article = newswire::Article::from_dom(dom).expect("bench pages are articles");
    assert!(!article.body.is_empty());
    article.body.len()
}

fn listing_from_dom(dom: &RcDom) -> usize {
    let listing = newswire::Listing::from_dom(dom).expect("bench pages are listings");
    assert!(!listing.items.is_empty());
    listing.items.len()
}

fn article(html: &str) -> usize {
    let article = newswire::parse_article(html).expect("bench pages are articles");
    assert!(!article.body.is_empty());
    article.body.len()
}

fn listing(html: &str) -> usize {
    let listing = newswire::parse_listing(html).expect("bench pages are listings");
    assert!(!listing.items.is_empty());
    listing.items.len()
}

/// One input, the baseline beside the extractor.
fn side_by_side(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    html: &str,
    extract: fn(&str) -> usize,
) {
    group.throughput(Throughput::Bytes(html.len() as u64));
    group.bench_function(format!("{name}/html5ever"), |b| {
        b.iter(|| html5ever_only(black_box(html)));
    });
    group.bench_function(format!("{name}/extract"), |b| {
        b.iter(|| extract(black_box(html)));
    });
}

/// [`side_by_side`], then the parts `extract` adds (the guard's pre-scan
/// and extraction from a finished DOM) and the baseline's own drop.
fn decomposed(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    html: &str,
    extract: fn(&str) -> usize,
    from_dom: fn(&RcDom) -> usize,
) {
    side_by_side(group, name, html, extract);
    let limits = newswire::Limits::default();
    group.bench_function(format!("{name}/guard"), |b| {
        b.iter(|| limits.check(black_box(html)).expect("bench pages pass"));
    });
    let dom = rcdom(html);
    group.bench_function(format!("{name}/from_dom"), |b| {
        b.iter(|| from_dom(black_box(&dom)));
    });
    group.bench_function(format!("{name}/drop"), |b| {
        b.iter_batched(|| rcdom(html), drop, BatchSize::PerIteration);
    });
}

fn bench_article(c: &mut Criterion) {
    let mut group = c.benchmark_group("article");
    for name in [
        "article-20k",
        "article-100k",
        "article-1m",
        "corpus-article-portal",
        "corpus-article-semantic",
        "corpus-article-legacy",
    ] {
        let html = page(&format!("{name}.html"));
        decomposed(&mut group, name, &html, article, article_from_dom);
    }
    group.finish();
}

fn bench_listing(c: &mut Criterion) {
    let mut group = c.benchmark_group("listing");
    for name in [
        "listing-20k",
        "listing-100k",
        "corpus-listing-portal",
        "corpus-listing-semantic",
        "corpus-listing-legacy",
        "corpus-listing-nws",
    ] {
        let html = page(&format!("{name}.html"));
        decomposed(&mut group, name, &html, listing, listing_from_dom);
    }
    group.finish();
}

fn lines(name: &str) -> Vec<String> {
    page(name).lines().map(str::to_owned).collect()
}

fn bench_grammar(c: &mut Criterion) {
    let mut group = c.benchmark_group("grammar");
    let datelines = lines("datelines.txt");
    group.throughput(Throughput::Elements(datelines.len() as u64));
    group.bench_function("dateline-split", |b| {
        b.iter(|| {
            let found = datelines
                .iter()
                .filter(|l| Dateline::split(black_box(l)).is_some())
                .count();
            assert!(found > datelines.len() / 2);
            found
        });
    });
    let ages = lines("ages.txt");
    group.throughput(Throughput::Elements(ages.len() as u64));
    group.bench_function("age-parse", |b| {
        b.iter(|| {
            let found = ages
                .iter()
                .filter(|l| black_box(l).parse::<RelativeAge>().is_ok())
                .count();
            assert!(found > ages.len() / 2);
            found
        });
    });
    group.finish();
}

/// The same article shape at any size: a headline, `paragraphs` paragraphs
/// with a subheading every tenth, and a related list of one item per ten
/// paragraphs.
fn article_of_size(bytes: usize) -> String {
    let head = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Kop van het stuk | Site</title>\
        <link rel=\"canonical\" href=\"https://www.example.nl/nieuws/kop\"></head><body>\
        <nav><ul><li><a href=\"/a\">Binnenland</a></li><li><a href=\"/b\">Buitenland</a></li></ul></nav>\
        <main><article><h1>Kop van het stuk</h1>";
    let paragraph = "<p>De gemeenteraad van Tholen neemt volgende week een besluit over het plan, \
        meldt de woordvoerder van het college aan de pers.</p>\n";
    let mut html = String::with_capacity(bytes + 1024);
    html.push_str(head);
    html.push_str("<p>GOES (ANP) - Het eerste stuk tekst van het artikel staat hier.</p>\n");
    let mut related = String::from("</article><section><h2>Meer uit Zeeland</h2><ul>");
    let mut n = 0;
    while html.len() + related.len() < bytes {
        html.push_str(paragraph);
        n += 1;
        if n % 10 == 0 {
            html.push_str("<h2>Tussenkop</h2>\n");
            let _ = write!(
                related,
                "<li><a href=\"/nieuws/item-{n}\"><h3>Bericht nummer {n}</h3><p>MIDDELBURG (ANP) - Een korte inleiding.</p>\
                 <span>{} minuten geleden</span></a></li>",
                n % 59 + 1
            );
        }
    }
    html.push_str(&related);
    html.push_str("</ul></section></main></body></html>");
    html
}

fn bench_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.warm_up_time(Duration::from_secs(1));
    for (label, bytes) in [
        ("10k", 10_000),
        ("100k", 100_000),
        ("1m", 1_000_000),
        ("10m", 10_000_000),
    ] {
        // Criterion's default 100 samples where a parse is short, so the
        // median is as steady as the other groups'; 10 where a sample of a
        // 10 MB page takes most of a second.
        group.sample_size(if bytes > 100_000 { 10 } else { 100 });
        let html = article_of_size(bytes);
        side_by_side(&mut group, &format!("size-{label}"), &html, article);
    }
    group.sample_size(100);
    // Up to just under the default depth limit (256).
    for depth in [10, 100, 250] {
        // The same text, wrapped `depth` deep in <div>s.
        let html = format!(
            "<title>Diep | Site</title><h1>Diep</h1>{}<p>GOES - De gemeenteraad van Tholen neemt \
             volgende week een besluit over het plan, meldt de woordvoerder.</p><p>Een tweede \
             alinea met wat meer tekst over het onderwerp van vandaag.</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        side_by_side(&mut group, &format!("depth-{depth}"), &html, article);
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_article,
    bench_listing,
    bench_grammar,
    bench_scaling
);
criterion_main!(benches);
