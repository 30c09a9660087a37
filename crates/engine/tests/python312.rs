//! Behaviour that Python 3.12 has and the recorded oracle (CPython 3.11 on the build machines)
//! does not, so the conformance suite cannot hold it. Each expectation follows 3.12's source.

use awaitlab_engine::{run_virtual, RunConfig};

fn run(src: &str) -> (String, String, i32) {
    let r = run_virtual(src, &RunConfig::default());
    (r.stdout(), r.stderr(), r.exit_code)
}

/// Lib/asyncio/events.py (3.12), BaseDefaultEventLoopPolicy.get_event_loop: with no loop set and
/// set_event_loop never called, it warns "There is no current event loop" (DeprecationWarning,
/// stacklevel past asyncio's own frames, so the program's line is shown) and makes one.
#[test]
fn get_event_loop_without_a_loop_warns_at_the_programs_line() {
    let src = "import asyncio\n\nasync def main():\n    print('ran')\n\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nagain = asyncio.get_event_loop()\nprint(again is loop)\n";
    let (out, err, code) = run(src);
    assert_eq!(out, "ran\nTrue\n");
    assert_eq!(err, "main.py:6: DeprecationWarning: There is no current event loop\n  loop = asyncio.get_event_loop()\n");
    assert_eq!(code, 0);
}

/// ensure_future and gather call get_event_loop() when no loop runs: the warning names the
/// program's call, not a line of asyncio.
#[test]
fn ensure_future_at_module_level_warns_at_its_own_line() {
    let src = "import asyncio\n\nasync def hello():\n    print('hello')\n\ntask = asyncio.ensure_future(hello())\nasyncio.get_event_loop().run_until_complete(task)\n";
    let (out, err, _) = run(src);
    assert_eq!(out, "hello\n");
    assert_eq!(err, "main.py:6: DeprecationWarning: There is no current event loop\n  task = asyncio.ensure_future(hello())\n");
}

#[test]
fn a_loop_that_was_set_gives_no_warning() {
    let src = "import asyncio\nloop = asyncio.new_event_loop()\nasyncio.set_event_loop(loop)\nprint(asyncio.get_event_loop() is loop)\n";
    let (out, err, _) = run(src);
    assert_eq!((out.as_str(), err.as_str()), ("True\n", ""));
}

/// asyncio.run ends with set_event_loop(None): afterwards there is no current loop to get.
#[test]
fn after_asyncio_run_there_is_no_current_loop() {
    let src = "import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\nasyncio.get_event_loop()\n";
    let (_, err, code) = run(src);
    assert!(err.ends_with("RuntimeError: There is no current event loop in thread 'MainThread'.\n"), "{err}");
    assert!(!err.contains("DeprecationWarning"), "{err}");
    assert_eq!(code, 1);
}

/// PEP 701 (3.12): an f-string's fields may hold strings in its own quotes, other f-strings,
/// backslashes, and line breaks.
#[test]
fn f_strings_nest_any_quotes_as_in_3_12() {
    let src = "items = {'a': 1, 'b': [1, 2]}\nprint(f\"{items[\"a\"]}\")\nprint(f\"{'\\n'.join(['x', 'y'])}\")\nprint(f\"{f\"{1 + 1}\"}\")\nprint(f\"{items['b'][0]:>5}|{'}'}|{\"{\"}\")\nx = 3.14159\nprint(f\"{x:{'.'}{2}f}\", f\"\"\"{items[\"b\"]} {\"\"\"in\"\"\"}\"\"\")\nprint(f\"{\n    x\n}\")\n";
    let (out, err, _) = run(src);
    assert_eq!(err, "");
    assert_eq!(out, "1\nx\ny\n2\n    1|}|{\n3.14 [1, 2] in\n3.14159\n");
}

#[test]
fn an_unterminated_f_string_says_f_string() {
    let (_, err, code) = run("x = f\"abc\n");
    assert_eq!(
        err,
        "  File \"main.py\", line 1\n    x = f\"abc\n        ^\nSyntaxError: unterminated f-string literal (detected at line 1)\n"
    );
    assert_eq!(code, 1);
}

/// Lib/collections/__init__.py (3.12), OrderedDict.__repr__: `OrderedDict({...})`, written as
/// a dict (gh-101446; 3.11 wrote a list of pairs).
#[test]
fn ordered_dict_reprs_as_a_dict() {
    let src = "from collections import OrderedDict\nod = OrderedDict(a=1, b=2)\nod.move_to_end('a')\nprint(od, OrderedDict(), repr(OrderedDict(x=[1])))\n";
    let (out, err, _) = run(src);
    assert_eq!(err, "");
    assert_eq!(out, "OrderedDict({'b': 2, 'a': 1}) OrderedDict() OrderedDict({'x': [1]})\n");
}

/// Python 3.12 (gh-98401): an unknown escape in a string literal is a SyntaxWarning, shown
/// before the program runs, once per literal (its first unknown escape).
#[test]
fn invalid_escape_sequences_warn() {
    let (out, err, code) = run("import asyncio\npattern = \"\\d+ \\w\"\nraw = r\"\\d\"\nprint(pattern, raw, f\"\\s{1}\")\n");
    assert_eq!(out, "\\d+ \\w \\d \\s1\n");
    assert_eq!(
        err,
        "main.py:2: SyntaxWarning: invalid escape sequence '\\d'\n  pattern = \"\\d+ \\w\"\nmain.py:4: SyntaxWarning: invalid escape sequence '\\s'\n  print(pattern, raw, f\"\\s{1}\")\n"
    );
    assert_eq!(code, 0);
}
