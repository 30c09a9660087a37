//! Every demo runs on the virtual clock with its practice-API settings, prints what
//! `demos/expected/` says (recorded from CPython for demos without HTTP; from the engine, and
//! reviewed, for those with it: CPython here has no aiohttp), and its trace has the shape the
//! demo is about.
#![cfg(not(target_arch = "wasm32"))]

use awaitlab::demos;
use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::trace::timeline::{build, SegmentKind, Timeline};
use awaitlab_engine::{run_virtual, RunConfig};

fn run(id: &str) -> (String, Timeline) {
    let demo = demos::all().into_iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no demo {id}"));
    let config = RunConfig { filename: format!("{id}.py"), api: Settings::from_query(&demo.api), ..Default::default() };
    let r = run_virtual(demo.source, &config);
    assert_eq!(r.stderr(), "", "{id} wrote to stderr");
    assert_eq!(r.exit_code, 0, "{id}");
    (r.stdout(), build(&r.trace))
}

fn waits(t: &Timeline) -> Vec<String> {
    t.lanes.iter().flat_map(|l| l.segments.iter().filter(|s| s.kind == SegmentKind::Waiting).map(|s| s.label.to_string())).collect()
}

#[test]
fn every_demo_prints_what_it_should() {
    for demo in demos::all() {
        let expected = std::fs::read_to_string(format!("{}/demos/expected/{}.txt", env!("CARGO_MANIFEST_DIR"), demo.id))
            .unwrap_or_else(|_| panic!("demos/expected/{}.txt is missing", demo.id));
        assert_eq!(run(demo.id).0, expected, "{}", demo.id);
    }
}

#[test]
fn the_traces_have_the_shape_each_demo_is_about() {
    // 1: one task waits on one request.
    let (_, t) = run("01-first-await");
    assert_eq!((t.lanes.len(), t.requests.len()), (1, 1));
    // 2: sequential requests never overlap; gathered ones all do.
    let (_, t) = run("02-sequential-vs-gather");
    assert_eq!(t.max_in_flight, 4);
    assert_eq!(t.requests[..4].windows(2).filter(|w| w[1].start < w[0].end.unwrap()).count(), 0);
    // 3: the lazy coroutine runs inside main's task; the eager one gets a lane of its own.
    let (_, t) = run("03-lazy-coroutine-eager-task");
    assert_eq!(t.lanes.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(), ["lazy()", "eager()", "speak()"]);
    // 4: five sleeps of 1 s, one after another, in one task.
    let (_, t) = run("04-await-in-any-order");
    assert_eq!((t.lanes.len(), waits(&t).len(), t.end), (1, 5, 5.0));
    // 5: three workers per approach.
    let (_, t) = run("05-gather-as-completed-wait");
    assert!(waits(&t).iter().any(|w| w == "gather of 3"));
    // 7: limit 100 lets the server see 100 at once; limit 10 never more than 10.
    let (_, t) = run("07-hundred-videos");
    assert_eq!(t.max_in_flight, 100);
    assert_eq!(t.blocked.len(), 1 + 10 + 2 + 2, "every requests.get blocks the loop (ids, 10 videos, 2 resets, 2 stats)");
    // 8: the fixed limiter never starts more than 2 requests in any 0.5 s window.
    let (_, t) = run("08-kittens-rate-limit");
    let last_six: Vec<f64> = t.requests.iter().rev().take(6).map(|r| r.start).collect();
    assert!(last_six.iter().all(|&s| last_six.iter().filter(|&&o| o >= s && o - s < 0.5 - 1e-9).count() <= 2), "{last_six:?}");
    assert!(t.requests.iter().rev().take(6).all(|r| r.status == Some(200)));
    // 12: three tasks on the loop, their requests in flight together.
    let (_, t) = run("12-several-endpoints");
    assert_eq!((t.lanes.len(), t.requests.len(), t.max_in_flight), (3, 3, 3));
    // 9: the paced burst stays within 5 per second.
    let (_, t) = run("09-timed-semaphore");
    let paced: Vec<f64> = t.requests.iter().skip(10).map(|r| r.start).collect();
    assert!(paced.iter().all(|&s| paced.iter().filter(|&&o| o >= s && o - s < 1.0 - 1e-9).count() <= 5));
    // 11: one blocked second, then none.
    let (_, t) = run("11-blocking-vs-executor");
    assert_eq!(t.blocked.len(), 1);
    assert_eq!(t.blocked_time(), 1.0);
    // 14: producer waits on a full queue, consumers on an empty one.
    let (_, t) = run("14-producer-consumer");
    let w = waits(&t);
    assert!(w.iter().any(|l| l == "Queue.put") && w.iter().any(|l| l == "Queue.get"), "{w:?}");
}
