/**
 * One configuration for the editor and CI: the CLI and the server, given the same tree of folders
 * with configurations, extra grids and suppression comments, produce exactly the same findings.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { ROOT, runCli } from './helpers';
import { diagnosticKey, TestClient } from './lsp-client';

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const keyOf = (f: JsonFinding) => `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.message}`;

function copyTree(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cloe-config-'));
  cpSync(path.join(ROOT, 'test/fixtures/config-tree'), dir, { recursive: true });
  return dir;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir).sort()) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(e)) out.push(p);
  }
  return out;
}

async function cliFindings(cwd: string, args: string[] = []): Promise<Map<string, string[]>> {
  const r = await runCli(['check', '--format', 'json', '--min-severity', 'hint', ...args, '.'], { cwd });
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  const byFile = new Map<string, string[]>();
  for (const f of JSON.parse(r.stdout) as JsonFinding[]) byFile.set(f.file, [...(byFile.get(f.file) ?? []), keyOf(f)]);
  for (const v of byFile.values()) v.sort();
  return byFile;
}

describe('configuration tree: the CLI and the server agree', () => {
  let tree: string;
  let client: TestClient;

  before(async () => {
    tree = copyTree();
    client = new TestClient({ workspaceFolder: tree });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    rmSync(tree, { recursive: true, force: true });
  });

  test('every file of the tree gets the same findings from both', async () => {
    const cli = await cliFindings(tree);
    assert.ok(cli.size >= 4, `files with findings: ${[...cli.keys()].join(', ')}`);
    for (const file of walk(tree)) {
      const rel = path.relative(tree, file).split(path.sep).join('/');
      const uri = pathToFileURL(file).href;
      const text = readFileSync(file, 'utf8');
      if (rel === 'plain/ignored.yaml') {
        assert.equal(cli.has(rel), false, 'not a grid file: the CLI does not check it');
        continue;
      }
      const p = await client.open(uri, text);
      const server = p.diagnostics.map((d) => `${diagnosticKey(d)} ${SEVERITY[d.severity ?? 0]} ${d.message as string}`).sort();
      assert.deepEqual(server, cli.get(rel) ?? [], rel);
    }
  });

  test('the tree shows each part of the configuration at work', async () => {
    const cli = await cliFindings(tree);
    const spring = (cli.get('team-a/cohorts/2026/printemps.yaml') ?? []).join('\n');
    assert.match(spring, /^unknown-key .* information Unknown key "notes"/m, 'rules: severity changed');
    assert.match(spring, /^empty-cohort .* error /m, 'rules: warning raised to error');
    assert.doesNotMatch(spring, /threshold-defaulted|outcome-unknown|unknown-profession/, 'off, suppressed, and grid professions known');
    // A-002's threshold is suppressed on its line; A-003's (line 19) is not.
    assert.deepEqual(spring.split('\n').filter((l) => l.startsWith('threshold-below-recommended')).map((l) => l.split(' ')[1]), ['18:19-18:21']);
    const summer = (cli.get('team-a/cohorts/2026/ete.cloe.yaml') ?? []).join('\n');
    assert.match(summer, /^unused-suppression .* hint This comment disables "invalid-level"/m);
    assert.doesNotMatch(summer, /unknown-profession/, 'Wine waiter comes from the extra grid');
    const config = (cli.get('team-b/cloe.config.yaml') ?? []).join('\n');
    assert.match(config, /invalid-config 2:2-2:19 error "unknown-profesion" is not a rule id: did you mean "unknown-profession"\?/);
    assert.match(config, /invalid-config .* error Severity "loud" of "duplicate-id"/);
    assert.match(config, /invalid-config .* error Grid file "grids\/absent.cloe.yaml" cannot be read/);
    const winter = (cli.get('team-b/hiver.cloe.yaml') ?? []).join('\n');
    assert.match(winter, /^invalid-date .* warning /m, 'the valid parts of a faulty configuration still apply');
    assert.match(winter, /^unknown-profession /m);
    const plain = (cli.get('plain/defaults.cloe.yaml') ?? []).join('\n');
    assert.match(plain, /^unknown-profession .* warning "Sommelier"/m, 'no configuration: built-in grid only');
    assert.match(plain, /^threshold-defaulted .* hint/m);
  });

  test('a configuration edited in the editor re-validates the open grid files', async () => {
    const configPath = path.join(tree, 'team-a/cloe.config.yaml');
    const gridUri = pathToFileURL(path.join(tree, 'team-a/cohorts/2026/printemps.yaml')).href;
    const first = await client.open(gridUri, readFileSync(path.join(tree, 'team-a/cohorts/2026/printemps.yaml'), 'utf8'));
    assert.ok(first.diagnostics.some((d) => d.code === 'empty-cohort'));
    const configUri = pathToFileURL(configPath).href;
    await client.open(configUri, readFileSync(configPath, 'utf8'));
    const revalidated = client.waitDiagnostics(gridUri, (p) => !p.diagnostics.some((d) => d.code === 'empty-cohort'));
    await client.change(configUri, [{ text: readFileSync(configPath, 'utf8').replace('empty-cohort: error', 'empty-cohort: off') }]);
    await revalidated;
    await client.close(configUri);
  });

  test('a configuration written on disk re-validates the open grid files', async () => {
    const file = path.join(tree, 'plain/defaults.cloe.yaml');
    const uri = pathToFileURL(file).href;
    const first = await client.open(uri, readFileSync(file, 'utf8'));
    assert.ok(first.diagnostics.some((d) => d.code === 'unknown-profession'));
    const configPath = path.join(tree, 'plain/cloe.config.yaml');
    writeFileSync(configPath, 'rules:\n  unknown-profession: off\n');
    const revalidated = client.waitDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unknown-profession'));
    await client.filesChanged([{ uri: pathToFileURL(configPath).href, type: 1 }]);
    await revalidated;
    rmSync(configPath);
    const back = client.waitDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-profession'));
    await client.filesChanged([{ uri: pathToFileURL(configPath).href, type: 3 }]);
    await back;
  });

  test('quick fixes disable a rule for one line or for the file, with a comment', async () => {
    const file = path.join(tree, 'plain/defaults.cloe.yaml');
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const p = await client.change(uri, [{ text }]);
    const d = p.diagnostics.find((x) => x.code === 'unknown-profession')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable unknown-profession for this line'), titles.join(', '));
    assert.ok(titles.includes('Disable unknown-profession for this file'), titles.join(', '));
    for (const title of ['Disable unknown-profession for this line', 'Disable unknown-profession for this file']) {
      const edits = ((actions.find((a) => a.title === title)!.edit as WorkspaceEdit).changes?.[uri] ?? []) as TextEdit[];
      assert.equal(edits.length, 1);
      const lines = text.split('\n');
      const e = edits[0]!;
      lines.splice(e.range.start.line, 0, e.newText.replace(/\n$/, ''));
      const fixed = lines.join('\n');
      if (title.endsWith('line')) assert.match(fixed, /\n {8}# cloe-disable-next-line unknown-profession\n {8}profession: Sommelier/);
      else assert.match(fixed, /^# cloe-disable unknown-profession\n/);
      const after = await client.change(uri, [{ text: fixed }]);
      assert.ok(!after.diagnostics.some((x) => x.code === 'unknown-profession'), title);
    }
  });
});

describe('configuration from the command line', () => {
  test('--print-config shows the configuration that applies to a file', async () => {
    const r = await runCli(['check', '--print-config', 'test/fixtures/config-tree/team-a/cohorts/2026/printemps.yaml']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { config: string; isGridFile: boolean; rules: Record<string, string>; professions: string[]; grid: string[] };
    assert.equal(out.config, 'test/fixtures/config-tree/team-a/cloe.config.yaml');
    assert.equal(out.isGridFile, true);
    assert.equal(out.rules['threshold-defaulted'], 'off');
    assert.equal(out.rules['empty-cohort'], 'error');
    assert.equal(out.rules['duplicate-id'], 'error');
    assert.deepEqual(out.professions, ['Sommelier', 'Analyste de données']);
    assert.deepEqual(out.grid, ['test/fixtures/config-tree/team-a/grids/metiers-locaux.cloe.yaml']);
  });

  test('--config overrides the lookup; a missing one is a usage error', async () => {
    const r = await runCli(['check', '--format', 'json', '--config', 'test/fixtures/config-tree/team-a/cloe.config.yaml', 'test/fixtures/config-tree/plain/defaults.cloe.yaml']);
    const rules = (JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.rule);
    assert.ok(!rules.includes('unknown-profession'), 'Sommelier from team A’s grid');
    assert.ok(!rules.includes('threshold-defaulted'), 'off in team A’s configuration');
    const missing = await runCli(['check', '--config', 'nope.yaml', 'samples']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read the configuration "nope.yaml"/);
  });

  test('--no-inline-config ignores suppressions; --report-unused-disable-directives fails on unused ones', async () => {
    const cwd = path.join(ROOT, 'test/fixtures/config-tree/team-a');
    const plain = await runCli(['check', '--format', 'json', 'cohorts'], { cwd });
    const ignoring = await runCli(['check', '--format', 'json', '--no-inline-config', 'cohorts'], { cwd });
    const rulesOf = (s: string) => (JSON.parse(s) as JsonFinding[]).map((f) => f.rule);
    assert.ok(!rulesOf(plain.stdout).includes('outcome-unknown'));
    assert.ok(rulesOf(ignoring.stdout).includes('outcome-unknown'));
    assert.ok(rulesOf(ignoring.stdout).includes('threshold-below-recommended'));
    const strict = await runCli(['check', '--format', 'json', '--report-unused-disable-directives', 'cohorts/2026/ete.cloe.yaml'], { cwd });
    assert.equal(strict.code, 1);
    assert.deepEqual(rulesOf(strict.stdout), ['unused-suppression']);
  });

  test('folders include the files matched by a configuration’s `files` patterns', async () => {
    const r = await runCli(['check', '--format', 'json', '--min-severity', 'hint', 'test/fixtures/config-tree']);
    const files = new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file));
    assert.ok(files.has('test/fixtures/config-tree/team-a/cohorts/2026/printemps.yaml'));
    assert.ok(!files.has('test/fixtures/config-tree/plain/ignored.yaml'));
  });
});
