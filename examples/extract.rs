//! Prints pages as JSON Lines: one object per file, in order.
//!
//! ```text
//! cargo run --release --example extract -- article|listing [--base URL] FILE...
//! ```
//!
//! Each line is `{"file": PATH, "article": {...}}`, `{"file": PATH,
//! "listing": {...}}` or `{"file": PATH, "error": MESSAGE}`; the exit status
//! is non-zero when any file failed (or the arguments are wrong).

use std::io::Write;
use std::process::ExitCode;

use serde_json::Value;

const USAGE: &str = "usage: extract article|listing [--base URL] FILE...";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(kind) = args.next().filter(|k| k == "article" || k == "listing") else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let mut options = newswire::Options::new();
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--base" {
            let Some(base) = args.next() else {
                eprintln!("--base needs a URL\n{USAGE}");
                return ExitCode::from(2);
            };
            options = match options.with_base(&base) {
                Ok(options) => options,
                Err(error) => {
                    eprintln!("{error}");
                    return ExitCode::from(2);
                }
            };
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for file in files {
        // Written by hand so `file` comes first, as the schema shows it
        // (serde_json's map sorts keys).
        let path = Value::String(file.clone());
        let line = match run(&options, &kind, &file) {
            Ok(value) => format!(r#"{{"file":{path},"{kind}":{value}}}"#),
            Err(error) => {
                failed = true;
                format!(r#"{{"file":{path},"error":{}}}"#, Value::String(error))
            }
        };
        if writeln!(out, "{line}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run(options: &newswire::Options, kind: &str, file: &str) -> Result<Value, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let value = if kind == "article" {
        serde_json::to_value(
            options
                .parse_article_bytes(&bytes)
                .map_err(|e| e.to_string())?,
        )
    } else {
        serde_json::to_value(
            options
                .parse_listing_bytes(&bytes)
                .map_err(|e| e.to_string())?,
        )
    };
    value.map_err(|e| e.to_string())
}
