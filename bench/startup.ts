/**
 * The start of `cloe-grid check` (issue 16): a pre-commit hook runs the CLI on every commit, so
 * checking one small file should take at most 1.5× the time of `node -e 0` (the floor: Node's own
 * start). Both are run alternately, so that other processes on the machine weigh on both alike.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export const STARTUP_GOAL = 1.5;

export interface StartupRun<S> {
  /** The file checked (relative to the working directory). */
  file: string;
  nodeAlone: S;
  check: S;
  /** check / node -e 0, of the medians and of the fastest runs. */
  ratio: { median: number; min: number };
  exitCode: number | null;
  load: [number, number];
  error?: string;
}

function once(args: string[], cwd: string): { ms: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { ms: performance.now() - t0, code: r.status };
}

export function benchStartup<S extends { median: number; min: number }>(cli: string, file: string, cwd: string, warmup: number, runs: number, stats: (runs: number[]) => S): StartupRun<S> {
  const node: number[] = [];
  const check: number[] = [];
  const load: [number, number] = [os.loadavg()[0]!, NaN];
  let exitCode: number | null = null;
  let error: string | undefined;
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const a = once(['-e', '0'], cwd);
      const b = once([cli, 'check', file], cwd);
      exitCode = b.code;
      if (b.code !== 0) throw new Error(`cloe-grid check ${file} exited with ${String(b.code)}`);
      if (i >= warmup) {
        node.push(a.ms);
        check.push(b.ms);
      }
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  load[1] = os.loadavg()[0]!;
  const n = stats(node);
  const c = stats(check);
  return { file, nodeAlone: n, check: c, ratio: { median: c.median / n.median, min: c.min / n.min }, exitCode, load, ...(error ? { error } : {}) };
}
