//! Per-thread spare buffers for a parse's two large vectors: the arena's
//! nodes and the index's entries.
//!
//! Each is one contiguous buffer of 64 (arena) or 56 (index) bytes a
//! node, a megabyte or more on a dense page. Freed after every parse,
//! glibc hands such buffers back to the system once they exceed its trim
//! threshold, and the next parse faults every page in again: on a 1 MB
//! page of short paragraphs, about 800 page faults a parse, nearly a fifth
//! of its time. A thread keeps one
//! emptied buffer of each kind instead, up to [`MAX_KEPT_BYTES`], so a
//! crawler's next parse on that thread reuses it.

use std::cell::RefCell;
use std::thread::LocalKey;

/// The largest buffer a thread keeps, in bytes: enough for the arena or
/// the index of a dense 2.5 MB page. Larger ones are freed as before, so a
/// thread holds at most twice this between parses.
pub(crate) const MAX_KEPT_BYTES: usize = 4 << 20;

/// A thread's spare buffer of one kind (not to be confused with
/// [`crate::sink::Slot`], a node's place in the arena).
pub(crate) type Spare<T> = LocalKey<RefCell<Vec<T>>>;

/// The thread's spare vector of this kind, empty, with room for at least
/// `capacity` items (a new one when there is none to hand).
pub(crate) fn take<T>(spare: &'static Spare<T>, capacity: usize) -> Vec<T> {
    let mut items = spare
        .try_with(|cell| {
            cell.try_borrow_mut()
                .map(|mut kept| std::mem::take(&mut *kept))
        })
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    items.clear();
    items.reserve_exact(capacity);
    items
}

/// Empties `items` (dropping what they hold) and keeps the buffer for the
/// thread's next [`take`], unless it is larger than [`MAX_KEPT_BYTES`] or
/// smaller than the one already kept.
pub(crate) fn keep<T>(spare: &'static Spare<T>, mut items: Vec<T>) {
    if items.capacity().saturating_mul(size_of::<T>()) > MAX_KEPT_BYTES {
        return;
    }
    items.clear();
    // (During the thread's teardown the spare is gone: the buffer is freed.)
    let _ = spare.try_with(|cell| {
        if let Ok(mut kept) = cell.try_borrow_mut()
            && kept.capacity() < items.capacity()
        {
            *kept = items;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static NUMBERS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    }

    #[test]
    fn a_kept_buffer_is_taken_again_empty() {
        let mut numbers = take(&NUMBERS, 100);
        assert!(numbers.capacity() >= 100);
        numbers.extend(0..50);
        let buffer = numbers.as_ptr();
        keep(&NUMBERS, numbers);
        let again = take(&NUMBERS, 80);
        assert!(again.is_empty());
        assert_eq!(again.as_ptr(), buffer, "the same allocation");
        // Taken: the next one is new.
        assert_eq!(take(&NUMBERS, 0).capacity(), 0);
    }

    #[test]
    fn a_buffer_over_the_limit_is_freed() {
        let big = take(&NUMBERS, MAX_KEPT_BYTES / size_of::<u64>() + 1);
        keep(&NUMBERS, big);
        assert_eq!(take(&NUMBERS, 0).capacity(), 0);
        let small = take(&NUMBERS, 10);
        let bigger = take(&NUMBERS, 1000);
        keep(&NUMBERS, bigger);
        keep(&NUMBERS, small);
        assert!(take(&NUMBERS, 0).capacity() >= 1000, "the larger one stays");
    }
}
