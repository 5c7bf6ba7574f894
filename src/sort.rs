//! One sort for the whole page. `slice::sort_by` is generic over its comparator, so every
//! call site with a closure of its own compiles the standard sort again, several kilobytes
//! of wasm each. Sorting through a `dyn` comparator compiles it once per element type.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`. The sort is unstable: `cmp` must break every tie (by an index,
/// say), or equal items may come out in any order.
pub fn sort_by<T>(items: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    items.sort_unstable_by(cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_comparator_given() {
        let counts = [3u32, 9, 3, 1];
        let mut ixs: Vec<usize> = (0..counts.len()).collect();
        sort_by(&mut ixs, &|&a, &b| {
            counts[b].cmp(&counts[a]).then(a.cmp(&b))
        });
        assert_eq!(ixs, [1, 0, 2, 3]);
    }
}
