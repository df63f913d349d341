/**
 * Main-thread time per step from a Chromium trace. The page marks the start of each step with
 * `performance.mark('bench:N')` and the end of the last with `performance.mark('bench:end')`; every task
 * the page's main thread ran (the 'RunTask' slices of the 'toplevel' category: script, style, layout,
 * paint, the map's frames, its worker replies, garbage collection) is summed into the step whose window it
 * falls in, clipped at the marks. Waiting (for a frame, the worker or the GPU process) is not counted.
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];
export const MARK = 'bench:';

export function stepTimes(trace: Buffer | string): number[] {
  const json = JSON.parse(String(trace)) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(json) ? json : json.traceEvents;
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith(MARK) && e.ph !== 'e').sort((a, b) => a.ts - b.ts);
  if (marks.length < 2) throw new Error(`the trace has ${marks.length} step marks`);
  const { pid, tid } = marks[0]!;
  // Top-level tasks of the page's main thread, merged where they nest or touch.
  const tasks = events
    .filter(
      (e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur !== undefined && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .map((e) => [e.ts, e.ts + e.dur!] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const t of tasks) {
    const last = merged.at(-1);
    if (last && t[0] <= last[1]) last[1] = Math.max(last[1], t[1]);
    else merged.push([t[0], t[1]]);
  }
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i + 1 < marks.length; i++) {
    const a = marks[i]!.ts,
      b = marks[i + 1]!.ts;
    while (k < merged.length && merged[k]![1] <= a) k++;
    let busy = 0;
    for (let j = k; j < merged.length && merged[j]![0] < b; j++) busy += Math.min(b, merged[j]![1]) - Math.max(a, merged[j]![0]);
    out.push(busy / 1000);
  }
  return out;
}
