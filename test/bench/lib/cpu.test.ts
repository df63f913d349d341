import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chromeCpu, cpuBetween, descendants, processType, statCpuMs, statParent, type ProcCpu } from './cpu';

describe('processType', () => {
  it("reads Chromium's --type, else calls it the browser", () => {
    expect(processType('/usr/lib/chromium/chromium\0--type=gpu-process\0--no-sandbox\0')).toBe('gpu-process');
    expect(processType('/usr/lib/chromium/chromium\0--type=renderer\0--enable-unsafe-swiftshader\0')).toBe('renderer');
    expect(processType('/usr/lib/chromium/chromium\0--headless\0--no-sandbox\0')).toBe('browser');
    // A child's command line as Chromium rewrites it: words separated by spaces.
    expect(processType('/usr/lib/chromium/chromium --type=renderer --lang=en-US')).toBe('renderer');
  });
});

describe('statCpuMs', () => {
  it('adds user and system time, counting fields after the command (which may hold spaces and parentheses)', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const stat = '4242 (Chrome (GPU) x) S 1 4242 4242 0 -1 4194560 1000 0 5 0 137 23 0 0 20 0 12 0 500 0 0';
    expect(statCpuMs(stat)).toBe((137 + 23) * 10);
  });
  it('refuses a line that is not a stat line', () => {
    expect(() => statCpuMs('nonsense')).toThrow(/not a \/proc stat line/);
  });
});

describe('cpuBetween', () => {
  const at = (entries: [number, ProcCpu][]) => new Map(entries);
  it('sums by type what each process used in between', () => {
    const before = at([
      [1, { type: 'browser', ms: 1000 }],
      [2, { type: 'gpu-process', ms: 500 }],
      [3, { type: 'renderer', ms: 200 }],
    ]);
    const after = at([
      [1, { type: 'browser', ms: 1100 }],
      [2, { type: 'gpu-process', ms: 900 }],
      [3, { type: 'renderer', ms: 700 }],
      [4, { type: 'renderer', ms: 300 }], // a renderer started in between: all of it counts
    ]);
    expect(cpuBetween(before, after)).toEqual({ browser: 100, 'gpu-process': 400, renderer: 800, total: 1300 });
  });
  it('counts a reused pid of another type from zero, and never a negative time', () => {
    const before = at([
      [7, { type: 'utility', ms: 900 }],
      [8, { type: 'renderer', ms: 50 }],
    ]);
    const after = at([
      [7, { type: 'renderer', ms: 40 }],
      [8, { type: 'renderer', ms: 30 }],
    ]);
    expect(cpuBetween(before, after)).toEqual({ renderer: 40, total: 40 });
  });
});

describe('descendants', () => {
  it("finds a process's children and theirs, not its siblings or itself", () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 12],
      [20, 1], // another browser on the machine
      [21, 20],
    ]);
    expect([...descendants(parents, 10)].sort()).toEqual([11, 12, 13]);
  });
  it('reads the parent from a stat line', () => {
    expect(statParent('4242 (chromium) S 4100 4242 4242 0 -1')).toBe(4100);
  });
});

describe('chromeCpu', () => {
  it("reads this machine's processes started by this one (Linux), or null without /proc", async () => {
    const child = spawn(process.execPath, ['-e', 'const t = Date.now(); while (Date.now() - t < 300); setTimeout(() => {}, 5000)']);
    try {
      await new Promise((r) => setTimeout(r, 400));
      const r = chromeCpu(process.pid, /^node/);
      if (r === null) return expect(process.platform).not.toBe('linux');
      const found = r.get(child.pid!);
      expect(found?.type).toBe('browser');
      expect(found!.ms).toBeGreaterThan(0);
      expect(r.has(process.pid)).toBe(false); // not the caller itself
    } finally {
      child.kill();
    }
  });
});
