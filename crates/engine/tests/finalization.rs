//! Errors while a freed generator is closed are reported as CPython's unraisable hook does
//! ("Exception ignored in: <generator ...>", the traceback, no chain), compared with python3
//! with object addresses masked.

use awaitlab_engine::{run_virtual, RunConfig};
use std::process::Command;

const SOURCE: &str = "def bad():\n    try:\n        yield 1\n    finally:\n        raise ValueError('boom in finally')\n\nfor x in bad():\n    break\nprint('after bad')\n\ndef stubborn():\n    while True:\n        try:\n            yield 1\n        except GeneratorExit:\n            print('ignoring exit')\n\ns = stubborn()\nnext(s)\ndel s\nprint('after stubborn')\n";

fn mask_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        out.push_str(&rest[..at + 6]);
        rest = rest[at + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push_str("ADDR");
    }
    out.push_str(rest);
    out
}

#[test]
fn errors_closing_a_freed_generator_are_reported_as_cpython_reports_them() {
    let dir = std::env::temp_dir().join(format!("awaitlab-finalize-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.py"), SOURCE).unwrap();
    let out = Command::new("python3").arg("main.py").current_dir(&dir).output().expect("python3 is needed for this test");
    let expected = mask_addresses(&String::from_utf8_lossy(&out.stderr)).replace(&format!("{}/", dir.display()), "");
    let r = run_virtual(SOURCE, &RunConfig { filename: "main.py".into(), ..Default::default() });
    assert_eq!(r.stdout(), String::from_utf8_lossy(&out.stdout));
    assert_eq!(mask_addresses(&r.stderr()), expected);
    assert!(expected.contains("Exception ignored in: <generator object bad at 0xADDR>"), "{expected}");
}
