/**
 * `cloe-grid diff` (SPEC §7, issue 16): the pure matching (core/diff.ts) on data, then the command
 * run in process (run()) on temporary git repositories and folders, and once through the real
 * executable. Commits are made with a fixed identity (GIT_AUTHOR_NAME etc.), so that they work on CI.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { diffOutcomes, failsOn, type OutcomeRow } from '../server/src/core/diff';
import { run } from '../server/src/cli/main';
import { runCli } from './helpers';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'CLOE Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'CLOE Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
};

const temps: string[] = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-diff-')));
  temps.push(d);
  return d;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** A repository with one commit per element of `commits` (files written, then `git add -A`). */
function repository(...commits: (Record<string, string> | ((dir: string) => void))[]): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  commits.forEach((c, i) => {
    if (typeof c === 'function') c(dir);
    else write(dir, c);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `commit ${i + 1}`);
  });
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, env: { LANG: 'C', ...env }, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

interface Change {
  file: string;
  cohort: string | null;
  id: string | null;
  name: string | null;
  change: string;
  fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function jsonDiff(args: string[], cwd: string): Promise<Change[]> {
  const r = await cli(['diff', ...args, '--format', 'json'], cwd);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  return JSON.parse(r.stdout) as Change[];
}

const summary = (changes: Change[]) => changes.map((c) => `${c.file} ${c.id ?? '-'} ${c.change} [${c.fields.join(',')}]`);

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

function grid(candidates: string, professions = ''): string {
  return `cloe: 1
language: en
${professions}cohorts:
  - id: acme-2026-03
    name: Acme spring 2026
    candidates:
${candidates}`;
}

// Chef de projet: recommended B2.
const JEANNE = (threshold: string) => `      - id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
${threshold}        result: B1
`;
const KARIM = (result: string) => `      - id: ACME-002
        name: Karim Benali
        profession: Chef de projet
        threshold: B2
        result: ${result}
`;
const LEA = `      - id: ACME-003
        name: Léa Martin
        profession: Comptable
        result: B2
`;
const OMAR = `      - id: ACME-004
        name: Omar Haddad
        profession: Vendeur
        result: A2+
`;

/** Commit 1: Jeanne (recommended B2, result B1), Karim (B2, A2), Léa. */
const OLD = grid(JEANNE('') + KARIM('A2') + LEA);
/** Commit 2: Jeanne's threshold set lower (B1), Karim's result edited (B1), Léa removed, Omar added. */
const NEW = grid(JEANNE('        threshold: B1\n') + KARIM('B1') + OMAR);

// ---------------------------------------------------------------------------------------------
// The core, on data
// ---------------------------------------------------------------------------------------------

describe('core: diffOutcomes', () => {
  const row = (over: Partial<OutcomeRow>): OutcomeRow => ({
    file: 'a.cloe.yaml',
    cohort: 'c1',
    id: 'X',
    name: 'N',
    profession: 'Chef de projet',
    threshold: 'B2',
    thresholdSource: 'recommended',
    result: 'B1',
    outcome: 'attestation',
    ...over,
  });
  const cases: { name: string; before: OutcomeRow[]; after: OutcomeRow[]; expect: string[] }[] = [
    { name: 'nothing changed', before: [row({})], after: [row({})], expect: [] },
    { name: 'the same level, recommended then set, is a threshold change', before: [row({})], after: [row({ thresholdSource: 'explicit' })], expect: ['X changed threshold'] },
    { name: 'a candidate moved to another cohort', before: [row({})], after: [row({ cohort: 'c2' })], expect: ['X changed cohort'] },
    { name: 'a lowered threshold that grants a certificate', before: [row({})], after: [row({ threshold: 'B1', thresholdSource: 'explicit', outcome: 'certificate' })], expect: ['X changed threshold,outcome'] },
    { name: 'added and removed', before: [row({ id: 'A' })], after: [row({ id: 'B' })], expect: ['B added ', 'A removed '] },
    { name: 'the same id in another file is another candidate', before: [row({})], after: [row({ file: 'b.cloe.yaml' })], expect: ['X added ', 'X removed '] },
    {
      name: 'duplicate ids and missing ids match by rank',
      before: [row({ id: null, result: 'B1' }), row({ id: null, result: 'B2' }), row({ id: 'D', name: 'first' }), row({ id: 'D', name: 'second' })],
      after: [row({ id: null, result: 'B1' }), row({ id: null, result: 'C1' }), row({ id: 'D', name: 'first' }), row({ id: 'D', name: 'second' })],
      expect: ['null changed result'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const changes = diffOutcomes(c.before, c.after);
      assert.deepEqual(
        changes.map((x) => `${x.id} ${x.change} ${x.fields.join(',')}`),
        c.expect,
      );
    });
  }

  test('renamed files match through fileOf; the before row keeps its old file', () => {
    const changes = diffOutcomes([row({ file: 'old.cloe.yaml' })], [row({ file: 'new.cloe.yaml', result: 'B2' })], (f) => (f === 'old.cloe.yaml' ? 'new.cloe.yaml' : f));
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.file, 'new.cloe.yaml');
    assert.equal(changes[0]!.before!.file, 'old.cloe.yaml');
    assert.deepEqual(changes[0]!.fields, ['result']);
  });

  test('failsOn: outcome and certificate-gained, never for added or removed candidates', () => {
    const gained = diffOutcomes([row({})], [row({ threshold: 'B1', outcome: 'certificate' })]);
    const pendingToAttestation = diffOutcomes([row({ result: null, outcome: 'pending' })], [row({})]);
    const addedCertified = diffOutcomes([], [row({ outcome: 'certificate' })]);
    assert.equal(failsOn(gained, 'certificate-gained'), true);
    assert.equal(failsOn(gained, 'outcome'), true);
    assert.equal(failsOn(pendingToAttestation, 'certificate-gained'), false);
    assert.equal(failsOn(pendingToAttestation, 'outcome'), true);
    assert.equal(failsOn(addedCertified, 'outcome'), false);
    assert.equal(failsOn(addedCertified, 'certificate-gained'), false);
  });
});

// ---------------------------------------------------------------------------------------------
// diff --base
// ---------------------------------------------------------------------------------------------

describe('diff --base', () => {
  const repo = repository({ 'grids/acme.cloe.yaml': OLD }, { 'grids/acme.cloe.yaml': NEW });

  test('the four changes of the second commit, with the right fields, and nothing else', async () => {
    const changes = await jsonDiff(['--base', 'HEAD~1'], repo);
    assert.deepEqual(summary(changes), [
      'grids/acme.cloe.yaml ACME-001 changed [threshold,outcome]',
      'grids/acme.cloe.yaml ACME-002 changed [result]',
      'grids/acme.cloe.yaml ACME-004 added []',
      'grids/acme.cloe.yaml ACME-003 removed []',
    ]);
    const jeanne = changes[0]!;
    assert.deepEqual(
      [jeanne.before!.threshold, jeanne.before!.thresholdSource, jeanne.before!.outcome],
      ['B2', 'recommended', 'attestation'],
    );
    assert.deepEqual([jeanne.after!.threshold, jeanne.after!.thresholdSource, jeanne.after!.outcome], ['B1', 'explicit', 'certificate']);
    assert.equal(changes[2]!.before, null);
    assert.equal(changes[3]!.after, null);
    for (const c of changes) assert.deepEqual(Object.keys(c), ['file', 'cohort', 'id', 'name', 'change', 'fields', 'before', 'after']);
  });

  test('before and after are exactly the rows of report --format json at each commit', async () => {
    const changes = await jsonDiff(['--base', 'HEAD~1'], repo);
    const reportOf = async (dir: string) => {
      const r = await cli(['report', '--format', 'json', 'grids/acme.cloe.yaml'], dir);
      assert.equal(r.code, 0);
      return new Map((JSON.parse(r.stdout) as { id: string }[]).map((x) => [x.id, x]));
    };
    const now = await reportOf(repo);
    const then = tempDir();
    write(then, { 'grids/acme.cloe.yaml': git(repo, 'show', 'HEAD~1:grids/acme.cloe.yaml') });
    const past = await reportOf(then);
    for (const c of changes) {
      assert.deepEqual(c.after, c.after ? now.get(c.id!) : null);
      assert.deepEqual(c.before, c.before ? past.get(c.id!) : null);
    }
  });

  test('markdown: the certificate gained by the lowered threshold comes first', async () => {
    const r = await cli(['diff', '--base', 'HEAD~1', '--format', 'markdown'], repo);
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    const firstGroup = lines.findIndex((l) => l.startsWith('#### '));
    assert.equal(lines[firstGroup], '#### Certificates gained (1)');
    const firstRow = lines.slice(firstGroup).find((l) => l.startsWith('| grids/'));
    assert.match(firstRow!, /`ACME-001` Jeanne Dupont .*threshold: B2 \(recommended\) → B1 \(set\) \| Attestation de niveau B1 → \*\*Certificat CLOE B1\*\* \|$/);
    for (const id of ['ACME-002', 'ACME-003', 'ACME-004']) assert.ok(r.stdout.indexOf(id) > r.stdout.indexOf('ACME-001'), id);
    assert.match(r.stdout, /^Certificates gained: 1 · lost: 0 · other decisions changed: 0 · candidates added: 1 · removed: 1 · other changes: 1$/m);
  });

  test('markdown in French, from the catalogue, with French typography', async () => {
    const r = await cli(['diff', '--base', 'HEAD~1', '--format', 'markdown', '--locale', 'fr'], repo);
    assert.match(r.stdout, /^### Décisions CLOE\u00a0: ce que fait cette modification$/m);
    assert.match(r.stdout, /^#### Certificats CLOE obtenus \(1\)$/m);
    assert.match(r.stdout, /seuil\u00a0: B2 \(recommandé\) → B1 \(indiqué\)/);
  });

  test('the table (default) lists every change and a summary', async () => {
    const r = await cli(['diff', '--base', 'HEAD~1'], repo);
    assert.equal(r.code, 0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('grids/'));
    assert.deepEqual(
      rows.map((l) => l.split(/\s{2,}/).slice(2, 5).join(' ')),
      ['ACME-001 Jeanne Dupont changed', 'ACME-002 Karim Benali changed', 'ACME-004 Omar Haddad added', 'ACME-003 Léa Martin removed'],
    );
    assert.match(r.stdout, /Certificates gained: 1 · lost: 0/);
  });

  test('github: a notice on the line of each candidate whose decision changed', async () => {
    const r = await cli(['diff', '--base', 'HEAD~1', '--format', 'github'], repo);
    const line = NEW.split('\n').findIndex((l) => l.includes('ACME-001')) + 1;
    assert.equal(r.stdout, `::notice file=grids/acme.cloe.yaml,line=${line},title=Certificate gained::Candidate ACME-001 (Jeanne Dupont), cohort acme-2026-03: Attestation de niveau B1 → Certificat CLOE B1; threshold: B2 (recommended) → B1 (set).\n`);
  });

  test('--fail-on: exit 1 when such a change is there, 0 otherwise', async () => {
    assert.equal((await cli(['diff', '--base', 'HEAD~1', '--fail-on', 'certificate-gained'], repo)).code, 1);
    assert.equal((await cli(['diff', '--base', 'HEAD~1', '--fail-on', 'outcome'], repo)).code, 1);
    assert.equal((await cli(['diff', '--base', 'HEAD', '--fail-on', 'outcome'], repo)).code, 0);
    // Karim's result edit alone changes no decision.
    const only = repository({ 'a.cloe.yaml': grid(KARIM('A2')) }, { 'a.cloe.yaml': grid(KARIM('B1')) });
    assert.equal((await cli(['diff', '--base', 'HEAD~1', '--fail-on', 'outcome'], only)).code, 0);
    assert.equal((await cli(['diff', '--base', 'HEAD~1', '--fail-on', 'certificate-gained'], only)).code, 0);
  });

  test('no change: an empty JSON array, and the table says so', async () => {
    assert.deepEqual(await jsonDiff(['--base', 'HEAD'], repo), []);
    assert.equal((await cli(['diff', '--base', 'HEAD'], repo)).stdout, 'No candidate was added, removed or changed.\n');
  });

  test('the working tree: an uncommitted edit, a new untracked file (all added), a deleted file (all removed)', async () => {
    const dir = repository({ 'a.cloe.yaml': OLD, 'gone.cloe.yaml': grid(LEA) });
    write(dir, { 'a.cloe.yaml': OLD.replace('result: A2', 'result: B2'), 'fresh.cloe.yaml': grid(OMAR) });
    fs.rmSync(path.join(dir, 'gone.cloe.yaml'));
    assert.deepEqual(summary(await jsonDiff(['--base', 'HEAD'], dir)), [
      'a.cloe.yaml ACME-002 changed [result,outcome]',
      'fresh.cloe.yaml ACME-004 added []',
      'gone.cloe.yaml ACME-003 removed []',
    ]);
  });

  test('paths limit the diff, relative to the working directory', async () => {
    const dir = repository({ 'x/a.cloe.yaml': OLD, 'y/b.cloe.yaml': OLD }, { 'x/a.cloe.yaml': NEW, 'y/b.cloe.yaml': NEW });
    const changes = await jsonDiff(['--base', 'HEAD~1', 'y'], dir);
    assert.deepEqual([...new Set(changes.map((c) => c.file))], ['y/b.cloe.yaml']);
    const fromX = await jsonDiff(['--base', 'HEAD~1'], path.join(dir, 'x'));
    assert.deepEqual([...new Set(fromX.map((c) => c.file))], ['a.cloe.yaml']);
  });

  test('a renamed file (git mv + edit) is followed: its candidates are changed, not removed and added', async () => {
    const dir = repository({ 'old-name.cloe.yaml': OLD }, (d) => {
      git(d, 'mv', 'old-name.cloe.yaml', 'new-name.cloe.yaml');
      write(d, { 'new-name.cloe.yaml': OLD.replace('result: A2', 'result: B2') });
    });
    const changes = await jsonDiff(['--base', 'HEAD~1'], dir);
    assert.deepEqual(summary(changes), ['new-name.cloe.yaml ACME-002 changed [result,outcome]']);
    assert.equal(changes[0]!.before!.file, 'old-name.cloe.yaml');
    assert.equal(changes[0]!.after!.file, 'new-name.cloe.yaml');
  });

  test('a recommended threshold changed by a grid file of cloe.config.yaml shows on every candidate it affects', async () => {
    const professions = (threshold: string) => `cloe: 1\nprofessions:\n  - name: Analyste de données\n    threshold: ${threshold}\n`;
    const analyst = (id: string, extra = '') => `      - id: ${id}\n        name: Analyst ${id}\n        profession: Analyste de données\n${extra}        result: B1\n`;
    const dir = repository(
      {
        'cloe.config.yaml': 'grid:\n  - metiers/locaux.cloe.yaml\n',
        'metiers/locaux.cloe.yaml': professions('B2'),
        'cohorts/a.cloe.yaml': grid(analyst('AN-1') + analyst('AN-2', '        threshold: B2\n')),
        'cohorts/b.cloe.yaml': grid(analyst('AN-3')),
      },
      { 'metiers/locaux.cloe.yaml': professions('B1') },
    );
    const changes = await jsonDiff(['--base', 'HEAD~1'], dir);
    assert.deepEqual(summary(changes), ['cohorts/a.cloe.yaml AN-1 changed [threshold,outcome]', 'cohorts/b.cloe.yaml AN-3 changed [threshold,outcome]']);
    assert.deepEqual([changes[0]!.before!.threshold, changes[0]!.after!.threshold, changes[0]!.after!.thresholdSource], ['B2', 'B1', 'recommended']);
    // The grid files of the configuration are read at the ref, not from the working tree.
    assert.deepEqual(await jsonDiff(['--base', 'HEAD'], dir), []);
  });
});

// ---------------------------------------------------------------------------------------------
// diff OLD NEW
// ---------------------------------------------------------------------------------------------

describe('diff OLD NEW', () => {
  test('two files: candidates matched by id across the two names', async () => {
    const dir = tempDir();
    write(dir, { 'v1.cloe.yaml': OLD, 'v2.cloe.yaml': NEW });
    const changes = await jsonDiff(['v1.cloe.yaml', 'v2.cloe.yaml'], dir);
    assert.deepEqual(summary(changes), [
      'v2.cloe.yaml ACME-001 changed [threshold,outcome]',
      'v2.cloe.yaml ACME-002 changed [result]',
      'v2.cloe.yaml ACME-004 added []',
      'v2.cloe.yaml ACME-003 removed []',
    ]);
    assert.equal(changes[0]!.before!.file, 'v1.cloe.yaml');
  });

  test('the other way round, a certificate is lost: a warning in the github format', async () => {
    const dir = tempDir();
    write(dir, { 'v1.cloe.yaml': OLD, 'v2.cloe.yaml': NEW });
    const r = await cli(['diff', 'v2.cloe.yaml', 'v1.cloe.yaml', '--format', 'github'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^::warning file=v1\.cloe\.yaml,line=7,title=Certificate lost::Candidate ACME-001 \(Jeanne Dupont\)/);
    const md = await cli(['diff', 'v2.cloe.yaml', 'v1.cloe.yaml', '--format', 'markdown'], dir);
    assert.match(md.stdout, /^#### Certificates lost \(1\)$/m);
  });

  test('two folders: files matched by relative path', async () => {
    const dir = tempDir();
    write(dir, {
      'before/sub/acme.cloe.yaml': OLD,
      'before/only-old.cloe.yaml': grid(LEA),
      'after/sub/acme.cloe.yaml': NEW,
      'after/only-new.cloe.yml': grid(OMAR),
      'after/notes.yaml': 'not: a grid file\n',
    });
    const changes = await jsonDiff(['before', 'after'], dir);
    assert.deepEqual(summary(changes), [
      'after/only-new.cloe.yml ACME-004 added []',
      'after/sub/acme.cloe.yaml ACME-001 changed [threshold,outcome]',
      'after/sub/acme.cloe.yaml ACME-002 changed [result]',
      'after/sub/acme.cloe.yaml ACME-004 added []',
      'after/sub/acme.cloe.yaml ACME-003 removed []',
      'before/only-old.cloe.yaml ACME-003 removed []',
    ]);
  });

  test('markdown folds the other changes when there are many, never the decisions changed', async () => {
    const dir = tempDir();
    const many = Array.from({ length: 12 }, (_, i) => OMAR.replace('ACME-004', `NEW-${i}`)).join('');
    write(dir, { 'v1.cloe.yaml': OLD, 'v2.cloe.yaml': NEW + many });
    const r = await cli(['diff', 'v1.cloe.yaml', 'v2.cloe.yaml', '--format', 'markdown'], dir);
    const details = r.stdout.indexOf('<details>');
    assert.ok(details > r.stdout.indexOf('#### Certificates gained (1)'));
    assert.ok(r.stdout.indexOf('ACME-001') < details && r.stdout.indexOf('NEW-11') > details);
    assert.match(r.stdout, /<summary>Candidates added, removed or changed with the same decision \(15\)<\/summary>/);
  });

  test('--output writes the result to a file', async () => {
    const dir = tempDir();
    write(dir, { 'v1.cloe.yaml': OLD, 'v2.cloe.yaml': NEW });
    const r = await cli(['diff', 'v1.cloe.yaml', 'v2.cloe.yaml', '-f', 'json', '-o', 'out.json'], dir);
    assert.equal(r.stdout, '');
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) as unknown[]).length, 4);
  });
});

// ---------------------------------------------------------------------------------------------
// Usage errors: exit 2, one line on stderr naming the problem and the fix
// ---------------------------------------------------------------------------------------------

describe('diff: usage errors', () => {
  const repo = repository({ 'a.cloe.yaml': OLD }, { 'a.cloe.yaml': NEW });
  const plain = tempDir();
  write(plain, { 'v1.cloe.yaml': OLD, 'v2.cloe.yaml': NEW });
  fs.mkdirSync(path.join(plain, 'folder'));
  const cases: { name: string; args: string[]; cwd: string; stderr: RegExp }[] = [
    { name: 'not a git repository', args: ['--base', 'HEAD'], cwd: plain, stderr: /is not in a git repository, so --base has nothing to compare with: run the command inside the repository, or compare two files or folders/ },
    { name: 'unknown ref', args: ['--base', 'no-such-branch'], cwd: repo, stderr: /Unknown git ref "no-such-branch": name a commit, branch or tag of this repository/ },
    { name: 'a ref that looks like an option', args: ['--base=--output=x'], cwd: repo, stderr: /Unknown git ref "--output=x"/ },
    { name: 'missing path with --base', args: ['--base', 'HEAD', 'nowhere'], cwd: repo, stderr: /"nowhere" is neither in the working tree nor at HEAD: check the path/ },
    { name: 'path outside the repository', args: ['--base', 'HEAD', plain], cwd: repo, stderr: /is outside the git repository .*: name paths inside it\./ },
    { name: 'missing OLD', args: ['nope.cloe.yaml', 'v2.cloe.yaml'], cwd: plain, stderr: /Cannot read "nope\.cloe\.yaml": no such file or folder\. Check the path/ },
    { name: 'a file and a folder', args: ['v1.cloe.yaml', 'folder'], cwd: plain, stderr: /are not both files or both folders: compare a file with a file/ },
    { name: 'one operand', args: ['v1.cloe.yaml'], cwd: plain, stderr: /diff compares two versions: give OLD and NEW .*, or --base <git-ref>/ },
    { name: 'bad --format', args: ['v1.cloe.yaml', 'v2.cloe.yaml', '--format', 'xml'], cwd: plain, stderr: /Invalid value "xml" for --format: use one of table, markdown, json, github\./ },
    { name: 'bad --fail-on', args: ['v1.cloe.yaml', 'v2.cloe.yaml', '--fail-on', 'anything'], cwd: plain, stderr: /Invalid value "anything" for --fail-on: use one of outcome, certificate-gained\./ },
    { name: 'unknown option', args: ['v1.cloe.yaml', 'v2.cloe.yaml', '--frobnicate'], cwd: plain, stderr: /Unknown option '--frobnicate'.* Run "cloe-grid diff --help" for usage\./ },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const r = await cli(['diff', ...c.args], c.cwd);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^cloe-grid: [^\n]+\n$/);
      assert.match(r.stderr, c.stderr);
    });
  }

  test('in French with --locale fr', async () => {
    const r = await cli(['diff', '--base', 'nulle-part', '--locale', 'fr'], repo);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Référence git inconnue «\u00a0nulle-part\u00a0»\u00a0: indiquez un commit/);
  });

  test('--help documents diff', async () => {
    const r = await cli(['diff', '--help'], plain);
    assert.equal(r.code, 0);
    for (const s of ['--base <git-ref>', '--fail-on', 'certificate-gained', 'markdown', 'github', 'Exit codes']) assert.ok(r.stdout.includes(s), s);
    assert.match((await cli(['--help'], plain)).stdout, /cloe-grid diff --base <git-ref>/);
  });
});

// ---------------------------------------------------------------------------------------------
// The real executable
// ---------------------------------------------------------------------------------------------

test('dist/cli.js diff --base HEAD~1 --format json in a git repository', async () => {
  const repo = repository({ 'a.cloe.yaml': OLD }, { 'a.cloe.yaml': NEW });
  const r = await runCli(['diff', '--base', 'HEAD~1', '--format', 'json'], { cwd: repo });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.deepEqual(summary(JSON.parse(r.stdout) as Change[]), ['a.cloe.yaml ACME-001 changed [threshold,outcome]', 'a.cloe.yaml ACME-002 changed [result]', 'a.cloe.yaml ACME-004 added []', 'a.cloe.yaml ACME-003 removed []']);
  const bad = await runCli(['diff', '--base', 'HEAD~5'], { cwd: repo });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^cloe-grid: Unknown git ref "HEAD~5"/);
});
