//! The grammar cases of `../shared/grammar/*.tsv`, read in place.

// Test code: a failed expectation should stop the test.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use newswire::{Dateline, RelativeAge};

use crate::common::shared_dir;

/// The non-comment lines of a TSV file, split on tabs.
fn rows(path: &Path) -> Vec<(usize, Vec<String>)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::to_owned).collect()))
        .collect()
}

fn field(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", String::as_str)
}

fn codes(d: &Dateline) -> String {
    d.agencies
        .iter()
        .map(newswire::Agency::as_str)
        .collect::<Vec<_>>()
        .join("/")
}

/// Checks one accepted dateline and its round trips; returns a failure line.
fn check_dateline(
    line: usize,
    input: &str,
    city: &str,
    region: &str,
    date: &str,
    agencies: &str,
) -> Option<String> {
    let Some((d, rest)) = Dateline::split(input) else {
        return Some(format!("line {line}: {input:?}: not split"));
    };
    let got = (
        d.city.as_str(),
        d.region.as_deref().unwrap_or(""),
        d.date.as_deref().unwrap_or(""),
        codes(&d),
    );
    if got != (city, region, date, agencies.to_owned()) {
        return Some(format!("line {line}: {input:?}: got {got:?}"));
    }
    if !input.ends_with(rest) || rest.starts_with(' ') {
        return Some(format!("line {line}: {input:?}: rest {rest:?}"));
    }
    if d.to_string().parse::<Dateline>().as_ref() != Ok(&d) {
        return Some(format!(
            "line {line}: {input:?}: display {d} does not round-trip"
        ));
    }
    let again = format!("{d} - rest");
    if Dateline::split(&again) != Some((d.clone(), "rest")) {
        return Some(format!("line {line}: {again:?} does not split back"));
    }
    None
}

#[test]
fn datelines_tsv() {
    let Some(dir) = shared_dir("datelines.tsv") else {
        return;
    };
    let mut failures = Vec::new();
    let mut n = 0;
    for (line, row) in rows(&dir.join("grammar/datelines.tsv")) {
        n += 1;
        let (input, city, agencies) = (field(&row, 0), field(&row, 1), field(&row, 2));
        failures.extend(check_dateline(line, input, city, "", "", agencies));
    }
    assert!(n > 200, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn datelines_wire_tsv() {
    let Some(dir) = shared_dir("datelines-wire.tsv") else {
        return;
    };
    let mut failures = Vec::new();
    for (line, row) in rows(&dir.join("grammar/datelines-wire.tsv")) {
        let input = field(&row, 0);
        let city = field(&row, 1);
        if city == "-" {
            if let Some(got) = Dateline::split(input) {
                failures.push(format!(
                    "line {line}: {input:?}: not a dateline, got {got:?}"
                ));
            }
            continue;
        }
        failures.extend(check_dateline(
            line,
            input,
            city,
            field(&row, 2),
            field(&row, 3),
            field(&row, 4),
        ));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check_ages(file: &str) {
    let Some(dir) = shared_dir(file) else { return };
    let mut failures = Vec::new();
    for (line, row) in rows(&dir.join("grammar").join(file)) {
        let (input, amount, unit) = (field(&row, 0), field(&row, 1), field(&row, 2));
        let got = input.parse::<RelativeAge>();
        if amount == "-" {
            if let Ok(age) = got {
                failures.push(format!("line {line}: {input:?}: not an age, got {age:?}"));
            }
            continue;
        }
        match got {
            Err(e) => failures.push(format!("line {line}: {input:?}: {e}")),
            Ok(age) => {
                let json = serde_json::to_value(age).unwrap();
                let want =
                    serde_json::json!({"amount": amount.parse::<u32>().unwrap(), "unit": unit});
                if json != want {
                    failures.push(format!("line {line}: {input:?}: got {json}"));
                }
                if age.to_string().parse::<RelativeAge>() != Ok(age) {
                    failures.push(format!("line {line}: {input:?}: {age} does not round-trip"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn ages_tsv() {
    check_ages("ages.tsv");
}

#[test]
fn ages_extra_tsv() {
    check_ages("ages-extra.tsv");
}

#[test]
fn dateline_json_shape() {
    let d: Dateline = "HAYWARD, Calif. (AP)".parse().unwrap();
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"city": "HAYWARD", "region": "Calif.", "agencies": ["AP"]})
    );
    let back: Dateline = serde_json::from_value(json).unwrap();
    assert_eq!(back, d);
    let d: Dateline = "ASTANA (ANP/DPA/AFP)".parse().unwrap();
    assert_eq!(
        serde_json::to_value(&d).unwrap(),
        serde_json::json!({"city": "ASTANA", "agencies": ["ANP", "DPA", "AFP"]})
    );
    let d: Dateline = "GOES".parse().unwrap();
    assert_eq!(
        serde_json::to_value(&d).unwrap(),
        serde_json::json!({"city": "GOES", "agencies": []})
    );
}

#[test]
fn age_and_clock_json_shape() {
    let age: RelativeAge = "4 minuten geleden".parse().unwrap();
    assert_eq!(
        serde_json::to_value(age).unwrap(),
        serde_json::json!({"amount": 4, "unit": "minute"})
    );
    let clock: newswire::Clock = "19:25".parse().unwrap();
    assert_eq!(
        serde_json::to_value(clock).unwrap(),
        serde_json::json!({"hour": 19, "minute": 25, "days_ago": 0})
    );
    let back: newswire::Clock =
        serde_json::from_str(r#"{"hour":19,"minute":25,"days_ago":0}"#).unwrap();
    assert_eq!(back, clock);
}
