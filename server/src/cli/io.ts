/** Reading inputs and writing reports: whole or not at all. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTextFile } from '../node/read-text';
import { UsageError, type Target } from './files';

export function readTarget(t: Target, stdin: () => string): string {
  if (!t.abs) return stdin();
  try {
    // (Its byte order mark says the encoding and is no character of line 1: read-text.ts.)
    return readTextFile(t.abs).text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new UsageError(`Cannot read "${t.display}": ${why}.`);
  }
}

export function readStdin(): string {
  try {
    return readTextFile(0).text;
  } catch (e) {
    throw new UsageError(`Cannot read standard input: ${(e as Error).message}.`);
  }
}

/** Writes a file atomically: a temporary file beside it, then a rename. */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content, 'utf8');
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`Cannot write the report to "${file}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}.`);
  }
}
