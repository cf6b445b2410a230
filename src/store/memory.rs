//! The allocator's give-back of freed memory, held off while polgraph works through a corpus.

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`): how long memory freed waits before it
/// goes back to the system (10 ms), or -1 for never.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The guards alive, and the purge delay before the first one.
static HELD: std::sync::Mutex<(usize, std::ffi::c_long)> = std::sync::Mutex::new((0, 0));

/// While a guard is alive, memory freed stays with mimalloc (the binary's allocator) for the
/// next allocation instead of going back to the system 10 ms later, to be mapped and zeroed by
/// the kernel again (two megabytes at a time, in transparent huge pages) when the next chunk of
/// articles or the loader's next batch needs it. Held by an ingest, `extract` and an open bulk
/// load: 20,000 articles, bulk load alone, 34-35 s instead of 39-42 s, 3-4 s of system time
/// instead of 5-16 s; extraction alone, 12,000 articles, 707 page faults instead of 30,930 and
/// 5-7% faster.
///
/// The peak is the same (what is kept is what was in use a moment before), but what was freed
/// while a guard was alive stays with the process until it is allocated again, even after the
/// delay is set back when the last guard goes (a forced `mi_collect` did not give it back
/// either): nothing for a command that ends after its work, which is why `polgraph bench` runs
/// each phase in a process of its own.
pub struct KeepFreed;

impl KeepFreed {
    #[allow(clippy::new_without_default)]
    pub fn new() -> KeepFreed {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if held.0 == 0 {
            // SAFETY: reads and sets one of the allocator's options, read at each purge.
            unsafe {
                held.1 = libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY);
                libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
            }
        }
        held.0 += 1;
        KeepFreed
    }
}

impl Drop for KeepFreed {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        held.0 -= 1;
        if held.0 == 0 {
            // SAFETY: sets the option back to what it was.
            unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, held.1) }
        }
    }
}

/// Gives the memory freed by this thread back to the system now (mimalloc's `mi_collect`):
/// a thread that answered a large query and then waits for the next keeps what it freed
/// otherwise, and the server's memory stayed at its peak (then every query was stopped at the
/// memory bound).
pub fn give_back() {
    // SAFETY: asks the allocator to free its unused pages; no pointer is handed over.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
