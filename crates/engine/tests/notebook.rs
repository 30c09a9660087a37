//! Notebooks (`# %%` cells): IPython's autoawait semantics on one event loop, `Out[n]` for a
//! cell's last expression, and the PyData notebook of the seeds with its API_URL unchanged.

use awaitlab_engine::{run_virtual, RunConfig};

fn run(source: &str) -> awaitlab_engine::RunResult {
    run_virtual(source, &RunConfig::default())
}

#[test]
fn the_pydata_notebook_runs_with_its_local_test_server_answered_by_the_practice_api() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/notebooks/pydata_2024.py")).unwrap();
    let r = run(&source);
    // A value of several lines starts on a line of its own, pretty-printed as IPython shows it.
    let video = "{'id': 'student',\n 'title': 'Volcano bright teaches xylophone quick.',\n 'description': 'Mirror patient visits saddle. Gazelle bright races.',\n 'upload_date': '2016-09-21',\n 'views': 1983331}";
    assert_eq!(r.stdout(), format!("Out[3]: 'student'\nOut[4]:\n{video}\nOut[5]:\n{video}\nOut[8]: 100\nOut[9]: 100\n"));
    assert_eq!(r.stderr(), "Awaitlab: http://0.0.0.0:8000 is answered by the practice API (/api), which has the tutorial's routes\n");
    assert_eq!(r.exit_code, 0);
    // 4 + 100 + 100 requests went through the practice API, the last 100 at most 10 at once.
    let requests = r.trace.iter().filter(|rec| matches!(rec.event, awaitlab_engine::trace::Event::HttpStart { .. })).count();
    assert_eq!(requests, 1 + 1 + 1 + 4 + 200);
}

#[test]
fn cells_share_one_namespace_and_one_loop_and_show_their_last_expression() {
    let r = run("# %%\nimport asyncio\nx = 1\n# %%\nasync def f():\n    await asyncio.sleep(1)\n    return x + 1\ny = await f()\ny\n# %%\nt = asyncio.create_task(f())\nprint('not awaited yet')\nNone\n# %%\nprint(await t, asyncio.get_running_loop() is t.get_loop())\n# %%\n'last'\n");
    assert_eq!(r.stderr(), "");
    assert_eq!(r.stdout(), "Out[2]: 2\nnot awaited yet\n2 True\nOut[5]: 'last'\n");
}

#[test]
fn a_cell_that_calls_asyncio_run_meets_the_running_loop_as_in_jupyter() {
    let r = run("# %%\nimport asyncio\nasync def main():\n    return 1\nasyncio.run(main())\n");
    assert!(r.stderr().ends_with("RuntimeError: asyncio.run() cannot be called from a running event loop\n"), "{}", r.stderr());
    assert!(r.stderr().contains("File \"main.py\", line 5, in <cell 1>"), "{}", r.stderr());
}

#[test]
fn a_script_keeps_cpythons_rule_top_level_await_is_a_syntax_error() {
    let r = run("import asyncio\nawait asyncio.sleep(1)\n");
    assert!(r.stderr().ends_with("SyntaxError: 'await' outside function\n"), "{}", r.stderr());
}
