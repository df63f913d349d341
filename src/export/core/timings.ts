/** Milliseconds per step of an export, for its meta (`timings`): `lap('fonts')` records the time since the last lap. */
export interface Stopwatch {
  readonly timings: Record<string, number>;
  lap(name: string): void;
}

/** A stopwatch on the given clock (`() => performance.now()` in the browser; a fake one in tests). */
export function stopwatch(now: () => number): Stopwatch {
  const timings: Record<string, number> = {};
  let t0 = now();
  return {
    timings,
    lap(name: string) {
      const t = now();
      timings[name] = Math.round(t - t0);
      t0 = t;
    },
  };
}
