/** Which files a command line names: files, folders (recursing for grid files), globs and `-`. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Tinyglobby from 'tinyglobby';

export const GRID_FILE_RE = /\.cloe\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export class UsageError extends Error {}

export interface Target {
  /** The path as shown in reports (relative to the working directory when inside it). */
  display: string;
  /** Absolute path, or undefined for stdin. */
  abs?: string;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

export function walk(dir: string, out: string[], isGrid: (abs: string) => boolean): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(p, out, isGrid);
    } else if (e.isFile() && isGrid(p)) {
      out.push(p);
    }
  }
}

/**
 * Expands the paths of a command line. Throws UsageError (exit code 2) for a path that does not
 * exist, a folder with no grid file or a glob that matches none.
 */
export function expandTargets(
  args: readonly string[],
  cwd: string,
  stdinName: string | undefined,
  isGrid: (abs: string) => boolean = (abs) => GRID_FILE_RE.test(abs),
): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ abs, display: displayPath(abs, cwd) });
  };
  for (const arg of args) {
    if (arg === '-') {
      // Standard input can be read once: naming it twice checks it once.
      if (!seen.has('-')) out.push({ display: stdinName ?? '<stdin>' });
      seen.add('-');
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(abs);
    } catch (e) {
      // Loaded only for a path that is no file: a glob (start time, issue 16).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { globSync, isDynamicPattern } = require('tinyglobby') as typeof Tinyglobby;
      if (isDynamicPattern(arg)) {
        const matches = globSync(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })
          .filter((m) => isGrid(path.resolve(m)))
          .sort();
        if (matches.length === 0) throw new UsageError(`No grid file (*.cloe.yaml, *.cloe.yml) matches the pattern "${arg}".`);
        matches.forEach((m) => add(path.resolve(m)));
        continue;
      }
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `Cannot read "${arg}": no such file or folder.` : `Cannot read "${arg}": ${(e as Error).message}.`);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      try {
        walk(abs, found, isGrid);
      } catch (e) {
        throw new UsageError(`Cannot read the folder "${arg}": ${(e as Error).message}.`);
      }
      if (found.length === 0) throw new UsageError(`The folder "${arg}" contains no grid file (*.cloe.yaml, *.cloe.yml).`);
      found.forEach(add);
    } else {
      add(abs);
    }
  }
  return out;
}
