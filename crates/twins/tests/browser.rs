//! The async Rust twins in headless Chromium: real futures on the browser's event loop,
//! recorded into the engine's trace format.
#![cfg(target_arch = "wasm32")]

use awaitlab::twins::{for_demo, run};
use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::timeline::build;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_future_is_lazy_and_a_spawned_task_is_not() {
    let twin = for_demo("03-lazy-coroutine-eager-task").unwrap();
    let result = run(twin, vec![0.05, 0.1], 1.0, Settings::default(), Rc::new(Cell::new(false)), |_| {}).await;
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
    let twin = for_demo("05-gather-as-completed-wait").unwrap();
    let stop = Rc::new(Cell::new(false));
    let stopper = stop.clone();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(150).await;
        stopper.set(true);
    });
    let result = run(twin, vec![0.1, 0.05, 2.0], 1.0, Settings::default(), stop, |_| {}).await;
    assert_eq!(result.exit_code, 130);
    assert!(result.duration < 1.0, "stopped long before the 2 s job: {}", result.duration);
}
