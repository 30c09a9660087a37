//! The engine's memory cap. A program that grows without end must end as CPython's does when
//! memory runs out, with a `MemoryError` and its traceback, not with the host process (or the
//! page's worker) dying. Hosts that want the cap install `CountingAllocator` as the global
//! allocator (the worker and the CLI do); the VM then refuses to grow past `RunConfig`'s limit:
//! before each large allocation it makes, and at the checks of long loops.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes allocated and not yet freed, as the counting allocator sees them (0 without it).
static IN_USE: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting what is in use.
pub struct CountingAllocator;

// SAFETY: every call is forwarded to `System` with the same arguments; the counter only adds
// and subtracts the sizes of what `System` handed out and took back.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

/// Bytes in use now (0 when the counting allocator is not installed).
pub fn in_use() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

impl super::Vm {
    /// MemoryError if `extra` more bytes would take the program past its memory limit.
    pub fn check_room(&mut self, extra: usize) -> super::PyResult<()> {
        if in_use().saturating_add(extra) > self.memory_limit {
            // CPython's MemoryError says nothing more.
            let class = self.types.exc("MemoryError");
            return Err(self.new_exception(&class, None));
        }
        Ok(())
    }
}
