/** Reading inputs and writing reports: whole or not at all. */
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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

/**
 * The one way the CLI writes a file (reports, --fix, import): whole or not at all. A temporary
 * file in the same folder is written and flushed (fsync), then renamed over the target. An
 * existing file keeps its mode (and owner, when allowed), and a symbolic link is followed (the
 * file it points to is replaced, the link stays).
 */
export function replaceAtomically(file: string, content: string | Uint8Array): void {
  let target = path.resolve(file);
  let existing: { mode: number; uid: number; gid: number } | undefined;
  try {
    target = realpathSync(file);
    const st = statSync(target);
    existing = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', existing?.mode ?? 0o666);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (existing) {
      chmodSync(tmp, existing.mode); // the mode given to openSync is filtered by the umask
      try {
        chownSync(tmp, existing.uid, existing.gid);
      } catch {
        // Only root may give a file away; others keep their own files anyway.
      }
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes a report (--output, relative to `cwd`) atomically; a failure is a usage error naming the file as given. */
export function writeAtomically(file: string, content: string | Uint8Array, cwd = process.cwd()): void {
  try {
    replaceAtomically(path.resolve(cwd, file), content);
  } catch (e) {
    throw new UsageError(`Cannot write the report to "${file}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}.`);
  }
}
