/** Dependencies: versions are locked, and the production ones have no high or critical advisory. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));

describe('dependencies', () => {
  it('are pinned to exact versions and match the lockfile', () => {
    for (const field of ['dependencies', 'devDependencies'] as const) {
      for (const [name, range] of Object.entries(pkg[field] as Record<string, string>)) {
        expect(range, `${field}.${name}`).toMatch(/^\d+\.\d+\.\d+$/);
        expect(lock.packages[`node_modules/${name}`]?.version, `${name} in package-lock.json`).toBe(range);
      }
    }
  });

  it('have no high or critical advisory in production (npm audit --omit=dev)', (ctx) => {
    const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 60_000 });
    let report: { metadata?: { vulnerabilities?: Record<string, number> }; statusCode?: number; message?: string; error?: unknown };
    try {
      report = JSON.parse(r.stdout);
    } catch {
      report = {};
    }
    const v = report.metadata?.vulnerabilities;
    if (!v) {
      // The advisory service is part of the registry; where it cannot be reached (this workplace answers
      // 405), the check cannot be made here and says so rather than passing silently.
      ctx.skip(`npm audit could not reach the advisory service: ${report.message ?? r.stderr.split('\n')[0] ?? 'no answer'}`);
      return;
    }
    expect({ high: v.high ?? 0, critical: v.critical ?? 0 }).toEqual({ high: 0, critical: 0 });
  }, 90_000);
});
