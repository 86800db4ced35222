//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// `../shared` beside the crate, or `None` (with a printed line) when it is
/// absent, as in a user's clone.
pub fn shared_dir(what: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping {what}: ../shared is absent");
        None
    }
}

/// The crate's `tests/fixtures` folder.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `.html` files in `dir` and its sub-folders, sorted.
pub fn html_pages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Whether `BLESS=1` asks fixture tests to rewrite their expectations.
pub fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

/// The JSON paths where `actual` differs from `expected`, looking only at
/// the keys `expected` has (the contract allows extra fields). A missing
/// key in `actual` counts as `null`.
pub fn json_diff(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), expected, actual)];
    while let Some((path, e, a)) = stack.pop() {
        match (e, a) {
            (Value::Object(eo), Value::Object(ao)) => {
                for (k, ev) in eo {
                    let av = ao.get(k).unwrap_or(&Value::Null);
                    stack.push((format!("{path}.{k}"), ev, av));
                }
            }
            (Value::Array(ea), Value::Array(aa)) if ea.len() == aa.len() => {
                for (i, (ev, av)) in ea.iter().zip(aa).enumerate() {
                    stack.push((format!("{path}[{i}]"), ev, av));
                }
            }
            _ if e == a => {}
            _ => out.push(format!("{path}: expected {e}, got {a}")),
        }
    }
    out.sort();
    out
}
