/** The export command line (scripts/export.ts) on the test build, as the browser tests of the exports run it. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { DIST } from './app';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run export -- --dist <test build> ...args` (or another build, `dist`): its exit code and output. */
export function exportCli(args: string[], dist = DIST): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/export.ts', '--dist', resolve(dist), ...args],
      { timeout: 180_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        done({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}
