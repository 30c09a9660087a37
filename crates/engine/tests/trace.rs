//! The trace is the timeline's only input: check its shape for known programs.

use awaitlab_engine::trace::{to_chrome_json, Event};
use awaitlab_engine::{run_virtual, RunConfig};

const GATHER: &str = r#"
import asyncio

async def meow(n):
    print('start', n)
    await asyncio.sleep(n)
    return n

async def main():
    print(await asyncio.gather(meow(1), meow(2), meow(3)))

asyncio.run(main())
"#;

#[test]
fn gather_records_program_tasks_their_waits_and_prints() {
    let r = run_virtual(GATHER, &RunConfig::default());
    assert_eq!(r.stdout(), "start 1\nstart 2\nstart 3\n[1, 2, 3]\n");
    let created: Vec<_> = r
        .trace
        .iter()
        .filter_map(|rec| match &rec.event {
            Event::TaskCreated(t) if !t.internal => Some((t.name.to_string(), t.coro.to_string(), t.parent.is_some())),
            _ => None,
        })
        .collect();
    assert_eq!(
        created,
        vec![
            ("Task-1".into(), "main".into(), false),
            ("Task-2".into(), "meow".into(), true),
            ("Task-3".into(), "meow".into(), true),
            ("Task-4".into(), "meow".into(), true),
        ]
    );
    let waits: Vec<String> = r
        .trace
        .iter()
        .filter_map(|rec| match &rec.event {
            Event::Waiting { what, .. } => Some(what.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(waits, vec!["gather of 3", "sleep 1 s", "sleep 2 s", "sleep 3 s"]);
    // Program time: the sleeps overlap, so the run takes 3 s, not 6.
    assert_eq!(r.duration, 3.0);
    let prints = r.trace.iter().filter(|rec| matches!(&rec.event, Event::Output { task: Some(_), .. })).count();
    assert_eq!(prints, 4);
}

#[test]
fn blocking_sleep_is_recorded_as_a_blocked_span() {
    let src = "import asyncio, time\nasync def main():\n    time.sleep(0.5)\n    await asyncio.sleep(0.1)\nasyncio.run(main())\n";
    let r = run_virtual(src, &RunConfig::default());
    let blocked: Vec<_> = r
        .trace
        .iter()
        .filter_map(|rec| match &rec.event {
            Event::Blocked(b) => Some((rec.time, b.until, b.reason.to_string(), b.task.is_some())),
            _ => None,
        })
        .collect();
    assert_eq!(blocked, vec![(0.0, 0.5, "time.sleep(0.5)".to_string(), true)]);
    assert!((r.duration - 0.6).abs() < 1e-9);
}

#[test]
fn chrome_trace_export_has_one_track_per_task() {
    let r = run_virtual(GATHER, &RunConfig::default());
    let json = to_chrome_json(&r.trace);
    assert!(json.starts_with("{\"traceEvents\":["));
    assert!(json.trim_end().ends_with("\"displayTimeUnit\":\"ms\"}"));
    // One thread_name per program task (4; asyncio.run's own shutdown tasks get none) plus the loop's.
    assert_eq!(json.matches("\"thread_name\"").count(), 5);
    assert!(json.contains("\"name\":\"await sleep 2 s\""));
    assert!(json.contains("\"ph\":\"s\"") && json.contains("\"ph\":\"f\""), "wake-up flow arrows");
}
