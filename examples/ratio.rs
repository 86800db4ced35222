//! How `parse_article` / `parse_listing` compare with html5ever alone on
//! your own pages: the time of a parse over the time html5ever takes to
//! build and drop an `RcDom` of the same page.
//!
//! ```text
//! cargo run --release --example ratio -- FILE...
//! ```
//!
//! Each file is decoded as the crate decodes bytes (BOM, `<meta charset>`,
//! Windows-1252 fallback) and read as an article, or else as a listing;
//! files that are neither are skipped. The two sides run alternately, nine
//! rounds of a few milliseconds each, and the fastest round of each side
//! counts, so that a busy machine disturbs the ratio less. One line per
//! file (ratio, kind, bytes, html5ever µs, path), then the median, 75th
//! and 90th percentiles and the largest ratio.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use html5ever::tendril::TendrilSink;
use newswire::markup5ever_rcdom::RcDom;
use newswire::{Options, parse_article, parse_listing};

/// Rounds per side; the fastest counts.
const ROUNDS: usize = 9;

/// Time a round aims at, so that small pages loop often enough to time.
const ROUND: Duration = Duration::from_millis(3);

#[derive(Clone, Copy)]
enum Kind {
    Article,
    Listing,
}

impl Kind {
    /// The kind `html` parses as, if any.
    fn of(html: &str) -> Option<Self> {
        if parse_article(html).is_ok() {
            Some(Self::Article)
        } else if parse_listing(html).is_ok() {
            Some(Self::Listing)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Listing => "listing",
        }
    }

    fn parse(self, html: &str) {
        match self {
            Self::Article => drop(black_box(parse_article(black_box(html)))),
            Self::Listing => drop(black_box(parse_listing(black_box(html)))),
        }
    }
}

fn html5ever_alone(html: &str) {
    let dom = html5ever::parse_document(RcDom::default(), html5ever::ParseOpts::default())
        .one(black_box(html));
    drop(black_box(dom));
}

/// Seconds per call of `f`, the fastest of [`ROUNDS`] rounds of `loops`.
fn fastest(loops: u32, f: &dyn Fn()) -> f64 {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..loops {
                f();
            }
            start.elapsed().as_secs_f64() / f64::from(loops)
        })
        .fold(f64::INFINITY, f64::min)
}

/// `(ratio, html5ever seconds)` for one page; the rounds of both sides
/// alternate.
fn measure(kind: Kind, html: &str) -> (f64, f64) {
    let start = Instant::now();
    html5ever_alone(html);
    let once = start.elapsed().max(Duration::from_micros(1));
    let loops = u32::try_from(ROUND.as_nanos() / once.as_nanos())
        .unwrap_or(u32::MAX)
        .clamp(1, 10_000);
    let (mut base, mut ours) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..ROUNDS {
        base = base.min(fastest(loops, &|| html5ever_alone(html)));
        ours = ours.min(fastest(loops, &|| kind.parse(html)));
    }
    (ours / base, base)
}

/// The value at `share` (0 to 1) of the sorted `values`.
fn percentile(values: &[f64], share: f64) -> f64 {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )] // an index into a short list
    let at = ((values.len().saturating_sub(1)) as f64 * share).round() as usize;
    values.get(at).copied().unwrap_or(f64::NAN)
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: ratio FILE...");
        return ExitCode::FAILURE;
    }
    let mut ratios = Vec::new();
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{file}: {e}");
                continue;
            }
        };
        let html = Options::decode(&bytes);
        let Some(kind) = Kind::of(&html) else {
            eprintln!("{file}: neither an article nor a listing, skipped");
            continue;
        };
        let (ratio, base) = measure(kind, &html);
        println!(
            "{ratio:.3}\t{}\t{}\t{:.1}\t{file}",
            kind.name(),
            html.len(),
            base * 1e6
        );
        ratios.push(ratio);
    }
    ratios.sort_by(f64::total_cmp);
    println!(
        "# {} pages: median {:.3}, p75 {:.3}, p90 {:.3}, max {:.3}",
        ratios.len(),
        percentile(&ratios, 0.5),
        percentile(&ratios, 0.75),
        percentile(&ratios, 0.9),
        percentile(&ratios, 1.0)
    );
    ExitCode::SUCCESS
}
