/**
 * `cloe-grid check --fix` and `--fix-dry-run` (issue 6, "Safe fixes from the CLI"), the CLI run
 * in process (`run()`) in temporary folders holding copies of samples/invalid/. The expected bytes of each
 * fixed sample are test/fixtures/fix/<name> (a sample with no file there must stay unchanged).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkText } from '../server/src/core/check';
import { fixText, MAX_FIX_PASSES, unifiedDiff } from '../server/src/cli/fix';
import { INVALID_SAMPLES, ROOT, runInProcess } from './helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/fix');
const temps: string[] = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A temporary folder holding copies of samples/invalid/ (or of the given files). */
function workspace(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-fix-'));
  temps.push(dir);
  if (Object.keys(files).length === 0) for (const rel of INVALID_SAMPLES()) fs.copyFileSync(path.join(ROOT, rel), path.join(dir, path.basename(rel)));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const sampleNames = () => INVALID_SAMPLES().map((rel) => path.basename(rel));
const original = (name: string) => fs.readFileSync(path.join(ROOT, 'samples/invalid', name));
const expected = (name: string): Buffer => (fs.existsSync(path.join(FIXTURES, name)) ? fs.readFileSync(path.join(FIXTURES, name)) : original(name));
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name));
const toCrlf = (b: Buffer) => Buffer.from(b.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8');

test('--fix gives the exact bytes of test/fixtures/fix/ for every invalid sample', async () => {
  const dir = workspace();
  const r = await runInProcess(['check', '--fix', '--format', 'json', '.'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  JSON.parse(r.stdout); // the report of what remains
  for (const name of sampleNames()) {
    assert.ok(read(dir, name).equals(expected(name)), `${name}: the fixed bytes differ from test/fixtures/fix/${name}:\n${unifiedDiff(expected(name).toString(), read(dir, name).toString(), name)}`);
  }
  // Every fixture belongs to a sample, and each differs from it (else it is not needed).
  for (const f of fs.readdirSync(FIXTURES)) {
    assert.ok(sampleNames().includes(f), `test/fixtures/fix/${f} has no sample`);
    assert.ok(!original(f).equals(expected(f)), `test/fixtures/fix/${f} equals its sample`);
  }
  assert.ok(fs.readdirSync(FIXTURES).length >= 5);
  // No temporary file is left behind.
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('the fixes are minimal text edits: comments, blank lines, quoting and key order are kept', () => {
  const comments = (s: string) => s.match(/#.*$/gm) ?? [];
  const blanks = (s: string) => s.split('\n').filter((l) => l.trim() === '').length;
  const quotes = (s: string) => (s.match(/["']/g) ?? []).length;
  const keys = (s: string) => [...s.matchAll(/^[ -]*([A-Za-z_][\w-]*):/gm)].map((m) => m[1]!.toLowerCase());
  const isSubsequence = (a: string[], b: string[]) => {
    let i = 0;
    for (const x of b) if (x === a[i]) i++;
    return i === a.length;
  };
  for (const name of sampleNames()) {
    const before = original(name).toString('utf8');
    const after = expected(name).toString('utf8');
    assert.deepEqual(comments(after), comments(before), `${name}: comments`);
    assert.equal(blanks(after), blanks(before), `${name}: blank lines`);
    assert.equal(quotes(after), quotes(before), `${name}: quotes`);
    assert.ok(isSubsequence(keys(before), keys(after)), `${name}: key order`);
    // Only whole lines are added, or one token replaced on a line: every other line is intact.
    const a = before.split('\n');
    const b = after.split('\n');
    const kept = a.filter((l) => b.includes(l)).length;
    assert.ok(a.length - kept <= 3, `${name}: ${a.length - kept} lines changed`);
  }
});

test('running --fix twice changes nothing the second time', async () => {
  const dir = workspace();
  const first = await runInProcess(['check', '--fix', '.'], { cwd: dir });
  const after1 = new Map(sampleNames().map((n) => [n, read(dir, n)]));
  const stats1 = new Map(sampleNames().map((n) => [n, fs.statSync(path.join(dir, n)).ino]));
  const second = await runInProcess(['check', '--fix', '.'], { cwd: dir });
  for (const n of sampleNames()) {
    assert.ok(read(dir, n).equals(after1.get(n)!), `${n} changed on the second run`);
    assert.equal(fs.statSync(path.join(dir, n)).ino, stats1.get(n), `${n} was rewritten on the second run`);
  }
  assert.equal(second.code, first.code);
  assert.equal(second.stdout, first.stdout, 'the same findings remain');
  // And a dry run after the fix has nothing to show.
  const dry = await runInProcess(['check', '--fix-dry-run', '.'], { cwd: dir });
  assert.equal(dry.stdout, '');
});

test('a file with YAML syntax errors is never rewritten, and --fix says why', async () => {
  const dir = workspace();
  const file = path.join(dir, 'syntax-error.cloe.yaml');
  const ino = fs.statSync(file).ino;
  const r = await runInProcess(['check', '--fix', 'syntax-error.cloe.yaml'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.ok(read(dir, 'syntax-error.cloe.yaml').equals(original('syntax-error.cloe.yaml')));
  assert.equal(fs.statSync(file).ino, ino);
  assert.match(r.stderr, /syntax-error\.cloe\.yaml: not fixed: the file has YAML syntax errors/);
  assert.match(r.stdout, /yaml-syntax/);
  // The safe fixes it would otherwise get are there (threshold-defaulted): only the YAML error blocks them.
  const result = checkText(original('syntax-error.cloe.yaml').toString());
  assert.ok(result.findings.some((f) => f.fixes?.some((x) => x.safe)));
});

test('a file that is not valid UTF-8 is never rewritten', async () => {
  // Latin-1 "é" (0xE9) in a name, and a safe fix pending (the defaulted threshold).
  const bytes = Buffer.concat([
    Buffer.from('cloe: 1\nlanguage: en\ncohorts:\n  - id: c\n    candidates:\n      - id: X-1\n        name: Ren', 'utf8'),
    Buffer.from([0xe9]),
    Buffer.from('e Roy\n        profession: Comptable\n        result: B1\n', 'utf8'),
  ]);
  const dir = workspace({ 'latin1.cloe.yaml': bytes });
  const r = await runInProcess(['check', '--fix', '--format', 'json', 'latin1.cloe.yaml'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.ok(read(dir, 'latin1.cloe.yaml').equals(bytes));
  const findings = JSON.parse(r.stdout) as { rule: string; message: string; range: { start: { line: number; character: number } } }[];
  const bad = findings.find((f) => f.rule === 'yaml-syntax');
  assert.ok(bad && /UTF-8/.test(bad.message));
  assert.deepEqual(bad.range.start, { line: 6, character: 17 });
});

test('--fix keeps the file permissions (chmod 640) and replaces the file atomically', async () => {
  const dir = workspace();
  const file = path.join(dir, 'levels.cloe.yaml');
  fs.chmodSync(file, 0o640);
  const ino = fs.statSync(file).ino;
  const r = await runInProcess(['check', '--fix', 'levels.cloe.yaml'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const st = fs.statSync(file);
  assert.equal(st.mode & 0o7777, 0o640);
  assert.notEqual(st.ino, ino, 'written to a temporary file, then renamed over the original');
  assert.ok(read(dir, 'levels.cloe.yaml').equals(expected('levels.cloe.yaml')));
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('.')), []);
});

test('--fix rewrites the target of a symbolic link and keeps the link', { skip: process.platform === 'win32' }, async () => {
  const dir = workspace();
  fs.mkdirSync(path.join(dir, 'real'));
  fs.renameSync(path.join(dir, 'levels.cloe.yaml'), path.join(dir, 'real', 'levels.cloe.yaml'));
  fs.symlinkSync(path.join('real', 'levels.cloe.yaml'), path.join(dir, 'link.cloe.yaml'));
  await runInProcess(['check', '--fix', 'link.cloe.yaml'], { cwd: dir });
  assert.ok(fs.lstatSync(path.join(dir, 'link.cloe.yaml')).isSymbolicLink());
  assert.ok(read(dir, 'real/levels.cloe.yaml').equals(expected('levels.cloe.yaml')));
});

test('--fix-dry-run prints a unified diff, writes nothing, and reports on stderr', async () => {
  const dir = workspace();
  const before = new Map(sampleNames().map((n) => [n, read(dir, n)]));
  const r = await runInProcess(['check', '--fix-dry-run', '.'], { cwd: dir });
  assert.equal(r.code, 1);
  for (const n of sampleNames()) assert.ok(read(dir, n).equals(before.get(n)!), `${n} was written`);
  // The diff, file by file, then the report of the files as they are (on stderr).
  assert.match(r.stdout, /^--- bad-version\.cloe\.yaml\n\+\+\+ bad-version\.cloe\.yaml\n@@ -17,6 \+17,7 @@\n/);
  assert.ok(r.stdout.includes('-        threshold: b2\n+        threshold: B2\n'));
  assert.ok(!r.stdout.includes('syntax-error.cloe.yaml'), 'no diff for a file that is not fixed');
  assert.match(r.stderr, /levels\.cloe\.yaml\n\s+22:20\s+error\s+"b2" is not a CEFR level/);
  // Applied with patch(1), the diff gives exactly what --fix writes.
  const patch = spawnSync('patch', ['-p0', '--quiet'], { cwd: dir, input: r.stdout });
  if (patch.error) return; // no patch(1) here: the exact text of the hunks is checked above
  assert.equal(patch.status, 0, String(patch.stderr) + String(patch.stdout));
  for (const n of sampleNames()) assert.ok(read(dir, n).equals(expected(n)), `${n}: the patched file differs from test/fixtures/fix/${n}`);
});

test('CRLF files stay CRLF, a byte order mark is kept, and positions are right', async () => {
  const crlf = toCrlf(original('levels.cloe.yaml'));
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), original('cohorts.cloe.yaml')]);
  const dir = workspace({ 'levels.cloe.yaml': crlf, 'cohorts.cloe.yaml': bom });
  const dry = await runInProcess(['check', '--fix-dry-run', '--format', 'json', '.'], { cwd: dir });
  assert.ok(dry.stdout.includes('-        threshold: b2\r\n+        threshold: B2\r\n'), 'the diff keeps the line ends');
  const report = JSON.parse(dry.stderr) as { file: string; rule: string; range: { start: { line: number; character: number } } }[];
  const b2 = report.find((f) => f.file === 'levels.cloe.yaml' && f.rule === 'invalid-level');
  assert.deepEqual(b2?.range.start, { line: 21, character: 19 });
  const r = await runInProcess(['check', '--fix', '.'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.ok(read(dir, 'levels.cloe.yaml').equals(toCrlf(expected('levels.cloe.yaml'))), 'every line ends with CRLF, inserted ones too');
  assert.ok(read(dir, 'cohorts.cloe.yaml').equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), expected('cohorts.cloe.yaml')])));
  // The BOM is no character of line 1: "cloe: 1" is at column 1 (and line 13 "english" at 11).
  const again = await runInProcess(['check', '--format', 'json', 'cohorts.cloe.yaml'], { cwd: dir });
  const lang = (JSON.parse(again.stdout) as { rule: string; range: { start: { line: number; character: number } } }[]).find((f) => f.rule === 'invalid-language');
  assert.deepEqual(lang?.range.start, { line: 12, character: 10 });
});

test('--fix on stdin prints the fixed text on stdout and the report on stderr', async () => {
  const r = await runInProcess(['check', '--fix', '--format', 'json', '--stdin-filename', 'levels.cloe.yaml', '-'], { input: original('levels.cloe.yaml').toString() });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, expected('levels.cloe.yaml').toString());
  // The report is about the fixed text: "b2" is fixed, "B3" remains.
  const report = JSON.parse(r.stderr) as { file: string; rule: string; message: string }[];
  assert.ok(report.every((f) => f.file === 'levels.cloe.yaml'));
  assert.deepEqual(report.filter((f) => f.rule === 'invalid-level').map((f) => f.message.slice(0, 5)), ['"B3" ']);
  // Text with nothing to fix comes back as it was; a syntax error too.
  const same = await runInProcess(['check', '--fix', '-'], { input: original('syntax-error.cloe.yaml').toString() });
  assert.equal(same.stdout, original('syntax-error.cloe.yaml').toString());
  assert.match(same.stderr, /not fixed: the file has YAML syntax errors/);
});

test('--fix with report, or with --fix-dry-run, is a usage error (exit 2)', async () => {
  const dir = workspace();
  for (const args of [['report', '--fix', '.'], ['report', '--fix-dry-run', '.'], ['check', '--fix', '--fix-dry-run', '.']]) {
    const r = await runInProcess(args, { cwd: dir });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^cloe-grid: .*--fix/);
  }
  for (const n of sampleNames()) assert.ok(read(dir, n).equals(original(n)));
});

test('--fix and --fix-dry-run are in --help', async () => {
  const r = await runInProcess(['--help']);
  assert.match(r.stdout, /--fix\s/);
  assert.match(r.stdout, /--fix-dry-run\s/);
});

test('fixText applies fixes until none is left, boundedly', () => {
  // The version fix (quoted "1" → 1) and a level fix, then nothing.
  const text = 'cloe: "1"\nlanguage: EN\ncohorts:\n  - id: c\n    candidates:\n      - { id: X-1, name: Ana, threshold: b1, result: b1 }\n';
  const out = fixText(text, (t) => checkText(t));
  assert.equal(out.text, 'cloe: 1\nlanguage: en\ncohorts:\n  - id: c\n    candidates:\n      - { id: X-1, name: Ana, threshold: B1, result: B1 }\n');
  assert.equal(out.pending, 0);
  assert.ok(MAX_FIX_PASSES >= 2);
  assert.equal(fixText(out.text, (t) => checkText(t)).edits, 0);
});

test('unifiedDiff: hunks, context, insertions at the top, no newline at the end', () => {
  assert.equal(unifiedDiff('a\n', 'a\n', 'f'), '');
  assert.equal(unifiedDiff('b\nc\n', 'a\nb\nc\n', 'f'), '--- f\n+++ f\n@@ -1,2 +1,3 @@\n+a\n b\n c\n');
  assert.equal(unifiedDiff('a\nb', 'a\nc', 'f'), '--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  assert.equal(unifiedDiff('', 'x\n', 'f'), '--- f\n+++ f\n@@ -0,0 +1,1 @@\n+x\n');
  const lines = Array.from({ length: 30 }, (_, i) => `l${i}\n`);
  const changed = [...lines];
  changed[2] = 'X\n';
  changed[25] = 'Y\n';
  const d = unifiedDiff(lines.join(''), changed.join(''), 'f');
  assert.equal((d.match(/^@@/gm) ?? []).length, 2, d);
  assert.ok(d.includes('@@ -1,6 +1,6 @@\n l0\n l1\n-l2\n+X\n l3\n l4\n l5\n'), d);
  assert.ok(d.includes('@@ -23,7 +23,7 @@\n'), d);
});
