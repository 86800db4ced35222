//! Cost of each hostile shape at 100 KB, 1 MB and 10 MB through the whole
//! pipeline (guard, html5ever, index, extraction): it must grow linearly,
//! at most about 1 s per MB.
//!
//! `cargo bench --bench hostile`

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newswire::Options;

#[path = "../tests/shapes.rs"]
mod shapes;

const SIZES: &[usize] = &[100_000, 1_000_000, 10_000_000];

fn hostile(c: &mut Criterion) {
    let options = Options::new();
    let mut group = c.benchmark_group("hostile");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(500));
    for shape in shapes::SHAPES {
        for &size in SIZES {
            let html = (shape.make)(size);
            group.throughput(Throughput::Bytes(html.len() as u64));
            group.bench_with_input(BenchmarkId::new(shape.name, size), &html, |b, html| {
                b.iter(|| black_box(options.parse_article(black_box(html))));
            });
        }
    }
    group.finish();
}

/// The largest inputs of each costly shape that still pass the default
/// limits (just under 400,000 elements): the worst an accepted page costs.
fn accepted(c: &mut Criterion) {
    let options = Options::new();
    let mut group = c.benchmark_group("hostile_accepted");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(500));
    for (name, unit, count) in [
        ("paragraphs", "<p>x</p>", 399_000),
        ("nested_a", "<a href=x>y", 399_000),
        ("unclosed_li_p", "<li><p>x", 199_000),
        ("comments", "<!-- c -->", 399_000),
        ("stray_p_end", "</p>", 399_000),
        ("nested_select", "<select><option>x", 199_000),
    ] {
        let html = unit.repeat(count);
        let result = options.parse_article(&html);
        assert!(
            !matches!(result, Err(newswire::Error::LimitExceeded { .. })),
            "{name} must pass the limits: {result:?}"
        );
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, html.len()), &html, |b, html| {
            b.iter(|| black_box(options.parse_article(black_box(html))));
        });
    }
    for (name, make) in [
        ("huge_text", shapes::huge_text as fn(usize) -> String),
        ("big_script", shapes::big_script),
    ] {
        let html = make(15_000_000);
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, html.len()), &html, |b, html| {
            b.iter(|| black_box(options.parse_article(black_box(html))));
        });
    }
    group.finish();
}

criterion_group!(benches, hostile, accepted);
criterion_main!(benches);
