//! The timeline model built from real runs: lanes, segments and their labels.

use awaitlab_engine::practice_api::{LatencyShape, Settings};
use awaitlab_engine::trace::timeline::{build, SegmentKind, Timeline};
use awaitlab_engine::{run_virtual, RunConfig};

fn timeline_of(src: &str) -> Timeline {
    let r = run_virtual(src, &RunConfig::default());
    assert_eq!(r.stderr(), "");
    build(&r.trace)
}

fn waits(t: &Timeline, lane: usize) -> Vec<(String, f64, f64)> {
    t.lanes[lane]
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Waiting)
        .map(|s| (s.label.to_string(), (s.start * 100.0).round() / 100.0, (s.end * 100.0).round() / 100.0))
        .collect()
}

#[test]
fn sequential_awaits_stay_in_one_lane() {
    let t = timeline_of(
        "import asyncio\nasync def meow(n):\n    await asyncio.sleep(n)\nasync def main():\n    await meow(1)\n    await meow(2)\nasyncio.run(main())\n",
    );
    assert_eq!(t.lanes.len(), 1);
    assert_eq!(t.lanes[0].title, "main()");
    assert_eq!(waits(&t, 0), vec![("sleep 1 s".into(), 0.0, 1.0), ("sleep 2 s".into(), 1.0, 3.0)]);
    assert_eq!(t.lanes[0].outcome, Some("done"));
    assert_eq!(t.end, 3.0);
}

#[test]
fn gather_gives_each_coroutine_a_lane_with_its_arguments() {
    let t = timeline_of(
        "import asyncio\nasync def meow(n):\n    print('start', n)\n    await asyncio.sleep(n)\n    return n\nasync def main():\n    print(await asyncio.gather(meow(1), meow(2)))\nasyncio.run(main())\n",
    );
    let titles: Vec<&str> = t.lanes.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, vec!["main()", "meow(1)", "meow(2)"]);
    assert_eq!(t.lanes[1].parent, Some(t.lanes[0].task));
    assert_eq!(waits(&t, 0), vec![("gather of 2".into(), 0.0, 2.0)]);
    assert_eq!(waits(&t, 1), vec![("sleep 1 s".into(), 0.0, 1.0)]);
    assert_eq!(waits(&t, 2), vec![("sleep 2 s".into(), 0.0, 2.0)]);
    // Every lane starts ready (scheduled, not yet run) and its prints are on it.
    assert!(t.lanes.iter().all(|l| l.segments[0].kind == SegmentKind::Ready));
    assert_eq!(&*t.lanes[1].prints[0].text, "start 1\n");
    assert_eq!(&*t.lanes[0].prints[0].text, "[1, 2]\n");
}

#[test]
fn a_semaphore_shows_waits_and_use() {
    let t = timeline_of(
        "import asyncio\nasync def job(sem, i):\n    async with sem:\n        await asyncio.sleep(1)\nasync def main():\n    sem = asyncio.Semaphore(2)\n    await asyncio.gather(*(job(sem, i) for i in range(4)))\nasyncio.run(main())\n",
    );
    assert_eq!(t.lanes.len(), 5);
    assert_eq!(waits(&t, 3)[0].0, "Semaphore(2)");
    assert_eq!((waits(&t, 3)[0].1, waits(&t, 3)[0].2), (0.0, 1.0));
    let sem = &t.resources[0];
    assert_eq!((&*sem.kind, sem.capacity), ("Semaphore", 2));
    assert_eq!(sem.samples.iter().map(|s| s.1).max(), Some(2));
}

#[test]
fn blocking_calls_are_spans_of_the_loop() {
    let t = timeline_of("import asyncio, time\nasync def main():\n    time.sleep(0.5)\n    await asyncio.sleep(1)\nasyncio.run(main())\n");
    assert_eq!(t.blocked.len(), 1);
    assert_eq!((t.blocked[0].start, t.blocked[0].end, &*t.blocked[0].label), (0.0, 0.5, "time.sleep(0.5)"));
    assert_eq!(t.blocked_time(), 0.5);
}

#[test]
fn requests_make_a_waterfall_with_the_connection_wait() {
    let src = "import asyncio, aiohttp\nasync def get(s, i):\n    async with s.get(f'/api/videos/{i}') as r:\n        return r.status\nasync def main():\n    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=2)) as s:\n        print(await asyncio.gather(*(get(s, w) for w in ['river', 'garden', 'nope'])))\nasyncio.run(main())\n";
    let api = Settings { latency: LatencyShape::Fixed, latency_ms: 100.0, capacity: 0, ..Default::default() };
    let r = run_virtual(src, &RunConfig { api, ..Default::default() });
    let t = build(&r.trace);
    assert_eq!(t.requests.len(), 3);
    assert_eq!(t.max_in_flight, 2);
    assert_eq!(t.requests[2].label, "GET /api/videos/nope");
    assert_eq!(t.requests[2].queued_from, Some(0.0));
    assert_eq!((t.requests[2].start, t.requests[2].end, t.requests[2].status), (0.1, Some(0.2), Some(404)));
    assert_eq!(t.in_flight_at(0.05), 2);
    assert!(waits(&t, 1).iter().any(|w| w.0 == "GET /api/videos/river"));
}

#[test]
fn event_times_and_in_flight_samples_come_with_the_model() {
    let t =
        timeline_of("import asyncio\nasync def main():\n    print('a')\n    await asyncio.sleep(1)\n    print('b')\nasyncio.run(main())\n");
    assert_eq!(t.event_times(), vec![0.0, 1.0]);
    let src = "import asyncio, aiohttp\nasync def get(s, w):\n    async with s.get(f'/api/videos/{w}') as r:\n        return r.status\nasync def main():\n    async with aiohttp.ClientSession() as s:\n        await asyncio.gather(get(s, 'river'), get(s, 'garden'))\nasyncio.run(main())\n";
    let api = Settings { latency: LatencyShape::Fixed, latency_ms: 100.0, capacity: 0, ..Default::default() };
    let t = build(&run_virtual(src, &RunConfig { api, ..Default::default() }).trace);
    assert_eq!(t.in_flight, vec![(0.0, 1), (0.0, 2), (0.1, 1), (0.1, 0)]);
}

#[test]
fn the_sliding_window_counts_practice_requests_of_the_last_window() {
    // Three requests at once, then one a second later (the first three leave as it enters),
    // then one to another site that the practice API's limit does not count.
    let src = "import asyncio, aiohttp\nasync def get(s, url):\n    try:\n        async with s.get(url) as r:\n            return r.status\n    except aiohttp.ClientError:\n        return 'failed'\nasync def main():\n    async with aiohttp.ClientSession() as s:\n        await asyncio.gather(*(get(s, '/api/videos/river') for _ in range(3)))\n        await asyncio.sleep(0.9)\n        await get(s, '/api/videos/garden')\n        await get(s, 'https://example.com/')\nasyncio.run(main())\n";
    let api = Settings { latency: LatencyShape::Fixed, latency_ms: 100.0, capacity: 0, ..Default::default() };
    let t = build(&run_virtual(src, &RunConfig { api, ..Default::default() }).trace);
    assert_eq!(t.requests.iter().filter(|r| r.practice).count(), 4);
    let rounded: Vec<(f64, i64)> = t.sliding_window(1.0).iter().map(|(x, n)| ((x * 1000.0).round() / 1000.0, *n)).collect();
    assert_eq!(rounded, vec![(0.0, 3), (1.0, 1), (2.0, 0)]);
    assert!(t.sliding_window(0.0).is_empty(), "no rate limit, no window");
}

#[test]
fn the_timed_semaphore_demo_keeps_the_window_under_the_limit() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../demos/09-timed-semaphore.py")).unwrap();
    let api = Settings::from_query("latency=fixed&latency_ms=50&capacity=0&rate_limit=5&rate_window_s=1");
    let r = run_virtual(&src, &RunConfig { api, ..Default::default() });
    let t = build(&r.trace);
    // The demo's first half fires a burst (over the limit), the second paces it (never over).
    let paced_from = t.requests.iter().rev().take(10).map(|q| q.start).fold(f64::INFINITY, f64::min);
    let window = t.sliding_window(1.0);
    assert!(window.iter().any(|(_, n)| *n > 5), "the burst goes over the limit");
    assert!(window.iter().filter(|(x, _)| *x >= paced_from - 1e-9 + 1.0).all(|(_, n)| *n <= 5), "{window:?}");
}

#[test]
fn a_lane_says_what_its_task_was_doing_at_a_moment() {
    let t = timeline_of("import asyncio\nasync def meow(n):\n    await asyncio.sleep(n)\nasync def main():\n    await asyncio.sleep(0.5)\n    await asyncio.create_task(meow(1))\nasyncio.run(main())\n");
    assert_eq!(t.lanes[0].state_at(0.25), "waiting: sleep 0.5 s");
    assert_eq!(t.lanes[1].state_at(0.25), "not started");
    assert_eq!(t.lanes[1].state_at(1.0), "waiting: sleep 1 s");
    assert_eq!(t.lanes[1].state_at(2.0), "done");
}

#[test]
fn max_concurrency_counts_tasks_alive_at_once() {
    let t = timeline_of("import asyncio\nasync def meow(n):\n    await asyncio.sleep(n)\nasync def main():\n    await asyncio.gather(meow(1), meow(2))\n    await meow(1)\nasyncio.run(main())\n");
    assert_eq!(t.max_concurrent_tasks(), 3, "main and the two gathered");
    let t = timeline_of("import asyncio\nasync def nap():\n    await asyncio.sleep(0.1)\nasync def main():\n    for n in range(3):\n        await asyncio.create_task(nap())\nasyncio.run(main())\n");
    assert_eq!(t.max_concurrent_tasks(), 2, "main and one task at a time");
}

#[test]
fn each_semaphore_or_lock_has_a_lane_of_its_own_even_at_a_freed_ones_address() {
    // Demo 8's shape: a BoundedSemaphore(2) used and dropped, then a Lock (CPython may give it
    // the same id()); each is its own lane, named by its class, and neither goes over its limit.
    let t = timeline_of(
        "import asyncio\nasync def use(limiter, n):\n    for _ in range(n):\n        async with limiter:\n            await asyncio.sleep(0.1)\nasync def main():\n    await asyncio.gather(use(asyncio.BoundedSemaphore(2), 3), use(asyncio.BoundedSemaphore(2), 1))\n    await use(asyncio.Lock(), 2)\n    await use(asyncio.Lock(), 2)\nasyncio.run(main())\n",
    );
    let kinds: Vec<(&str, i64)> = t.resources.iter().map(|r| (&*r.kind, r.capacity)).collect();
    assert_eq!(kinds, [("BoundedSemaphore", 2), ("BoundedSemaphore", 2), ("Lock", 1), ("Lock", 1)]);
    for r in &t.resources {
        assert!(r.samples.iter().all(|s| s.1 <= r.capacity), "{} over its limit: {:?}", r.kind, r.samples);
    }
}

#[test]
fn a_task_the_program_makes_of_asyncios_own_coroutine_has_a_lane() {
    // Demo 8's timers: `ensure_future(asyncio.sleep(0.5))` is the program's task, though
    // `sleep` is asyncio's coroutine; asyncio's inner tasks (wait_for's) stay out of sight.
    let t = timeline_of(
        "import asyncio\nasync def main():\n    timer = asyncio.ensure_future(asyncio.sleep(0.5))\n    await asyncio.wait_for(asyncio.sleep(0.1), 1)\n    await timer\nasyncio.run(main())\n",
    );
    let titles: Vec<&str> = t.lanes.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, ["main()", "sleep(0.5)"]);
}

#[test]
fn the_programs_callbacks_are_on_the_loops_lane_by_name() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../demos/10-callbacks-run-forever.py")).unwrap();
    let t = timeline_of(&src);
    let runs: Vec<(String, f64)> = t.callbacks.iter().map(|c| (c.name.to_string(), (c.time * 100.0).round() / 100.0)).collect();
    assert_eq!(runs, [("hello('soon')".to_string(), 0.0), ("hello('later')".to_string(), 0.1), ("shutdown(…)".to_string(), 0.5)]);
}

#[test]
fn waits_are_named_by_what_the_program_awaited_not_asyncios_insides() {
    let t = timeline_of(
        "import asyncio\nasync def work(q):\n    await asyncio.sleep(0.2)\n    q.task_done()\nasync def main():\n    q = asyncio.Queue()\n    q.put_nowait(1)\n    w = asyncio.create_task(work(q))\n    await q.join()\n    for f in asyncio.as_completed([asyncio.sleep(0.1, 'x')]):\n        await f\nasyncio.run(main())\n",
    );
    let labels: Vec<String> = waits(&t, 0).into_iter().map(|w| w.0).collect();
    assert_eq!(labels, ["Queue.join()", "as_completed"]);
}

#[test]
fn a_semaphore_or_lock_lane_carries_the_name_the_program_gave_it() {
    let t = timeline_of(
        "import asyncio\nclass Shop:\n    def __init__(self):\n        self.till: asyncio.Lock = asyncio.Lock()\nasync def use(limiter):\n    async with limiter:\n        await asyncio.sleep(0.1)\nasync def main():\n    api_lock = asyncio.BoundedSemaphore(2)\n    shop = Shop()\n    pool = [asyncio.Semaphore(1)]\n    cond = asyncio.Condition()\n    await asyncio.gather(use(api_lock), use(api_lock), use(shop.till), use(pool[0]), use(cond))\nasyncio.run(main())\n",
    );
    let names: Vec<(&str, Option<&str>)> = t.resources.iter().map(|r| (&*r.kind, r.name.as_deref())).collect();
    // The Condition's own Lock is made inside asyncio: it has no name of the program's.
    assert_eq!(names, [("BoundedSemaphore", Some("api_lock")), ("Lock", Some("self.till")), ("Semaphore", None), ("Lock", None)]);
}

/// A loop of blocking sleeps is one blocked span, not one per sleep (a long run had hundreds of
/// thousands, and drawing them made the page take seconds to show it); a different wait, or
/// one after the loop ran, is a span of its own.
#[test]
fn back_to_back_blocking_waits_are_one_span() {
    let t =
        timeline_of("import time\nfor _ in range(1000):\n    time.sleep(0.01)\nx = sum(range(10))\ntime.sleep(0.5)\ntime.sleep(0.25)\n");
    let spans: Vec<(String, f64, f64)> = t.blocked.iter().map(|s| (s.label.to_string(), s.start, s.end)).collect();
    assert_eq!(spans.len(), 3, "{spans:?}");
    assert_eq!(spans[0].0, "time.sleep(0.01)");
    assert!((spans[0].2 - 10.0).abs() < 1e-6, "{spans:?}");
    assert_eq!((spans[1].0.as_str(), spans[2].0.as_str()), ("time.sleep(0.5)", "time.sleep(0.25)"));
}
