//! HTTP from programs in headless Chromium: real fetch(), the practice API answered beside the
//! engine, and its virtual-clock twin in instant mode. (The worker, the page and the service
//! worker's relay need the built site: e2e/http.test.mjs covers them.)
#![cfg(target_arch = "wasm32")]

use awaitlab_engine::practice_api::{LatencyShape, Settings};
use awaitlab_engine::{RunConfig, RunResult};
use awaitlab_worker::host::{run_here, TimeMode};
use awaitlab_worker::practice::TimedServer;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fixed(latency_ms: f64) -> Settings {
    Settings { latency: LatencyShape::Fixed, latency_ms, capacity: 0, ..Default::default() }
}

/// The most requests in flight at once, from the trace (the timeline model computes it).
fn max_in_flight(r: &RunResult) -> usize {
    awaitlab_engine::trace::timeline::build(&r.trace).max_in_flight
}

/// A run with a fresh practice server set up as `api` says; what the program did, and what the
/// server saw (instant mode's virtual one, or the real-time one).
async fn run(src: &str, mode: TimeMode, api: Settings) -> (RunResult, awaitlab_engine::practice_api::Stats) {
    let server = Rc::new(TimedServer::default());
    let speed = match mode {
        TimeMode::RealTime { speed } => speed,
        TimeMode::Instant => 1.0,
    };
    server.configure(api.clone(), speed);
    let base = web_sys::window().unwrap().location().href().unwrap();
    let (result, virtual_stats) =
        run_here(src, &RunConfig { api, ..Default::default() }, mode, Rc::new(Cell::new(false)), Rc::new(server.clone()), &base).await;
    match mode {
        TimeMode::Instant => (result, virtual_stats),
        TimeMode::RealTime { .. } => (result, server.stats()),
    }
}

const VIDEOS: &str = r#"
import asyncio, aiohttp, requests
ids = requests.get("/api/videos?n=N").json()
async def get_video(video_id, session):
    async with session.get(f"/api/videos/{video_id}") as response:
        response.raise_for_status()
        return await response.json()
async def main():
    connector = aiohttp.TCPConnector(limit_per_host=LIMIT)
    async with aiohttp.ClientSession(connector=connector) as session:
        videos = await asyncio.gather(*[get_video(i, session) for i in ids])
    print(len(videos), videos[0]["id"])
    stats = requests.get("/api/stats").json()
    print(stats["requests"], stats["max_concurrent"])
asyncio.run(main())
"#;

#[wasm_bindgen_test]
async fn hundred_videos_with_a_per_host_limit_in_instant_mode() {
    let src = VIDEOS.replace("N", "100").replace("LIMIT", "10");
    let (r, stats) = run(&src, TimeMode::Instant, fixed(200.0)).await;
    assert_eq!(r.stdout(), "100 student\n101 10\n", "{}", r.stderr());
    assert_eq!(max_in_flight(&r), 10);
    assert_eq!((stats.requests, stats.max_concurrent), (101, 10));
    assert!((r.duration - 2.2).abs() < 1e-6, "{}", r.duration);
}

#[wasm_bindgen_test]
async fn videos_with_a_per_host_limit_in_real_time() {
    let src = VIDEOS.replace("N", "30").replace("LIMIT", "5");
    let (r, stats) = run(&src, TimeMode::RealTime { speed: 1.0 }, fixed(40.0)).await;
    assert_eq!(r.stdout(), "30 student\n31 5\n", "{}", r.stderr());
    assert_eq!(max_in_flight(&r), 5);
    assert_eq!(stats.max_concurrent, 5);
    // Six rounds of 40 ms: the requests really took their time (a lower bound cannot flake).
    assert!(r.duration >= 0.24, "{}", r.duration);
}

#[wasm_bindgen_test]
async fn fetch_outcomes_in_real_time() {
    let src = r#"
import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        for url in ["/api/videos/nope", "/api/echo?status=500", "/api/echo?status=429"]:
            async with s.get(url) as r:
                try:
                    r.raise_for_status()
                except aiohttp.ClientResponseError as e:
                    print(e.status, e.message)
        async with s.get("/api/echo?body=%7Bbroken") as r:
            try:
                await r.json()
            except ValueError as e:
                print("invalid JSON:", type(e).__name__)
        try:
            await s.get("http://127.0.0.1:9/unreachable")
        except aiohttp.ClientConnectorError as e:
            print("ClientConnectorError:", "could not fetch" in str(e), "CORS" in str(e))
        async with s.get("ORIGIN/") as r:
            print(r.status, r.ok, len(await r.text()) > 0)
asyncio.run(main())
"#;
    // Any URL: here the test runner's own page, a real fetch() over the network stack.
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let src = src.replace("ORIGIN", &origin);
    let (r, _) = run(&src, TimeMode::RealTime { speed: 1.0 }, fixed(10.0)).await;
    assert_eq!(
        r.stdout(),
        "404 Not Found\n500 Internal Server Error\n429 Too Many Requests\ninvalid JSON: JSONDecodeError\nClientConnectorError: True True\n200 True True\n",
        "{}",
        r.stderr()
    );
}

#[wasm_bindgen_test]
async fn rate_limit_holds_in_real_time() {
    let src = r#"
import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        async def one():
            async with s.get("/api/videos/river") as r:
                return r.status
        print(sorted(await asyncio.gather(*[one() for _ in range(6)])))
asyncio.run(main())
"#;
    let (r, stats) = run(src, TimeMode::RealTime { speed: 1.0 }, Settings { rate_limit: 4, rate_window_s: 10.0, ..fixed(20.0) }).await;
    assert_eq!(r.stdout(), "[200, 200, 200, 200, 429, 429]\n", "{}", r.stderr());
    assert_eq!(stats.rate_limited, 2);
}

#[wasm_bindgen_test]
async fn instant_mode_has_no_network_but_says_so() {
    let src = "import requests\ntry:\n    requests.get('https://example.org/')\nexcept requests.ConnectionError as e:\n    print('virtual clock' in str(e))\n";
    let (r, _) = run(src, TimeMode::Instant, fixed(10.0)).await;
    assert_eq!(r.stdout(), "True\n", "{}", r.stderr());
}

#[wasm_bindgen_test]
async fn the_speed_factor_scales_sleeps_and_api_latency() {
    let src = "import asyncio, time, requests\nasync def main():\n    await asyncio.sleep(0.4)\n    requests.get('/api/videos/river')\n    print(round(time.monotonic(), 1))\nasyncio.run(main())\n";
    let start = web_sys::window().unwrap().performance().unwrap().now();
    let (r, _) = run(src, TimeMode::RealTime { speed: 4.0 }, fixed(400.0)).await;
    let wall_ms = web_sys::window().unwrap().performance().unwrap().now() - start;
    // 0.8 s of program time at 4×: about 200 ms of wall time (lower bound only: cannot flake).
    // Timers fire late, never early, on a loaded machine: program time may read a little over.
    let t: f64 = r.stdout().trim().parse().unwrap_or_else(|_| panic!("{}{}", r.stdout(), r.stderr()));
    assert!((0.8..1.0).contains(&t), "program time {t}: not 0.4 s sleep + 0.4 s latency (at 4x, in program time)");
    assert!(wall_ms >= 195.0, "{wall_ms}");
}
