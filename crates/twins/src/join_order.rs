//! Demo 5 in async Rust: `join_all` keeps argument order; `FuturesUnordered` yields in
//! completion order (asyncio's `as_completed`); `select_all` returns the first to finish
//! (`wait(..., FIRST_COMPLETED)`), and dropping the rest cancels them.
use super::recorder::Task;
use futures::future::{join_all, select_all};
use futures::stream::{FuturesUnordered, StreamExt};

async fn work(task: Task, n: u32, delay: f64) -> u32 {
    task.sleep(delay).await;
    n
}

pub async fn run(main: Task, delays: [f64; 3]) {
    let jobs = || (1..=3u32).zip(delays);
    let got =
        main.wait("join_all of 3", join_all(jobs().map(|(n, d)| main.future("work", &format!("{n}, {d}"), move |t| work(t, n, d))))).await;
    main.print(format!("join_all: {got:?}"));

    let mut pending: FuturesUnordered<_> = jobs().map(|(n, d)| main.future("work", &format!("{n}, {d}"), move |t| work(t, n, d))).collect();
    let mut order = Vec::new();
    while let Some(n) = main.wait("next completed", pending.next()).await {
        order.push(n);
    }
    main.print(format!("FuturesUnordered: {order:?}"));

    let tasks: Vec<_> = jobs().map(|(n, d)| main.spawn("work", &format!("{n}, {d}"), move |t| work(t, n, d))).collect();
    let (first, _, rest) = main.wait("select_all of 3", select_all(tasks)).await;
    main.print(format!("select_all: [{first}] pending: {}", rest.len()));
    // Dropping a RemoteHandle cancels its task: the rest never finish.
    drop(rest);
}
