//! Demo 8 in async Rust: kittens fetched under a timed rate limit. The timed semaphore hands
//! each permit back one period after it was taken, so at most N requests start in any period:
//! the API's sliding window never sees more.
use super::limits::TimedSemaphore;
use super::recorder::Task;
use futures::future::join_all;

async fn get_kitten(task: &Task, n: usize) -> Result<usize, String> {
    match task.get(&format!("/api/kittens/{n}")).await? {
        (200, body) => Ok(body.len()),
        (status, _) => Err(format!("kitten {n}: {status}")),
    }
}

pub async fn run(main: Task, kittens: usize, per_period: usize, period: f64) {
    let start = main.now();
    let limiter = TimedSemaphore::new(&main, per_period, period);
    let limiter = &limiter;
    let calls = (1..=kittens).map(|n| {
        main.future("get_kitten", &n.to_string(), move |t| async move {
            limiter.acquire(&t).await;
            get_kitten(&t, n).await
        })
    });
    let results = main.wait(&format!("join_all of {kittens}"), join_all(calls)).await;
    let limited = results.iter().filter(|r| r.as_ref().is_err_and(|e| e.ends_with("429"))).count();
    main.print(format!("{} kittens in {:.1} s, {limited} rate-limited", results.len(), main.now() - start));
}
