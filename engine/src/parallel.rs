//! Documents on every core, results in input order, with a bounded amount in flight
//! (native only: the CLI, the Python package and the benchmarks; std threads, no crate).
//!
//! The calling thread reads inputs, worker threads annotate them, one writer thread hands
//! results to the sink in input order. A budget caps how many inputs (and how many of
//! their bytes) are between "read" and "written", so a corpus of any size streams through
//! in bounded memory: a slow document holds the writer up, and the reader waits for it.
//! One [`crate::Engine`] serves all the threads.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};

/// How much work may be in flight at once.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub threads: usize,
    /// Inputs read but not yet written.
    pub max_items: usize,
    /// Their weight (input bytes); one input heavier than this still runs, alone.
    pub max_weight: usize,
}

impl Limits {
    /// A few inputs per thread keep every thread busy while the writer waits on a slow one;
    /// 32 MB of input text in flight is some 200 MB with the documents made from it.
    pub fn for_threads(threads: usize) -> Limits {
        let threads = threads.max(1);
        Limits { threads, max_items: (threads * 4).max(8), max_weight: 32 << 20 }
    }
}

/// Runs `work` on every input on `limits.threads` threads and gives the results to `sink`
/// in input order. Inputs come with a weight (their size in bytes). `sink` returning
/// [`ControlFlow::Break`] ends the run: no more inputs are read, and results after that
/// one are dropped.
pub fn for_each_ordered<T, R>(
    inputs: impl Iterator<Item = (T, usize)>,
    limits: Limits,
    work: impl Fn(T) -> R + Sync,
    sink: impl FnMut(R) -> ControlFlow<()> + Send,
) where
    T: Send,
    R: Send,
{
    let budget = Budget::new(limits);
    let (job_tx, job_rx) = mpsc::channel::<(usize, usize, T)>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..limits.threads.max(1) {
            let (job_rx, done_tx, work, budget) = (&job_rx, done_tx.clone(), &work, &budget);
            scope.spawn(move || {
                let _closes = CloseOnPanic(budget);
                loop {
                    // The lock is held only while waiting for a job, not while working on it.
                    let job = job_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok((index, weight, input)) = job else { break };
                    if budget.is_closed() || done_tx.send((index, weight, work(input))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let budget = &budget;
        scope.spawn(move || {
            let _closes = CloseOnPanic(budget);
            write_in_order(done_rx, budget, sink);
        });
        for (index, (input, weight)) in inputs.enumerate() {
            if !budget.acquire(weight) || job_tx.send((index, weight, input)).is_err() {
                break;
            }
        }
        drop(job_tx);
    });
}

/// Hands results to `sink` in index order, holding early ones until their turn.
fn write_in_order<R>(
    done: mpsc::Receiver<(usize, usize, R)>,
    budget: &Budget,
    mut sink: impl FnMut(R) -> ControlFlow<()>,
) {
    let mut early = BTreeMap::new();
    let mut next = 0;
    for (index, weight, result) in done {
        early.insert(index, (weight, result));
        while let Some((weight, result)) = early.remove(&next) {
            next += 1;
            let flow = sink(result);
            budget.release(weight);
            if flow.is_break() {
                budget.close();
                return;
            }
        }
    }
}

/// Counts inputs and bytes in flight; the reader waits in [`Budget::acquire`] while full.
struct Budget {
    limits: Limits,
    state: Mutex<InFlight>,
    changed: Condvar,
}

#[derive(Default)]
struct InFlight {
    items: usize,
    weight: usize,
    closed: bool,
}

impl Budget {
    fn new(limits: Limits) -> Budget {
        Budget { limits, state: Mutex::new(InFlight::default()), changed: Condvar::new() }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, InFlight> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until an input of `weight` fits; false once the run is closed.
    fn acquire(&self, weight: usize) -> bool {
        let mut state = self.lock();
        loop {
            if state.closed {
                return false;
            }
            let fits = state.items == 0
                || (state.items < self.limits.max_items.max(1) && state.weight + weight <= self.limits.max_weight);
            if fits {
                state.items += 1;
                state.weight += weight;
                return true;
            }
            state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn release(&self, weight: usize) {
        let mut state = self.lock();
        state.items -= 1;
        state.weight -= weight;
        self.changed.notify_all();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }

    fn is_closed(&self) -> bool {
        self.lock().closed
    }
}

/// A thread that panics closes the budget, so the reader does not wait forever for a
/// result that will never come; the scope then passes the panic on.
struct CloseOnPanic<'a>(&'a Budget);

impl Drop for CloseOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.close();
        }
    }
}

/// `work` on every input on `threads` threads (at least one), the results in input order.
pub fn map_ordered<T: Send, R: Send>(inputs: Vec<T>, threads: usize, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let mut out = Vec::with_capacity(inputs.len());
    let limits =
        Limits { threads: threads.max(1).min(inputs.len().max(1)), max_items: usize::MAX, max_weight: usize::MAX };
    for_each_ordered(inputs.into_iter().map(|input| (input, 0)), limits, work, |result| {
        out.push(result);
        ControlFlow::Continue(())
    });
    out
}

/// Every core the process may use (one when that cannot be told).
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn limits(threads: usize, max_items: usize, max_weight: usize) -> Limits {
        Limits { threads, max_items, max_weight }
    }

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        let mut out = Vec::new();
        for_each_ordered(
            (0..200u64).map(|i| (i, 1)),
            limits(4, 16, 1 << 20),
            |i| {
                // Early inputs take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 10
            },
            |r| {
                out.push(r);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(out, (0..200).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_than_the_budget_is_ever_in_flight() {
        let read = Arc::new(AtomicUsize::new(0));
        let written = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let counter = read.clone();
        let inputs = (0..300usize).map(move |i| {
            counter.fetch_add(1, Ordering::SeqCst);
            (i, 10)
        });
        for_each_ordered(
            inputs,
            limits(3, 100, 50), // the weight allows 5 inputs of 10, fewer than the item cap
            |i| i,
            |_| {
                let in_flight = read.load(Ordering::SeqCst) - written.fetch_add(1, Ordering::SeqCst);
                most.fetch_max(in_flight, Ordering::SeqCst);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(written.load(Ordering::SeqCst), 300);
        // Read but unwritten: at most the 5 admitted plus the one the reader holds while waiting.
        assert!(most.load(Ordering::SeqCst) <= 6, "{} in flight", most.load(Ordering::SeqCst));
    }

    #[test]
    fn an_input_heavier_than_the_budget_still_runs_alone() {
        let mut out = Vec::new();
        for_each_ordered(
            [(1, 10), (2, 1000), (3, 10)].into_iter(),
            limits(2, 8, 100),
            |i| i,
            |r| {
                out.push(r);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(out, [1, 2, 3]);
    }

    #[test]
    fn a_break_stops_reading_and_keeps_everything_before_it() {
        let read = Arc::new(AtomicUsize::new(0));
        let counter = read.clone();
        let inputs = (0..1_000_000usize).map(move |i| {
            counter.fetch_add(1, Ordering::SeqCst);
            (i, 1)
        });
        let mut out = Vec::new();
        for_each_ordered(
            inputs,
            limits(2, 8, 1 << 20),
            |i| i,
            |r| {
                out.push(r);
                if r == 41 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(out, (0..=41).collect::<Vec<_>>());
        assert!(read.load(Ordering::SeqCst) < 100, "read {} inputs after the stop", read.load(Ordering::SeqCst));
    }

    #[test]
    fn map_ordered_keeps_order_on_any_number_of_threads() {
        for threads in [1, 2, 7, 100] {
            assert_eq!(
                map_ordered((0..50).collect(), threads, |i: u32| i * i),
                (0..50).map(|i| i * i).collect::<Vec<_>>()
            );
        }
        assert!(map_ordered(Vec::<u8>::new(), 4, |i| i).is_empty());
    }

    #[test]
    fn one_thread_and_no_inputs_are_fine() {
        let mut out = Vec::new();
        for_each_ordered(
            std::iter::empty::<(u8, usize)>(),
            limits(1, 1, 1),
            |i| i,
            |r| {
                out.push(r);
                ControlFlow::Continue(())
            },
        );
        assert!(out.is_empty());
        for_each_ordered(
            [(7u8, 0)].into_iter(),
            limits(1, 1, 1),
            |i| i + 1,
            |r| {
                out.push(r);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(out, [8]);
    }
}
