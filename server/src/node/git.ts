/**
 * Reading a repository's past with git, in a few processes whatever the number of files:
 * `git ls-tree` lists a commit's files, `git cat-file --batch` reads any number of them at once,
 * `git diff --name-status -M` says which files the working tree changed (and which it renamed).
 */
import { spawnSync } from 'node:child_process';

export class GitError extends Error {
  constructor(
    message: string,
    /** 'no-git': git cannot be started; 'failed': git exited with an error. */
    readonly kind: 'no-git' | 'failed',
  ) {
    super(message);
  }
}

const MAX_BUFFER = 2 ** 31 - 1;

function git(cwd: string, args: readonly string[], input?: Buffer | string): Buffer {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (r.error) throw new GitError((r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : r.error.message, 'no-git');
  if (r.status !== 0) throw new GitError(r.stderr.toString('utf8').trim().split('\n')[0] || `git ${args[0] ?? ''} exited with ${String(r.status)}`, 'failed');
  return r.stdout;
}

/** The root of the working tree that holds `cwd`, or undefined when `cwd` is in no repository. */
export function repositoryRoot(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim() || undefined;
  } catch (e) {
    if (e instanceof GitError && e.kind === 'failed') return undefined;
    throw e;
  }
}

/** The commit a ref names, or undefined when it names none. */
export function resolveCommit(root: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim() || undefined;
  } catch (e) {
    if (e instanceof GitError && e.kind === 'failed') return undefined;
    throw e;
  }
}

/** The files of a commit: path (relative to the root, with /) → blob id. Symbolic links and submodules are left out. */
export function listTree(root: string, commit: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of git(root, ['ls-tree', '-r', '-z', '--full-tree', commit]).toString('utf8').split('\0')) {
    // "<mode> <type> <object>\t<path>"
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && mode !== '120000' && oid) out.set(entry.slice(tab + 1), oid);
  }
  return out;
}

export interface WorkingTreeChanges {
  /** Paths (relative to the root) whose content differs from the commit: modified, added, deleted, type-changed. */
  changed: Set<string>;
  /** New path → old path, for the renames (and copies) git sees. */
  renamedFrom: Map<string, string>;
  /** Old paths that were renamed, with their content unchanged (a 100% rename). */
  renamedUnchanged: Set<string>;
}

/** How the working tree (staged or not) differs from a commit, renames included. Untracked files are not here: see untrackedFiles. */
export function workingTreeChanges(root: string, commit: string): WorkingTreeChanges {
  const fields = git(root, ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--no-relative', '--no-ext-diff', commit, '--']).toString('utf8').split('\0');
  const result: WorkingTreeChanges = { changed: new Set(), renamedFrom: new Map(), renamedUnchanged: new Set() };
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    if (status[0] === 'R' || status[0] === 'C') {
      const from = fields[i++]!;
      const to = fields[i++]!;
      result.renamedFrom.set(to, from);
      if (status === 'R100' || status === 'C100') result.renamedUnchanged.add(from);
      else result.changed.add(to);
      if (status[0] === 'R') result.changed.add(from);
    } else {
      result.changed.add(fields[i++]!);
    }
  }
  return result;
}

/** The files of the working tree git knows of or would add: tracked, and untracked but not ignored (paths relative to the root). */
export function workingTreeFiles(root: string): string[] {
  return git(root, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
}

/** Reads many blobs in one `git cat-file --batch`: blob id → text (UTF-8). */
export function readBlobs(root: string, oids: Iterable<string>): Map<string, string> {
  const unique = [...new Set(oids)];
  const out = new Map<string, string>();
  if (unique.length === 0) return out;
  const buf = git(root, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let at = 0;
  for (const oid of unique) {
    // "<oid> <type> <size>\n<content>\n", or "<oid> missing\n"
    const eol = buf.indexOf(10, at);
    if (eol < 0) break;
    const header = buf.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    out.set(oid, buf.toString('utf8', at, at + size));
    at += size + 1;
  }
  return out;
}
