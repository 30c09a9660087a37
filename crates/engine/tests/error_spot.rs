//! The editor marks a failed run's error where CPython locates it: the innermost frame of the
//! program's own file, with CPython's column range for the failing instruction (python3 is the
//! oracle, through `traceback.extract_tb`), and a syntax error at its caret.

use awaitlab_engine::{run_virtual, RunConfig};
use std::process::Command;

const FAILING: &[&str] = &[
    "import asyncio\nasync def main():\n    x = [1, 2]\n    print(x[5] + 1)\nasyncio.run(main())\n",
    "def f(a):\n    return a / 0\nprint(f(1))\n",
    "import asyncio\nasync def job(n):\n    await asyncio.sleep(0.1)\n    raise ValueError(f'boom {n}')\nasync def main():\n    await asyncio.gather(job(1), job(2))\nasyncio.run(main())\n",
    "d = {}\nvalue = d['missing']\n",
    "class A:\n    pass\nA().nothing.more\n",
    "import asyncio\nasync def main():\n    async with asyncio.timeout(0.1):\n        await asyncio.sleep(1)\nasyncio.run(main())\n",
    "x = 1\ny = x + undefined_name\n",
];

/// CPython's (line, col, end_col) of the innermost frame in main.py, columns in code points.
fn cpython_spot(source: &str) -> Option<(u32, u32, u32)> {
    let script = r#"
import sys, traceback
src = open(sys.argv[1]).read()
try:
    exec(compile(src, "main.py", "exec"), {"__name__": "__main__"})
except BaseException as e:
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == "main.py"]
    f = frames[-1]
    # A span over several lines marks its whole first line: (line, 0, 0).
    print(f.lineno, *((f.colno, f.end_colno) if f.end_lineno == f.lineno else (0, 0)))
"#;
    let dir = std::env::temp_dir().join(format!("awaitlab-spot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join(format!("p{:x}.py", source.len() * 31 + source.bytes().map(|b| b as usize).sum::<usize>()));
    std::fs::write(&file, source).ok()?;
    let out = Command::new("python3").arg("-c").arg(script).arg(&file).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let nums: Vec<u32> = text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    (nums.len() == 3).then(|| (nums[0], nums[1], nums[2]))
}

#[test]
fn runtime_errors_are_located_as_cpython_locates_them() {
    let mut compared = 0;
    for source in FAILING {
        let r = run_virtual(source, &RunConfig { filename: "main.py".into(), ..Default::default() });
        assert_eq!(r.exit_code, 1, "{source}");
        let spot = r.error.clone().unwrap_or_else(|| panic!("no error spot for\n{source}"));
        let last_line = r.stderr().lines().last().unwrap_or_default().to_string();
        assert_eq!(spot.message, last_line, "the message is the traceback's last line");
        if let Some(expected) = cpython_spot(source) {
            assert_eq!((spot.line, spot.col, spot.end_col), expected, "{source}");
            compared += 1;
        }
    }
    assert!(compared == FAILING.len(), "python3 is needed for this test ({compared} compared)");
}

#[test]
fn a_task_groups_failure_is_located_at_its_first_failed_task() {
    let source = "import asyncio\nasync def fetch(n):\n    await asyncio.sleep(n)\n    raise ValueError(f'bad {n}')\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(fetch(2))\n        tg.create_task(fetch(1))\nasyncio.run(main())\n";
    let r = run_virtual(source, &RunConfig { filename: "main.py".into(), ..Default::default() });
    assert_eq!(r.exit_code, 1);
    let spot = r.error.expect("an error spot");
    // The group holds the first failure (fetch(1)); its raise is the line to fix.
    assert_eq!((spot.line, spot.col, spot.end_col, spot.message.as_str()), (4, 4, 32, "ValueError: bad 1"));
}

#[test]
fn a_syntax_error_is_located_at_its_caret() {
    let r = run_virtual("x = 1\ndef f(:\n    pass\n", &RunConfig { filename: "main.py".into(), ..Default::default() });
    let spot = r.error.expect("a spot");
    assert_eq!((spot.line, spot.col, spot.end_col), (2, 6, 7));
    assert_eq!(spot.message, "SyntaxError: invalid syntax");
}

#[test]
fn clean_runs_and_caught_errors_mark_nothing() {
    let r = run_virtual("try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('caught')\n", &RunConfig::default());
    assert_eq!(r.exit_code, 0);
    assert!(r.error.is_none());
}
