/** The index of the first item of `list` (sorted by `start`) that starts at or after `at`. */
export function firstStartingAt<T>(list: readonly T[], at: number, start: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start(list[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
