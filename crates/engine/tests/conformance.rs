//! The conformance suite: every program in tests/conformance/ must print exactly what CPython
//! printed (stdout), end with the same last stderr line, and exit with the same status.
//! Expectations are recorded from CPython by tests/conformance/record.py.

use std::path::PathBuf;

fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

struct Expected {
    stdout: String,
    stderr_last: String,
    exit: i32,
}

/// Reads the recorder's JSON (three fields; the recorder writes them with json.dumps).
fn parse_expected(text: &str) -> Expected {
    let field = |name: &str| -> String {
        let key = format!("\"{name}\": ");
        let start = text.find(&key).unwrap_or_else(|| panic!("{name} missing")) + key.len();
        let rest = &text[start..];
        if let Some(body) = rest.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = body.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some('r') => out.push('\r'),
                        Some('u') => {
                            let hex: String = chars.by_ref().take(4).collect();
                            out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap_or('?'));
                        }
                        Some(other) => out.push(other),
                        None => {}
                    },
                    c => out.push(c),
                }
            }
            out
        } else {
            rest.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect()
        }
    };
    Expected { stdout: field("stdout"), stderr_last: field("stderr_last"), exit: field("exit").parse().unwrap() }
}

#[test]
fn conformance_programs_match_cpython() {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(suite_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py") && p.file_name().unwrap() != "record.py")
        .collect();
    programs.sort();
    assert!(programs.len() >= 30, "the suite has only {} programs", programs.len());
    let mut failures = vec![];
    for path in &programs {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected_path = path.with_extension("expected.json");
        let Ok(expected_text) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("{name}: no recorded expectation (run tests/conformance/record.py)"));
            continue;
        };
        let expected = parse_expected(&expected_text);
        let source = std::fs::read_to_string(path).unwrap();
        let config = awaitlab_engine::RunConfig { filename: name.clone(), trace: false, ..Default::default() };
        let result = awaitlab_engine::run_virtual(&source, &config);
        let stderr = result.stderr();
        let stderr_last = stderr.trim_end_matches('\n').lines().last().unwrap_or("").to_string();
        if result.stdout() != expected.stdout || stderr_last != expected.stderr_last || result.exit_code != expected.exit {
            failures.push(format!(
                "{name}:\n--- expected stdout\n{}--- got stdout\n{}--- expected stderr last line / exit\n{} / {}\n--- got stderr / exit\n{}/ {}\n",
                expected.stdout, result.stdout(), expected.stderr_last, expected.exit, stderr, result.exit_code
            ));
        }
    }
    println!("conformance: {} passed, {} failed", programs.len() - failures.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} programs differ from CPython:\n\n{}", failures.len(), programs.len(), failures.join("\n"));
}
