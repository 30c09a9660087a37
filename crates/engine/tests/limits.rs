//! Bad input never breaks the engine: endless loops, runaway recursion and absurd nesting end
//! with clear errors; cooperative programs are not cut off.

use awaitlab_engine::{run_virtual, RunConfig};

fn run(src: &str, limit: u64) -> awaitlab_engine::RunResult {
    run_virtual(src, &RunConfig { instruction_limit: limit, ..Default::default() })
}

fn last_stderr_line(r: &awaitlab_engine::RunResult) -> String {
    r.stderr().trim_end().lines().last().unwrap_or("").to_string()
}

#[test]
fn an_endless_synchronous_loop_is_stopped_with_a_clear_message() {
    for src in [
        "while True:\n    pass\n",
        "print(sum(range(10**12)))\n",
        "import asyncio\nasync def f():\n    while True: pass\nasyncio.run(f())\n",
    ] {
        let r = run(src, 100_000);
        assert_eq!(r.exit_code, 1, "{src}");
        assert!(last_stderr_line(&r).contains("without giving the event loop a turn"), "{src}: {}", r.stderr());
    }
}

#[test]
fn the_budget_is_per_synchronous_stretch_not_per_run() {
    // 20k loop turns, far more instructions in total than the budget, each stretch small.
    let src = "import asyncio\nasync def main():\n    n = 0\n    for i in range(20000):\n        n += i\n        await asyncio.sleep(0)\n    print(n)\nasyncio.run(main())\n";
    let r = run(src, 10_000);
    assert_eq!((r.exit_code, r.stdout()), (0, "199990000\n".to_string()), "{}", r.stderr());
}

#[test]
fn runaway_recursion_is_a_recursion_error() {
    let r = run("def f(n):\n    return f(n + 1)\nf(0)\n", 400_000_000);
    assert_eq!(last_stderr_line(&r), "RecursionError: maximum recursion depth exceeded");
    let r = run("import asyncio\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n", 400_000_000);
    assert_eq!(last_stderr_line(&r), "RecursionError: maximum recursion depth exceeded");
}

#[test]
fn absurd_nesting_is_a_syntax_error_not_a_crash() {
    let parens = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    let chain = format!("x = 1{}\n", "+1".repeat(100_000));
    let unary = format!("x = {}1\n", "-".repeat(100_000));
    for src in [parens, chain, unary] {
        let r = run(&src, 1_000_000);
        assert_eq!(r.exit_code, 1);
        assert!(last_stderr_line(&r).starts_with("SyntaxError:"), "{}", r.stderr());
    }
    let r = run("x = []\nfor i in range(100000):\n    x = [x]\nprint(x)\n", 10_000_000);
    assert!(last_stderr_line(&r).starts_with("RecursionError:"), "{}", r.stderr());
}

#[test]
fn huge_values_fail_cleanly() {
    let r = run("x = [0] * 10**9\n", 1_000_000);
    assert_eq!(last_stderr_line(&r), "MemoryError: list too large");
    let r = run("print(10**5000)\n", 1_000_000);
    assert!(last_stderr_line(&r).starts_with("ValueError: Exceeds the limit (4300 digits)"));
}

#[test]
fn a_timer_due_exactly_at_a_large_virtual_time_fires() {
    // 2.3e7 + 1e-9 == 2.3e7 in floating point: the deadline must still count as due (found by fuzzing).
    let r =
        run("import asyncio\nasync def main():\n    await asyncio.sleep(23456789.0)\n    print('done')\nasyncio.run(main())\n", 1_000_000);
    assert_eq!((r.exit_code, r.stdout()), (0, "done\n".to_string()));
    assert_eq!(r.duration, 23456789.0);
}

#[test]
fn a_runaway_tree_of_tasks_hits_the_task_cap() {
    // Every task starts three more: endless in CPython too, but it must end here with a clear error.
    let src = "import asyncio\nasync def grow():\n    await asyncio.sleep(0.1)\n    await asyncio.gather(grow(), grow(), grow())\nasyncio.run(grow())\n";
    let r = run(src, 400_000_000);
    assert_eq!(r.exit_code, 1);
    assert!(last_stderr_line(&r).starts_with("RuntimeError: too many tasks"), "{}", r.stderr());
}

#[test]
fn the_total_budget_ends_an_endless_cooperative_program() {
    let src = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(main())\n";
    let r = run_virtual(src, &RunConfig { total_instruction_limit: 100_000, ..Default::default() });
    assert_eq!(r.exit_code, 1);
    assert!(last_stderr_line(&r).contains("instructions in all"), "{}", r.stderr());
}

#[test]
fn deeply_nested_fstring_specs_are_a_syntax_error_not_a_crash() {
    // Each spec level used to recurse without limit (a stack overflow found by fuzzing).
    let depth = 100_000;
    let src = format!("x = 1\nprint(f'{}>3{}')\n", "{x:".repeat(depth), "}".repeat(depth));
    let r = run(&src, 1_000_000);
    assert_eq!(last_stderr_line(&r), "SyntaxError: f-string: expressions nested too deeply");
    let r = run("x = 1\nprint(f'{x:{x:{x}}}')\n", 1_000_000);
    assert_eq!(last_stderr_line(&r), "SyntaxError: f-string: expressions nested too deeply");
}

#[test]
fn the_total_budget_ends_an_endless_chain_of_short_tasks() {
    // Each task creates the next and ends: no loop, so no backward jump ever checks the budget;
    // the ready queue never empties, so virtual time never reaches main's sleep (found by fuzzing).
    let src = "import asyncio\nasync def task(n):\n    asyncio.create_task(task(n + 1))\nasync def main():\n    asyncio.create_task(task(0))\n    await asyncio.sleep(0.01)\nasyncio.run(main())\n";
    let r = run_virtual(src, &RunConfig { total_instruction_limit: 200_000, ..Default::default() });
    assert_eq!(r.exit_code, 1);
    assert!(last_stderr_line(&r).contains("instructions in all"), "{}", r.stderr());
}

#[test]
fn the_total_budget_ends_an_endless_chain_of_failing_tasks() {
    // Each task starts the next and fails; every failure is an unretrieved exception to report.
    let src = include_str!("../../../tests/fuzz/corpus/endless-failing-tasks.py");
    let r = run_virtual(src, &RunConfig { total_instruction_limit: 3_000_000, ..Default::default() });
    assert_eq!(r.exit_code, 1);
    assert!(r.stderr().contains("instructions in all"), "{}", &r.stderr()[r.stderr().len().saturating_sub(300)..]);
}

#[test]
fn an_endless_getitem_sequence_hits_the_budget() {
    // list() over __getitem__ that never raises IndexError (found by fuzzing: over 30 s).
    let src = include_str!("../../../tests/fuzz/corpus/getitem-sequence-forever.py");
    let start = std::time::Instant::now();
    let r = run_virtual(src, &RunConfig { instruction_limit: 300_000, total_instruction_limit: 3_000_000, ..Default::default() });
    assert_eq!(r.exit_code, 1);
    assert!(last_stderr_line(&r).contains("Awaitlab stopped the program"), "{}", r.stderr());
    eprintln!("took {:?}", start.elapsed());
}

#[test]
fn sleeping_forever_ends_the_run_instead_of_hanging() {
    let r = run("import asyncio\nasync def main():\n    await asyncio.sleep(float('inf'))\nasyncio.run(main())\n", 1_000_000);
    assert_eq!(r.exit_code, 1);
    assert!(r.stderr().contains("CPython would wait here forever"), "{}", r.stderr());
}
