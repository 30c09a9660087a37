//! The trace's text form reads back to the same records and output, for every kind of event.

use awaitlab_engine::trace::wire::{decode, encode};
use awaitlab_engine::trace::{Chunk, Event, Record, Stream};
use awaitlab_engine::{run_virtual, start, RunConfig, StepResult};

/// Touches every event kind: tasks (done, failed, cancelled), timers (set, cancelled, fired),
/// a blocking call, an executor job, a lock, HTTP (answered and failed), stdout and stderr.
const EVERYTHING: &str = r#"
import asyncio, time, sys, aiohttp

def slow():
    time.sleep(0.1)
    return 1

async def fails():
    raise ValueError("no\ttab\nline \\ back")

async def inner():
    await asyncio.sleep(0.01)

async def outer():
    await inner()

async def spin():
    for _ in range(3):
        await asyncio.sleep(0)

async def main():
    lock = asyncio.Lock()
    async with lock:
        await asyncio.sleep(0.01)
    async def hold():
        async with lock:
            await asyncio.sleep(0.01)
    await asyncio.gather(hold(), hold())
    loop = asyncio.get_running_loop()
    h = loop.call_later(5, print, "never")
    h.cancel()
    loop.call_later(0.02, print, "fired")
    await loop.run_in_executor(None, slow)
    time.sleep(0.05)
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    results = await asyncio.gather(fails(), return_exceptions=True)
    print("héllo\tworld", results, file=sys.stderr)
    async with aiohttp.ClientSession() as s:
        async with s.get("/api/videos/student") as r:
            print(r.status)
        try:
            await s.get("http://example.org/")
        except aiohttp.ClientError as e:
            print(type(e).__name__)
    await outer()
    await asyncio.gather(spin(), spin())
    await asyncio.sleep(0.1)

asyncio.run(main())
"#;

#[test]
fn a_real_runs_trace_and_output_read_back_exactly() {
    let r = run_virtual(EVERYTHING, &RunConfig::default());
    assert_eq!(r.exit_code, 0, "{}", r.stderr());
    let kinds = |records: &[Record]| {
        let mut k: Vec<String> =
            records.iter().map(|rec| format!("{:?}", rec.event).split([' ', '{', '(']).next().unwrap().to_string()).collect();
        k.sort();
        k.dedup();
        k
    };
    let seen = kinds(&r.trace);
    for kind in [
        "TaskCreated",
        "Step",
        "Waiting",
        "TaskDone",
        "TimerSet",
        "HandleCancelled",
        "HandleRun",
        "Scheduled",
        "Gathering",
        "Iteration",
        "Blocked",
        "Unblocked",
        "Resource",
        "ExecutorSubmitted",
        "ExecutorJob",
        "CancelRequested",
        "Queued",
        "Output",
        "HttpStart",
        "HttpEnd",
        "Finished",
    ] {
        assert!(seen.iter().any(|s| s == kind), "the program records no {kind}: {seen:?}");
    }
    // A task suspended in three of the program's coroutines (main, outer, inner), one that
    // yielded bare after doing something (a step's start and end), and `spin`'s whole steps.
    assert!(r.trace.iter().any(|rec| matches!(&rec.event, Event::StepEnd { stack: Some(s), .. } if s.len() == 3)));
    assert!(r.trace.iter().any(|rec| matches!(&rec.event, Event::StepEnd { requeued: 1.., .. })));
    assert!(r.trace.iter().filter(|rec| matches!(&rec.event, Event::Step { requeued: 1.., .. })).count() >= 6);
    let mut text = String::new();
    encode(&r.trace, &r.chunks, &mut text);
    let (records, chunks) = decode(&text).unwrap();
    assert_eq!(records, r.trace);
    assert_eq!(chunks.len(), r.chunks.len());
    for (a, b) in chunks.iter().zip(&r.chunks) {
        assert_eq!((a.stream, &a.text, a.time.to_bits()), (b.stream, &b.text, b.time.to_bits()));
    }
}

#[test]
fn pieces_encoded_apart_decode_together() {
    let first = [Record { time: 0.1 + 0.2, event: Event::StepStart { task: 1 } }];
    let second = [Record { time: 1e-300, event: Event::HttpEnd { id: 2, status: None, error: Some("-".into()) } }];
    let chunk = Chunk { stream: Stream::Stderr, text: "a\\b\r\n".into(), time: 3.0 };
    let mut text = String::new();
    encode(&first, &[], &mut text);
    encode(&second, std::slice::from_ref(&chunk), &mut text);
    let (records, chunks) = decode(&text).unwrap();
    assert_eq!(records, [first[0].clone(), second[0].clone()]);
    assert_eq!((chunks[0].stream, chunks[0].text.as_str()), (Stream::Stderr, "a\\b\r\n"));
}

#[test]
fn damaged_text_is_an_error_not_a_guess() {
    for bad in [
        "start\t0",
        "start\tx\t1",
        "nonsense\t0\t1",
        "done\t0\t1\tmaybe",
        "start\t0\t1\textra",
        "chunk\t0\tsideways\thi",
        "wait\t0\t1\tbad\\q\t0\t2",
    ] {
        assert!(decode(bad).is_err(), "{bad:?} decoded");
    }
    assert_eq!(decode("").unwrap().0, vec![]);
}

/// The worker sends the trace in pieces as the run goes (`Machine::trace_records` between
/// slices); a step that records nothing becomes one `Step` in its start's place, so what was
/// sent must never be a record that later changes: the pieces make up the final trace.
#[test]
fn a_trace_sent_between_slices_is_the_final_trace() {
    let source = "import asyncio\n\nasync def spin(n):\n    for i in range(n):\n        x = sum(range(i % 7))\n        await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(spin(40), spin(30))\n\nasyncio.run(main())\n";
    let mut machine = start(source, &RunConfig::default());
    let mut sent: Vec<Record> = vec![];
    for budget in [3, 5, 11, 17].into_iter().cycle() {
        let result = machine.step(budget);
        let records = machine.trace_records();
        sent.extend_from_slice(&records[sent.len()..]);
        match result {
            StepResult::Done { exit_code } => {
                assert_eq!(exit_code, 0);
                break;
            }
            StepResult::Continue | StepResult::Paused => {}
            other => panic!("a program of bare yields asked for {other:?}"),
        }
    }
    let r = machine.into_result();
    assert!(r.trace.iter().any(|rec| matches!(rec.event, Event::Step { .. })), "no whole steps were recorded");
    assert_eq!(sent, r.trace);
}
