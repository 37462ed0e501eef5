/**
 * `cloe-grid check --fix` and `--fix-dry-run`: the safe fixes (the editor's "Fix all safe CLOE
 * problems") applied to the files, or shown as a unified diff.
 *
 * - The edits are the core's minimal text edits (safeFixEdits, applyTextEdits), repeated until no
 *   safe fix remains (at most MAX_FIX_PASSES passes): comments, blank lines, quoting, key order
 *   and line endings are untouched. Running --fix twice changes nothing the second time.
 * - A file with YAML syntax errors is never rewritten, nor one whose bytes are not exactly the
 *   text that was checked (not UTF-8, or changed meanwhile). A pass whose edits would break the
 *   YAML is dropped (that would be a bug of a fix).
 * - A changed file is written atomically: a temporary file beside it, flushed, then renamed over
 *   it, with the file's permissions (and owner, where allowed). A symbolic link stays a link: the
 *   file it points to is rewritten. A byte order mark is kept.
 * - Standard input (`-`) cannot be rewritten: with --fix, the fixed text (or the text as it was)
 *   is printed on stdout, like other linters, and the report goes to stderr (or to --output).
 * - --fix-dry-run writes no file: it prints a unified diff per file that would change (stdin
 *   included), on stdout, and the report goes to stderr (or to --output). The report is about the
 *   files as they are.
 */
import { readFileSync } from 'node:fs';
import type { CheckResult } from '../core/check';
import { applyTextEdits, safeFixEdits } from '../core/fixes';
import { type Target, UsageError } from './files';
import { replaceAtomically } from './io';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The text with every safe fix applied (the input when there was none, or when blocked). */
  text: string;
  /** The check of `text`. */
  result: CheckResult;
  /** Edits applied, over all passes. */
  edits: number;
  /** The input has YAML syntax errors: nothing was applied. */
  syntaxErrors: boolean;
  /** Safe edits left unapplied (blocked by syntax errors, a pass that broke the YAML, or too many passes). */
  pending: number;
  /** A pass was dropped because it would have broken the YAML. */
  broke: boolean;
}

/** Applies the safe fixes to a text until none remains. Pure (check is the core's checkText with the file's options). */
export function fixText(text: string, check: (text: string) => CheckResult): FixOutcome {
  let current = text;
  let result = check(text);
  const syntaxErrors = result.model.syntaxErrors.length > 0;
  let edits = 0;
  let broke = false;
  for (let pass = 0; pass < MAX_FIX_PASSES && !syntaxErrors; pass++) {
    const pending = safeFixEdits(result.findings);
    if (pending.length === 0) break;
    const next = applyTextEdits(current, pending);
    if (next === current) break;
    const after = check(next);
    if (after.model.syntaxErrors.length > 0) {
      broke = true;
      break;
    }
    current = next;
    result = after;
    edits += pending.length;
  }
  return { text: current, result, edits, syntaxErrors, pending: safeFixEdits(result.findings).length, broke };
}

interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const BOM = '\uFEFF';

/** Carries --fix or --fix-dry-run through the checking of each file (see checkFiles in main.ts). */
export class Fixer {
  /** Stdout carries diffs (--fix-dry-run, always) or a fixed stdin: the report must go elsewhere. */
  usesStdout: boolean;

  constructor(
    readonly mode: 'fix' | 'dry-run',
    private readonly out: Out,
  ) {
    this.usesStdout = mode === 'dry-run';
  }

  /** Fixes one target; returns the text to report on (the fixed text with --fix, the text as it is with --fix-dry-run). */
  apply(t: Target, text: string, check: (text: string) => CheckResult): string {
    const bom = text.startsWith(BOM);
    const input = bom ? text.slice(1) : text;
    const fixed = fixText(input, check);
    if (fixed.syntaxErrors && fixed.pending > 0) {
      this.out.stderr(`cloe-grid: ${t.display}: not fixed: the file has YAML syntax errors (see the yaml-syntax findings); fix them first.\n`);
    } else if (fixed.broke) {
      this.out.stderr(`cloe-grid: ${t.display}: ${fixed.pending} safe fix(es) not applied: they would break the YAML (a bug: please report it with the file).\n`);
    } else if (fixed.pending > 0) {
      this.out.stderr(`cloe-grid: ${t.display}: ${fixed.pending} safe fix(es) still to apply after ${MAX_FIX_PASSES} passes: run --fix again.\n`);
    }
    const changed = fixed.text !== input;
    if (this.mode === 'dry-run') {
      if (changed) this.print(unifiedDiff(input, fixed.text, t.display));
      return text;
    }
    if (!t.abs) {
      // Standard input: the fixed text is the output.
      this.print((bom ? BOM : '') + fixed.text);
      return fixed.text;
    }
    if (!changed) return text;
    const raw = readFileSync(t.abs);
    const hasBom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    if (!Buffer.from(hasBom && !bom ? BOM + text : text, 'utf8').equals(raw)) {
      this.out.stderr(`cloe-grid: ${t.display}: not fixed: its bytes are not the text that was checked (not UTF-8, or changed meanwhile).\n`);
      return text;
    }
    try {
      replaceAtomically(t.abs, (hasBom ? BOM : '') + fixed.text);
    } catch (e) {
      throw new UsageError(`Cannot write the fixed "${t.display}": ${(e as Error).message}.`);
    }
    return fixed.text;
  }

  private print(s: string): void {
    this.usesStdout = true;
    this.out.stdout(s);
  }
}

/** The Fixer that --fix or --fix-dry-run asks for, if any; a UsageError for a combination that makes no sense. */
export function fixerFor(command: string, fix: boolean | undefined, dryRun: boolean | undefined, out: Out): Fixer | undefined {
  if (!fix && !dryRun) return undefined;
  const option = fix ? '--fix' : '--fix-dry-run';
  if (command !== 'check') throw new UsageError(`${option} applies to "check" only. Run "cloe-grid --help" for usage.`);
  if (fix && dryRun) throw new UsageError('Use --fix or --fix-dry-run, not both: --fix-dry-run shows what --fix would change.');
  return new Fixer(dryRun ? 'dry-run' : 'fix', out);
}

// ── Unified diff ────────────────────────────────────────────────────────────────────────────

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their line break (\n or \r\n); the last one may have none. */
function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Beyond this many differing lines, the middle is shown as removed then added (no search). */
const MAX_EDIT_DISTANCE = 4000;

/** Myers' O(ND) difference of two line lists. */
function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const same = (lines: string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  return [...same(a.slice(0, pre)), ...middle(A, B), ...same(a.slice(a.length - suf))];
}

function middle(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + off]! < v[k + 1 + off]!) ? v[k + 1 + off]! : v[k - 1 + off]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + off] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d, off);
    }
  }
  return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], dist: number, off: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dist; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[k - 1 + off]! < v[k + 1 + off]!) ? k + 1 : k - 1;
    const prevX = v[prevK + off]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x]! });
    y--;
  }
  return ops.reverse();
}

/** A unified diff (3 lines of context) from `before` to `after`, both named `name`; empty when equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  let out = `--- ${name}\n+++ ${name}\n`;
  let i = 0;
  while (i < changed.length) {
    // A hunk: changes closer than 2 × context lines apart share it.
    let j = i;
    while (j + 1 < changed.length && changed[j + 1]! - changed[j]! <= 2 * context) j++;
    const from = Math.max(0, changed[i]! - context);
    const to = Math.min(ops.length, changed[j]! + context + 1);
    let aStart = 0;
    let bStart = 0;
    for (let p = 0; p < from; p++) {
      if (ops[p]!.kind !== '+') aStart++;
      if (ops[p]!.kind !== '-') bStart++;
    }
    const hunk = ops.slice(from, to);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${aLen === 0 ? aStart : aStart + 1},${aLen} +${bLen === 0 ? bStart : bStart + 1},${bLen} @@\n`;
    for (const o of hunk) {
      out += o.kind + o.line;
      if (!o.line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    }
    i = j + 1;
  }
  return out;
}
