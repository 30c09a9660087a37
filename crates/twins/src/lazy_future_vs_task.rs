//! Demo 3 in async Rust: a future is lazy (nothing runs until it is awaited: A B C D), a
//! spawned task is not (it starts as soon as main yields to the browser: C A B D).
use super::recorder::Task;

async fn speak(task: Task, pause: f64) -> &'static str {
    task.print("C");
    task.sleep(pause).await;
    "D"
}

pub async fn run(main: Task, first: f64, pause: f64) {
    // A future: created here, but its body runs only when awaited.
    let will_speak = main.future("speak", "", move |t| speak(t, pause));
    main.sleep(first).await;
    main.print("A");
    main.print("B");
    let said = main.wait("speak()", will_speak).await;
    main.print(said);

    main.print("---");

    // spawn_local: a task of its own, run by the browser's event loop at the first await.
    let will_speak = main.spawn("speak", "", move |t| speak(t, pause));
    main.sleep(first).await;
    main.print("A");
    main.print("B");
    let said = main.wait("spawned task", will_speak).await;
    main.print(said);
}
