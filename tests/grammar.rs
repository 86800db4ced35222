//! The grammar cases of `../shared/grammar/*.tsv`, read in place.

// Test code: a failed expectation should stop the test.
#![allow(clippy::unwrap_used, clippy::panic, clippy::cast_possible_truncation)]

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

/// Checks the round-trip properties on whatever an input parses to; the
/// point is that nothing panics and every accepted value prints back.
fn roundtrip_any(input: &str) {
    if let Some((d, rest)) = Dateline::split(input) {
        assert!(input.ends_with(rest), "{input:?}");
        assert_eq!(
            d.to_string().parse::<Dateline>().as_ref(),
            Ok(&d),
            "{input:?}"
        );
    }
    if let Ok(d) = input.parse::<Dateline>() {
        assert_eq!(
            d.to_string().parse::<Dateline>().as_ref(),
            Ok(&d),
            "{input:?}"
        );
    }
    match input.parse::<RelativeAge>() {
        Ok(age) => assert_eq!(age.to_string().parse(), Ok(age), "{input:?}"),
        Err(e) => assert!(e.offset() <= input.len(), "{input:?}: {e}"),
    }
    match input.parse::<newswire::Clock>() {
        Ok(c) => assert_eq!(c.to_string().parse(), Ok(c), "{input:?}"),
        Err(e) => assert!(e.offset() <= input.len(), "{input:?}: {e}"),
    }
}

#[test]
fn generated_inputs_never_panic_and_round_trip() {
    const PIECES: &[&str] = &[
        "GOES",
        "DEN",
        "HAAG",
        "Berlin",
        "am",
        "Main",
        "De",
        "VVD",
        " ",
        "  ",
        "\u{a0}",
        "-",
        "--",
        "–",
        "—",
        "_",
        "(",
        ")",
        "/",
        "ANP",
        "dpa",
        "lno",
        "Reuters",
        ",",
        "Jan",
        "5",
        "'S",
        "É",
        "ś",
        "a",
        ".",
        ":",
        "19",
        "25",
        "24",
        "60",
        "99999999999",
        "geleden",
        "uur",
        "minuten",
        "een",
        "vor",
        "einer",
        "Stunde",
        "ago",
        "hrs",
        "gisteren",
        "om",
        "kwartier",
        "half",
        "a",
        "few",
        "seconds",
        "Calif.",
        "Saale",
        "\t",
        "0",
        "\u{301}",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..30_000 {
        let n = next() % 9;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        roundtrip_any(&s);
    }
}

#[test]
fn truncated_cases_never_panic() {
    let Some(dir) = shared_dir("truncated grammar cases") else {
        return;
    };
    for file in [
        "datelines.tsv",
        "datelines-wire.tsv",
        "ages.tsv",
        "ages-extra.tsv",
    ] {
        for (_, row) in rows(&dir.join("grammar").join(file)) {
            let input = field(&row, 0);
            for (i, _) in input.char_indices() {
                roundtrip_any(&input[..i]);
                roundtrip_any(&input[i..]);
            }
        }
    }
}

#[test]
fn huge_inputs_are_rejected_quickly() {
    let big = "A ".repeat(500_000);
    let comma = format!("GOES, {}", "x".repeat(1_000_000));
    let paren = format!("GOES ({}", "ANP/".repeat(250_000));
    let digits = format!("{} uur geleden", "9".repeat(1_000_000));
    let start = std::time::Instant::now();
    for _ in 0..100 {
        for s in [&big, &comma, &paren] {
            assert!(Dateline::split(s).is_none());
        }
        assert!(big.parse::<RelativeAge>().is_err());
        assert!(big.parse::<newswire::Clock>().is_err());
    }
    // Rejects look at a bounded prefix; a whole-input scan would take
    // seconds here. (The digit run is one token and is read once.)
    assert!(digits.parse::<RelativeAge>().is_err());
    assert!(
        start.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
}
