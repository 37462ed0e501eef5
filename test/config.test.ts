/**
 * One configuration for the editor and CI: the CLI and the server, given the same tree of folders
 * with configurations, extra grids and suppression comments, produce exactly the same findings.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { ROOT, runInProcess } from './helpers';
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

function copyTree(fixture = 'config-tree'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cloe-config-'));
  cpSync(path.join(ROOT, 'test/fixtures', fixture), dir, { recursive: true });
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
  const r = await runInProcess(['check', '--format', 'json', '--min-severity', 'hint', ...args, '.'], { cwd });
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
    const r = await runInProcess(['check', '--print-config', 'test/fixtures/config-tree/team-a/cohorts/2026/printemps.yaml']);
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
    const r = await runInProcess(['check', '--format', 'json', '--config', 'test/fixtures/config-tree/team-a/cloe.config.yaml', 'test/fixtures/config-tree/plain/defaults.cloe.yaml']);
    const rules = (JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.rule);
    assert.ok(!rules.includes('unknown-profession'), 'Sommelier from team A’s grid');
    assert.ok(!rules.includes('threshold-defaulted'), 'off in team A’s configuration');
    const missing = await runInProcess(['check', '--config', 'nope.yaml', 'samples']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read the configuration "nope.yaml"/);
  });

  test('--no-inline-config ignores suppressions; --report-unused-disable-directives fails on unused ones', async () => {
    const cwd = path.join(ROOT, 'test/fixtures/config-tree/team-a');
    const plain = await runInProcess(['check', '--format', 'json', 'cohorts'], { cwd });
    const ignoring = await runInProcess(['check', '--format', 'json', '--no-inline-config', 'cohorts'], { cwd });
    const rulesOf = (s: string) => (JSON.parse(s) as JsonFinding[]).map((f) => f.rule);
    assert.ok(!rulesOf(plain.stdout).includes('outcome-unknown'));
    assert.ok(rulesOf(ignoring.stdout).includes('outcome-unknown'));
    assert.ok(rulesOf(ignoring.stdout).includes('threshold-below-recommended'));
    const strict = await runInProcess(['check', '--format', 'json', '--report-unused-disable-directives', 'cohorts/2026/ete.cloe.yaml'], { cwd });
    assert.equal(strict.code, 1);
    assert.deepEqual(rulesOf(strict.stdout), ['unused-suppression']);
  });

  test('folders include the files matched by a configuration’s `files` patterns', async () => {
    const r = await runInProcess(['check', '--format', 'json', '--min-severity', 'hint', 'test/fixtures/config-tree']);
    const files = new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file));
    assert.ok(files.has('test/fixtures/config-tree/team-a/cohorts/2026/printemps.yaml'));
    assert.ok(!files.has('test/fixtures/config-tree/plain/ignored.yaml'));
  });
});

/**
 * The trees of folders the faces must agree on, each a repository (a .git folder is made in the
 * copy), opened in the editor from its root and from a folder below its configuration; `shows`
 * checks that the configuration is at work there, so that agreement is not agreement on nothing.
 */
const REPOSITORIES: { fixture: string; subfolder: string; shows: (cli: Map<string, string[]>) => void }[] = [
  {
    fixture: 'config-tree',
    subfolder: 'team-a/cohorts',
    shows: (cli) => assert.ok(!(cli.get('team-a/cohorts/2026/printemps.yaml') ?? []).some((k) => k.startsWith('threshold-defaulted'))),
  },
  {
    // The case of the issue: team/cloe.config.yaml turns threshold-below-recommended off, raises
    // unknown-key to an error and adds a profession from a grid file; team/sub/a.cloe.yaml (with a
    // suppression comment) and outside.cloe.yaml, at the root, hold the same text.
    fixture: 'config-repo',
    subfolder: 'team/sub',
    shows: (cli) => {
      const below = (cli.get('team/sub/a.cloe.yaml') ?? []).map((k) => `${k.split(' ')[0]} ${k.split(' ')[2]}`);
      const outside = (cli.get('outside.cloe.yaml') ?? []).map((k) => `${k.split(' ')[0]} ${k.split(' ')[2]}`);
      assert.deepEqual(below, ['threshold-defaulted hint', 'unknown-key error'], 'below team/: its configuration');
      assert.deepEqual(outside, ['threshold-below-recommended warning', 'unknown-key warning', 'unknown-profession warning'], 'at the root: the defaults');
    },
  },
];

describe('one configuration lookup for the CLI, open documents and Check Workspace (issue 13)', () => {
  const trees = new Map<string, string>();
  before(() => {
    for (const { fixture } of REPOSITORIES) {
      const tree = copyTree(fixture);
      // A repository: the lookup stops at its root, for every face.
      mkdirSync(path.join(tree, '.git'));
      trees.set(fixture, tree);
    }
  });
  after(() => {
    for (const tree of trees.values()) rmSync(tree, { recursive: true, force: true });
  });

  const serverKey = (d: Diagnostic) => `${diagnosticKey(d)} ${SEVERITY[d.severity ?? 0]} ${d.message as string}`;

  for (const { fixture, subfolder, shows } of REPOSITORIES) {
    for (const folder of ['.', subfolder]) {
      test(`${fixture}, opened from ${folder === '.' ? 'the repository root' : `a subfolder (${folder})`}: the same findings (rule, severity, range, message) from the CLI, an open document and Check Workspace`, async () => {
        const tree = trees.get(fixture)!;
        const opened = path.join(tree, folder);
        // CI: \`cloe-grid check .\` at the root of the repository.
        const cli = await cliFindings(tree);
        shows(cli);
        const files = walk(tree).filter((f) => !f.endsWith('ignored.yaml'));
        // Check Workspace first (for files that are not open, it publishes its own diagnostics).
        const client = new TestClient({ workspaceFolder: opened });
        try {
          await client.initialize();
          const uris = files.map((f) => pathToFileURL(f).href);
          const published = uris.map((u) => client.waitDiagnostics(u));
          const counts = (await client.connection.sendRequest('cloe/checkFiles', { uris })) as { files: number };
          assert.equal(counts.files, files.length);
          const workspace = await Promise.all(published);
          for (const [i, file] of files.entries()) {
            const rel = path.relative(tree, file).split(path.sep).join('/');
            const expected = cli.get(rel) ?? [];
            // The CLI run from the folder the editor opened, on this file alone (a faulty
            // configuration's findings come too, reported on the configuration).
            const named = path.relative(opened, file).split(path.sep).join('/');
            const alone = await runInProcess(['check', '--format', 'json', '--min-severity', 'hint', named], { cwd: opened });
            assert.ok(alone.code === 0 || alone.code === 1, `${rel}: exit ${alone.code}: ${alone.stderr}`);
            const own = (JSON.parse(alone.stdout) as JsonFinding[]).filter((f) => path.resolve(opened, f.file) === file);
            assert.deepEqual(own.map(keyOf).sort(), expected, `the CLI from ${folder}: ${rel}`);
            assert.deepEqual(workspace[i]!.diagnostics.map(serverKey).sort(), expected, `Check Workspace: ${rel}`);
            const open = await client.open(uris[i]!, readFileSync(file, 'utf8'));
            assert.deepEqual(open.diagnostics.map(serverKey).sort(), expected, `open document: ${rel}`);
          }
        } finally {
          await client.stop();
        }
      });
    }
  }
});

describe('configuration files named on the command line, and what `grid:` may name (issue 18)', () => {
  let repo: string;
  let outside: string;
  const GRID_WITH_SOMMELIER = 'cloe: 1\ncohorts:\n  - id: c1\n    candidates:\n      - id: A1\n        name: Ann\n        profession: Caviste\n        result: B2\n';
  before(() => {
    outside = mkdtempSync(path.join(os.tmpdir(), 'cloe-outside-'));
    writeFileSync(path.join(outside, 'shared.cloe.yaml'), 'cloe: 1\nprofessions:\n  - name: Caviste\n    threshold: B1\n');
    repo = mkdtempSync(path.join(os.tmpdir(), 'cloe-repo-'));
    mkdirSync(path.join(repo, '.git'));
    writeFileSync(path.join(repo, 'list.cloe.yaml'), '- a\n- b\n');
    writeFileSync(path.join(repo, 'notes.txt'), 'root:x:0:0:root:/root:/bin/bash\n');
    const rel = path.relative(repo, path.join(outside, 'shared.cloe.yaml')).split(path.sep).join('/');
    writeFileSync(path.join(repo, 'cloe.config.yaml'), `grid:\n  - /etc/passwd\n  - notes.txt\n  - list.cloe.yaml\n  - ${rel}\n`);
    writeFileSync(path.join(repo, 'a.cloe.yaml'), GRID_WITH_SOMMELIER);
  });
  after(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('`check cloe.config.yaml` checks it as a configuration: the findings `check .` gives for it', async () => {
    const named = await runInProcess(['check', '--format', 'json', 'cloe.config.yaml'], { cwd: repo });
    assert.equal(named.code, 1, named.stderr);
    const findings = (JSON.parse(named.stdout) as JsonFinding[]).map(keyOf);
    assert.ok(!findings.some((f) => /Unknown key|cloe: 1/.test(f)), findings.join('\n'));
    const all = await cliFindings(repo);
    assert.deepEqual([...findings].sort(), all.get('cloe.config.yaml'));
    // A configuration with no problem: checked, nothing to say, exit 0.
    const team = await runInProcess(['check', 'test/fixtures/config-tree/team-a/cloe.config.yaml']);
    assert.equal(team.code, 0, team.stdout + team.stderr);
    assert.match(team.stdout, /0 errors, 0 warnings in 1 file/);
  });

  test('a `grid:` entry that is not a grid file is invalid-config; one outside the repository a warning, still read', async () => {
    const config = (await cliFindings(repo)).get('cloe.config.yaml') ?? [];
    assert.match(config.join('\n'), /^invalid-config 1:4-1:15 error "\/etc\/passwd" is not a grid file: its name ends neither in \.cloe\.yaml/m);
    assert.match(config.join('\n'), /^invalid-config 2:4-2:13 error "notes\.txt" is not a grid file/m);
    assert.match(config.join('\n'), /^invalid-config 3:4-3:18 error "list\.cloe\.yaml" is not a grid file: it does not hold a YAML mapping/m);
    assert.match(config.join('\n'), /^invalid-config 1:4-1:15 warning Grid file "\/etc\/passwd" lies outside the repository/m);
    assert.match(config.join('\n'), /^invalid-config 4:4-4:\d+ warning Grid file ".*shared\.cloe\.yaml" lies outside the repository/m);
    assert.equal(config.length, 5, config.join('\n'));
    // Trusted (the CLI): the grid outside is read, its profession known.
    const grid = (await cliFindings(repo)).get('a.cloe.yaml') ?? [];
    assert.ok(!grid.some((f) => f.startsWith('unknown-profession')), grid.join('\n'));
  });

  test('in an untrusted workspace (initializationOptions.trusted: false) the server does not read a grid file outside the repository', async () => {
    for (const trusted of [true, false]) {
      const client = new TestClient({ workspaceFolder: repo, initializationOptions: { trusted } });
      try {
        await client.initialize();
        const configUri = pathToFileURL(path.join(repo, 'cloe.config.yaml')).href;
        const config = await client.open(configUri, readFileSync(path.join(repo, 'cloe.config.yaml'), 'utf8'));
        const messages = config.diagnostics.map((d) => `${SEVERITY[d.severity ?? 0]} ${d.message as string}`).join('\n');
        if (trusted) assert.match(messages, /warning Grid file ".*shared\.cloe\.yaml" lies outside the repository \(.*\): CI/);
        else assert.match(messages, /warning Grid file ".*shared\.cloe\.yaml" lies outside the repository \(.*\) and this workspace is not trusted: it is not read/);
        const grid = await client.open(pathToFileURL(path.join(repo, 'a.cloe.yaml')).href, GRID_WITH_SOMMELIER);
        assert.equal(
          grid.diagnostics.some((d) => d.code === 'unknown-profession'),
          !trusted,
          grid.diagnostics.map((d) => d.message).join('\n'),
        );
      } finally {
        await client.stop();
      }
    }
  });
});
