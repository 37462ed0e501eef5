import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../server/src/cli/main';
import type { TextEdit } from '../server/src/core/findings';

/** The repository root (tests run from out/test). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export function readRepoFile(rel: string): string {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}

export function listFiles(relDir: string, re: RegExp): string[] {
  return readdirSync(path.join(ROOT, relDir))
    .filter((f) => re.test(f))
    .sort()
    .map((f) => path.join(relDir, f));
}

export const VALID_SAMPLES = (): string[] => listFiles('samples', /\.cloe\.ya?ml$/);
export const INVALID_SAMPLES = (): string[] => listFiles('samples/invalid', /\.cloe\.ya?ml$/);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI as a separate process. */
export function runCli(args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * Runs the CLI in this process (`run()` of cli/main.ts) with runCli's arguments, environment and
 * result: no process to start, so most CLI tests use it; a few keep runCli to prove the wiring of
 * the executable (exit code, real stdin, TTY detection, the bundle's version, worker threads).
 * An internal error is not turned into exit 2 here: it fails the test with its stack.
 */
export async function runInProcess(args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: opts.cwd ?? ROOT,
    env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '', ...opts.env },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    stdin: () => opts.input ?? '',
  });
  return { code, stdout, stderr };
}

/** Applies edits (offsets in the original text) from last to first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
