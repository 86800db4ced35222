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

criterion_group!(benches, hostile);
criterion_main!(benches);
