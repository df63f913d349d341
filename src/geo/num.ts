/** Small numeric helpers: one copy each. Pure. */

/** x limited to [lo, hi]. */
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * The index of the last item whose key is ≤ x in items sorted by key (-1 when every key is greater):
 * a binary search.
 */
export function lastAtOrBefore<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0,
    hi = items.length - 1,
    ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
