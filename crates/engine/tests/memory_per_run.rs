//! A run gives back what it took: the page's worker runs program after program in one
//! thread, so what a run leaves behind (cycles reference counting cannot free) adds up. Each
//! program runs a few times to warm what is kept on purpose (the library's texts, the thread's
//! compiled code); then further runs must leave the heap as they found it.

use awaitlab_engine::{heap_in_use, run_virtual, CountingAllocator, RunConfig};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const PROGRAMS: &[(&str, &str)] = &[
    (
        "gather",
        "import asyncio\nasync def f(i):\n    await asyncio.sleep(0.01 * i)\n    return i\nasync def main():\n    print(sum(await asyncio.gather(*(f(i) for i in range(50)))))\nasyncio.run(main())\n",
    ),
    // sys.stdout's `write` is bound to sys.stdout: a module no import holds.
    ("sys", "import sys\nsys.stdout.write('x\\n')\n"),
    // `list[int]` imports types.py, which deletes a class it made (`del _C`).
    ("list[int]", "x: list[int] = [1]\nprint(list[int])\n"),
    ("a class made in a function", "def make():\n    class Local:\n        pass\n    return Local()\nprint(type(make()).__name__)\n"),
    ("enum", "import enum\nclass Color(enum.Enum):\n    RED = 1\nprint(Color.RED)\n"),
    (
        "dataclasses",
        "from dataclasses import dataclass, field\n@dataclass(order=True)\nclass P:\n    x: int\n    tags: list = field(default_factory=list)\nprint(sorted([P(2), P(1)]))\n",
    ),
    // A logger and its manager point at each other.
    ("logging", "import logging\nlogging.basicConfig(level=logging.INFO)\nlogging.getLogger('app').info('hello %s', 1)\n"),
    ("re", "import re\nprint(re.findall(r'(\\w+)@(\\w+)', 'a@b c@d'))\n"),
    (
        "a task's error",
        "import asyncio\nasync def boom():\n    raise ValueError('x')\nasync def main():\n    t = asyncio.create_task(boom())\n    await asyncio.sleep(0)\nasyncio.run(main())\n",
    ),
];

/// Bytes a run may seem to keep: a vector of the thread's that grew its capacity meanwhile.
const NOISE: i64 = 256;

#[test]
fn a_run_gives_back_what_it_took() {
    let config = RunConfig { filename: "main.py".into(), ..Default::default() };
    let mut kept = vec![];
    for (name, source) in PROGRAMS {
        for _ in 0..4 {
            drop(run_virtual(source, &config));
        }
        const RUNS: i64 = 8;
        let before = heap_in_use() as i64;
        for _ in 0..RUNS {
            drop(run_virtual(source, &config));
        }
        let per_run = (heap_in_use() as i64 - before) / RUNS;
        if per_run > NOISE {
            kept.push(format!("{name}: {per_run} bytes a run"));
        }
    }
    assert!(kept.is_empty(), "runs that keep memory:\n{}", kept.join("\n"));
}
