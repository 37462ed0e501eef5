/**
 * `cloe-grid diff OLD NEW` and `cloe-grid diff --base <git-ref> [paths…]`: what a change does to
 * outcomes (SPEC §7, issue 16). This file reads the two versions (files, folders, or git) and
 * checks them; the matching is the core's (core/diff.ts), the output formats/diff.ts's.
 *
 * With --base, git runs a fixed number of times whatever the number of files: ls-tree (the
 * commit's files), diff --name-status -M (what the working tree changed, renames), ls-files (the
 * working tree's files), and cat-file --batch (the old texts, all at once). A file whose text is
 * the same on both sides, under the same professions, cannot change any outcome: it is not read.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../core/rules/index';
import { LineIndex } from '../core/text';
import { CONFIG_FILE_NAMES, parseConfig } from '../core/config';
import { diffOutcomes, FAIL_ON, failsOn, type FailOn } from '../core/diff';
import { type Locale, localeFrom, type MessageArg, type MessageId, msg, render } from '../core/messages';
import { checkOptions, ConfigLoader, isGridFile, type ResolvedConfig } from '../node/config-loader';
import { GitError, listTree, readBlobs, repositoryRoot, resolveCommit, workingTreeChanges, workingTreeFiles } from '../node/git';
import { displayPath, UsageError, walk } from './files';
import { diffGithub, diffJson, diffMarkdown, diffTable } from './formats/diff';
import type { ReportRow } from './formats/report';
import { writeAtomically } from './io';
import { type Job, rowsInWorkers, workerCount } from './parallel';

export interface DiffIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const FORMATS = ['table', 'markdown', 'json', 'github'] as const;

export const DIFF_HELP = `Usage:
  cloe-grid diff [options] <OLD> <NEW>            two grid files, or two folders (files matched by relative path)
  cloe-grid diff [options] --base <git-ref> [path…]
                                                  the working tree (staged or not, untracked files included)
                                                  against a commit, branch or tag; paths limit it (default: the
                                                  current folder)

Lists the candidates added and removed and, for the others (matched by file and id), what changed:
cohort, name, profession, threshold (its level and whether it is set or recommended), result, and
the decision (certificate, attestation, pending, unknown). A threshold recommended by a grid file
of cloe.config.yaml counts with the configuration of each side (read at the git ref for the old).
Renamed files are followed when git sees the rename.

Options of diff:
      --base <git-ref>       compare the working tree with this commit, branch or tag
  -f, --format <name>        table (default), markdown (for a pull-request comment or
                             $GITHUB_STEP_SUMMARY), json, github (annotations)
  -o, --output <file>        write the result to a file
      --fail-on <what>       exit 1 when there is such a change: outcome (a decision changed),
                             certificate-gained (a candidate now gets the Certificat CLOE);
                             added and removed candidates do not count
      --locale <fr|en>       language of the output (default: from LANG)
  -h, --help                 this help

JSON: an array of { file, cohort, id, name, change: "added" | "removed" | "changed", fields: [...],
before, after }, where before and after are rows of "cloe-grid report --format json" (or null).

Exit codes: 0 (a diff informs); 1 with --fail-on, when such a change is there; 2 usage error
(not a git repository, unknown ref, missing path, bad option).
`;

function usage(locale: Locale, id: MessageId, args: Record<string, MessageArg> = {}): UsageError {
  return new UsageError(render(msg(id, args), locale));
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T, locale: Locale): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usage(locale, 'diff.usage.value', { value, option, allowed: allowed.join(', ') });
}

/** The candidates of one version of the files, as report rows, and where each is (for annotations, when asked). */
interface Side {
  rows: ReportRow[];
  places?: Map<ReportRow, { text: string; offset: number }>;
}

/** The files to check, each for one side: checked together at the end, on several threads when there are many. */
type Checks = { side: Side; job: Job }[];

/** Only outcomes matter here: no rule runs (a finding changes no outcome). */
const NO_RULES: Record<string, 'off'> = Object.fromEntries(RULES.map((r) => [r.id, 'off' as const]));

function checkInto(checks: Checks, side: Side, display: string, text: string, config: ResolvedConfig): void {
  checks.push({ side, job: { display, text: text.replace(/^\uFEFF/, ''), options: { ...checkOptions(config, false), severities: NO_RULES } } });
}

async function runChecks(checks: Checks, script: string): Promise<void> {
  const jobs = checks.map((c) => c.job);
  const threads = workerCount(jobs.length);
  const results = await rowsInWorkers(jobs, threads, script);
  checks.forEach(({ side, job }, i) => {
    const { rows, offsets } = results[i]!;
    for (const row of rows) side.rows.push(row);
    if (side.places) rows.forEach((row, k) => side.places!.set(row, { text: job.text, offset: offsets[k]! }));
  });
}

const newSide = (places = false): Side => (places ? { rows: [], places: new Map() } : { rows: [] });

function readDisk(abs: string, display: string, locale: Locale): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch (e) {
    throw usage(locale, 'diff.usage.unreadable', { path: display, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}

/** The same professions on both sides: a file whose text did not change keeps its outcomes. */
function sameProfessions(a: ResolvedConfig, b: ResolvedConfig): boolean {
  return a === b || JSON.stringify(a.extraProfessions) === JSON.stringify(b.extraProfessions);
}

/** diff OLD NEW: two files, or two folders. */
function diffPaths(oldArg: string, newArg: string, cwd: string, locale: Locale, places: boolean, checks: Checks): { before: Side; after: Side; renames: Map<string, string> } {
  const stat = (arg: string) => {
    const abs = path.resolve(cwd, arg);
    try {
      return { abs, dir: statSync(abs).isDirectory() };
    } catch {
      throw usage(locale, 'diff.usage.missing', { path: arg, cwd });
    }
  };
  const o = stat(oldArg);
  const n = stat(newArg);
  if (o.dir !== n.dir) throw usage(locale, 'diff.usage.kinds', { old: oldArg, new: newArg });
  const loader = new ConfigLoader();
  const before = newSide();
  const after = newSide(places);
  const renames = new Map<string, string>();
  const check = (side: Side, abs: string) => {
    const display = displayPath(abs, cwd);
    checkInto(checks, side, display, readDisk(abs, display, locale), loader.forFile(abs));
    return display;
  };
  if (!o.dir) {
    renames.set(check(before, o.abs), check(after, n.abs));
    return { before, after, renames };
  }
  const list = (dir: string) => {
    const found: string[] = [];
    walk(dir, found, (abs) => isGridFile(abs, loader.forFile(abs)));
    return new Map(found.map((abs) => [path.relative(dir, abs).split(path.sep).join('/'), abs]));
  };
  const olds = list(o.abs);
  const news = list(n.abs);
  for (const [rel, abs] of olds) {
    const oldDisplay = check(before, abs);
    const counterpart = news.get(rel);
    if (counterpart) renames.set(oldDisplay, displayPath(counterpart, cwd));
  }
  for (const abs of news.values()) check(after, abs);
  return { before, after, renames };
}

/** diff --base REF [paths…]: the working tree against a commit. */
function diffBase(ref: string, args: readonly string[], cwdGiven: string, locale: Locale, places: boolean, checks: Checks): { before: Side; after: Side; renames: Map<string, string> } {
  const cwd = realpathSync(cwdGiven);
  let root: string | undefined;
  try {
    root = repositoryRoot(cwd);
    if (!root) throw usage(locale, 'diff.usage.not-repository', { cwd });
    root = realpathSync(root);
    const commit = resolveCommit(root, ref);
    if (!commit) throw usage(locale, 'diff.usage.unknown-ref', { ref });
    return diffCommit(root, commit, ref, args, cwd, locale, places, checks);
  } catch (e) {
    if (e instanceof GitError) throw usage(locale, e.kind === 'no-git' ? 'diff.usage.no-git' : 'diff.usage.git-failed', { detail: e.message });
    throw e;
  }
}

function diffCommit(root: string, commit: string, ref: string, args: readonly string[], cwd: string, locale: Locale, places: boolean, checks: Checks): { before: Side; after: Side; renames: Map<string, string> } {
  const oldTree = listTree(root, commit);
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  // The paths named: prefixes of repository paths ('' for the whole repository).
  const prefixes = (args.length > 0 ? args : ['.']).map((arg) => {
    const abs = path.resolve(cwd, arg);
    const r = rel(abs);
    if (r.startsWith('..') || path.isAbsolute(r)) throw usage(locale, 'diff.usage.outside', { path: arg, root });
    if (!existsSync(abs) && !oldTree.has(r) && ![...oldTree.keys()].some((k) => k.startsWith(`${r}/`))) {
      throw usage(locale, 'diff.usage.missing-both', { path: arg, ref, cwd });
    }
    return r;
  });
  const inScope = (r: string) => prefixes.some((p) => p === '' || r === p || r.startsWith(`${p}/`));
  const changes = workingTreeChanges(root, commit);
  const current = workingTreeFiles(root).filter((r) => !changes.changed.has(r) || existsSync(path.join(root, r)));

  // The old texts come from git, all at once: first the configurations and the grid files they name.
  const blobs = new Map<string, string>();
  const fetch = (rels: Iterable<string>) => {
    const wanted = new Map<string, string>();
    for (const r of rels) {
      const oid = oldTree.get(r);
      if (oid && !blobs.has(r)) wanted.set(r, oid);
    }
    const texts = readBlobs(root, wanted.values());
    for (const [r, oid] of wanted) {
      const t = texts.get(oid);
      if (t !== undefined) blobs.set(r, t);
    }
  };
  const configs = [...oldTree.keys()].filter((r) => CONFIG_FILE_NAMES.includes(r.slice(r.lastIndexOf('/') + 1)));
  fetch(configs);
  fetch(configs.flatMap((c) => parseConfig(blobs.get(c) ?? '').grid.map((g) => rel(path.resolve(root, path.dirname(c), g.path)))));
  const oldLoader = new ConfigLoader((abs) => {
    const r = rel(abs);
    if (r.startsWith('..') || path.isAbsolute(r)) return readOutside(abs);
    if (!blobs.has(r) && oldTree.has(r)) fetch([r]);
    return blobs.get(r);
  });
  const newLoader = new ConfigLoader();

  interface Pair {
    oldRel?: string;
    newRel?: string;
    same: boolean;
  }
  const pairs: Pair[] = [];
  const paired = new Set<string>();
  for (const newRel of current) {
    if (!inScope(newRel)) continue;
    const from = changes.renamedFrom.get(newRel);
    const oldRel = from ?? (oldTree.has(newRel) ? newRel : undefined);
    if (oldRel !== undefined) paired.add(oldRel);
    const same = oldRel !== undefined && (from !== undefined ? changes.renamedUnchanged.has(from) : !changes.changed.has(newRel));
    pairs.push({ oldRel, newRel, same });
  }
  for (const oldRel of oldTree.keys()) if (inScope(oldRel) && !paired.has(oldRel)) pairs.push({ oldRel, same: false });
  const sortKey = (p: Pair) => (p.newRel ?? p.oldRel)!;
  pairs.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

  const abs = (r: string) => path.join(root, r);
  const work: { pair: Pair; oldConfig?: ResolvedConfig; newConfig?: ResolvedConfig }[] = [];
  for (const pair of pairs) {
    const oldConfig = pair.oldRel !== undefined ? oldLoader.forFile(abs(pair.oldRel)) : undefined;
    const newConfig = pair.newRel !== undefined ? newLoader.forFile(abs(pair.newRel)) : undefined;
    const oldGrid = oldConfig !== undefined && isGridFile(abs(pair.oldRel!), oldConfig);
    const newGrid = newConfig !== undefined && isGridFile(abs(pair.newRel!), newConfig);
    if (!oldGrid && !newGrid) continue;
    if (oldGrid && newGrid && pair.same && sameProfessions(oldConfig, newConfig)) continue;
    work.push({ pair, ...(oldGrid ? { oldConfig } : {}), ...(newGrid ? { newConfig } : {}) });
  }
  fetch(work.filter((w) => w.oldConfig && !w.pair.same).map((w) => w.pair.oldRel!));

  const before = newSide();
  const after = newSide(places);
  const renames = new Map<string, string>();
  for (const { pair, oldConfig, newConfig } of work) {
    const newDisplay = pair.newRel !== undefined ? displayPath(abs(pair.newRel), cwd) : undefined;
    const newText = pair.newRel !== undefined && (newConfig || pair.same) ? readDisk(abs(pair.newRel), newDisplay!, locale) : undefined;
    if (oldConfig) {
      const oldDisplay = displayPath(abs(pair.oldRel!), cwd);
      checkInto(checks, before, oldDisplay, pair.same ? newText! : (blobs.get(pair.oldRel!) ?? ''), oldConfig);
      if (newDisplay !== undefined) renames.set(oldDisplay, newDisplay);
    }
    if (newConfig) checkInto(checks, after, newDisplay!, newText!, newConfig);
  }
  return { before, after, renames };
}

/** A configuration's grid file outside the repository is read from the disk, as it is now. */
function readOutside(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** Runs `cloe-grid diff …`; returns the exit code. Usage errors are thrown as UsageError (main.ts prints them). */
export async function runDiff(args: string[], io: DiffIo, script: string): Promise<number> {
  const envLocale = localeFrom(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        base: { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw usage(envLocale, 'diff.usage.option', { detail: (e as Error).message.replace(/\.?$/, '.') });
  }
  const { values, positionals } = parsed;
  const locale: Locale = oneOf(values.locale, ['en', 'fr'] as const, '--locale', envLocale, envLocale);
  if (values.help) {
    io.stdout(DIFF_HELP);
    return 0;
  }
  const format = oneOf(values.format, FORMATS, '--format', 'table', locale);
  const failOn: FailOn | undefined = values['fail-on'] === undefined ? undefined : oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'outcome', locale);
  let sides;
  const checks: Checks = [];
  if (values.base !== undefined) {
    if (values.base === '') throw usage(locale, 'diff.usage.unknown-ref', { ref: '' });
    sides = diffBase(values.base, positionals, io.cwd, locale, format === 'github', checks);
  } else {
    if (positionals.length !== 2) throw usage(locale, 'diff.usage.operands');
    sides = diffPaths(positionals[0]!, positionals[1]!, io.cwd, locale, format === 'github', checks);
  }
  const { before, after, renames } = sides;
  await runChecks(checks, script);
  const lineIndexes = new Map<string, LineIndex>();
  const changes = diffOutcomes(before.rows, after.rows, (f) => renames.get(f) ?? f);
  const out = format === 'json' ? diffJson(changes) : format === 'markdown' ? diffMarkdown(changes, locale) : format === 'github' ? diffGithub(changes, locale, (r) => {
            const at = after.places?.get(r);
            if (!at) return undefined;
            let index = lineIndexes.get(at.text);
            if (!index) lineIndexes.set(at.text, (index = new LineIndex(at.text)));
            return index.position(at.offset).line + 1;
          }) : diffTable(changes, locale);
  if (values.output) writeAtomically(path.resolve(io.cwd, values.output), out);
  else io.stdout(out);
  return failOn && failsOn(changes, failOn) ? 1 : 0;
}
