/**
 * CI where the users are (issue 16): the GitLab Code Quality format, the GitHub Action's script
 * (scripts/action.mjs, run as the runner runs it, against temporary git repositories) and the npm
 * package installed from its tarball into a clean prefix.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as yaml from 'yaml';
import * as lazyYaml from '../server/src/cli/lazy-yaml';
import { CLI, type CliResult, INVALID_SAMPLES, ROOT, readRepoFile, runInProcess, VALID_SAMPLES } from './helpers';

const tempDirs: string[] = [];
after(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-ci-'));
  tempDirs.push(dir);
  return dir;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text, 'utf8');
  }
}

function validator(schemaFile: string) {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readRepoFile(schemaFile)) as object);
}

// ------------------------------------------------------------------------------------ gitlab

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number }; end: { line: number } };
}

function parse<T>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch (e) {
    assert.fail(`stdout is not JSON (${(e as Error).message}): ${r.stdout.slice(0, 300)} / stderr: ${r.stderr}`);
  }
}

test('--format gitlab: a Code Quality report with GitLab\'s documented fields, one issue per finding of --format json', async () => {
  // The samples, plus a configuration that makes one rule information: every severity of ours is there.
  const dir = tempDir();
  for (const f of [...INVALID_SAMPLES(), ...VALID_SAMPLES()]) write(dir, { [f]: readRepoFile(f) });
  write(dir, { 'cloe.config.yaml': 'rules:\n  unknown-profession: information\n' });
  const args = ['check', '--min-severity', 'hint', 'samples'];
  const gitlab = await runInProcess([...args, '--format', 'gitlab'], { cwd: dir });
  const json = await runInProcess([...args, '--format', 'json'], { cwd: dir });
  assert.equal(gitlab.code, 1, gitlab.stderr);
  assert.equal(gitlab.stderr, '');
  const issues = parse<CodeQualityIssue[]>(gitlab);
  const findings = parse<JsonFinding[]>(json);

  const validate = validator('test/fixtures/gitlab-codequality.schema.json');
  assert.ok(validate(issues), `not a Code Quality report: ${JSON.stringify(validate.errors, null, 2)}`);
  assert.equal(issues.length, findings.length);
  const severity: Record<string, string> = { hint: 'info', information: 'minor', warning: 'major', error: 'critical' };
  issues.forEach((issue, i) => {
    const f = findings[i]!;
    assert.equal(issue.check_name, f.rule);
    assert.equal(issue.description, f.message);
    assert.equal(issue.severity, severity[f.severity]);
    assert.equal(issue.location.path, f.file);
    assert.equal(issue.location.lines.begin, f.range.start.line + 1);
    assert.equal(issue.location.lines.end, f.range.end.line + 1);
  });
  // Every severity of ours is there, so the whole mapping is exercised.
  assert.deepEqual([...new Set(findings.map((f) => f.severity))].sort(), ['error', 'hint', 'information', 'warning']);
  // GitLab keeps one issue per fingerprint: two findings never share one.
  assert.equal(new Set(issues.map((x) => x.fingerprint)).size, issues.length);
  // The same findings give the same fingerprints (GitLab compares pipelines by them).
  assert.deepEqual(parse<CodeQualityIssue[]>(await runInProcess([...args, '--format', 'gitlab'], { cwd: dir })).map((x) => x.fingerprint), issues.map((x) => x.fingerprint));
});

test('--format gitlab: a fingerprint follows its finding, not the other findings of the file', async () => {
  const dir = tempDir();
  const one = `cloe: 1
cohorts:
  - id: c
    name: C
    candidates:
      - id: X-1
        name: A
        profession: Réceptionniste
        result: B3
`;
  write(dir, { 'a.cloe.yaml': one, 'b.cloe.yaml': one.replace('result: B3', 'result: B3\n        colour: blue') });
  const issues = parse<CodeQualityIssue[]>(await runInProcess(['check', '--format', 'gitlab', 'a.cloe.yaml', 'b.cloe.yaml'], { cwd: dir }));
  assert.deepEqual(issues.map((x) => [x.location.path, x.check_name]), [['a.cloe.yaml', 'invalid-level'], ['b.cloe.yaml', 'invalid-level'], ['b.cloe.yaml', 'unknown-key']]);
  // Same rule, range and message in another file: another fingerprint.
  assert.notEqual(issues[0]!.fingerprint, issues[1]!.fingerprint);
  // A warning added after it leaves the fingerprint of b's error as it was alone.
  write(dir, { 'b.cloe.yaml': one });
  const before = parse<CodeQualityIssue[]>(await runInProcess(['check', '--format', 'gitlab', 'b.cloe.yaml'], { cwd: dir }));
  assert.equal(before[0]!.fingerprint, issues[1]!.fingerprint);
});

// ------------------------------------------------------------------------------------ start

test('lazy-yaml (the yaml package of the CLI bundle): each export stands for the package\'s own until first used, then is it', () => {
  // (Nothing else in this test process loads lazy-yaml: the first use below loads the package.)
  assert.notEqual(lazyYaml.Scalar, yaml.Scalar, 'not loaded yet');
  const scalar = new lazyYaml.Scalar('B2');
  assert.ok(scalar instanceof yaml.Scalar, '`new` on the stand-in builds the package\'s Scalar');
  const names = ['isAlias', 'isCollection', 'isMap', 'isPair', 'isScalar', 'isSeq', 'parseDocument', 'Scalar', 'visit'] as const;
  for (const name of names) assert.equal(lazyYaml[name], yaml[name], `${name} is the package's own once loaded`);
  assert.deepEqual(Object.keys(lazyYaml).sort(), [...names].sort(), 'exports nothing else');
  assert.equal(lazyYaml.Scalar.QUOTE_DOUBLE, 'QUOTE_DOUBLE');
  assert.ok(lazyYaml.isMap(lazyYaml.parseDocument('a: 1').contents));
});

test('cloe-grid check on a plain grid file loads neither the language server nor the yaml package', () => {
  // dist/cli.js alone, without dist/server.js and dist/yaml.js beside it.
  const dir = tempDir();
  fs.copyFileSync(CLI, path.join(dir, 'cli.js'));
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  const plain = run('check', ...VALID_SAMPLES());
  assert.equal(plain.status, 0, plain.stderr);
  // What the fast parser cannot read needs the yaml package; the language server needs its bundle.
  const syntax = run('check', 'samples/invalid/syntax-error.cloe.yaml');
  assert.match(syntax.stdout, /Cannot find module '\.\/yaml\.js'/);
  const server = run('--stdio');
  assert.notEqual(server.status, 0);
  assert.match(server.stderr, /Cannot find module '\.\/server\.js'/);
});

// ------------------------------------------------------------------------------------ the Action

const SESSION_BASE = `cloe: 1
language: fr
cohorts:
  - id: hiver
    name: Session d'hiver
    candidates:
      - id: C-01
        name: Ana Pereira
        profession: Réceptionniste
        threshold: B2
        result: B1+
      - id: C-02
        name: Tomasz Nowak
        profession: Réceptionniste
        threshold: B1
        result: B2
`;
/** The pull request lowers C-01's threshold: B1+ now reaches it, a certificate gained. */
const SESSION_PR = SESSION_BASE.replace('threshold: B2', 'threshold: B1');
/** … and adds a file with an error (B3) and a warning (colour). */
const ERRORS = `cloe: 1
language: fr
cohorts:
  - id: printemps
    name: Session de printemps
    candidates:
      - id: P-01
        name: Giulia Romano
        profession: Réceptionniste
        result: B3
        colour: blue
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

/**
 * A repository as actions/checkout leaves it on a pull request: a clone of `origin` (a bare
 * repository whose `main` holds the base files) with the pull request's commit checked out, and
 * no ref of the base branch (the Action must fetch it).
 */
function pullRequestRepo(base: Record<string, string>, pr: Record<string, string>): string {
  const dir = tempDir();
  const origin = path.join(dir, 'origin.git');
  const seed = path.join(dir, 'seed');
  const work = path.join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
  git(dir, 'init', '-q', '-b', 'main', seed);
  write(seed, base);
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'base');
  git(seed, 'push', '-q', origin, 'main');
  git(dir, 'clone', '-q', origin, work);
  git(work, 'checkout', '-q', '-b', 'pr');
  write(work, pr);
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'pull request');
  git(work, 'update-ref', '-d', 'refs/remotes/origin/main');
  git(work, 'branch', '-q', '-D', 'main');
  return work;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** The arguments of each cloe-grid run, in order. */
  calls: string[][];
}

function runAction(workspace: string, env: Record<string, string>): ActionRun {
  const dir = tempDir();
  const files = { summary: path.join(dir, 'summary.md'), output: path.join(dir, 'output'), log: path.join(dir, 'calls') };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'action.mjs')], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      CLOE_GRID: path.join(ROOT, 'test', 'fixtures', 'ci', 'logging-cli.mjs'),
      CLOE_GRID_LOG: files.log,
      INPUT_SARIF_FILE: 'cloe-grid.sarif',
      ...env,
    },
  });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(files.output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const calls = fs.readFileSync(files.log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: fs.readFileSync(files.summary, 'utf8'), outputs, calls };
}

/** Whether this build has `cloe-grid diff` (built by another change of issue 16). */
const HAS_DIFF = spawnSync(process.execPath, [CLI, 'diff', '--help'], { encoding: 'utf8' }).status === 0;

test('the Action on a pull request: SARIF, annotations, outputs, the check and the outcome diff against the base branch in the job summary', () => {
  const work = pullRequestRepo({ 'grids/session.cloe.yaml': SESSION_BASE }, { 'grids/session.cloe.yaml': SESSION_PR, 'grids/errors.cloe.yaml': ERRORS });
  const run = runAction(work, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'pr', INPUT_PATHS: 'grids' });

  assert.equal(run.code, 1, `an error fails the step (stderr: ${run.stderr})`);
  // SARIF for code scanning, valid, paths relative to the repository.
  const sarif = JSON.parse(fs.readFileSync(path.join(work, 'cloe-grid.sarif'), 'utf8')) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const validate = validator('test/fixtures/sarif-schema-2.1.0.json');
  assert.ok(validate(sarif), JSON.stringify(validate.errors));
  assert.deepEqual(
    sarif.runs[0]!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri]),
    [
      ['invalid-level', 'error', 'grids/errors.cloe.yaml'],
      ['unknown-key', 'warning', 'grids/errors.cloe.yaml'],
    ],
  );
  // Annotations: workflow commands in the log.
  assert.match(run.stdout, /^::error file=grids\/errors\.cloe\.yaml,line=10,col=17,endLine=10,endColumn=19,title=invalid-level::"B3" is not a CEFR level/m);
  assert.match(run.stdout, /^::warning file=grids\/errors\.cloe\.yaml,line=11,col=9,[^:]*title=unknown-key::Unknown key "colour"/m);
  assert.deepEqual(run.outputs, { sarif: 'cloe-grid.sarif', errors: '1', warnings: '1' });
  // The summary: the readable report …
  assert.match(run.summary, /^### `cloe-grid check grids`$/m);
  assert.match(run.summary, /10:17 +error +"B3" is not a CEFR level.*invalid-level/);
  assert.match(run.summary, /1 error, 1 warning in 2 files/);
  assert.ok(!run.summary.includes('\u001b['), 'no colour codes in the summary');

  // … and the outcome diff against the base branch, which the Action fetched.
  assert.equal(git(work, 'rev-parse', 'origin/main'), git(work, 'rev-parse', 'pr~1'));
  const diffCalls = run.calls.filter((c) => c[0] === 'diff');
  assert.deepEqual(diffCalls, [['diff', '--base', 'origin/main', '--format', 'markdown', 'grids']]);
  assert.match(run.summary, /^### `cloe-grid diff --base origin\/main`$/m);
  if (HAS_DIFF) {
    const diff = spawnSync(process.execPath, [CLI, 'diff', '--base', 'origin/main', '--format', 'markdown', 'grids'], { cwd: work, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.ok(diff.stdout.includes('C-01'), `the diff names the candidate whose certificate is gained: ${diff.stdout}`);
    assert.ok(run.summary.includes(diff.stdout.trimEnd()), 'the summary holds the diff as the CLI prints it');
  } else {
    // Until `cloe-grid diff` exists: the step says why there is no diff and does not fail for it.
    assert.match(run.stdout, /^::warning title=cloe-grid::No outcome diff against origin\/main: cloe-grid: Unknown command "diff"/m);
    assert.match(run.summary, /No outcome diff: cloe-grid: Unknown command "diff"/);
  }
  // Three checks (SARIF, annotations, summary) on the same paths, nothing else.
  assert.deepEqual(
    run.calls.filter((c) => c[0] === 'check').map((c) => c.slice(1, 3)),
    [['--format', 'sarif'], ['--format', 'github'], ['--no-color', 'grids']],
  );
});

test('the Action passes fail-on, max-warnings, locale and several paths to the CLI', () => {
  const work = pullRequestRepo({ 'a/session.cloe.yaml': SESSION_BASE, 'b/other.cloe.yml': SESSION_BASE }, { 'a/session.cloe.yaml': SESSION_PR });
  const run = runAction(work, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', INPUT_PATHS: 'a/session.cloe.yaml\nb\n', INPUT_FAIL_ON: 'certificate-gained', INPUT_MAX_WARNINGS: '0', INPUT_LOCALE: 'fr' });
  assert.deepEqual(run.calls.find((c) => c[0] === 'diff'), ['diff', '--base', 'origin/main', '--format', 'markdown', '--locale', 'fr', '--fail-on', 'certificate-gained', 'a/session.cloe.yaml', 'b']);
  for (const c of run.calls.filter((x) => x[0] === 'check')) {
    assert.deepEqual(c.slice(-6), ['--locale', 'fr', '--max-warnings', '0', 'a/session.cloe.yaml', 'b']);
  }
  assert.deepEqual(run.outputs, { sarif: 'cloe-grid.sarif', errors: '0', warnings: '0' });
  // A certificate is gained: with fail-on certificate-gained the step fails once diff exists.
  assert.equal(run.code, HAS_DIFF ? 1 : 0, run.stdout + run.stderr);
});

test('the Action on a push: the check alone, no diff; a warning over max-warnings fails', () => {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, { 'clean.cloe.yaml': SESSION_BASE });
  const clean = runAction(dir, { GITHUB_EVENT_NAME: 'push', INPUT_PATHS: '' });
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.equal(clean.stdout, '', 'no annotation');
  assert.deepEqual(clean.outputs, { sarif: 'cloe-grid.sarif', errors: '0', warnings: '0' });
  assert.deepEqual(clean.calls.map((c) => [c[0], c.at(-1)]), [['check', '.'], ['check', '.'], ['check', '.']], 'paths default to the workspace');
  assert.doesNotMatch(clean.summary, /cloe-grid diff/);
  assert.match(clean.summary, /0 errors, 0 warnings in 1 file/);

  write(dir, { 'warn.cloe.yaml': ERRORS.replace('result: B3', 'result: B2') });
  assert.equal(runAction(dir, { GITHUB_EVENT_NAME: 'push', INPUT_PATHS: '.' }).code, 0, 'one warning, no limit');
  const strict = runAction(dir, { GITHUB_EVENT_NAME: 'push', INPUT_PATHS: '.', INPUT_MAX_WARNINGS: '0' });
  assert.equal(strict.code, 1);
  assert.deepEqual(strict.outputs, { sarif: 'cloe-grid.sarif', errors: '0', warnings: '1' });
});

test('the Action: a wrong input or path is a usage error (exit 2) with an ::error:: naming it', () => {
  const dir = tempDir();
  write(dir, { 'clean.cloe.yaml': SESSION_BASE });
  const cases: [Record<string, string>, RegExp][] = [
    [{ INPUT_FAIL_ON: 'sometimes' }, /^::error title=cloe-grid::Invalid fail-on "sometimes": use outcome or certificate-gained/m],
    [{ INPUT_MAX_WARNINGS: 'many' }, /^::error title=cloe-grid::Invalid max-warnings "many": use a whole number/m],
    [{ INPUT_PATHS: 'missing.cloe.yaml' }, /^::error title=cloe-grid::cloe-grid: Cannot read "missing\.cloe\.yaml": no such file or folder\.$/m],
  ];
  for (const [env, message] of cases) {
    const run = runAction(dir, { GITHUB_EVENT_NAME: 'push', ...env });
    assert.equal(run.code, 2, JSON.stringify(env));
    assert.match(run.stdout, message);
  }
});

test('action.yml runs scripts/action.mjs with every input, and the pre-commit hook is declared', () => {
  const action = readRepoFile('action.yml');
  assert.match(action, /^ {2}using: composite$/m);
  for (const input of ['paths', 'fail-on', 'max-warnings', 'sarif-file', 'locale']) {
    assert.match(action, new RegExp(`^  ${input}:$`, 'm'), `input ${input}`);
    assert.ok(action.includes(`INPUT_${input.toUpperCase().replace(/-/g, '_')}: \${{ inputs.${input} }}`), `input ${input} reaches the script`);
  }
  assert.match(action, /run: node "\$GITHUB_ACTION_PATH\/scripts\/action\.mjs"/);
  const hooks = readRepoFile('.pre-commit-hooks.yaml');
  assert.match(hooks, /^- id: cloe-grid$/m);
  assert.match(hooks, /^ {2}entry: cloe-grid check$/m);
  assert.match(hooks, /^ {2}language: node$/m);
  const files = /^ {2}files: (.*)$/m.exec(hooks)?.[1];
  assert.ok(files);
  const re = new RegExp(files);
  assert.ok(re.test('a/b.cloe.yaml') && re.test('b.cloe.yml') && !re.test('b.yaml') && !re.test('cloe.config.yaml'));
});

// ------------------------------------------------------------------------------------ npm package

test('npm pack, then npm install -g into a clean prefix: a working cloe-grid with nothing else installed', () => {
  const dir = tempDir();
  const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  // (--ignore-scripts: dist/ is already built by `npm test`; prepack builds it otherwise.)
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as { filename: string; files: { path: string }[] }[];
  const shipped = packed[0]!.files.map((f) => f.path).sort();
  for (const f of ['dist/cli.js', 'dist/server.js', 'dist/yaml.js', 'dist/sheet-libs.js', 'schemas/cloe.schema.json', 'docs/rules/README.md', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) assert.ok(shipped.includes(f), `ships ${f}`);
  const extra = shipped.filter((f) => !/^(dist\/(cli|server|yaml|sheet-libs)\.js|schemas\/[^/]+\.json|docs\/rules\/[^/]+\.md|README(\.fr)?\.md|CHANGELOG\.md|LICENSE|package\.json)$/.test(f));
  assert.deepEqual(extra, [], 'nothing but what runs and its docs');

  const prefix = path.join(dir, 'prefix');
  npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(dir, packed[0]!.filename)], dir);
  const installed = path.join(prefix, 'lib', 'node_modules', 'cloe-grid');
  assert.deepEqual(fs.readdirSync(installed).sort(), ['CHANGELOG.md', 'LICENSE', 'README.fr.md', 'README.md', 'dist', 'docs', 'package.json', 'schemas'], 'no node_modules: no dependency to install');
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.private, undefined);
  assert.equal(manifest.dependencies, undefined);

  // In a clean folder, away from this repository and its node_modules.
  const clean = path.join(dir, 'clean');
  fs.mkdirSync(path.join(clean, 'invalid'), { recursive: true });
  for (const f of VALID_SAMPLES()) fs.copyFileSync(path.join(ROOT, f), path.join(clean, path.basename(f)));
  for (const f of INVALID_SAMPLES()) fs.copyFileSync(path.join(ROOT, f), path.join(clean, 'invalid', path.basename(f)));
  const bin = path.join(prefix, 'bin', 'cloe-grid');
  const cloeGrid = (...args: string[]) => spawnSync(bin, args, { cwd: clean, encoding: 'utf8', env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, LANG: 'C' } });
  const valid = VALID_SAMPLES().map((f) => path.basename(f));
  const check = cloeGrid('check', '--no-color', ...valid);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /0 errors, 0 warnings in 2 files/);
  const report = cloeGrid('report', '--format', 'json', ...valid);
  assert.equal(report.status, 0, report.stderr);
  assert.ok((JSON.parse(report.stdout) as unknown[]).length > 0);
  // The invalid samples include YAML syntax errors: the yaml package (dist/yaml.js) loads.
  const invalid = cloeGrid('check', '--format', 'json', 'invalid');
  assert.equal(invalid.status, 1, invalid.stderr);
  assert.ok((JSON.parse(invalid.stdout) as { rule: string }[]).some((f) => f.rule === 'yaml-syntax'));
  assert.equal(cloeGrid('--version').stdout.trim(), manifest.version);
});
