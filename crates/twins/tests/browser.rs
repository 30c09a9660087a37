//! The async Rust twins in headless Chromium: real futures on the browser's event loop,
//! recorded into the engine's trace format.
#![cfg(target_arch = "wasm32")]

use awaitlab_trace::timeline::build;
use awaitlab_trace::wire::decode;
use awaitlab_trace::RunResult;
use awaitlab_twins::recorder::Fetch;
use awaitlab_twins::{code_for, run};
use futures::FutureExt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs the twin of `demo` as the page does: what it recorded arrives in pieces of wire text
/// while it runs, and the rest at the end.
async fn run_twin(demo: &str, values: Vec<f64>, fetch: Fetch, stopped: impl Fn() -> bool) -> RunResult {
    let wire = Rc::new(RefCell::new(String::new()));
    let received = wire.clone();
    let (rec, ended) =
        run(code_for(demo).unwrap(), values, 1.0, fetch, stopped, move |rec| received.borrow_mut().push_str(&rec.take_new())).await;
    wire.borrow_mut().push_str(&rec.take_new());
    let (trace, chunks) = decode(&wire.borrow()).unwrap();
    RunResult { exit_code: ended.exit_code, chunks, trace, duration: ended.duration, instructions: 0, error: None }
}

fn no_network() -> Fetch {
    Rc::new(|url: &str| {
        let url = url.to_string();
        async move { Err(format!("no network in this test ({url})")) }.boxed_local()
    })
}

#[wasm_bindgen_test]
async fn a_future_is_lazy_and_a_spawned_task_is_not() {
    let result = run_twin("03-lazy-coroutine-eager-task", vec![0.05, 0.1], no_network(), || false).await;
    assert_eq!(result.exit_code, 0);
    assert_eq!(result.stdout(), "A\nB\nC\nD\n---\nC\nA\nB\nD\n");
    let t = build(&result.trace);
    let lanes: Vec<(&str, &str)> = t.lanes.iter().map(|l| (l.title.as_str(), &*l.name)).collect();
    assert_eq!(lanes.len(), 3, "{lanes:?}");
    assert_eq!(lanes[..2], [("main()", "task #1"), ("speak()", "polled by task #1")]);
    assert!(lanes[2].0 == "speak()" && lanes[2].1.starts_with("task #"), "{lanes:?}");
    // The lazy future's lane appears only when main awaits it, after main's first sleep.
    assert!(t.lanes[1].created >= 0.05 - 1e-3, "{}", t.lanes[1].created);
    // The spawned task waits ready until main yields, then sleeps on its own lane.
    assert!(t.lanes[2].segments.iter().any(|s| &*s.label == "sleep 0.1 s"));
    assert!(t.lanes.iter().all(|l| l.outcome == Some("done")));
}

#[wasm_bindgen_test]
async fn stop_ends_a_twin_at_once() {
    let stop = Rc::new(Cell::new(false));
    let stopper = stop.clone();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(150).await;
        stopper.set(true);
    });
    let result = run_twin("05-gather-as-completed-wait", vec![0.1, 0.05, 2.0], no_network(), move || stop.get()).await;
    assert_eq!(result.exit_code, 130);
    assert!(result.duration < 1.0, "stopped long before the 2 s job: {}", result.duration);
}

#[wasm_bindgen_test]
async fn requests_go_through_the_pages_fetch_and_are_recorded() {
    let asked = Rc::new(RefCell::new(Vec::<String>::new()));
    let log = asked.clone();
    let fetch: Fetch = Rc::new(move |url: &str| {
        log.borrow_mut().push(url.to_string());
        let status = if url.ends_with("/3") { 500 } else { 200 };
        async move {
            gloo_timers::future::TimeoutFuture::new(20).await;
            Ok((status, "<svg/>".to_string()))
        }
        .boxed_local()
    });
    // Three kittens, two per 0.2 s.
    let result = run_twin("08-kittens-rate-limit", vec![3.0, 2.0, 0.2], fetch, || false).await;
    assert_eq!(result.exit_code, 0, "{}", result.stdout());
    let mut urls = asked.borrow().clone();
    urls.sort();
    assert_eq!(urls, ["/api/kittens/1", "/api/kittens/2", "/api/kittens/3"]);
    let t = build(&result.trace);
    let statuses: Vec<Option<u16>> = t.requests.iter().map(|r| r.status).collect();
    assert_eq!(statuses.len(), 3);
    assert!(statuses.contains(&Some(500)) && statuses.iter().filter(|s| **s == Some(200)).count() == 2, "{statuses:?}");
    // The third waits for a permit: it leaves at least one period after the first.
    let mut starts: Vec<f64> = t.requests.iter().map(|r| r.start).collect();
    starts.sort_by(f64::total_cmp);
    assert!(starts[2] - starts[0] >= 0.2 - 0.01, "{starts:?}");
}
