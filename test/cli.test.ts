/**
 * The `cloe-grid` CLI, in temporary folders holding small grid files written here: every format of
 * `check` and `report`, the JSON contracts, exit codes and error paths of SPEC §5 and issue 2.
 * Run in process (`cli`, helpers.runInProcess), but for a few runs of the executable
 * (dist/cli.js, helpers.runCli) that prove its wiring: the exit code, the real stdin read once,
 * no colours when stdout is no TTY, LANG, the bundle's version, worker threads.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { VERSION } from '../server/src/cli/main';
import { RULES } from '../server/src/core/rules/index';
import { generate } from './generate';
import { type CliResult, readRepoFile, runCli, runInProcess as cli } from './helpers';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** No findings at all. */
const VALID = `cloe: 1
language: en
cohorts:
  - id: acme-2026-03
    name: Acme spring 2026
    partner: Acme Formation
    session: 2026-03-15
    candidates:
      - id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B2
        result: B2+
`;

/** One error: the invalid level B3, line 12, columns 20–21 (1-based); 0-based 11:19–11:21. */
const INVALID = `cloe: 1
language: en
cohorts:
  - id: acme-2026-03
    name: Acme spring 2026
    partner: Acme Formation
    session: 2026-03-15
    candidates:
      - id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B3
        result: B2
`;
const B3_MESSAGE_EN = '"B3" is not a CEFR level: use A1, A2, B1, B2, C1 or C2, optionally followed by - or +.';

/** One warning only: the unknown key "colour", line 14, columns 9–14 (1-based). */
const WARN = `cloe: 1
language: en
cohorts:
  - id: acme-2026-03
    name: Acme spring 2026
    partner: Acme Formation
    session: 2026-03-15
    candidates:
      - id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B2
        result: B2
        colour: blue
`;

/** Many rules at once (errors, warnings, related locations, fixes), for the SARIF schema. */
const RICH = `cloe: 1
language: en
professions:
  - name: Chef de projet
    threshold: A2
cohorts:
  - id: c1
    name: C one
    partner: P
    session: 2026-13-45
    candidates:
      - id: X-1
        name: A
        profession: Chef de projt
        threshold: b2
        result: B2
      - id: X-1
        name: B
        profession: Chef de projet
        threshold: A1
        result: { written: B1, oral: B2, overall: C1 }
        colour: red
      - id: X-3
        name: C
        profession: Chef de projet
        result: B2
  - id: c2
    name: empty
    partner: P
    language: xx
    session: 2026-01-01
    candidates: []
`;

/** Candidates whose outcomes are known (SPEC §1.4–1.5). */
const REPORT = `cloe: 1
language: en
cohorts:
  - id: acme-2026-03
    name: Acme spring 2026
    partner: Acme Formation
    session: 2026-03-15
    candidates:
      - id: R-01
        name: Alice Certified
        profession: Chef de projet
        threshold: B2
        result: C1-
      - id: R-02
        name: Bruno Attested
        profession: Chef de projet
        threshold: B2
        result: B2-
      - id: R-03
        name: Chloe Pending
        profession: Chef de projet
        threshold: B2
      - id: R-04
        name: David Unknown
        profession: Astronaute lunaire
        result: B1
  - id: beta-2026-04
    name: Beta 2026
    partner: Beta Formation
    session: 2026-04-20
    candidates:
      - id: R-05
        name: Emma Mastery
        profession: Ingénieur
        threshold: C2
        result: C2-
      - id: R-06
        name: Farid Defaulted
        profession: Project manager
        result: B2
      - id: R-07
        name: Gina Derived
        profession: Chef de projet
        threshold: B2
        result: { written: C1, oral: B1+ }
`;

const REPORT_ROWS = [
  { file: 'report.cloe.yaml', cohort: 'acme-2026-03', id: 'R-01', name: 'Alice Certified', profession: 'Chef de projet', threshold: 'B2', thresholdSource: 'explicit', result: 'C1-', outcome: 'certificate' },
  // B2- does not reach a B2 threshold.
  { file: 'report.cloe.yaml', cohort: 'acme-2026-03', id: 'R-02', name: 'Bruno Attested', profession: 'Chef de projet', threshold: 'B2', thresholdSource: 'explicit', result: 'B2-', outcome: 'attestation' },
  { file: 'report.cloe.yaml', cohort: 'acme-2026-03', id: 'R-03', name: 'Chloe Pending', profession: 'Chef de projet', threshold: 'B2', thresholdSource: 'explicit', result: null, outcome: 'pending' },
  // No threshold and an unknown profession: no outcome.
  { file: 'report.cloe.yaml', cohort: 'acme-2026-03', id: 'R-04', name: 'David Unknown', profession: 'Astronaute lunaire', threshold: null, thresholdSource: null, result: 'B1', outcome: 'unknown' },
  // C2 (any sub-level) is a certificate whatever the threshold, even C2- against C2; "Ingénieur" resolves to its entry.
  { file: 'report.cloe.yaml', cohort: 'beta-2026-04', id: 'R-05', name: 'Emma Mastery', profession: 'Profession scientifique / technique', threshold: 'C2', thresholdSource: 'explicit', result: 'C2-', outcome: 'certificate' },
  // No threshold: the recommended one (B2 for "Chef de projet", reached through its English alias) applies.
  { file: 'report.cloe.yaml', cohort: 'beta-2026-04', id: 'R-06', name: 'Farid Defaulted', profession: 'Chef de projet', threshold: 'B2', thresholdSource: 'recommended', result: 'B2', outcome: 'certificate' },
  // Overall derived from written C1 and oral B1+: the lower, B1+, below B2.
  { file: 'report.cloe.yaml', cohort: 'beta-2026-04', id: 'R-07', name: 'Gina Derived', profession: 'Chef de projet', threshold: 'B2', thresholdSource: 'explicit', result: 'B1+', outcome: 'attestation' },
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const tempDirs: string[] = [];
after(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder holding the given files (paths relative to it, '/'-separated). */
function workspace(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-'));
  tempDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text, 'utf8');
  }
  return dir;
}

function lines(s: string): string[] {
  return s.split(/\r?\n/).filter((l) => l.length > 0);
}

const ESC = '\u001b[';

/** Exit 2, nothing on stdout, exactly one line on stderr that contains every `needle`. */
function assertUsageError(r: CliResult, ...needles: string[]): void {
  assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  const errLines = lines(r.stderr);
  assert.equal(errLines.length, 1, `one line on stderr, got: ${JSON.stringify(r.stderr)}`);
  for (const n of needles) assert.ok(errLines[0]!.includes(n), `stderr names ${JSON.stringify(n)}: ${errLines[0]}`);
}

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function parseJson<T>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch (e) {
    assert.fail(`stdout is not JSON (${(e as Error).message}): ${r.stdout.slice(0, 500)} / stderr: ${r.stderr}`);
  }
}

let sarifValidator: ValidateFunction | undefined;
function validateSarif(log: unknown): void {
  if (!sarifValidator) {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    sarifValidator = ajv.compile(JSON.parse(readRepoFile('test/fixtures/sarif-schema-2.1.0.json')) as object);
  }
  const ok = sarifValidator(log);
  assert.ok(ok, `SARIF does not validate: ${JSON.stringify(sarifValidator.errors, null, 2)}`);
}

/** A small XML well-formedness check: balanced, properly nested tags and clean entities. */
function assertWellFormedXml(xml: string): void {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  const tagRe = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let roots = 0;
  for (let m = tagRe.exec(body); m; m = tagRe.exec(body)) {
    const text = body.slice(last, m.index);
    assert.doesNotMatch(text, /</, `stray "<" before ${m[0]}`);
    assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/, `bad entity in text: ${text}`);
    assert.doesNotMatch(m[3] ?? '', /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/, `bad entity in attributes: ${m[0]}`);
    last = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  assert.equal(body.slice(last).trim(), '', 'nothing after the root element');
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

// ---------------------------------------------------------------------------------------------
// check: stylish (default)
// ---------------------------------------------------------------------------------------------

test('check on a valid file: exit 0 and a stylish summary', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID });
  const r = await runCli(['check', 'valid.cloe.yaml'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /✔ 0 errors, 0 warnings in 1 file/);
  assert.doesNotMatch(r.stdout, /valid\.cloe\.yaml/, 'a clean file gets no section');
});

test('check on an invalid file: exit 1, each finding as "line:col severity message rule"', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'warn.cloe.yaml': WARN });
  const r = await cli(['check', 'invalid.cloe.yaml', 'warn.cloe.yaml'], { cwd });
  assert.equal(r.code, 1, r.stderr);
  const out = lines(r.stdout);
  assert.ok(out.includes('invalid.cloe.yaml'), 'a header line per file with findings');
  assert.ok(out.includes('warn.cloe.yaml'));
  const findingRe = /^\s+(\d+):(\d+)\s+(error|warning|info|hint)\s+(.+?)\s+([a-z]+(?:-[a-z]+)*)$/;
  const findings = out.filter((l) => /^\s+\d+:\d+\s/.test(l));
  assert.equal(findings.length, 2, r.stdout);
  for (const l of findings) assert.match(l, findingRe);
  const [, line, col, severity, message, rule] = findingRe.exec(findings[0]!)!;
  assert.deepEqual([line, col, severity, message, rule], ['12', '20', 'error', B3_MESSAGE_EN, 'invalid-level']);
  const w = findingRe.exec(findings[1]!)!;
  assert.deepEqual([w[1], w[2], w[3], w[5]], ['14', '9', 'warning', 'unknown-key']);
  assert.match(w[4]!, /colour/);
  assert.match(r.stdout, /✖ 1 error, 1 warning in 2 files/);
});

test('check prints no ANSI colour codes when stdout is not a TTY', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'warn.cloe.yaml': WARN, 'valid.cloe.yaml': VALID });
  for (const args of [['check', 'invalid.cloe.yaml', 'warn.cloe.yaml'], ['check', 'valid.cloe.yaml'], ['report', 'valid.cloe.yaml']]) {
    const r = await runCli(args, { cwd, env: { TERM: 'xterm-256color', FORCE_COLOR: '' } });
    assert.ok(!r.stdout.includes(ESC), `colour codes in: ${JSON.stringify(r.stdout)}`);
    assert.ok(!r.stderr.includes(ESC));
  }
});

test('--max-warnings: warnings alone exit 0, and exit 1 over the limit', async () => {
  const cwd = workspace({ 'warn.cloe.yaml': WARN });
  const plain = await cli(['check', 'warn.cloe.yaml'], { cwd });
  assert.equal(plain.code, 0, plain.stdout);
  assert.match(plain.stdout, /unknown-key/);

  const zero = await cli(['check', '--max-warnings', '0', 'warn.cloe.yaml'], { cwd });
  assert.equal(zero.code, 1, zero.stdout);
  assert.match(zero.stdout, /Too many warnings \(1, maximum allowed 0\)/);

  const one = await cli(['check', '--max-warnings', '1', 'warn.cloe.yaml'], { cwd });
  assert.equal(one.code, 0, one.stdout);

  const json = await cli(['check', '--max-warnings', '0', '--format', 'json', 'warn.cloe.yaml'], { cwd });
  assert.equal(json.code, 1, 'the limit applies whatever the format');

  assertUsageError(await cli(['check', '--max-warnings', 'many', 'warn.cloe.yaml'], { cwd }), 'many', '--max-warnings');
});

test('--quiet prints errors only', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'warn.cloe.yaml': WARN });
  const r = await cli(['check', '--quiet', 'invalid.cloe.yaml', 'warn.cloe.yaml'], { cwd });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /invalid-level/);
  assert.doesNotMatch(r.stdout, /unknown-key|colour|warn\.cloe\.yaml/);

  const q = await cli(['check', '-q', '--format', 'json', 'invalid.cloe.yaml', 'warn.cloe.yaml'], { cwd });
  const findings = parseJson<JsonFinding[]>(q);
  assert.deepEqual(
    findings.map((f) => f.severity),
    ['error'],
  );

  const onlyWarnings = await cli(['check', '--quiet', 'warn.cloe.yaml'], { cwd });
  assert.equal(onlyWarnings.code, 0);
  assert.doesNotMatch(onlyWarnings.stdout, /unknown-key/);
});

test('--quiet with --max-warnings: the exit code and the printed summary agree', async () => {
  // Under --quiet the warnings are hidden; if they still fail the run, the output must say so
  // rather than print a success mark above exit code 1.
  const cwd = workspace({ 'warn.cloe.yaml': WARN });
  const r = await cli(['check', '--quiet', '--max-warnings', '0', 'warn.cloe.yaml'], { cwd });
  if (r.code === 1) {
    assert.doesNotMatch(r.stdout, /✔/, `exit 1 but the summary claims success: ${JSON.stringify(r.stdout)}`);
    assert.match(r.stdout + r.stderr, /warning/i, 'a failing run explains why');
  } else {
    assert.equal(r.code, 0);
    assert.match(r.stdout, /✔/);
  }
});

test('--locale fr prints French messages', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'warn.cloe.yaml': WARN });
  const r = await cli(['check', '--locale', 'fr', 'invalid.cloe.yaml', 'warn.cloe.yaml'], { cwd });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /12:20\s+erreur\s+«\sB3\s» n’est pas un niveau du CECRL/);
  assert.match(r.stdout, /avertissement\s+Clé inconnue «\scolour\s»/);
  assert.match(r.stdout, /✖ 1 erreur, 1 avertissement dans 2 fichiers/);
  assert.doesNotMatch(r.stdout, /is not a CEFR level/);

  const json = parseJson<JsonFinding[]>(await cli(['check', '--locale', 'fr', '--format', 'json', 'invalid.cloe.yaml'], { cwd }));
  assert.match(json[0]!.message, /n’est pas un niveau du CECRL/);

  assertUsageError(await cli(['check', '--locale', 'de', 'invalid.cloe.yaml'], { cwd }), '"de"', '--locale');
});

test('LANG=fr_FR.UTF-8 gives French by default; --locale en overrides it', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID });
  const fr = await runCli(['check', 'invalid.cloe.yaml'], { cwd, env: { LANG: 'fr_FR.UTF-8' } });
  assert.equal(fr.code, 1);
  assert.match(fr.stdout, /«\sB3\s» n’est pas un niveau du CECRL/);
  assert.match(fr.stdout, /dans 1 fichier/);

  const en = await cli(['check', '--locale', 'en', 'invalid.cloe.yaml'], { cwd, env: { LANG: 'fr_FR.UTF-8' } });
  assert.ok(en.stdout.includes(B3_MESSAGE_EN), en.stdout);

  const c = await cli(['check', 'invalid.cloe.yaml'], { cwd, env: { LANG: 'C' } });
  assert.ok(c.stdout.includes(B3_MESSAGE_EN), c.stdout);
});

// ---------------------------------------------------------------------------------------------
// check --format json: the contract
// ---------------------------------------------------------------------------------------------

test('--format json: the exact contract for a known finding', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID });
  const r = await cli(['check', '--format', 'json', 'invalid.cloe.yaml'], { cwd });
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  const findings = parseJson<JsonFinding[]>(r);
  assert.ok(Array.isArray(findings));
  assert.deepEqual(findings, [
    {
      file: 'invalid.cloe.yaml',
      rule: 'invalid-level',
      severity: 'error',
      message: B3_MESSAGE_EN,
      range: { start: { line: 11, character: 19 }, end: { line: 11, character: 21 } },
    },
  ]);
  assert.deepEqual(Object.keys(findings[0]!), ['file', 'rule', 'severity', 'message', 'range']);
});

test('--format json: every finding has exactly the five keys, LSP ranges and a known severity', async () => {
  const cwd = workspace({ 'rich.cloe.yaml': RICH, 'warn.cloe.yaml': WARN, 'valid.cloe.yaml': VALID });
  const r = await cli(['check', '--format', 'json', '--min-severity', 'hint', 'rich.cloe.yaml', 'warn.cloe.yaml', 'valid.cloe.yaml'], { cwd });
  assert.equal(r.code, 1);
  const findings = parseJson<JsonFinding[]>(r);
  assert.ok(findings.length >= 8, `several findings: ${findings.length}`);
  const ruleIds = new Set(RULES.map((x) => x.id));
  for (const f of findings) {
    assert.deepEqual(Object.keys(f).sort(), ['file', 'message', 'range', 'rule', 'severity']);
    assert.deepEqual(Object.keys(f.range).sort(), ['end', 'start']);
    for (const p of [f.range.start, f.range.end]) {
      assert.deepEqual(Object.keys(p).sort(), ['character', 'line']);
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
    }
    assert.ok(f.range.start.line < f.range.end.line || (f.range.start.line === f.range.end.line && f.range.start.character <= f.range.end.character));
    assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity), f.severity);
    assert.ok(ruleIds.has(f.rule), f.rule);
    assert.ok(['rich.cloe.yaml', 'warn.cloe.yaml'].includes(f.file), f.file);
    assert.ok(f.message.length > 0);
  }
  assert.ok(findings.some((f) => f.severity === 'hint' && f.rule === 'threshold-defaulted'));
});

test('threshold-defaulted is a hint: listed from --min-severity hint, not from information', async () => {
  const cwd = workspace({ 'rich.cloe.yaml': RICH });
  const info = parseJson<JsonFinding[]>(await cli(['check', '--format', 'json', '--min-severity', 'information', 'rich.cloe.yaml'], { cwd }));
  assert.deepEqual(info.filter((f) => f.rule === 'threshold-defaulted'), []);
  const hint = parseJson<JsonFinding[]>(await cli(['check', '--format', 'json', '--min-severity', 'hint', 'rich.cloe.yaml'], { cwd }));
  assert.ok(hint.some((f) => f.rule === 'threshold-defaulted' && f.severity === 'hint'), JSON.stringify(hint));
});

test('--format json on a clean file prints an empty array', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID });
  const r = await cli(['check', '--format', 'json', 'valid.cloe.yaml'], { cwd });
  assert.equal(r.code, 0);
  assert.deepEqual(parseJson(r), []);
});

// ---------------------------------------------------------------------------------------------
// check --format sarif
// ---------------------------------------------------------------------------------------------

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    }[];
  }[];
}

test('--format sarif: valid SARIF 2.1.0 with rules, levels and 1-based regions', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'warn.cloe.yaml': WARN });
  const r = await cli(['check', '--format', 'sarif', 'invalid.cloe.yaml', 'warn.cloe.yaml'], { cwd });
  assert.equal(r.code, 1);
  const log = parseJson<SarifLog>(r);
  validateSarif(log);
  assert.equal(log.version, '2.1.0');
  // Relative artifact URIs start from the folder the CLI runs in.
  assert.equal((log.runs[0] as { originalUriBaseIds?: Record<string, { uri: string }> }).originalUriBaseIds?.['%SRCROOT%']?.uri, `file://${encodeURI(cwd)}/`);
  assert.equal(log.runs.length, 1);
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, 'cloe-grid');
  const rules = run.tool.driver.rules;
  assert.deepEqual(
    new Set(rules.map((x) => x.id)),
    new Set(RULES.map((x) => x.id)),
    'every rule is described',
  );
  for (const rule of rules) {
    assert.ok(rule.helpUri, `helpUri for ${rule.id}`);
    assert.match(rule.helpUri, /^https?:\/\//);
    assert.ok(rule.helpUri.includes(rule.id), `${rule.helpUri} names ${rule.id}`);
  }

  assert.equal(run.results.length, 2);
  const err = run.results.find((x) => x.ruleId === 'invalid-level');
  assert.ok(err);
  assert.equal(err.level, 'error');
  assert.equal(err.message.text, B3_MESSAGE_EN);
  assert.equal(err.locations.length, 1);
  assert.equal(err.locations[0]!.physicalLocation.artifactLocation.uri, 'invalid.cloe.yaml');
  assert.deepEqual(err.locations[0]!.physicalLocation.region, { startLine: 12, startColumn: 20, endLine: 12, endColumn: 22 });
  if (err.ruleIndex !== undefined) assert.equal(rules[err.ruleIndex]!.id, 'invalid-level');

  const warn = run.results.find((x) => x.ruleId === 'unknown-key');
  assert.ok(warn);
  assert.equal(warn.level, 'warning');
  assert.deepEqual(warn.locations[0]!.physicalLocation.region, { startLine: 14, startColumn: 9, endLine: 14, endColumn: 15 });
  assert.equal(warn.locations[0]!.physicalLocation.artifactLocation.uri, 'warn.cloe.yaml');
});

test('--format sarif validates for many rules (related locations, fixes, notes), clean files, stdin and absolute paths', async () => {
  const cwd = workspace({ 'rich.cloe.yaml': RICH, 'valid.cloe.yaml': VALID, 'sub dir/a b.cloe.yaml': INVALID });
  const many = await cli(['check', '--format', 'sarif', '--min-severity', 'hint', 'rich.cloe.yaml', 'valid.cloe.yaml', 'sub dir'], { cwd });
  assert.equal(many.code, 1);
  const log = parseJson<SarifLog>(many);
  validateSarif(log);
  const levels = new Set(log.runs[0]!.results.map((x) => x.level));
  assert.deepEqual([...levels].sort(), ['error', 'note', 'warning']);

  const clean = await cli(['check', '--format', 'sarif', 'valid.cloe.yaml'], { cwd });
  assert.equal(clean.code, 0);
  const cleanLog = parseJson<SarifLog>(clean);
  validateSarif(cleanLog);
  assert.deepEqual(cleanLog.runs[0]!.results, []);

  const stdin = await cli(['check', '--format', 'sarif', '-', '--stdin-filename', 'piped.cloe.yaml'], { cwd, input: INVALID });
  assert.equal(stdin.code, 1);
  const stdinLog = parseJson<SarifLog>(stdin);
  validateSarif(stdinLog);
  assert.equal(stdinLog.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'piped.cloe.yaml');

  const elsewhere = workspace({ 'far.cloe.yaml': INVALID });
  const abs = await cli(['check', '--format', 'sarif', path.join(elsewhere, 'far.cloe.yaml')], { cwd });
  assert.equal(abs.code, 1);
  validateSarif(parseJson(abs));
});

test('--format sarif: "-" named twice still gives valid SARIF (stdin is one input)', async () => {
  const cwd = workspace();
  const r = await runCli(['check', '--format', 'sarif', '-', '-'], { cwd, input: INVALID });
  assert.equal(r.code, 1);
  validateSarif(parseJson(r));
});

// ---------------------------------------------------------------------------------------------
// check --format github, junit
// ---------------------------------------------------------------------------------------------

test('--format github: workflow commands with file, line, col, endLine, endColumn and title', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'warn.cloe.yaml': WARN, 'valid.cloe.yaml': VALID });
  const r = await cli(['check', '--format', 'github', 'invalid.cloe.yaml', 'warn.cloe.yaml', 'valid.cloe.yaml'], { cwd });
  assert.equal(r.code, 1);
  const out = lines(r.stdout);
  assert.equal(out.length, 2, r.stdout);
  assert.equal(out[0], `::error file=invalid.cloe.yaml,line=12,col=20,endLine=12,endColumn=22,title=invalid-level::${B3_MESSAGE_EN}`);
  assert.ok(out[1]!.startsWith('::warning file=warn.cloe.yaml,line=14,col=9,endLine=14,endColumn=15,title=unknown-key::'), out[1]);
  assert.match(out[1]!, /colour/);

  const clean = await cli(['check', '--format', 'github', 'valid.cloe.yaml'], { cwd });
  assert.equal(clean.code, 0);
  assert.equal(clean.stdout, '');
});

test('--format junit: well-formed XML whose counts match the findings', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'warn.cloe.yaml': WARN, 'valid.cloe.yaml': VALID, 'rich.cloe.yaml': RICH });
  const r = await cli(['check', '--format', 'junit', 'invalid.cloe.yaml', 'warn.cloe.yaml', 'valid.cloe.yaml'], { cwd });
  assert.equal(r.code, 1);
  const xml = r.stdout;
  assertWellFormedXml(xml);

  const root = /<testsuites\b[^>]*>/.exec(xml)?.[0];
  assert.ok(root, 'a <testsuites> root');
  const suites = [...xml.matchAll(/<testsuite\b[^>]*>([\s\S]*?)<\/testsuite>/g)];
  assert.equal(suites.length, 3, 'one suite per file');
  assert.deepEqual(
    suites.map((s) => attr(s[0], 'name')),
    ['invalid.cloe.yaml', 'warn.cloe.yaml', 'valid.cloe.yaml'],
  );
  let total = 0;
  let failed = 0;
  for (const [whole, inner] of suites) {
    const open = /<testsuite\b[^>]*>/.exec(whole)![0];
    const cases = (inner!.match(/<testcase\b/g) ?? []).length;
    const failures = (inner!.match(/<failure\b/g) ?? []).length;
    assert.equal(Number(attr(open, 'tests')), cases, `tests= of ${open}`);
    assert.equal(Number(attr(open, 'failures')), failures, `failures= of ${open}`);
    total += cases;
    failed += failures;
  }
  assert.equal(Number(attr(root, 'tests')), total);
  assert.equal(Number(attr(root, 'failures')), failed);
  assert.equal(failed, 2);
  assert.match(xml, /<failure message="&quot;B3&quot; is not a CEFR level[^"]*" type="error">/);

  // Many findings with quotes, guillemets and accents stay well-formed.
  const rich = await cli(['check', '--format', 'junit', '--locale', 'fr', 'rich.cloe.yaml'], { cwd });
  assert.equal(rich.code, 1);
  assertWellFormedXml(rich.stdout);
  assert.ok((rich.stdout.match(/<failure\b/g) ?? []).length >= 5);
});

// ---------------------------------------------------------------------------------------------
// --output
// ---------------------------------------------------------------------------------------------

test('--output writes the report to the file and nothing to stdout', async () => {
  const cwd = workspace({ 'invalid.cloe.yaml': INVALID, 'report.cloe.yaml': REPORT });
  // The folder out/ does not exist: a clear usage error naming the file, and no file.
  const noFolder = await cli(['check', '--format', 'json', '--output', 'out/findings.json', 'invalid.cloe.yaml'], { cwd });
  assertUsageError(noFolder, 'out/findings.json');
  assert.equal(fs.existsSync(path.join(cwd, 'out')), false);

  const ok = await cli(['check', '--format', 'json', '--output', 'findings.json', 'invalid.cloe.yaml'], { cwd });
  assert.equal(ok.code, 1);
  assert.equal(ok.stdout, '');
  const written = JSON.parse(fs.readFileSync(path.join(cwd, 'findings.json'), 'utf8')) as JsonFinding[];
  assert.equal(written.length, 1);
  assert.equal(written[0]!.rule, 'invalid-level');

  const stylish = await cli(['check', '-o', 'findings.txt', 'invalid.cloe.yaml'], { cwd });
  assert.equal(stylish.code, 1);
  assert.equal(stylish.stdout, '');
  const text = fs.readFileSync(path.join(cwd, 'findings.txt'), 'utf8');
  assert.match(text, /invalid-level/);
  assert.ok(!text.includes(ESC), 'no colour codes in a file');

  const report = await cli(['report', '--format', 'csv', '--output', 'outcomes.csv', 'report.cloe.yaml'], { cwd });
  assert.equal(report.code, 0, report.stderr);
  assert.equal(report.stdout, '');
  assert.match(fs.readFileSync(path.join(cwd, 'outcomes.csv'), 'utf8'), /^file,cohort,id,name,profession,threshold,thresholdSource,result,outcome\r?\n/);

  assert.deepEqual(
    fs.readdirSync(cwd).filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary file left behind',
  );
});

test('--output on a usage error: exit 2, a line naming the path, the output file neither created nor touched', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID, 'existing.json': 'keep me\n' });
  const r = await cli(['check', '--format', 'json', '--output', 'new.json', 'valid.cloe.yaml', 'missing.cloe.yaml'], { cwd });
  assertUsageError(r, 'missing.cloe.yaml');
  assert.equal(fs.existsSync(path.join(cwd, 'new.json')), false);

  const again = await cli(['check', '--format', 'json', '--output', 'existing.json', 'missing.cloe.yaml'], { cwd });
  assertUsageError(again, 'missing.cloe.yaml');
  assert.equal(fs.readFileSync(path.join(cwd, 'existing.json'), 'utf8'), 'keep me\n');

  const badFormat = await cli(['check', '--format', 'xml', '--output', 'existing.json', 'valid.cloe.yaml'], { cwd });
  assertUsageError(badFormat, 'xml');
  assert.equal(fs.readFileSync(path.join(cwd, 'existing.json'), 'utf8'), 'keep me\n');

  const report = await cli(['report', '--output', 'existing.json', 'missing.cloe.yaml'], { cwd });
  assertUsageError(report, 'missing.cloe.yaml');
  assert.equal(fs.readFileSync(path.join(cwd, 'existing.json'), 'utf8'), 'keep me\n');
  assert.deepEqual(fs.readdirSync(cwd).sort(), ['existing.json', 'valid.cloe.yaml']);
});

// ---------------------------------------------------------------------------------------------
// Exit code 2
// ---------------------------------------------------------------------------------------------

test('exit 2: unknown command', async () => {
  assertUsageError(await cli(['frobnicate', 'x.cloe.yaml'], { cwd: workspace() }), 'frobnicate');
});

test('exit 2: unknown option', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID });
  assertUsageError(await cli(['check', '--frobnicate', 'valid.cloe.yaml'], { cwd }), '--frobnicate');
  assertUsageError(await cli(['report', '--frobnicate', 'valid.cloe.yaml'], { cwd }), '--frobnicate');
});

test('exit 2: bad --format value', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID });
  assertUsageError(await cli(['check', '--format', 'xml', 'valid.cloe.yaml'], { cwd }), '"xml"', '--format');
  // report has its own formats.
  assertUsageError(await cli(['report', '--format', 'sarif', 'valid.cloe.yaml'], { cwd }), '"sarif"', '--format');
  assertUsageError(await cli(['check', '--format', 'table', 'valid.cloe.yaml'], { cwd }), '"table"', '--format');
});

test('exit 2: a spreadsheet given to check says to import it; an unknown option is named, with where the options are', async () => {
  const cwd = workspace({ 'candidats.csv': 'Nom;Prénom\nDupont;Jeanne\n' });
  const sheet = await cli(['check', 'candidats.csv'], { cwd });
  assert.equal(sheet.code, 2);
  assert.match(sheet.stderr, /"candidats\.csv" is a spreadsheet, not a grid file: .*cloe-grid import candidats\.csv --output new\.cloe\.yaml/);
  const option = await cli(['check', '--nope', 'candidats.csv'], { cwd });
  assert.equal(option.code, 2);
  assert.equal(option.stderr.trim(), 'cloe-grid: Unknown option "--nope": run "cloe-grid --help" for the options of each command.');
});

test('exit 2: a missing path', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID });
  assertUsageError(await cli(['check', 'valid.cloe.yaml', 'nowhere/missing.cloe.yaml'], { cwd }), 'nowhere/missing.cloe.yaml');
  assertUsageError(await cli(['report', 'missing.cloe.yaml'], { cwd }), 'missing.cloe.yaml');
});

test('exit 2: a folder with no grid file', async () => {
  const cwd = workspace({ 'empty/readme.txt': 'nothing here', 'empty/plain.yaml': 'cloe: 1\n', 'empty/node_modules/x/hidden.cloe.yaml': VALID });
  assertUsageError(await cli(['check', 'empty'], { cwd }), 'empty');
});

test('exit 2: a glob matching nothing', async () => {
  const cwd = workspace({ 'dir/valid.cloe.yaml': VALID });
  assertUsageError(await cli(['check', 'dir/**/*.cloe.yml'], { cwd }), 'dir/**/*.cloe.yml');
  assertUsageError(await cli(['check', 'nothing/**/*.cloe.yaml'], { cwd }), 'nothing/**/*.cloe.yaml');
});

test('exit 2: no path at all', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID });
  assertUsageError(await cli(['check'], { cwd }), 'path');
  assertUsageError(await cli(['report'], { cwd }), 'path');
  assertUsageError(await cli(['check', '--format', 'json'], { cwd }), 'path');
});

test('exit 2: no command at all, with a line on stderr', async () => {
  const r = await runCli([], { cwd: workspace() });
  assert.equal(r.code, 2);
  // Help text on stdout may come with it, but a usage error is reported on stderr.
  assert.ok(lines(r.stderr).length >= 1, `nothing on stderr for a usage error (stdout: ${r.stdout.slice(0, 80)}…)`);
});

// ---------------------------------------------------------------------------------------------
// Paths: folders, globs, stdin
// ---------------------------------------------------------------------------------------------

const TREE = {
  'tree/a/one.cloe.yaml': VALID,
  'tree/a/b/two.cloe.yml': WARN,
  'tree/a/b/c/three.cloe.yaml': VALID,
  'tree/node_modules/pkg/bad.cloe.yaml': INVALID,
  'tree/a/node_modules/bad.cloe.yaml': INVALID,
  'tree/a/other.yaml': 'cloe: 99\n',
  'tree/a/notes.txt': 'B3',
};

/** The files a run checked, from the JUnit report (one suite per file). */
function checkedFiles(r: CliResult): string[] {
  return [...r.stdout.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1]!).sort();
}

test('folders recurse for *.cloe.yaml and *.cloe.yml and skip node_modules', async () => {
  const cwd = workspace(TREE);
  const r = await cli(['check', '--format', 'junit', 'tree'], { cwd });
  assert.equal(r.code, 0, `the invalid files under node_modules are skipped: ${r.stdout}`);
  assert.deepEqual(checkedFiles(r), ['tree/a/b/c/three.cloe.yaml', 'tree/a/b/two.cloe.yml', 'tree/a/one.cloe.yaml']);

  const stylish = await cli(['check', 'tree/'], { cwd });
  assert.equal(stylish.code, 0);
  assert.match(stylish.stdout, /tree\/a\/b\/two\.cloe\.yml/);
  assert.match(stylish.stdout, /0 errors, 1 warning in 3 files/);
});

test('globs (passed unexpanded) select grid files and skip node_modules', async () => {
  const cwd = workspace(TREE);
  const yaml = await cli(['check', '--format', 'junit', 'tree/**/*.cloe.yaml'], { cwd });
  assert.equal(yaml.code, 0, yaml.stdout + yaml.stderr);
  assert.deepEqual(checkedFiles(yaml), ['tree/a/b/c/three.cloe.yaml', 'tree/a/one.cloe.yaml']);

  const both = await cli(['check', '--format', 'junit', 'tree/**/*.cloe.{yaml,yml}'], { cwd });
  assert.equal(both.code, 0, both.stderr);
  assert.deepEqual(checkedFiles(both), ['tree/a/b/c/three.cloe.yaml', 'tree/a/b/two.cloe.yml', 'tree/a/one.cloe.yaml']);

  // A broad glob still keeps to grid files.
  const all = await cli(['check', '--format', 'junit', 'tree/a/*'], { cwd });
  assert.equal(all.code, 0, all.stderr);
  assert.deepEqual(checkedFiles(all), ['tree/a/one.cloe.yaml']);

  // A file named twice (directly and through a glob) is checked once.
  const twice = await cli(['check', '--format', 'junit', 'tree/a/one.cloe.yaml', 'tree/**/one.cloe.yaml'], { cwd });
  assert.deepEqual(checkedFiles(twice), ['tree/a/one.cloe.yaml']);
});

test('"-" reads stdin; --stdin-filename names it in the report', async () => {
  const cwd = workspace({ 'valid.cloe.yaml': VALID });
  const named = await runCli(['check', '--format', 'json', '--stdin-filename', 'x.cloe.yaml', '-'], { cwd, input: INVALID });
  assert.equal(named.code, 1, named.stderr);
  const findings = parseJson<JsonFinding[]>(named);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.file, 'x.cloe.yaml');
  assert.deepEqual(findings[0]!.range, { start: { line: 11, character: 19 }, end: { line: 11, character: 21 } });

  const stylish = await cli(['check', '-', '--stdin-filename', 'piped/grid.cloe.yaml'], { cwd, input: INVALID });
  assert.equal(stylish.code, 1);
  assert.ok(lines(stylish.stdout).includes('piped/grid.cloe.yaml'), stylish.stdout);

  const clean = await cli(['check', '-'], { cwd, input: VALID });
  assert.equal(clean.code, 0, clean.stdout);

  const mixed = await cli(['check', '--format', 'github', 'valid.cloe.yaml', '-', '--stdin-filename', 'in.cloe.yaml'], { cwd, input: INVALID });
  assert.equal(mixed.code, 1);
  assert.match(mixed.stdout, /^::error file=in\.cloe\.yaml,line=12,col=20,/m);

  const report = await cli(['report', '--format', 'json', '-', '--stdin-filename', 'report.cloe.yaml'], { cwd, input: REPORT });
  assert.equal(report.code, 0, report.stderr);
  assert.deepEqual(parseJson(report), REPORT_ROWS);
});

// ---------------------------------------------------------------------------------------------
// report
// ---------------------------------------------------------------------------------------------

test('report --format json: one object per candidate with the contract keys and the right outcomes', async () => {
  const cwd = workspace({ 'report.cloe.yaml': REPORT });
  const r = await cli(['report', '--format', 'json', 'report.cloe.yaml'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  const rows = parseJson<Record<string, unknown>[]>(r);
  assert.equal(rows.length, 7);
  for (const row of rows) {
    assert.deepEqual(Object.keys(row), ['file', 'cohort', 'id', 'name', 'profession', 'threshold', 'thresholdSource', 'result', 'outcome']);
    assert.ok(['certificate', 'attestation', 'pending', 'unknown'].includes(row.outcome as string));
    assert.ok([null, 'explicit', 'recommended'].includes(row.thresholdSource as string | null));
  }
  assert.deepEqual(rows, REPORT_ROWS);
});

test('report --format csv: a header line and one line per candidate', async () => {
  const cwd = workspace({ 'report.cloe.yaml': REPORT });
  const r = await cli(['report', '--format', 'csv', 'report.cloe.yaml'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  const out = lines(r.stdout);
  assert.equal(out.length, 1 + 7, r.stdout);
  assert.equal(out[0], 'file,cohort,id,name,profession,threshold,thresholdSource,result,outcome');
  assert.equal(out[1], 'report.cloe.yaml,acme-2026-03,R-01,Alice Certified,Chef de projet,B2,explicit,C1-,certificate');
  assert.equal(out[4], 'report.cloe.yaml,acme-2026-03,R-04,David Unknown,Astronaute lunaire,,,B1,unknown');
  assert.equal(out[6], 'report.cloe.yaml,beta-2026-04,R-06,Farid Defaulted,Chef de projet,B2,recommended,B2,certificate');
  for (const l of out) assert.equal(l.split(',').length, 9, l);
});

test('report --format markdown: a table', async () => {
  const cwd = workspace({ 'report.cloe.yaml': REPORT });
  const r = await cli(['report', '--format', 'markdown', 'report.cloe.yaml'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  const rows = lines(r.stdout).filter((l) => l.startsWith('|'));
  assert.equal(rows.length, 2 + 7, r.stdout);
  assert.match(rows[1]!, /^\|(\s*:?-{3,}:?\s*\|)+$/, 'the separator row');
  const columns = rows[0]!.split('|').length;
  for (const row of rows) {
    assert.match(row, /^\|.*\|$/);
    assert.equal(row.replace(/\\\|/g, '').split('|').length, columns, row);
  }
  for (const row of REPORT_ROWS) assert.ok(rows.some((l) => l.includes(row.name) && l.includes(row.id)), row.name);
});

test('report (default table) lists every candidate by name', async () => {
  const cwd = workspace({ 'report.cloe.yaml': REPORT });
  const r = await cli(['report', 'report.cloe.yaml'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  for (const row of REPORT_ROWS) assert.ok(r.stdout.includes(row.name), row.name);
  assert.match(r.stdout, /Alice Certified.*Certificat CLOE/);
  assert.match(r.stdout, /Bruno Attested.*Attestation/);
  assert.match(r.stdout, /B2 \(recommended\)/);

  const fr = await cli(['report', '--locale', 'fr', 'report.cloe.yaml'], { cwd });
  assert.match(fr.stdout, /B2 \(recommandé\)/);
});

// ---------------------------------------------------------------------------------------------
// --help, --version
// ---------------------------------------------------------------------------------------------

test('--help exits 0 and describes check and report', async () => {
  const cwd = workspace();
  for (const args of [['--help'], ['-h'], ['check', '--help'], ['report', '--help']]) {
    const r = await cli(args, { cwd });
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /\bcheck\b/);
    assert.match(r.stdout, /\breport\b/);
    assert.match(r.stdout, /--format/);
    assert.equal(r.stderr, '');
  }
});

test('--version prints the package.json version', async () => {
  const version = (JSON.parse(readRepoFile('package.json')) as { version: string }).version;
  const cwd = workspace();
  // The executable: the bundle carries package.json's version.
  const r = await runCli(['--version'], { cwd });
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), version);
  // Every way to ask prints the same (in process, the version of the unbundled sources).
  for (const args of [['--version'], ['-v'], ['check', '--version']]) {
    const again = await cli(args, { cwd });
    assert.equal(again.code, 0, args.join(' '));
    assert.equal(again.stdout, `${VERSION}\n`);
  }
});

test('many files are checked on worker threads, with the same report as one by one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-many-'));
  try {
    const names: string[] = [];
    for (let i = 0; i < 60; i++) {
      const name = `g${String(i).padStart(2, '0')}.cloe.yaml`;
      fs.writeFileSync(path.join(dir, name), generate(5 + (i % 7), i));
      names.push(name);
    }
    const all = await runCli(['check', '--format', 'json', '--min-severity', 'hint', '.'], { cwd: dir });
    assert.equal(all.code, 1, all.stderr);
    const serial: unknown[] = [];
    for (let k = 0; k < names.length; k += 10) {
      const part = await cli(['check', '--format', 'json', '--min-severity', 'hint', ...names.slice(k, k + 10)], { cwd: dir });
      serial.push(...(JSON.parse(part.stdout) as unknown[]));
    }
    const parsed = JSON.parse(all.stdout) as unknown[];
    assert.ok(parsed.length > 60);
    assert.deepEqual(parsed, serial);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// Outcomes you can trust (issue 12): only a valid threshold decides, in every report format
// ---------------------------------------------------------------------------------------------

const UNTRUSTED = `cloe: 1
professions:
  - { name: Analyste de données, threshold: B1+ }
cohorts:
  - id: k-2026
    candidates:
      - id: K1
        name: Karl Un
        profession: Vendeur
        threshold: A1
        result: A2
      - id: K2
        name: Karine Deux
        profession: Comptable
        threshold: B1-
        result: B1-
      - id: K3
        name: Kim Trois
        result: A1
      - id: K4
        name: Katia Quatre
        profession: Aide-soignant(e)
        result: A2
      - id: K5
        name: Kevin Cinq
        profession: Analyste de données
        result: B2
`;

test('report: an invalid threshold, written or inherited, decides nothing in any format; a result below A2 is an attestation', async () => {
  const cwd = workspace({ 'k.cloe.yaml': UNTRUSTED });
  const rows = parseJson<{ id: string; outcome: string; threshold: string | null; thresholdSource: string | null }[]>(await cli(['report', '--format', 'json', 'k.cloe.yaml'], { cwd }));
  assert.deepEqual(
    rows.map((r) => `${r.id} ${r.outcome} ${r.threshold} ${r.thresholdSource}`),
    ['K1 unknown A1 explicit', 'K2 unknown B1- explicit', 'K3 attestation null null', 'K4 certificate A2 recommended', 'K5 unknown B1+ recommended'],
  );
  for (const format of ['table', 'csv', 'markdown']) {
    const r = await cli(['report', '--format', format, 'k.cloe.yaml'], { cwd });
    assert.deepEqual(r.stdout.split('\n').filter((l) => /\bK\d\b/.test(l) && /Certificat CLOE|certificate/.test(l)).map((l) => /K4/.test(l)), [true], `${format}: a certificate for K4 alone`);
    assert.match(r.stderr, /has errors/);
  }
  const fr = await cli(['report', '--locale', 'fr', 'k.cloe.yaml'], { cwd });
  assert.match(fr.stdout, /A1 \(non valide\)/);
  assert.match(fr.stdout, /Attestation de niveau A1/);
  assert.match(fr.stdout, /Décision/);
  assert.match(fr.stderr, /comporte des erreurs/, 'the warning follows --locale');
});

test('--output replaces a report atomically: an existing file keeps its mode, a symbolic link is followed', async () => {
  const cwd = workspace({ 'k.cloe.yaml': UNTRUSTED });
  fs.writeFileSync(path.join(cwd, 'real.json'), 'old');
  fs.chmodSync(path.join(cwd, 'real.json'), 0o640);
  fs.symlinkSync('real.json', path.join(cwd, 'link.json'));
  const r = await cli(['report', '--format', 'json', '--output', 'link.json', 'k.cloe.yaml'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.lstatSync(path.join(cwd, 'link.json')).isSymbolicLink(), 'the link stays a link');
  assert.equal(fs.statSync(path.join(cwd, 'real.json')).mode & 0o777, 0o640);
  assert.equal((JSON.parse(fs.readFileSync(path.join(cwd, 'real.json'), 'utf8')) as unknown[]).length, 5);
  assert.deepEqual(fs.readdirSync(cwd).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
});
