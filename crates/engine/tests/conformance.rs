//! The conformance suite: every program in tests/conformance/ must print exactly what CPython
//! printed (stdout), write the same stderr (tracebacks with their caret lines, warnings; the
//! frames of CPython's own asyncio files left out, as the page leaves them out), and exit with
//! the same status.
//! Expectations are recorded from CPython by tests/conformance/record.py.

use std::path::PathBuf;

fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

/// Programs whose stderr differs from CPython's above its last line, and why; for these only the
/// last line is compared. Each is a known gap, not a tolerance.
const KNOWN_STDERR_DIFFERENCES: &[(&str, &str)] = &[
    // CPython's traceback keeps the failing call's frame, and with it the coroutine passed in,
    // alive until the `except` block ends; Awaitlab drops it at once, so the "never awaited"
    // warning names the line of the call rather than the last line of the handler.
    ("async_taskgroup_create_after_exit.py", "the warning's line: finalized at the raise, not after the handler"),
    ("asyncio_run_twice.py", "the warning's line: finalized at the raise, not after the handler"),
    ("wait_rejects_bare_coroutines_check.py", "the warning's line: finalized at the raise, not after the handler"),
    // sorted() drives the generator from native code, whose nesting is capped lower than
    // CPython's recursion limit to keep the native stack safe.
    ("err_yield_from_recursion.py", "the repeat count: native nesting stops at 100 frames"),
];

struct Expected {
    stdout: String,
    stderr_last: String,
    stderr_program: String,
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
    Expected {
        stdout: field("stdout"),
        stderr_last: field("stderr_last"),
        stderr_program: field("stderr_program"),
        exit: field("exit").parse().unwrap(),
    }
}

/// A run whose `input()` reads `stdin` (NAME.stdin beside the program, as record.py gives
/// CPython), not echoed: CPython's recorded stdout holds only the prompts.
fn run_with_stdin(source: &str, config: &awaitlab_engine::RunConfig, stdin: Option<String>) -> awaitlab_engine::RunResult {
    let mut lines = stdin.unwrap_or_default().lines().map(String::from).collect::<Vec<_>>().into_iter();
    let host = awaitlab_engine::VirtualHost::new(config.api.clone()).with_input(move || lines.next(), false);
    let mut machine = awaitlab_engine::start(source, config);
    awaitlab_engine::block_on(awaitlab_engine::drive(&mut machine, &host));
    machine.into_result()
}

#[test]
fn conformance_programs_match_cpython() {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(suite_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "py") && !["record.py", "check.py"].contains(&p.file_name().unwrap().to_str().unwrap())
        })
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
        let result = run_with_stdin(&source, &config, std::fs::read_to_string(path.with_extension("stdin")).ok());
        let stderr = result.stderr();
        let stderr_last = stderr.trim_end_matches('\n').lines().last().unwrap_or("").to_string();
        if KNOWN_STDERR_DIFFERENCES.iter().any(|(known, _)| *known == name) && stderr == expected.stderr_program {
            failures.push(format!("{name}: now matches CPython's stderr; take it off KNOWN_STDERR_DIFFERENCES"));
        }
        if result.stdout() != expected.stdout
            || stderr_last != expected.stderr_last
            || (stderr != expected.stderr_program && !KNOWN_STDERR_DIFFERENCES.iter().any(|(known, _)| *known == name))
            || result.exit_code != expected.exit
        {
            failures.push(format!(
                "{name}:\n--- expected stdout\n{}--- got stdout\n{}--- expected stderr / exit\n{}/ {}\n--- got stderr / exit\n{}/ {}\n",
                expected.stdout,
                result.stdout(),
                expected.stderr_program,
                expected.exit,
                stderr,
                result.exit_code
            ));
        }
    }
    println!("conformance: {} passed, {} failed", programs.len() - failures.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} programs differ from CPython:\n\n{}", failures.len(), programs.len(), failures.join("\n"));
}
