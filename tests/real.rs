//! Real pages saved by other projects (`../shared/real`, read in place):
//! none may panic; titles are compared with each project's ground truth,
//! and the body text of `ScrapingHub`'s article-extraction benchmark is
//! scored as its README defines (word 4-gram shingles, per-page precision
//! and recall averaged, F1 of the means). The figures are printed; the
//! asserts are floors just under what the extractor achieves.

// Helpers unwrap: a missing or broken file in ../shared should fail loudly.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::shared_dir;

/// File names (lower-cased) that hold a page.
const PAGE_SUFFIXES: [&str; 3] = [".html", ".html.gz", ".htm"];

/// Every `.html` / `.html.gz` / `.htm` file under `dir`, sorted.
pub(crate) fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_ascii_lowercase();
            if path.is_dir() {
                stack.push(path);
            } else if PAGE_SUFFIXES.iter().any(|suffix| name.ends_with(suffix)) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

pub(crate) fn read_page(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        bytes
    }
}

fn parse(bytes: &[u8]) -> Result<newswire::Article, String> {
    std::panic::catch_unwind(|| newswire::Options::new().parse_article_bytes(bytes))
        .map_err(|_| "PANIC".to_owned())?
        .map_err(|e| e.to_string())
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// Ground-truth titles per page, from each project's own files.
fn known_titles(real: &Path) -> HashMap<PathBuf, Vec<String>> {
    let mut titles: HashMap<PathBuf, Vec<String>> = HashMap::new();
    let mut add = |page: PathBuf, title: Option<&Value>| {
        if let Some(t) = title
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
        {
            titles.entry(page).or_default().push(t.to_owned());
        }
    };
    // readability: <page>/expected-metadata.json
    for dir in std::fs::read_dir(real.join("readability/test-pages"))
        .into_iter()
        .flatten()
    {
        let dir = dir.unwrap().path();
        if let Some(meta) = read_json(&dir.join("expected-metadata.json")) {
            add(dir.join("source.html"), meta.get("title"));
        }
    }
    // goose3: sibling .json, {"expected": {"title": …}}
    for page in html_files(&real.join("goose3")) {
        if let Some(json) = read_json(&page.with_extension("json")) {
            add(page.clone(), json.pointer("/expected/title"));
        }
    }
    // newspaper4k: html/<name>.html and metadata/<name>.json
    let n4k = real.join("newspaper4k/tests/data");
    for page in html_files(&n4k.join("html")) {
        let stem = page.file_stem().unwrap().to_string_lossy().to_string();
        if let Some(json) = read_json(&n4k.join("metadata").join(format!("{stem}.json"))) {
            add(page.clone(), json.get("title"));
        }
    }
    // fundus: <Publisher>_<date>.html.gz beside <Publisher>.json, one entry
    // per parser version (any version's title counts).
    for page in html_files(&real.join("fundus")) {
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let Some((publisher, _)) = name.split_once('_') else {
            continue;
        };
        if let Some(Value::Object(versions)) =
            read_json(&page.with_file_name(format!("{publisher}.json")))
        {
            for expected in versions.values() {
                add(page.clone(), expected.get("title"));
            }
        }
    }
    titles
}

/// Lower-case letters and digits: the title as a reader would compare it.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn title_matches(ours: &str, expected: &str) -> bool {
    let (ours, expected) = (key(ours), key(expected));
    !ours.is_empty() && ours == expected
}

/// The expected title is ours plus a site name after a separator
/// (`Kop - CNN.com`, `Kop | Eleanor Ainge Roy`, `Kop_科技_腾讯网`): ground
/// truths that keep the `<title>` suffix.
fn matches_but_suffix(ours: &str, expected: &str) -> bool {
    !ours.is_empty()
        && expected.strip_prefix(ours).is_some_and(|rest| {
            [" - ", " | ", " :: ", " – ", " — ", "_", " » "]
                .iter()
                .any(|sep| rest.starts_with(sep))
        })
}

/// Word tokens as the benchmark's `evaluate.py` takes them (`\w+`).
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Multiset of word 4-grams (a text shorter than four words is one shingle).
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let words = tokens(text);
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    if words.len() < 4 {
        *out.entry(words).or_default() += 1;
        return out;
    }
    for gram in words.windows(4) {
        *out.entry(gram.to_vec()).or_default() += 1;
    }
    out
}

/// Precision and recall of `predicted` against `truth`; an empty
/// prediction scores 0 for both (a failed page earns nothing).
#[allow(clippy::cast_precision_loss)]
fn precision_recall(truth: &str, predicted: &str) -> (f64, f64) {
    let (t, p) = (shingles(truth), shingles(predicted));
    let tp: usize = p
        .iter()
        .map(|(g, n)| (*n).min(t.get(g).copied().unwrap_or(0)))
        .sum();
    let (np, nt): (usize, usize) = (p.values().sum(), t.values().sum());
    if np == 0 || nt == 0 {
        return if np == nt { (1.0, 1.0) } else { (0.0, 0.0) };
    }
    (tp as f64 / np as f64, tp as f64 / nt as f64)
}

fn body_text(article: &newswire::Article) -> String {
    let mut text = String::new();
    if let Some(dateline) = &article.dateline {
        text.push_str(&dateline.to_string());
        text.push(' ');
    }
    for block in &article.body {
        text.push_str(&block.text);
        text.push('\n');
    }
    text
}

#[test]
fn real_pages_parse_without_panic() {
    let Some(shared) = shared_dir("real pages") else {
        return;
    };
    let real = shared.join("real");
    let titles = known_titles(&real);
    let (mut total, mut errors, mut panics) = (0, 0, Vec::new());
    let (mut with_title, mut matched, mut suffixed) = (0, 0, 0);
    let mut misses = Vec::new();
    for page in html_files(&real) {
        total += 1;
        let result = parse(&read_page(&page));
        match &result {
            Err(e) if e == "PANIC" => panics.push(page.display().to_string()),
            Err(_) => errors += 1,
            Ok(_) => {}
        }
        if let Some(expected) = titles.get(&page) {
            with_title += 1;
            let ours = result.as_ref().map(|a| a.title.clone()).unwrap_or_default();
            if expected.iter().any(|e| title_matches(&ours, e)) {
                matched += 1;
            } else if expected.iter().any(|e| matches_but_suffix(&ours, e)) {
                suffixed += 1;
            } else {
                misses.push(format!(
                    "{}: got {ours:?}, expected {:?}",
                    page.display(),
                    expected[0]
                ));
            }
        }
    }
    println!(
        "real pages: {total} parsed, {errors} typed errors, {} panics",
        panics.len()
    );
    println!(
        "real titles matched: {matched}/{with_title} exactly, {suffixed} more up to a site suffix in the ground truth"
    );
    for miss in &misses {
        println!("  title miss {miss}");
    }
    assert!(panics.is_empty(), "panicked on {panics:?}");
    assert!(total >= 300);
    assert!(
        matched * 100 >= with_title * TITLE_FLOOR_PERCENT,
        "{matched}/{with_title} titles"
    );
}

/// Floors just under the figures measured when the test was written
/// (45/57 titles exact, F1 0.954).
const TITLE_FLOOR_PERCENT: usize = 75;
const F1_FLOOR: f64 = 0.945;

#[test]
#[allow(clippy::cast_precision_loss)]
fn benchmark_body_f1() {
    let Some(shared) = shared_dir("article-extraction benchmark") else {
        return;
    };
    let bench = shared.join("real/article-extraction-benchmark");
    let truth = read_json(&bench.join("ground-truth.json")).unwrap();
    let (mut p_sum, mut r_sum, mut n) = (0.0, 0.0, 0);
    for page in html_files(&bench.join("html")) {
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let id = name.trim_end_matches(".html.gz");
        let Some(expected) = truth
            .pointer(&format!("/{id}/articleBody"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        let predicted = parse(&read_page(&page))
            .map(|a| body_text(&a))
            .unwrap_or_default();
        let (p, r) = precision_recall(expected, &predicted);
        p_sum += p;
        r_sum += r;
        n += 1;
    }
    let (p, r) = (p_sum / f64::from(n), r_sum / f64::from(n));
    let f1 = 2.0 * p * r / (p + r);
    println!("benchmark body ({n} pages): precision {p:.3}, recall {r:.3}, F1 {f1:.3}");
    assert!(n >= 180);
    assert!(f1 >= F1_FLOOR, "F1 {f1:.3}");
}
