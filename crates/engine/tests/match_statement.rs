//! The match statement's compile-time and run-time errors, compared with CPython's (python3 is
//! the oracle): the last three lines of stderr, the source line, its caret and the message.

use awaitlab_engine::{run_virtual, RunConfig};
use std::process::Command;

const FAILING: &[&str] = &[
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case {\"a\": 1, \"a\": 2}:\n        pass\n",
    "match x:\n    case {1: 1, 1.0: 2}:\n        pass\n",
    "match x:\n    case {True: 1, 1: 2}:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case C(x=1, x=2):\n        pass\n",
    "match x:\n    case C(x=1, 2):\n        pass\n",
    "match x:\n    case f\"a\":\n        pass\n",
    "match x:\n    case a as _:\n        pass\n",
    "match x:\n    case {**_}:\n        pass\n",
    "match x:\n    case {**rest, \"a\": 1}:\n        pass\n",
    "match x:\npass\n",
    "match x:\n    case a | 1:\n        pass\n",
    "match x:\n    case 1 | a:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case (a, b) | (a, c):\n        pass\n",
    "match x:\n    case [a, {\"k\": a}]:\n        pass\n",
    "match x:\n    case 1 + 2:\n        pass\n",
    "match x:\n    case -a:\n        pass\n",
    "match x:\n    case {a: 1}:\n        pass\n",
    "match x:\n    case *a:\n        pass\n",
    "match x:\n    case [a, *_, b, *c]:\n        pass\n",
    "match x:\n    case (a as b) as a:\n        pass\n",
    "class C: pass\nmatch C():\n    case C(1):\n        pass\n",
    "class C:\n    __match_args__ = [\"a\"]\nmatch C():\n    case C(1):\n        pass\n",
    "class C:\n    __match_args__ = (1,)\nmatch C():\n    case C(1):\n        pass\n",
    "class C:\n    __match_args__ = (\"a\",)\n    a = 1\nmatch C():\n    case C(1, a=2):\n        pass\n",
    "match 1:\n    case int(x, y):\n        pass\n",
    "class K:\n    k = \"a\"\nmatch {\"a\": 1, \"b\": 2}:\n    case {K.k: 1, K.k: 2}:\n        pass\n",
    "match {\"a\": 1}:\n    case {\"a\": [x]}:\n        pass\n    case {\"a\": y} if y / 0:\n        pass\n",
];

fn tail(text: &str) -> Vec<String> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[lines.len().saturating_sub(3)..].to_vec()
}

fn cpython_tail(source: &str, tag: usize) -> Option<Vec<String>> {
    let dir = std::env::temp_dir().join(format!("awaitlab-match-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    std::fs::write(dir.join("main.py"), source).ok()?;
    let out = Command::new("python3").arg("main.py").current_dir(&dir).output().ok()?;
    Some(tail(&String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn match_errors_read_as_cpythons() {
    let mut compared = 0;
    for (i, source) in FAILING.iter().enumerate() {
        let r = run_virtual(source, &RunConfig { filename: "main.py".into(), ..Default::default() });
        assert_eq!(r.exit_code, 1, "{source}");
        if let Some(expected) = cpython_tail(source, i) {
            assert_eq!(tail(&r.stderr()), expected, "{source}");
            compared += 1;
        }
    }
    assert_eq!(compared, FAILING.len(), "python3 is needed for this test");
}

/// Python 3.12 says "class" where the 3.11 on these machines says "type".
#[test]
fn calling_a_non_class_in_a_pattern_is_a_type_error_in_312_words() {
    let r = run_virtual("match 1:\n    case len():\n        pass\n", &RunConfig::default());
    assert_eq!(r.stderr().lines().last(), Some("TypeError: called match pattern must be a class"));
}
