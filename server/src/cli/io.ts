/** Reading inputs and writing reports: whole or not at all. */
import { accessSync, chmodSync, constants, chownSync, closeSync, fsyncSync, mkdtempSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Spool } from './formats/stream';
import { readTextFile } from '../node/read-text';
import { UsageError, type Target } from './files';

export function readTarget(t: Target, stdin: () => string): string {
  if (!t.abs) return stdin();
  try {
    // (Its byte order mark says the encoding and is no character of line 1: read-text.ts.)
    return readTextFile(t.abs).text;
  } catch (e) {
    throw cannotRead(t, e);
  }
}

/**
 * Throws the error readTarget would for a file that cannot be read, before any is read: a report
 * written as files are checked (issue 18) then never stops in the middle for an unreadable file.
 */
export function assertReadable(t: Target): void {
  if (!t.abs) return;
  try {
    accessSync(t.abs, constants.R_OK);
  } catch (e) {
    throw cannotRead(t, e);
  }
}

function cannotRead(t: Target, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
  return new UsageError(`Cannot read "${t.display}": ${why}.`);
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
 * file in the same folder is written (in one piece, or streamed: AtomicFile) and flushed (fsync),
 * then renamed over the target. An existing file keeps its mode (and owner, when allowed), and a
 * symbolic link is followed (the file it points to is replaced, the link stays).
 */
export function replaceAtomically(file: string, content: string | Uint8Array): void {
  const f = new AtomicFile(file);
  try {
    f.write(content);
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

/** A file written piece by piece, that replaces its target only when committed (replaceAtomically). */
export class AtomicFile {
  private readonly target: string;
  private readonly tmp: string;
  private readonly existing: { mode: number; uid: number; gid: number } | undefined;
  private fd: number | undefined;

  constructor(file: string) {
    let target = path.resolve(file);
    try {
      target = realpathSync(file);
      const st = statSync(target);
      this.existing = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    this.target = target;
    this.tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    this.fd = openSync(this.tmp, 'wx', this.existing?.mode ?? 0o666);
  }

  write(content: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.target}: written after commit or abort`);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
  }

  commit(): void {
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.target}: committed twice`);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
      this.fd = undefined;
    }
    if (this.existing) {
      chmodSync(this.tmp, this.existing.mode); // the mode given to openSync is filtered by the umask
      try {
        chownSync(this.tmp, this.existing.uid, this.existing.gid);
      } catch {
        // Only root may give a file away; others keep their own files anyway.
      }
    }
    renameSync(this.tmp, this.target);
  }

  /** Leaves the target as it was (removes the temporary file). */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
  }
}

/** A spool in a temporary file (a JUnit report's body while its totals are counted): bounded memory. */
export function fileSpool(): Spool & { dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cloe-grid-'));
  const file = path.join(dir, 'spool');
  let fd: number | undefined = openSync(file, 'w+');
  const dispose = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(dir, { recursive: true, force: true });
  };
  let size = 0;
  return {
    append(s) {
      const bytes = Buffer.from(s, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd!, bytes, at, bytes.length - at, size + at);
      size += bytes.length;
    },
    drain(out) {
      const decoder = new StringDecoder('utf8');
      const chunk = Buffer.alloc(1 << 16);
      for (let pos = 0; pos < size; ) {
        const n = readSync(fd!, chunk, 0, chunk.length, pos);
        if (n === 0) break;
        pos += n;
        const s = decoder.write(chunk.subarray(0, n));
        if (s) out(s);
      }
      const rest = decoder.end();
      if (rest) out(rest);
      dispose();
    },
    dispose,
  };
}

/** Writes a report (--output, relative to `cwd`) atomically; a failure is a usage error naming the file as given. */
export function writeAtomically(file: string, content: string | Uint8Array, cwd = process.cwd()): void {
  try {
    replaceAtomically(path.resolve(cwd, file), content);
  } catch (e) {
    throw new UsageError(`Cannot write the report to "${file}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}.`);
  }
}
