/**
 * Fuzzing (issue 6): the samples (samples/*.cloe.y*ml, samples/invalid/*) mutated at random —
 * byte flips, truncation, line deletion and duplication, indentation shifts, random Unicode, YAML
 * tokens, splices of another sample — and fed to the core, to `cloe-grid check` and to the running
 * server.
 *
 * Seeded and bounded: in `npm test` a fixed seed and a few seconds; `npm run fuzz` runs longer
 * with a random seed. Environment: CLOE_FUZZ_SEED (replay a run), CLOE_FUZZ_ITERATIONS (mutants
 * for the core; the server gets a tenth, the CLI a hundredth). A failure prints the seed and the
 * mutant's index and saves the mutant in the temporary folder.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../server/src/core/check';
import { fastParserBugs } from '../server/src/core/fast-parse';
import { completeAt } from '../server/src/core/complete';
import { explainAt } from '../server/src/core/explain';
import { applyTextEdits, safeFixEdits } from '../server/src/core/fixes';
import { locate } from '../server/src/core/locate';
import { listFiles, ROOT, runInProcess } from './helpers';
import { TestClient } from './lsp-client';
import { rng } from './generate';

// A fast-parser exception that is not a deliberate give-up is a bug: make it fail the test
// instead of falling back to the yaml package unseen.
fastParserBugs('throw');

const LONG = process.env.npm_lifecycle_event === 'fuzz';
const SEED = Number(process.env.CLOE_FUZZ_SEED ?? (LONG ? Math.floor(Math.random() * 2 ** 31) : 20261129));
const CORE_RUNS = Number(process.env.CLOE_FUZZ_ITERATIONS ?? (LONG ? 5000 : 250));
const SERVER_RUNS = Math.max(10, Math.round(CORE_RUNS / 10));
const CLI_RUNS = Math.max(4, Math.round(CORE_RUNS / 100));

/** mulberry32 (test/generate.ts): small, fast, good enough to pick mutations. */
const prng = rng;

const SOURCES = [...listFiles('samples', /\.cloe\.ya?ml$/), ...listFiles('samples/invalid', /./)].map((rel) => ({ rel, bytes: fs.readFileSync(path.join(ROOT, rel)) }));

const TOKENS = ['&a ', '*a', '<<: *a', '<<: ', '---\n', '...\n', '{', '}', '[', ']', '"', "'", '|', '>-', ': ', '- ', '# ', '\t', '? ', '!!str ', '%YAML 1.2\n', '\r', '\r\n', '~', 'null', '0x1F', '1e999', '.inf', '@', '`', ',', '<<<<<<< HEAD\n', '=======\n', '&b [*b]', 'cloe: 1\n'];
const UNICODE = [0x0, 0x7, 0x1b, 0x7f, 0x85, 0xa0, 0xad, 0x200b, 0x200e, 0x202e, 0x2028, 0x2029, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0xd800, 0xdc00, 0x301, 0x1f600, 0x10ffff, 0xe9, 0x3000];

interface Mutant {
  bytes: Buffer;
  text: string;
  how: string[];
}

/** The i-th mutant of the run: its own generator, so that one can be replayed alone. */
function mutant(i: number): Mutant {
  const r = prng(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const source = pick(SOURCES);
  let bytes = Buffer.from(source.bytes);
  const how = [source.rel];
  const steps = 1 + Math.floor(r() * 3);
  for (let s = 0; s < steps; s++) {
    const kind = Math.floor(r() * 9);
    const text = bytes.toString('utf8');
    const lines = text.split(/(?<=\n)/);
    const at = () => Math.floor(r() * (lines.length || 1));
    const offset = () => Math.floor(r() * (text.length + 1));
    switch (kind) {
      case 0: {
        // Byte flips: the file's bytes, not its characters (invalid UTF-8 comes from here).
        const n = 1 + Math.floor(r() * 6);
        for (let k = 0; k < n && bytes.length > 0; k++) {
          const j = Math.floor(r() * bytes.length);
          bytes[j] = bytes[j]! ^ (1 << Math.floor(r() * 8));
        }
        how.push(`flip×${n}`);
        continue;
      }
      case 1: {
        const cut = Math.floor(r() * bytes.length);
        bytes = bytes.subarray(0, cut);
        how.push(`truncate@${cut}`);
        continue;
      }
      case 2: {
        const k = at();
        const n = 1 + Math.floor(r() * 3);
        lines.splice(k, n);
        how.push(`delete-lines@${k}×${n}`);
        break;
      }
      case 3: {
        const k = at();
        const n = 1 + Math.floor(r() * 4);
        lines.splice(at(), 0, ...lines.slice(k, k + n));
        how.push(`duplicate-lines@${k}×${n}`);
        break;
      }
      case 4: {
        // Indentation shifts of a block of lines: more, fewer, or tabs.
        const k = at();
        const n = 1 + Math.floor(r() * 8);
        const delta = Math.floor(r() * 9) - 4;
        for (let j = k; j < Math.min(lines.length, k + n); j++) {
          const l = lines[j]!;
          lines[j] = delta === 0 ? l.replace(/^ {1,4}/, '\t') : delta > 0 ? ' '.repeat(delta) + l : l.replace(new RegExp(`^ {0,${-delta}}`), '');
        }
        how.push(`indent@${k}×${n}${delta >= 0 ? '+' : ''}${delta}`);
        break;
      }
      case 5: {
        const o = offset();
        const cp = r() < 0.7 ? pick(UNICODE) : Math.floor(r() * 0x110000);
        // A lone surrogate is written as such (String.fromCharCode), the rest as code points.
        const c = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
        lines.splice(0, lines.length, text.slice(0, o) + c + text.slice(o));
        how.push(`unicode@${o}:U+${cp.toString(16)}`);
        break;
      }
      case 6: {
        const o = offset();
        const t = pick(TOKENS);
        lines.splice(0, lines.length, text.slice(0, o) + t + text.slice(o));
        how.push(`token@${o}:${JSON.stringify(t)}`);
        break;
      }
      case 7: {
        // A splice of another sample's lines.
        const other = pick(SOURCES).bytes.toString('utf8').split(/(?<=\n)/);
        const k = Math.floor(r() * other.length);
        lines.splice(at(), 0, ...other.slice(k, k + 1 + Math.floor(r() * 10)));
        how.push(`splice@${k}`);
        break;
      }
      default: {
        // Delete a random span of characters.
        const o = offset();
        const n = 1 + Math.floor(r() * 40);
        lines.splice(0, lines.length, text.slice(0, o) + text.slice(o + n));
        how.push(`cut@${o}×${n}`);
        break;
      }
    }
    bytes = Buffer.from(lines.join(''), 'utf8');
  }
  // What the CLI reads (a lossy UTF-8 decoding); the core and the server get the same text.
  return { bytes, text: bytes.toString('utf8'), how };
}

/** Runs a property on a mutant; on failure, says how to replay it and keeps the input. */
async function property(i: number, m: Mutant, what: string, fn: () => void | Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const file = path.join(os.tmpdir(), `cloe-fuzz-${SEED}-${i}.cloe.yaml`);
    fs.writeFileSync(file, m.bytes);
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`fuzz (${what}) failed on mutant #${i} (${m.how.join(', ')}), seed ${SEED}: replay with CLOE_FUZZ_SEED=${SEED}; input saved as ${file}\n${why}`, { cause: e });
  }
}

describe(`fuzzing (seed ${SEED})`, () => {
  test(`the core never throws and never fails a rule (${CORE_RUNS} mutants)`, async () => {
    for (let i = 0; i < CORE_RUNS; i++) {
      const m = mutant(i);
      await property(i, m, 'core', () => {
        const r = checkText(m.text);
        const failed = r.findings.filter((f) => f.rule === 'internal-error');
        assert.deepEqual(failed.map((f) => JSON.stringify(f.message.args)), [], 'internal-error findings');
        for (const f of r.findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= m.text.length, `span ${JSON.stringify(f.span)} of ${f.rule}`);
        const len = m.text.length;
        for (const at of [0, len >> 2, len >> 1, len - 1, len]) {
          explainAt(r, Math.max(0, at), 'fr');
          completeAt(m.text, Math.max(0, at), r, 'en');
          locate(r, Math.max(0, at));
        }
        // Fix-all never breaks a file that was valid YAML.
        if (r.model.syntaxErrors.length === 0) {
          const fixed = applyTextEdits(m.text, safeFixEdits(r.findings));
          if (fixed !== m.text) assert.deepEqual(checkText(fixed).model.syntaxErrors.map((e) => e.message), [], `fix-all broke the YAML:\n${fixed}`);
        }
      });
    }
  });

  test(`the CLI exits 0 or 1 with a JSON report (${CLI_RUNS} mutants)`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-fuzz-cli-'));
    try {
      for (let i = 0; i < CLI_RUNS; i++) {
        // Spread over the run: not only the first mutants.
        const k = Math.floor((i * CORE_RUNS) / CLI_RUNS);
        const m = mutant(k);
        await property(k, m, 'cli', async () => {
          const file = path.join(dir, `m${k}.cloe.yaml`);
          fs.writeFileSync(file, m.bytes);
          const r = await runInProcess(['check', '--format', 'json', '--min-severity', 'hint', file]);
          assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
          assert.ok(Array.isArray(JSON.parse(r.stdout)), 'a JSON array');
        });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the running server', () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.initialize();
    });
    after(async () => client.stop());

    test(`answers hover and documentSymbol for every mutant, and serves the next document (${SERVER_RUNS} mutants)`, async () => {
      const uri = pathToFileURL(path.join(os.tmpdir(), 'cloe-fuzz', 'edited.cloe.yaml')).href;
      let text = SOURCES[0]!.bytes.toString('utf8');
      await client.open(uri, text);
      for (let i = 0; i < SERVER_RUNS; i++) {
        const k = Math.floor((i * CORE_RUNS) / SERVER_RUNS);
        const m = mutant(k);
        await property(k, m, 'server', async () => {
          // Half as one ranged edit (what an editor sends), half as the whole text.
          const before = TextDocument.create(uri, 'yaml', 0, text);
          let pre = 0;
          while (pre < text.length && pre < m.text.length && text[pre] === m.text[pre]) pre++;
          let suf = 0;
          while (suf < text.length - pre && suf < m.text.length - pre && text[text.length - 1 - suf] === m.text[m.text.length - 1 - suf]) suf++;
          const change = i % 2 === 0 ? { range: { start: before.positionAt(pre), end: before.positionAt(text.length - suf) }, text: m.text.slice(pre, m.text.length - suf) } : { text: m.text };
          assert.equal(TextDocument.update(before, [change], 1).getText(), m.text, 'the edit sent gives the mutant');
          const p = await client.change(uri, [change]);
          text = m.text;
          assert.ok(Array.isArray(p.diagnostics));
          // The diagnostics are those of this very text.
          const expected = checkText(text).findings.map((f) => f.rule).sort();
          assert.deepEqual(p.diagnostics.map((d) => String(d.code)).sort(), expected, 'the diagnostics of the current version');
          const doc = TextDocument.create(uri, 'yaml', 0, text);
          const position = doc.positionAt(Math.floor(text.length / 2));
          const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
          assert.ok(hover === null || typeof hover === 'object');
          const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
          assert.ok(Array.isArray(symbols));
        });
      }
      // And the next document is served as usual.
      const next = pathToFileURL(path.join(os.tmpdir(), 'cloe-fuzz', 'next.cloe.yaml')).href;
      const p = await client.open(next, 'cloe: 1\nlanguage: en\ncohorts:\n  - id: c\n    candidates:\n      - { id: X-1, name: Ana, threshold: B3 }\n');
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['invalid-level']);
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: next } })) as DocumentSymbol[];
      assert.equal(symbols[0]?.name, 'c');
      assert.equal(client.process.exitCode, null, 'the server is still running');
      assert.doesNotMatch(client.stderr, /uncaught/i);
      assert.ok(!client.logs.some((l) => /failed:/.test(l)), `handler failures logged:\n${client.logs.filter((l) => /failed:/.test(l)).join('\n')}`);
    });
  });
});
