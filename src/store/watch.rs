//! One thread that stops queries: each at its deadline, and every running one when the process's
//! memory passes a bound. Before, each query with a timeout had a thread of its own that slept out
//! the whole timeout (12,707 threads under load, and a panic where threads ran out).

use oxigraph::sparql::CancellationToken;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How often the memory is read while a query runs: at the 1.3 GB/s a cross join under ORDER BY
/// grew, 50 ms is some 70 MB past the bound before the query stops.
const MEMORY_EVERY: Duration = Duration::from_millis(50);

/// Why a query was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// It ran past its time limit.
    Timeout(Duration),
    /// The process's memory passed the bound, in bytes.
    Memory(u64),
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::Timeout(t) => write!(
                f,
                "the query was stopped at its time limit (--timeout {}): its answer would be \
                 incomplete",
                t.as_secs_f64()
            ),
            Stop::Memory(m) => write!(
                f,
                "the query was stopped when the process's memory passed {} MB: its answer would \
                 be incomplete (ask for less: a LIMIT without ORDER BY, fewer variables, a join \
                 on shared variables)",
                m >> 20
            ),
        }
    }
}

impl std::error::Error for Stop {}

struct Running {
    token: CancellationToken,
    deadline: Option<(Instant, Duration)>,
    stop: Arc<AtomicU8>,
}

#[derive(Default)]
struct State {
    next_id: u64,
    running: BTreeMap<u64, Running>,
    /// The memory bound, in bytes (0: none).
    memory: u64,
}

struct Watch {
    state: Mutex<State>,
    wake: Condvar,
}

static WATCH: OnceLock<Arc<Watch>> = OnceLock::new();

fn watch() -> std::io::Result<&'static Arc<Watch>> {
    if let Some(w) = WATCH.get() {
        return Ok(w);
    }
    static STARTING: Mutex<()> = Mutex::new(());
    let _one = STARTING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(w) = WATCH.get() {
        return Ok(w);
    }
    let w = Arc::new(Watch {
        state: Mutex::new(State::default()),
        wake: Condvar::new(),
    });
    let looped = Arc::clone(&w);
    std::thread::Builder::new()
        .name("polgraph-watch".into())
        .spawn(move || looped.run())?;
    Ok(WATCH.get_or_init(|| w))
}

/// Stops every running query when the process's resident memory passes `bytes` (`None`: no
/// bound, the default).
pub fn set_memory_limit(bytes: Option<u64>) -> std::io::Result<()> {
    let w = watch()?;
    w.state.lock().unwrap_or_else(|e| e.into_inner()).memory = bytes.unwrap_or(0);
    w.wake.notify_all();
    Ok(())
}

/// Why a query's evaluation failed, if it was stopped (the error its results give then).
pub fn stop_of(e: &oxigraph::sparql::QueryEvaluationError) -> Option<Stop> {
    match e {
        oxigraph::sparql::QueryEvaluationError::Unexpected(b) => b.downcast_ref::<Stop>().copied(),
        _ => None,
    }
}

/// The resident memory of this process, in bytes (`/proc/self/status`, Linux); `None` elsewhere.
pub fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line
        .trim_start_matches("VmRSS:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb << 10)
}

/// A query under watch: its token, cancelled at its deadline or at the memory bound; it leaves
/// the watch when dropped.
pub struct Ticket {
    id: u64,
    token: CancellationToken,
    stop: Arc<AtomicU8>,
    timeout: Option<Duration>,
    memory: u64,
}

/// Puts a query under watch, with `timeout` (`None`: none).
pub fn register(timeout: Option<Duration>) -> std::io::Result<Ticket> {
    let w = watch()?;
    let token = CancellationToken::new();
    let stop = Arc::new(AtomicU8::new(0));
    let mut state = w.state.lock().unwrap_or_else(|e| e.into_inner());
    let id = state.next_id;
    state.next_id += 1;
    state.running.insert(
        id,
        Running {
            token: token.clone(),
            deadline: timeout.map(|t| (Instant::now() + t, t)),
            stop: Arc::clone(&stop),
        },
    );
    let memory = state.memory;
    drop(state);
    w.wake.notify_all();
    Ok(Ticket {
        id,
        token,
        stop,
        timeout,
        memory,
    })
}

impl Ticket {
    pub fn token(&self) -> &CancellationToken {
        &self.token
    }

    /// Why the query was stopped, if it was.
    pub fn stopped(&self) -> Option<Stop> {
        match self.stop.load(Ordering::Acquire) {
            1 => Some(Stop::Timeout(self.timeout.unwrap_or_default())),
            2 => Some(Stop::Memory(self.memory)),
            _ => None,
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Some(w) = WATCH.get() {
            w.state
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .running
                .remove(&self.id);
        }
    }
}

impl Watch {
    fn run(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = Instant::now();
            for r in state.running.values() {
                if r.deadline.is_some_and(|(d, _)| d <= now) && stop(r, 1) {
                    r.token.cancel();
                }
            }
            let memory = state.memory;
            if memory > 0 && !state.running.is_empty() && resident().is_some_and(|m| m > memory) {
                for r in state.running.values() {
                    if stop(r, 2) {
                        r.token.cancel();
                    }
                }
            }
            let next = state
                .running
                .values()
                .filter(|r| r.stop.load(Ordering::Acquire) == 0)
                .filter_map(|r| r.deadline.map(|(d, _)| d))
                .min();
            let wait = match (next, memory > 0 && !state.running.is_empty()) {
                (Some(d), true) => Some(d.saturating_duration_since(now).min(MEMORY_EVERY)),
                (Some(d), false) => Some(d.saturating_duration_since(now)),
                (None, true) => Some(MEMORY_EVERY),
                (None, false) => None,
            };
            state = match wait {
                Some(w) => {
                    self.wake
                        .wait_timeout(state, w)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
                None => self.wake.wait(state).unwrap_or_else(|e| e.into_inner()),
            };
        }
    }
}

/// Marks a query stopped for `why` unless it already was; whether it was marked now.
fn stop(r: &Running, why: u8) -> bool {
    r.stop
        .compare_exchange(0, why, Ordering::AcqRel, Ordering::Acquire)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_cancels_its_query_and_no_other() {
        let short = register(Some(Duration::from_millis(30))).unwrap();
        let long = register(Some(Duration::from_secs(60))).unwrap();
        let none = register(None).unwrap();
        let started = Instant::now();
        while !short.token().is_cancelled() && started.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(short.token().is_cancelled());
        assert_eq!(
            short.stopped(),
            Some(Stop::Timeout(Duration::from_millis(30)))
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(!long.token().is_cancelled() && long.stopped().is_none());
        assert!(!none.token().is_cancelled() && none.stopped().is_none());
    }

    #[test]
    fn the_resident_memory_is_read() {
        let m = resident().unwrap();
        // A test binary: more than a megabyte, less than the machine.
        assert!(m > 1 << 20 && m < 1 << 40, "{m}");
    }
}
