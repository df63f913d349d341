/**
 * CPU time spent by the browser's processes during a measurement, by process type (browser, GPU, renderer …),
 * from Linux's /proc: what a load costs in work, where wall time only says how long it took. On two cores the
 * two differ little once both are busy, and the split says which process does the extra work (README,
 * Performance). Elsewhere than Linux, `chromeCpu()` returns null and the bench leaves the figure out.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One process: its type (Chromium's --type=, or 'browser') and its CPU time so far, ms (user + system). */
export interface ProcCpu {
  type: string;
  ms: number;
}

/** CPU ms by process type, and their total. */
export type CpuByType = Record<string, number> & { total: number };

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux the bench runs on). */
const USER_HZ = 100;

/** A process's type from its command line (NUL-separated, as /proc gives it). */
export function processType(cmdline: string): string {
  const t = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  return t ?? 'browser';
}

/** User + system CPU ms from a /proc/<pid>/stat line (fields 14 and 15, counted after the command's closing parenthesis). */
export function statCpuMs(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]);
  if (!Number.isFinite(ticks)) throw new Error(`not a /proc stat line: ${stat.slice(0, 60)}`);
  return (ticks * 1000) / USER_HZ;
}

/** The parent pid from a /proc/<pid>/stat line (field 4). */
export function statParent(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The pids that descend from `root` (its children, theirs …), given each process's parent. */
export function descendants(parents: ReadonlyMap<number, number>, root: number): Set<number> {
  const out = new Set<number>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (!out.has(pid) && out.has(ppid)) {
        out.add(pid);
        grew = true;
      }
  }
  out.delete(root);
  return out;
}

/**
 * The CPU each Chromium process started by this one (the bench's browser, whatever else runs on the machine)
 * has used so far, by pid; null where there is no /proc.
 */
export function chromeCpu(root = process.pid, match = /^(chromium|chrome|headless_shell)$/): Map<number, ProcCpu> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const stats = new Map<number, string>();
  const parents = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      stats.set(Number(pid), stat);
      parents.set(Number(pid), statParent(stat));
    } catch {
      // the process ended while being read
    }
  }
  const out = new Map<number, ProcCpu>();
  for (const pid of descendants(parents, root)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      // Chromium rewrites its children's command lines with spaces instead of NULs: the executable is the first word.
      const exe = (cmd.split(/[\0 ]/)[0] ?? '').split('/').pop() ?? '';
      if (!match.test(exe)) continue;
      out.set(pid, { type: processType(cmd), ms: statCpuMs(stats.get(pid)!) });
    } catch {
      // the process ended while being read
    }
  }
  return out;
}

/**
 * The CPU used between two readings, by process type. A process that started in between counts from zero;
 * one that ended in between is lost (the bench closes a page's context only after the second reading).
 */
export function cpuBetween(before: ReadonlyMap<number, ProcCpu>, after: ReadonlyMap<number, ProcCpu>): CpuByType {
  const by: Record<string, number> = {};
  let total = 0;
  for (const [pid, a] of after) {
    const b = before.get(pid);
    const used = Math.max(0, a.ms - (b && b.type === a.type ? b.ms : 0));
    by[a.type] = (by[a.type] ?? 0) + used;
    total += used;
  }
  return { ...by, total };
}
