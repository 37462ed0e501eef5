/**
 * The protocol edit fuzzer (issue 18): the spawned server is driven as an editor drives it —
 * typing, deleting, pasting candidate blocks, line endings changed (lone CRs too), garbage values,
 * bursts of changes sent without waiting, undo, whole-text replacements — and at checkpoints its
 * diagnostics (rule, severity, range and message) are compared with those of a fresh document of
 * the same text and with the CLI's findings on it. A divergence is shrunk to a minimal
 * reproduction (from the last whole-text replacement, the fewest changes and lines that still
 * diverge when replayed on a new document), printed with the seed.
 *
 * `npm run fuzz`: 10 seeds × 2,000 edits. In `npm test`: 2 seeds × 100 edits. Environment:
 * CLOE_EDIT_FUZZ_SEED (the first seed), CLOE_EDIT_FUZZ_SEEDS, CLOE_EDIT_FUZZ_EDITS.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { run } from '../server/src/cli/main';
import { generate, LEVELS, rng } from './generate';
import { readRepoFile, VALID_SAMPLES } from './helpers';
import { TestClient } from './lsp-client';

const LONG = process.env.npm_lifecycle_event === 'fuzz';
const FIRST_SEED = Number(process.env.CLOE_EDIT_FUZZ_SEED ?? 1);
const SEEDS = Number(process.env.CLOE_EDIT_FUZZ_SEEDS ?? (LONG ? 10 : 2));
const EDITS = Number(process.env.CLOE_EDIT_FUZZ_EDITS ?? (LONG ? 2000 : 100));

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
/** Typed characters: mostly what values are made of, sometimes YAML's punctuation. */
const CHARS = 'abcXYZ0129 -+é';
const PUNCTUATION = ':#\n"\'{}[],';
/** Values and tokens a user (or a bad paste) may put anywhere. (No lone surrogate: a file cannot hold one, so the CLI would read U+FFFD; no U+FEFF: the CLI drops it at the start.) */
const GARBAGE = ['&a ', '*a', '<<: *a', '\t', '\0', '\u0007', '\uFFFD', '😀', '\u00a0', '---\n', '...\n', '{', '}', '[', ']', '"', "'", '|', '>-', '!!str ', '%', '@', '`', '~', 'null', '1e999', '<<<<<<< HEAD\n', '\u2028', '\u0085', 'C3', 'B2+', ': ', '- ', '? ', '{ written: Z9 }', '[1, 2]', '# cloe-disable-next-line invalid-level\n', 'id: A1'];
const PROFESSIONS = ['Chef de projet', 'Ingénieur', 'Comptable', 'Sommelier', 'Chef de projt'];

/** One didChange as sent: its changes, and whether the client waited for the diagnostics after it. */
interface Send {
  changes: TextDocumentContentChangeEvent[];
  wait: boolean;
}

interface Step {
  /** Offsets in the text before this step; `whole` replaces everything. */
  start: number;
  end: number;
  text: string;
  whole?: boolean;
}

/** The keys compared: rule, severity, range and message. */
const serverKeys = (ds: readonly Diagnostic[]) => ds.map((d) => `${String(d.code)} ${SEVERITY[d.severity ?? 0]} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.message)}`).sort();

function diff(a: string[], b: string[]): string {
  const only = (x: string[], y: string[]) => x.filter((k) => !y.includes(k));
  return [...only(a, b).map((k) => `  - ${k}`), ...only(b, a).map((k) => `  + ${k}`)].join('\n');
}

describe('protocol edit fuzzer: the server after seeded edits = a fresh document = the CLI', () => {
  let client: TestClient;
  let dir: string;
  let docs = 0;
  const cliFile = () => path.join(dir, 'cli.cloe.yaml');
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-edit-fuzz-'));
    // (No configuration up the tree of the temporary folder: the built-in defaults for all three.)
    client = new TestClient({ workspaceFolder: dir, settings: { maxDiagnostics: 0 } });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The latest diagnostics of a document at a version (already received, or awaited). */
  async function diagnosticsAt(uri: string, version: number): Promise<Diagnostic[]> {
    const have = client.diagnostics.get(uri);
    if (have && have.version === version) return have.diagnostics;
    return (await client.waitDiagnostics(uri, (p) => p.version === version, 20_000)).diagnostics;
  }

  async function fresh(text: string): Promise<string[]> {
    const u = uriOf(`fresh-${docs++}.cloe.yaml`);
    const p = await client.open(u, text);
    await client.close(u);
    return serverKeys(p.diagnostics);
  }

  async function cli(text: string): Promise<string[]> {
    fs.writeFileSync(cliFile(), text);
    let out = '';
    const code = await run(['check', '--format', 'json', '--min-severity', 'hint', cliFile()], { cwd: dir, env: { LANG: 'C' }, stdout: (s) => (out += s), stderr: () => undefined, isTTY: false });
    assert.ok(code === 0 || code === 1, `the CLI exited with ${code}`);
    const found = JSON.parse(out) as { rule: string; severity: string; message: string; range: Diagnostic['range'] }[];
    return found.map((f) => `${f.rule} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`).sort();
  }

  /** Opens `base`, sends the changes, returns the server's diagnostics and the final text. */
  async function replay(base: string, sends: readonly Send[]): Promise<{ got: string[]; text: string }> {
    const u = uriOf(`replay-${docs++}.cloe.yaml`);
    const doc = TextDocument.create(u, 'yaml', 1, base);
    await client.open(u, base);
    let version = 1;
    for (const s of sends) {
      version = await client.changeNoWait(u, s.changes);
      TextDocument.update(doc, s.changes, version);
      if (s.wait) await diagnosticsAt(u, version);
    }
    const got = serverKeys(await diagnosticsAt(u, version));
    await client.close(u);
    return { got, text: doc.getText() };
  }

  /** True when replaying diverges from a fresh document of the result. */
  async function diverges(base: string, sends: readonly Send[]): Promise<boolean> {
    const { got, text } = await replay(base, sends);
    return diff(got, await fresh(text)) !== '';
  }

  /** The fewest sends, changes and lines of the base text that still diverge (greedy, bounded). */
  async function shrink(base: string, sends: Send[]): Promise<{ base: string; sends: Send[] }> {
    let budget = 250;
    // Replayed with a wait after every change, the server analyses each version: deterministic,
    // where changes sent without waiting are coalesced as timing allows. Else as they were sent.
    const waited = sends.map((x) => ({ ...x, wait: true }));
    if (await diverges(base, waited)) sends = waited;
    else if (!(await diverges(base, sends))) return { base, sends };
    // A whole-text change makes everything before it irrelevant: it becomes the base.
    for (let i = sends.length - 1; i >= 0; i--) {
      const k = sends[i]!.changes.map((c) => !('range' in c)).lastIndexOf(true);
      if (k < 0) continue;
      const rest = sends[i]!.changes.slice(k + 1);
      const tried = [...(rest.length > 0 ? [{ ...sends[i]!, changes: rest }] : []), ...sends.slice(i + 1)];
      const whole = sends[i]!.changes[k]!.text;
      if (await diverges(whole, tried)) {
        base = whole;
        sends = tried;
      }
      break;
    }
    // Runs of sends, halves first, then single ones (the state an edit leaves matters: keep order).
    for (let size = Math.max(1, sends.length >> 1); size >= 1 && budget > 0; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
      for (let at = sends.length - size; at >= 0 && budget-- > 0; at -= size) {
        const without = [...sends.slice(0, at), ...sends.slice(at + size)];
        if (await diverges(base, without)) sends = without;
      }
    }
    for (let i = 0; i < sends.length; i++) {
      for (let k = sends[i]!.changes.length - 1; k >= 0 && sends[i]!.changes.length > 1 && budget-- > 0; k--) {
        const changes = sends[i]!.changes.filter((_, j) => j !== k);
        const tried = [...sends.slice(0, i), { ...sends[i]!, changes }, ...sends.slice(i + 1)];
        if (await diverges(base, tried)) sends = tried;
      }
    }
    // Lines of the base text (ranges are positions: a line removed above moves them, as an editor's would).
    // Halves, quarters… then single lines (from the end, where removing moves no later range).
    let lines = base.split(/(?<=\n)/);
    for (let size = Math.max(1, lines.length >> 1); size >= 1 && budget > 0; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
      for (let at = lines.length - size; at >= 0 && budget-- > 0; at -= size) {
        const tried = [...lines.slice(0, at), ...lines.slice(at + size)];
        if (await diverges(tried.join(''), sends)) lines = tried;
      }
    }
    return { base: lines.join(''), sends };
  }

  /**
   * A fresh document against the CLI. A file holds no lone surrogate (half of an emoji an edit
   * cut): saved, it is U+FFFD, so the CLI is compared with a document of the text as saved.
   */
  async function cliDiff(text: string): Promise<string> {
    return diff(await fresh(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')), await cli(text));
  }

  /** The fewest lines of a text on which a fresh document and the CLI still disagree. */
  async function shrinkText(text: string): Promise<string> {
    let lines = text.split(/(?<=\n)/);
    for (let i = lines.length - 1; i >= 0; i--) {
      const tried = [...lines.slice(0, i), ...lines.slice(i + 1)].join('');
      if ((await cliDiff(tried)) !== '') lines = tried.split(/(?<=\n)/);
    }
    return lines.join('');
  }

  // Samples, generated files (CRLF too), and one with duplicate ids near its end (duplicate-id's message gives a line number).
  const starts = [...VALID_SAMPLES().map((f) => readRepoFile(f)), generate(40, 3), generate(25, 5).replace(/\n/g, '\r\n'), generate(30, 9).replace('C-00027', 'C-00020').replace('C-00029', 'C-00024')];

  for (let seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
    test(`seed ${seed}: ${EDITS} edits`, { timeout: 900_000 }, async () => {
      const r = rng(seed * 7919);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const original = pick(starts);
      const u = uriOf(`seed-${seed}-${docs++}.cloe.yaml`);
      const doc = TextDocument.create(u, 'yaml', 1, original);
      await client.open(u, original);
      let version = 1;
      /** Applied range edits, for undo: the range the edit covers now and the text it replaced. */
      let history: { start: number; end: number; removed: string }[] = [];
      // Everything sent since the document was opened: the server's state (kept analysis, flags)
      // depends on the whole history, so a reproduction replays it all (then shrinks it).
      const checkpoint = { text: original, sends: [] as Send[] };
      let nextCheck = 1 + Math.floor(r() * 5);
      let checkpoints = 0;

      /** One edit as offsets in the current text (before the burst's earlier changes are applied). */
      const step = (text: string): Step => {
        const at = Math.floor(r() * (text.length + 1));
        const lineStart = (o: number) => Math.max(text.lastIndexOf('\n', o - 1), text.lastIndexOf('\r', o - 1)) + 1;
        const kind = r();
        if (kind < 0.25) return { start: at, end: at, text: r() < 0.6 ? pick([...CHARS]) : r() < 0.5 ? pick(LEVELS) : pick([...PUNCTUATION]) };
        if (kind < 0.42) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(r() * 4)), text: '' };
        if (kind < 0.5) {
          // A whole line, or its content only (its break stays: after a lone CR, the two breaks may become one).
          const ls = lineStart(at);
          const le = text.slice(ls).search(/[\r\n]/);
          const contentEnd = le < 0 ? text.length : ls + le;
          const nl = text.indexOf('\n', at);
          return r() < 0.5 ? { start: ls, end: nl < 0 ? text.length : nl + 1, text: '' } : { start: ls, end: contentEnd, text: r() < 0.5 ? '' : pick(['x', '        name: X', '      - id: P1']) };
        }
        if (kind < 0.58) {
          const ls = lineStart(at);
          const ind = pick([6, 6, 6, 4, 8]);
          const pad = ' '.repeat(ind);
          // (Few ids, so that duplicates come and go.)
          const n = Math.floor(r() * 8);
          const block = `${pad}- id: P${n}\n${pad}  name: Pasted ${n}\n${pad}  profession: ${pick(PROFESSIONS)}\n${r() < 0.5 ? `${pad}  threshold: ${pick(LEVELS)}\n` : ''}${pad}  result: ${pick(LEVELS)}\n`;
          return { start: ls, end: ls, text: r() < 0.2 ? block.replace(/\n/g, '\r\n') : block };
        }
        if (kind < 0.7) {
          // Line endings: \n → \r\n or a lone \r, \r\n → \n, a character after a \r removed.
          const m = /\r\n|\r|\n/g;
          const found: RegExpExecArray[] = [];
          for (let x = m.exec(text); x && found.length < 4000; x = m.exec(text)) found.push(x);
          if (found.length === 0) return { start: at, end: at, text: '\r' };
          // (Lone CRs half the time: what an edit next to one does to the line count is the risk.)
          const lone = found.filter((x) => x[0] === '\r');
          const b = lone.length > 0 && r() < 0.5 ? pick(lone) : pick(found);
          if (b[0] === '\n') return { start: b.index, end: b.index + 1, text: pick(['\r\n', '\r', '\r\r\n', '\rx\n']) };
          if (b[0] === '\r\n') return r() < 0.5 ? { start: b.index, end: b.index + 2, text: '\n' } : { start: b.index, end: b.index + 1, text: '' };
          return r() < 0.5 ? { start: b.index + 1, end: Math.min(text.length, b.index + 2), text: '' } : { start: b.index, end: b.index + 1, text: '\n' };
        }
        if (kind < 0.77) return { start: at, end: r() < 0.3 ? Math.min(text.length, at + 3) : at, text: pick(GARBAGE) };
        if (kind < 0.92) {
          const w = /[A-Za-z0-9+-]+/.exec(text.slice(at));
          if (w) return { start: at + w.index, end: at + w.index + w[0].length, text: pick([...LEVELS, 'X', 'P1', 'C-00001', 'Comptable', '']) };
          return { start: at, end: at, text: 'x' };
        }
        if (kind < 0.97) return { start: 0, end: text.length, text: r() < 0.5 ? original : text, whole: true };
        return { start: 0, end: text.length, text: original.replace(/\n/g, '\r\n'), whole: true };
      };

      const toChange = (s: Step): { change: TextDocumentContentChangeEvent; start: number; end: number } => {
        if (s.whole) return { change: { text: s.text }, start: 0, end: doc.getText().length };
        const range = { start: doc.positionAt(s.start), end: doc.positionAt(s.end) };
        // What the document will really replace (a position inside \r\n is before the \r).
        return { change: { range, text: s.text }, start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
      };

      for (let i = 0; i < EDITS; ) {
        // Undo (the last edits, in reverse), a burst in one didChange, or several didChanges without waiting.
        const mode = r();
        const group: TextDocumentContentChangeEvent[][] = [];
        if (mode < 0.08 && history.length > 0) {
          for (let k = 0; k < 1 + Math.floor(r() * 3) && history.length > 0; k++) {
            const h = history.pop()!;
            const range = { start: doc.positionAt(h.start), end: doc.positionAt(h.end) };
            const change = { range, text: h.removed };
            group.push([change]);
            TextDocument.update(doc, [change], version + group.length);
          }
        } else {
          const burst = mode < 0.25 ? 2 + Math.floor(r() * 5) : 1;
          const oneNotification = r() < 0.5;
          let changes: TextDocumentContentChangeEvent[] = [];
          for (let k = 0; k < burst; k++) {
            const s = step(doc.getText());
            const { change, start } = toChange(s);
            const removed = s.whole ? doc.getText() : doc.getText().slice(start, toChange(s).end);
            if (s.whole) history = [];
            changes.push(change);
            // The client's copy follows each change as the server's document will.
            TextDocument.update(doc, [change], version + group.length + 1);
            if (!s.whole) history.push({ start, end: start + s.text.length, removed });
            if (!oneNotification) {
              group.push(changes);
              changes = [];
            }
          }
          if (changes.length > 0) group.push(changes);
        }
        // Keep the text a size that edits can cover.
        if (doc.getText().length > original.length * 3 + 2000) {
          const change = { text: original };
          group.push([change]);
          TextDocument.update(doc, [change], version + group.length);
          history = [];
        }
        let seen: Diagnostic[] | undefined;
        for (const changes of group) {
          const wait = r() < 0.4;
          version = await client.changeNoWait(u, changes);
          checkpoint.sends.push({ changes, wait });
          i++;
          seen = wait ? await diagnosticsAt(u, version) : undefined;
        }
        // A user who sees a syntax error mostly undoes what caused it: the text stays valid YAML
        // often enough for the incremental path (which a syntax error turns off) to be exercised.
        // (After the whole group: the client's copy has applied all of it.)
        if (seen?.some((d) => d.code === 'yaml-syntax') && history.length > 0 && r() < 0.8) {
          const h = history.pop()!;
          const change = { range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) }, text: h.removed };
          TextDocument.update(doc, [change], version + 1);
          version = await client.changeNoWait(u, [change]);
          checkpoint.sends.push({ changes: [change], wait: false });
        }
        if (i < nextCheck && i < EDITS) continue;
        // Often: an incremental analysis that went wrong is healed by the next full one.
        nextCheck = i + 1 + Math.floor(r() * 5);
        checkpoints++;
        const text = doc.getText();
        const got = serverKeys(await diagnosticsAt(u, version));
        const expected = await fresh(text);
        if ((await cliDiff(text)) !== '') {
          const minimal = await shrinkText(text);
          assert.fail(`seed ${seed}, edit ${i}: a fresh document and the CLI disagree.\nMinimal text: ${JSON.stringify(minimal)}\n(fresh − / CLI +)\n${await cliDiff(minimal)}`);
        }
        if (diff(got, expected) !== '') {
          const minimal = await shrink(checkpoint.text, checkpoint.sends);
          const again = await replay(minimal.base, minimal.sends);
          const replayed = diff(again.got, await fresh(again.text));
          assert.fail(
            `seed ${seed}, edit ${i}: the edited document and a fresh one disagree (edited − / fresh +):\n${diff(got, expected)}\n` +
              (replayed
                ? `Minimal reproduction: open ${JSON.stringify(minimal.base)}, then send ${JSON.stringify(minimal.sends)}\n(edited − / fresh +)\n${replayed}`
                : `Replaying the ${checkpoint.sends.length} changes since the document was opened does not reproduce it (timing: the server coalesces changes sent without waiting).`),
          );
        }
        // Mostly back to the original after a syntax error (or an anchor): else every later edit is
        // a full validation, and the incremental path the fuzzer is for goes untested.
        if (got.some((k) => k.startsWith('yaml-syntax ')) || /[&*]/.test(text) ? r() < 0.7 : false) {
          const change = { text: original };
          TextDocument.update(doc, [change], version + 1);
          version = await client.changeNoWait(u, [change]);
          checkpoint.sends.push({ changes: [change], wait: false });
          history = [];
        }
      }
      assert.ok(checkpoints >= EDITS / 40, `only ${checkpoints} checkpoints`);
      await client.close(u);
      assert.equal(client.process.exitCode, null, 'the server is still running');
      assert.doesNotMatch(client.logs.join('\n'), /lost track|failed|uncaught/, 'no error logged');
    });
  }
});
