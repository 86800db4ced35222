//! Test support shared by the unit tests: random mixes of markup or text
//! pieces from a fixed xorshift seed, so that a failure repeats.

/// Endless strings of `min` to `min + spread - 1` pieces drawn from
/// `pieces` by an xorshift generator started at `seed` (non-zero).
pub(crate) fn mixes<'a>(
    seed: u64,
    pieces: &'a [&'a str],
    min: usize,
    spread: usize,
) -> impl Iterator<Item = String> + 'a {
    let mut state = seed;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % below as u64).unwrap_or(0)
    };
    std::iter::repeat_with(move || {
        let len = min + next(spread);
        (0..len).map(|_| pieces[next(pieces.len())]).collect()
    })
}
