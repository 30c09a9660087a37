//! The practice API's routes, latency, capacity, rate limit and policy headers, tested on a clock the tests choose.

use super::*;

fn get(server: &mut Server, path: &str, now: f64) -> Reply {
    server.handle(&Request { method: "GET".into(), path: path.into(), ..Default::default() }, now)
}

fn fixed(latency_ms: f64, capacity: u32) -> Settings {
    Settings { latency: LatencyShape::Fixed, latency_ms, capacity, slowdown: 0.0, ..Default::default() }
}

#[test]
fn routes_answer_like_the_seeds_server() {
    let mut s = Server::new(fixed(100.0, 0));
    let ids = get(&mut s, "/api/videos?n=3", 0.0);
    assert_eq!(ids.status, 200);
    assert_eq!(ids.text(), r#"["student", "river", "garden"]"#);
    let v = get(&mut s, "/api/videos/student", 0.0);
    assert_eq!(v.status, 200);
    assert!(v.text().starts_with(r#"{"id": "student", "title": ""#), "{}", v.text());
    assert!(v.text().contains("\"views\": "));
    assert_eq!(v.respond_at, 0.1);
    assert_eq!(get(&mut s, "/api/videos/nope", 0.0).status, 404);
    let k = get(&mut s, "/api/kittens/2", 0.0);
    assert_eq!(k.headers[0].1, "image/svg+xml");
    assert!(get(&mut s, "/api/posts/python?limit=2", 0.0).text().matches("\"title\"").count() == 2);
    assert_eq!(get(&mut s, "/api/nowhere", 0.0).status, 404);
    let post = s.handle(&Request { method: "POST".into(), path: "/api/videos".into(), ..Default::default() }, 0.0);
    assert_eq!(post.status, 405);
}

#[test]
fn echo_shapes_its_reply() {
    let mut s = Server::new(fixed(100.0, 0));
    let r = get(&mut s, "/api/echo?status=503&delay_ms=40", 1.0);
    assert_eq!((r.status, r.reason), (503, "Service Unavailable"));
    assert!((r.respond_at - 1.04).abs() < 1e-9);
    let r = get(&mut s, "/api/echo?content_type=text/plain&body=hi", 0.0);
    assert_eq!((r.headers[0].1.as_str(), r.text().as_str()), ("text/plain; charset=utf-8", "hi"));
    let r = get(&mut s, "/api/echo?content_type=image/png&body=x", 0.0);
    assert_eq!(r.headers[0].1, "image/png");
    let r = s.handle(
        &Request {
            method: "post".into(),
            path: "/api/echo?a=1".into(),
            headers: vec![("X-Test".into(), "yes".into())],
            body: b"hi".to_vec(),
        },
        0.0,
    );
    assert_eq!(r.text(), r#"{"method": "POST", "path": "/api/echo", "query": {"a": "1"}, "headers": {"x-test": "yes"}, "body": "hi"}"#);
}

#[test]
fn capacity_queues_and_counts_concurrency() {
    // Two workers, 100 ms each: five requests at t=0 finish at 0.1, 0.1, 0.2, 0.2, 0.3.
    let mut s = Server::new(fixed(100.0, 2));
    let times: Vec<f64> = (0..5).map(|i| get(&mut s, &format!("/api/videos/{}", data::video_ids(5)[i]), 0.0).respond_at).collect();
    let rounded: Vec<i64> = times.iter().map(|t| (t * 1000.0).round() as i64).collect();
    assert_eq!(rounded, vec![100, 100, 200, 200, 300]);
    assert_eq!(s.stats().max_concurrent, 5);
    assert_eq!(s.stats().max_queued, 3);
    assert_eq!(s.in_flight(0.15), 3);
    assert!(s.stats_json(0.0).contains("\"max_concurrent\": 5"));
}

#[test]
fn a_long_line_slows_the_server_down() {
    let mut s = Server::new(Settings { slowdown: 1.0, ..fixed(100.0, 1) });
    let first = get(&mut s, "/api/videos/student", 0.0).respond_at;
    let second = get(&mut s, "/api/videos/student", 0.0).respond_at;
    let third = get(&mut s, "/api/videos/student", 0.0).respond_at;
    assert!((first - 0.1).abs() < 1e-9);
    // One waiting ahead of it when it arrives: service time doubles.
    assert!((second - 0.2).abs() < 1e-9, "{second}");
    assert!(third - second > 0.1 + 1e-9, "{third} {second}");
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let mut s = Server::new(Settings { rate_limit: 2, rate_window_s: 1.0, ..fixed(10.0, 0) });
    let statuses: Vec<u16> = (0..4).map(|_| get(&mut s, "/api/videos/student", 0.2).status).collect();
    assert_eq!(statuses, vec![200, 200, 429, 429]);
    let limited = get(&mut s, "/api/videos/student", 0.5);
    assert_eq!(limited.headers.iter().find(|(k, _)| k == "retry-after").unwrap().1, "1");
    // The window slides: a second after the first two, there is room again.
    assert_eq!(get(&mut s, "/api/videos/student", 1.21).status, 200);
    assert_eq!(s.stats().rate_limited, 3);
}

#[test]
fn error_rate_is_seeded_and_repeats() {
    let run = |seed| {
        let mut s = Server::new(Settings { error_rate: 0.3, seed, ..fixed(10.0, 0) });
        (0..50).map(|_| get(&mut s, "/api/videos/student", 0.0).status).collect::<Vec<_>>()
    };
    let a = run(7);
    assert_eq!(a, run(7));
    assert_ne!(a, run(8));
    let errors = a.iter().filter(|&&s| s == 500).count();
    assert!((5..=25).contains(&errors), "{errors}");
}

#[test]
fn stats_are_not_counted_and_reset_clears() {
    let mut s = Server::new(fixed(10.0, 0));
    get(&mut s, "/api/videos/student", 0.0);
    let stats = get(&mut s, "/api/stats", 0.0);
    assert_eq!(stats.respond_at, 0.0);
    assert!(stats.text().starts_with("{\"requests\": 1,"), "{}", stats.text());
    get(&mut s, "/api/stats/reset", 0.0);
    assert_eq!(s.stats().requests, 0);
}

#[test]
fn latency_shapes_stay_in_range() {
    let mut s =
        Server::new(Settings { latency: LatencyShape::Uniform, latency_ms: 100.0, jitter_ms: 50.0, capacity: 0, ..Default::default() });
    for _ in 0..200 {
        let t = get(&mut s, "/api/videos/student", 0.0).respond_at;
        assert!((0.05..=0.15).contains(&t), "{t}");
    }
    let mut s = Server::new(Settings { latency: LatencyShape::LongTail, latency_ms: 100.0, capacity: 0, ..Default::default() });
    let mut times: Vec<f64> = (0..400).map(|_| get(&mut s, "/api/videos/student", 0.0).respond_at).collect();
    times.sort_by(f64::total_cmp);
    let median = times[200];
    assert!((0.07..0.14).contains(&median), "{median}");
    assert!(times[399] > 3.0 * median, "a long tail: {}", times[399]);
}

#[test]
fn percent_decoding_is_total() {
    assert_eq!(percent_decode("a%20b+c%2"), "a b c%2");
    assert_eq!(percent_decode("%zz%"), "%zz%");
    assert_eq!(percent_decode("%E2%9C%93"), "✓");
}

#[test]
fn a_request_can_set_its_own_latency_and_error_rate() {
    let mut s = Server::new(fixed(100.0, 0));
    let req = |headers: Vec<(&str, &str)>| Request {
        method: "GET".into(),
        path: "/api/videos/river".into(),
        headers: headers.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        body: vec![],
    };
    assert!((s.handle(&req(vec![("X-Practice-Latency-Ms", "750")]), 0.0).respond_at - 0.75).abs() < 1e-9);
    assert_eq!(s.handle(&req(vec![("x-practice-error-rate", "1")]), 0.0).status, 500);
    assert_eq!(s.handle(&req(vec![("x-practice-latency-ms", "NaN")]), 0.0).respond_at, 0.1);
}

fn header<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    reply.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[test]
fn echo_never_answers_active_content() {
    let mut s = Server::new(fixed(0.0, 0));
    for asked in [
        "text/html",
        "TEXT/HTML; charset=utf-8",
        "application/javascript",
        "text/javascript",
        "image/svg+xml",
        "application/xhtml+xml",
        "text/xml",
        "multipart/x-mixed-replace",
        "",
    ] {
        let r = get(
            &mut s,
            &format!("/api/echo?content_type={}&body=%3Cscript%3Ealert(1)%3C/script%3E", asked.replace(' ', "%20").replace(';', "%3B")),
            0.0,
        );
        assert_eq!(header(&r, "content-type"), Some("text/plain; charset=utf-8"), "{asked}");
        assert_eq!(r.text(), "<script>alert(1)</script>");
    }
}

#[test]
fn every_reply_is_sandboxed_and_never_sniffed() {
    let mut s = Server::new(Settings { rate_limit: 1, error_rate: 0.0, ..fixed(0.0, 0) });
    let mut replies = vec![get(&mut s, "/api/videos?n=1", 0.0), get(&mut s, "/api/videos?n=1", 0.0)];
    assert_eq!(replies[1].status, 429);
    let mut s = Server::new(Settings { error_rate: 1.0, ..fixed(0.0, 0) });
    replies.push(get(&mut s, "/api/videos/student", 0.0));
    assert_eq!(replies[2].status, 500);
    let mut s = Server::new(fixed(0.0, 0));
    for path in [
        "/api",
        "/api/stats",
        "/api/stats/reset",
        "/api/videos/student",
        "/api/videos/nope",
        "/api/kittens/2",
        "/api/posts/x",
        "/api/echo?body=x",
        "/api/echo?status=abc",
        "/api/nowhere",
    ] {
        replies.push(get(&mut s, path, 0.0));
    }
    replies.push(s.handle(&Request { method: "POST".into(), path: "/api/videos".into(), ..Default::default() }, 0.0));
    for r in &replies {
        let csp = header(r, "content-security-policy").unwrap_or_default();
        assert!(csp.starts_with("sandbox; default-src 'none'"), "{csp} on {}", r.status);
        assert_eq!(header(r, "x-content-type-options"), Some("nosniff"));
        assert_eq!(header(r, "cross-origin-resource-policy"), Some("same-origin"));
    }
    let kitten = get(&mut s, "/api/kittens/3", 0.0);
    assert_eq!(header(&kitten, "content-security-policy"), Some("sandbox; default-src 'none'; img-src data:"));
}

#[test]
fn invalid_parameters_get_a_400_with_a_reason() {
    let mut s = Server::new(fixed(0.0, 0));
    for path in [
        "/api/echo?status=999",
        "/api/echo?status=abc",
        "/api/echo?status=0",
        "/api/echo?status=199",
        "/api/echo?delay_ms=-5",
        "/api/echo?delay_ms=NaN",
        "/api/echo?delay_ms=1e9",
        "/api/videos?n=-1",
        "/api/videos?n=abc",
        "/api/videos?n=10001",
        "/api/posts/x?limit=101",
        "/api/kittens/abc",
    ] {
        let r = get(&mut s, path, 0.0);
        assert_eq!(r.status, 400, "{path}");
        assert_eq!(header(&r, "content-type"), Some("application/json"));
        assert!(r.text().starts_with("{\"detail\": \""), "{path}: {}", r.text());
    }
    assert_eq!(get(&mut s, "/api/echo?status=201", 0.0).status, 201);
    assert_eq!(get(&mut s, "/api/videos?n=0", 0.0).text(), "[]");
    assert_eq!(get(&mut s, "/api/videos?n=10000", 0.0).status, 200);
}
