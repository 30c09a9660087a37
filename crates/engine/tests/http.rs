//! HTTP for programs on the virtual clock: aiohttp and requests against the practice API.
//! (CPython cannot be the oracle here: the messages below were checked against requests 2.34
//! on this machine and aiohttp 3.9's source.)

use awaitlab_engine::practice_api::{LatencyShape, Settings};
use awaitlab_engine::trace::Event;
use awaitlab_engine::{run_virtual, RunConfig, RunResult};

fn fixed(latency_ms: f64) -> Settings {
    Settings { latency: LatencyShape::Fixed, latency_ms, capacity: 0, ..Default::default() }
}

fn run_with(src: &str, api: Settings) -> RunResult {
    run_virtual(src, &RunConfig { filename: "main.py".into(), api, ..Default::default() })
}

fn stdout_of(src: &str, api: Settings) -> String {
    let r = run_with(src, api);
    assert_eq!(r.stderr(), "", "stdout so far:\n{}", r.stdout());
    r.stdout()
}

/// The most requests in flight at once, from the trace (the timeline model computes it).
fn max_in_flight(r: &RunResult) -> usize {
    awaitlab_engine::trace::timeline::build(&r.trace).max_in_flight
}

const VIDEOS: &str = r#"
import asyncio, time, aiohttp, requests

ids = requests.get("/api/videos?n=100").json()

async def get_video(video_id, session):
    async with session.get(f"/api/videos/{video_id}") as response:
        response.raise_for_status()
        return await response.json()

async def fetch_all(limit_per_host):
    connector = aiohttp.TCPConnector(limit_per_host=limit_per_host)
    async with aiohttp.ClientSession(connector=connector) as session:
        return await asyncio.gather(*[get_video(i, session) for i in ids])

start = time.perf_counter()
videos = asyncio.run(fetch_all(LIMIT))
print(len(videos), videos[0]["id"], videos[99]["id"] == ids[99], round(time.perf_counter() - start, 2))
stats = requests.get("/api/stats").json()
print(stats["requests"], stats["max_concurrent"])
"#;

#[test]
fn connector_limit_per_host_holds_and_the_server_agrees() {
    let r = run_with(&VIDEOS.replace("LIMIT", "10"), fixed(100.0));
    assert_eq!(r.stderr(), "");
    // 100 requests, 10 at a time, 100 ms each: 1 s.
    assert_eq!(r.stdout(), "100 student True 1.0\n101 10\n");
    assert_eq!(max_in_flight(&r), 10);
    let r = run_with(&VIDEOS.replace("LIMIT", "0"), fixed(100.0));
    // No per-host limit: the connector's default total limit of 100.
    assert_eq!(r.stdout(), "100 student True 0.1\n101 100\n");
    assert_eq!(max_in_flight(&r), 100);
}

#[test]
fn a_connection_wait_is_visible_in_the_trace() {
    let r = run_with(&VIDEOS.replace("LIMIT", "10"), fixed(100.0));
    let waits = r
        .trace
        .iter()
        .filter(|rec| matches!(&rec.event, Event::Waiting { what, .. } if &**what == "free connection (10 per host)"))
        .count();
    assert_eq!(waits, 90);
    let fetches =
        r.trace.iter().filter(|rec| matches!(&rec.event, Event::Waiting { what, .. } if what.starts_with("GET /api/videos/"))).count();
    assert_eq!(fetches, 100);
}

#[test]
fn total_limit_and_fifo_order() {
    let src = r#"
import asyncio, aiohttp
order = []
async def one(session, i):
    async with session.get(f"/api/echo?delay_ms={100 + i}&i={i}") as r:
        data = await r.json()
        order.append(data["query"]["i"])
async def main():
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=3)) as s:
        await asyncio.gather(*[one(s, i) for i in range(7)])
    print(order)
    print(aiohttp.TCPConnector().limit, aiohttp.TCPConnector().limit_per_host)
asyncio.run(main())
"#;
    let r = run_with(src, fixed(50.0));
    assert_eq!(r.stdout(), "['0', '1', '2', '3', '4', '5', '6']\n100 0\n", "{}", r.stderr());
    assert_eq!(max_in_flight(&r), 3);
}

#[test]
fn http_errors_as_aiohttp_raises_them() {
    let src = r#"
import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        async with s.get("/api/videos/nope") as r:
            print(r.status, r.reason, r.ok)
            try:
                r.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print("ClientResponseError:", e.status, e)
        async with s.get("/api/kittens/1") as r:
            print(r.content_type, (await r.read())[:4])
            try:
                await r.json()
            except aiohttp.ContentTypeError as e:
                print("ContentTypeError:", e)
        async with s.get("/api/echo?body=not+json") as r:
            try:
                await r.json()
            except ValueError as e:
                print(type(e).__name__, e)
        try:
            await s.get("https://example.org/x")
        except aiohttp.ClientConnectorError as e:
            print("ClientConnectorError:", str(e)[:60])
            print(isinstance(e, OSError), isinstance(e, aiohttp.ClientError))
        try:
            await s.get("ftp://example.org")
        except aiohttp.InvalidURL as e:
            print("InvalidURL:", e)
        try:
            async with s.get("/api/echo?delay_ms=5000", timeout=aiohttp.ClientTimeout(total=0.5)) as r:
                pass
        except asyncio.TimeoutError:
            print("timed out", round(asyncio.get_running_loop().time(), 1))
        r = await s.post("/api/echo", json={"a": 1}, headers={"X-Demo": "yes"})
        echo = await r.json()
        print(echo["method"], echo["body"], echo["headers"]["x-demo"], echo["headers"]["content-type"])
    try:
        await s.get("/api/videos")
    except RuntimeError as e:
        print("RuntimeError:", e)
asyncio.run(main())
"#;
    let out = stdout_of(src, fixed(100.0));
    let expected = "404 Not Found False\n\
ClientResponseError: 404 404, message='Not Found', url='/api/videos/nope'\n\
image/svg+xml b'<svg'\n\
ContentTypeError: 200, message='Attempt to decode JSON with unexpected mimetype: image/svg+xml', url='/api/kittens/1'\n\
JSONDecodeError Expecting value: line 1 column 1 (char 0)\n\
ClientConnectorError: Cannot connect to host example.org:443 ssl:default [no netwo\n\
True True\n\
InvalidURL: ftp://example.org\n\
timed out 0.8\n\
POST {\"a\": 1} yes application/json\n\
RuntimeError: Session is closed\n";
    assert_eq!(out, expected);
}

#[test]
fn rate_limits_and_server_errors() {
    let src = r#"
import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        async def one():
            async with s.get("/api/videos/river") as r:
                return r.status, r.headers.get("Retry-After")
        print(await asyncio.gather(*[one() for _ in range(5)]))
        await asyncio.sleep(1)
        print(await one())
asyncio.run(main())
"#;
    let out = stdout_of(src, Settings { rate_limit: 3, rate_window_s: 1.0, ..fixed(100.0) });
    assert_eq!(out, "[(200, None), (200, None), (200, None), (429, '1'), (429, '1')]\n(200, None)\n");
    let src = r#"
import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession(raise_for_status=True) as s:
        async def one(i):
            try:
                async with s.get(f"/api/videos/river?i={i}") as r:
                    return r.status
            except aiohttp.ClientResponseError as e:
                return e.status
        print(await asyncio.gather(*[one(i) for i in range(12)]))
asyncio.run(main())
"#;
    let a = stdout_of(src, Settings { error_rate: 0.5, seed: 3, ..fixed(10.0) });
    assert!(a.contains("500") && a.contains("200"), "{a}");
    assert_eq!(a, stdout_of(src, Settings { error_rate: 0.5, seed: 3, ..fixed(10.0) }), "a seed repeats exactly");
}

#[test]
fn requests_blocks_the_whole_loop() {
    let src = r#"
import asyncio, time, requests
async def ticker():
    for i in range(3):
        print("tick", i, round(time.monotonic(), 2))
        await asyncio.sleep(0.1)
async def fetch():
    r = requests.get("/api/videos/student")
    print("got", r.status_code, r.json()["id"], round(time.monotonic(), 2))
async def main():
    await asyncio.gather(ticker(), fetch())
asyncio.run(main())
r = requests.get("/api/videos/none")
print(r, r.ok, r.headers["content-type"])
try:
    r.raise_for_status()
except requests.exceptions.HTTPError as e:
    print("HTTPError:", e)
try:
    requests.get("/api/echo?body=x").json()
except requests.JSONDecodeError as e:
    print("JSONDecodeError:", e, isinstance(e, ValueError))
try:
    requests.get("https://example.org/x")
except requests.ConnectionError as e:
    print("ConnectionError:", str(e)[:80])
try:
    requests.get("/api/echo?delay_ms=3000", timeout=1)
except requests.Timeout as e:
    print("Timeout:", e)
try:
    requests.get("example.org")
except requests.exceptions.MissingSchema as e:
    print("MissingSchema:", e)
print(requests.post("/api/echo", data={"a": "b c"}).json()["body"])
"#;
    let r = run_with(src, fixed(500.0));
    assert_eq!(r.stderr(), "");
    let expected = "tick 0 0.0\n\
got 200 student 0.5\n\
tick 1 0.5\n\
tick 2 0.6\n\
<Response [404]> False application/json\n\
HTTPError: 404 Client Error: Not Found for url: /api/videos/none\n\
JSONDecodeError: Expecting value: line 1 column 1 (char 0) True\n\
ConnectionError: HTTPConnectionPool(host='example.org', port=443): Max retries exceeded with url:\n\
Timeout: HTTPConnectionPool(host='practice-api', port=0): Read timed out. (read timeout=1)\n\
MissingSchema: Invalid URL 'example.org': No scheme supplied. Perhaps you meant https://example.org?\n\
a=b+c\n";
    assert_eq!(r.stdout(), expected);
    let blocked: Vec<&str> = r
        .trace
        .iter()
        .filter_map(|rec| match &rec.event {
            Event::Blocked(b) => Some(&*b.reason),
            _ => None,
        })
        .collect();
    assert_eq!(blocked[0], "requests.get(/api/videos/student)");
}

#[test]
fn requests_in_an_executor_overlap() {
    let src = r#"
import asyncio, time, requests
async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.run_in_executor(None, requests.get, f"/api/videos/{w}") for w in ("river", "garden", "window")]
    rs = await asyncio.gather(*futs)
    print([r.json()["id"] for r in rs], round(time.monotonic(), 2))
asyncio.run(main())
"#;
    assert_eq!(stdout_of(src, fixed(300.0)), "['river', 'garden', 'window'] 0.3\n");
}

#[test]
fn old_style_module_level_get_and_awaited_requests() {
    let src = r#"
import asyncio, aiohttp
async def kitten(n):
    async with aiohttp.get(f"/api/kittens/{n}") as img:
        return len(await img.read()) > 100
async def main():
    print(await asyncio.gather(kitten(1), kitten(2)))
    async with aiohttp.request("GET", "/api/posts/python?limit=2") as r:
        data = await r.json()
    print(len(data["data"]["children"]))
asyncio.run(main())
"#;
    assert_eq!(stdout_of(src, fixed(100.0)), "[True, True]\n2\n");
}

#[test]
fn chrome_trace_has_http_spans_and_a_counter() {
    let r = run_with(&VIDEOS.replace("LIMIT", "10"), fixed(100.0));
    let json = awaitlab_engine::trace::to_chrome_json(&r.trace);
    assert_eq!(json.matches(r#""cat":"http","ph":"b""#).count(), 102);
    assert!(json.contains(r#""name":"requests in flight""#));
    assert!(json.contains("loop blocked: requests.get(/api/videos?n=100)"));
}
