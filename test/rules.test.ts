/**
 * Data-driven rule tests. Each file in test/fixtures/rules/ is a grid file whose comments state
 * every finding the checker must report on it, nothing more:
 *
 *       threshold: B3
 *   #              ^^ invalid-level: "B3" is not a CEFR level
 *
 * marks characters of the nearest line above that is not such a marker (the text after ':' must
 * appear in the English message); `# expect 3:1-3:5 rule-id` gives a 1-based range instead.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../server/src/core/check';
import { render } from '../server/src/core/messages';
import { RULES } from '../server/src/core/rules/index';
import { applyEdits, INVALID_SAMPLES, listFiles, readRepoFile, VALID_SAMPLES } from './helpers';

interface Expected {
  key: string;
  message?: string;
}

const CARET = /^(\s*#\s*?)(\s*)(\^+)\s+([a-z][a-z0-9-]*)(?::\s*(.*))?$/;
const EXPECT = /^\s*#\s*expect\s+(\d+):(\d+)-(\d+):(\d+)\s+([a-z][a-z0-9-]*)(?::\s*(.*))?$/;

function expectations(text: string): Expected[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expected[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const c = CARET.exec(line);
    if (c) {
      assert.ok(target >= 0, `marker on line ${i + 1} has no line above it`);
      const start = line.indexOf('^');
      const end = start + c[3]!.length;
      out.push({ key: `${c[4]} ${target + 1}:${start + 1}-${target + 1}:${end + 1}`, message: c[5] });
      return;
    }
    const e = EXPECT.exec(line);
    if (e) {
      out.push({ key: `${e[5]} ${e[1]}:${e[2]}-${e[3]}:${e[4]}`, message: e[6] });
      return;
    }
    target = i;
  });
  return out;
}

const fixtures = listFiles('test/fixtures/rules', /\.cloe\.ya?ml$/);

test('there is a rule fixture for every rule', () => {
  const covered = new Set<string>();
  for (const f of fixtures) for (const e of expectations(readRepoFile(f))) covered.add(e.key.split(' ')[0]!);
  // internal-error has no input that triggers it; invalid-config is about cloe.config.yaml (test/config.test.ts).
  const missing = RULES.map((r) => r.id).filter((id) => id !== 'internal-error' && id !== 'invalid-config' && !covered.has(id));
  assert.deepEqual(missing, [], `rules without a fixture that expects them: ${missing.join(', ')}`);
});

for (const file of fixtures) {
  test(`fixture ${file}`, () => {
    const text = readRepoFile(file);
    const result = checkText(text);
    const actual = result.findings.map((f) => {
      const s = result.lines.position(f.span.start);
      const e = result.lines.position(f.span.end);
      return { key: `${f.rule} ${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`, message: render(f.message, 'en') };
    });
    const expected = expectations(text);
    assert.deepEqual(actual.map((a) => a.key).sort(), expected.map((e) => e.key).sort(), 'findings (rule line:col-line:col)');
    for (const e of expected) {
      if (!e.message) continue;
      const a = actual.find((x) => x.key === e.key);
      assert.ok(a?.message.includes(e.message.trim()), `${e.key}: message "${a?.message}" should contain "${e.message.trim()}"`);
    }
  });
}

/**
 * One cause, one finding (issue 20): two findings on the same range are allowed only for pairs of
 * rules known to report independent problems. A new pair fails here until it is looked at.
 */
const INDEPENDENT_PAIRS = new Set([
  // A candidate with no id: the id is missing, and (no profession, no threshold) no outcome either.
  'missing-field+outcome-unknown',
  // `result:B1` in a block mapping: the parser's error fails the check, unknown-key carries the fix
  // ("did you mean result: B1?"). Kept both on purpose: in a flow mapping only unknown-key fires.
  'unknown-key+yaml-syntax',
]);

test('no range carries two findings for one cause (samples and rule fixtures)', () => {
  const pairs = new Map<string, string>();
  for (const file of [...fixtures, ...INVALID_SAMPLES(), ...VALID_SAMPLES()]) {
    const r = checkText(readRepoFile(file));
    const byRange = new Map<string, string[]>();
    for (const f of r.findings) {
      const key = `${f.span.start}-${f.span.end}`;
      byRange.set(key, [...(byRange.get(key) ?? []), f.rule]);
    }
    for (const [range, rules] of byRange) {
      if (rules.length < 2) continue;
      const pair = [...new Set(rules)].sort().join('+');
      if (!INDEPENDENT_PAIRS.has(pair)) pairs.set(pair, `${file} at ${r.lines.position(Number(range.split('-')[0])).line + 1}`);
    }
  }
  assert.deepEqual([...pairs].map(([pair, where]) => `${pair} (${where})`), []);
});

test('every rule has a default severity, a description and a unique id', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    assert.match(r.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.defaultSeverity));
    assert.ok(r.description.length > 10);
  }
});

test('every rule has a documentation page', () => {
  for (const r of RULES) {
    const page = readRepoFile(`docs/rules/${r.id}.md`);
    for (const section of ['## Why', '## Bad', '## Good', '## How to fix']) assert.ok(page.includes(section), `docs/rules/${r.id}.md lacks "${section}"`);
  }
});

test('applying each quick fix removes its finding and breaks no YAML', () => {
  let applied = 0;
  for (const file of [...fixtures, ...INVALID_SAMPLES(), ...VALID_SAMPLES()]) {
    const text = readRepoFile(file);
    const before = checkText(text);
    for (const f of before.findings) {
      for (const fix of f.fixes ?? []) {
        const fixed = applyEdits(text, fix.edits);
        const after = checkText(fixed);
        const where = `${file}: ${f.rule} at ${before.lines.position(f.span.start).line + 1}, fix "${render(fix.title, 'en')}"`;
        assert.ok(after.model.syntaxErrors.length <= before.model.syntaxErrors.length, `${where} broke the YAML:\n${fixed}`);
        const sameRule = (g: typeof f) => g.rule === f.rule;
        assert.ok(after.findings.filter(sameRule).length < before.findings.filter(sameRule).length, `${where} did not remove the finding`);
        applied++;
      }
    }
  }
  assert.ok(applied > 10, `only ${applied} fixes were exercised`);
});

test('safe fixes applied together (fix-all) leave no safe fix behind', () => {
  for (const file of [...fixtures, ...INVALID_SAMPLES()]) {
    const text = readRepoFile(file);
    const r = checkText(text);
    const edits = r.findings.flatMap((f) => f.fixes?.filter((x) => x.safe).flatMap((x) => x.edits) ?? []);
    if (edits.length === 0) continue;
    const after = checkText(applyEdits(text, edits));
    const left = after.findings.filter((f) => f.fixes?.some((x) => x.safe));
    assert.deepEqual(left.map((f) => f.rule), [], `${file}: safe fixes left after fix-all`);
  }
});
