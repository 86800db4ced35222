//! Peak heap of `parse_article` / `parse_listing` next to html5ever's `RcDom`
//! alone, measured with a counting global allocator.
//!
//! ```text
//! cargo run --release --example peak_heap -- FILE...
//! ```
//!
//! The allocator's high-water mark cannot be reset, so each measurement runs
//! in a fresh child process (this same binary, with `--one MODE FILE`).

use std::alloc::System;
use std::process::{Command, ExitCode};

use cap::Cap;
use html5ever::tendril::TendrilSink;
use newswire::markup5ever_rcdom::RcDom;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const MODES: [&str; 3] = ["html5ever", "parse_article", "parse_listing"];

/// Runs one mode on one file and prints the peak heap above the input.
fn one(mode: &str, file: &str) -> Result<(), String> {
    let html = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let before = ALLOCATOR.allocated();
    let ok = match mode {
        "html5ever" => {
            let dom = html5ever::parse_document(RcDom::default(), html5ever::ParseOpts::default())
                .one(html.as_str());
            !dom.document.children.borrow().is_empty()
        }
        "parse_article" => newswire::parse_article(&html).is_ok(),
        "parse_listing" => newswire::parse_listing(&html).is_ok(),
        _ => return Err(format!("unknown mode {mode}")),
    };
    let peak = ALLOCATOR.max_allocated().saturating_sub(before);
    println!("{peak} {ok}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, mode, file] = args.as_slice()
        && flag == "--one"
    {
        return match one(mode, file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        };
    }
    let Ok(me) = std::env::current_exe() else {
        return ExitCode::FAILURE;
    };
    println!("| file | size | mode | peak heap | × size | ok |");
    println!("|---|---|---|---|---|---|");
    for file in &args {
        let size = std::fs::metadata(file).map_or(0, |m| m.len());
        for mode in MODES {
            let Ok(out) = Command::new(&me).args(["--one", mode, file]).output() else {
                return ExitCode::FAILURE;
            };
            let text = String::from_utf8_lossy(&out.stdout);
            let mut fields = text.split_whitespace();
            let peak: u64 = fields.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            let ok = fields.next().unwrap_or("?");
            #[allow(clippy::cast_precision_loss)]
            let ratio = peak as f64 / size.max(1) as f64;
            println!("| {file} | {size} | {mode} | {peak} | {ratio:.2} | {ok} |");
        }
    }
    ExitCode::SUCCESS
}
