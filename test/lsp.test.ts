/**
 * The language server over a real JSON-RPC connection to the spawned `cloe-grid --stdio`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, InlayHint, CodeLens, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { checkText } from '../server/src/core/check';
import { CLI, INVALID_SAMPLES, readRepoFile, ROOT, runInProcess, VALID_SAMPLES } from './helpers';
import { generate, rng } from './generate';
import { diagnosticKey, TestClient } from './lsp-client';

const GRID = `cloe: 1
language: en
professions:
  - name: Analyste de données
    threshold: B2
    aliases: [Data analyst]
cohorts:
  - id: acme-2026-03
    name: Acme printemps
    partner: Acme Formation
    session: 2026-03-15
    candidates:
      - id: ACME-001
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B2
        result: B1+
      - id: ACME-002
        name: Karim Benali
        profession: Ingénieur
        result: { written: B2, oral: B1+ }
      - id: ACME-003
        name: Léa Martin
        profession: Data analyst
        threshold: B2
        result: C1
      - id: ACME-004
        name: Paul Durand
        profession: Chef de projt
        threshold: B1
      - id: ACME-005
        name: Zoé Petit
        profession: comptable
        threshold: b1
        result: B2
`;

const uri = (name: string) => pathToFileURL(path.join(ROOT, 'test-workspace', name)).href;

/** Line/character of the n-th occurrence of a string in a text (0-based). */
function pos(text: string, needle: string, nth = 0, delta = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not in text`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function editOf(action: CodeAction | undefined, u: string): TextEdit[] {
  const edit = action?.edit as WorkspaceEdit | undefined;
  return edit?.changes?.[u] ?? [];
}

describe('language server over stdio', () => {
  let client: TestClient;
  const doc = uri('grid.cloe.yaml');

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  test('diagnostics on open: rule codes, docs links, ranges, related information', async () => {
    const p = await client.open(doc, GRID);
    assert.equal(p.version, 1);
    const keys = p.diagnostics.map(diagnosticKey).sort();
    assert.ok(keys.includes(`unknown-profession ${pos(GRID, 'Chef de projt').line}:20-${pos(GRID, 'Chef de projt').line}:33`), keys.join('\n'));
    assert.ok(keys.includes(`invalid-level ${pos(GRID, 'b1').line}:19-${pos(GRID, 'b1').line}:21`), keys.join('\n'));
    assert.ok(keys.includes(`threshold-defaulted ${pos(GRID, 'Ingénieur').line}:20-${pos(GRID, 'Ingénieur').line}:29`), keys.join('\n'));
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'cloe');
      assert.match(String(d.codeDescription?.href), new RegExp(`docs/rules/${String(d.code)}\\.md$`));
    }
    const unknown = p.diagnostics.find((d) => d.code === 'unknown-profession')!;
    assert.match(unknown.message as string, /"Chef de projt" is not a profession.*"Chef de projet"/);
  });

  test('duplicate-id carries related information pointing to the first use', async () => {
    const text = GRID.replace('id: ACME-005', 'id: ACME-001');
    const u = uri('dup.cloe.yaml');
    const p = await client.open(u, text);
    const d = p.diagnostics.find((x) => x.code === 'duplicate-id');
    assert.ok(d);
    assert.deepEqual(d.relatedInformation?.[0]?.location, { uri: u, range: { start: pos(text, 'ACME-001', 0), end: { ...pos(text, 'ACME-001', 0), character: pos(text, 'ACME-001', 0).character + 8 } } });
    assert.deepEqual(d.range.start, pos(text, 'ACME-001', 1));
  });

  test('hover on a candidate result explains the outcome step by step', async () => {
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: pos(GRID, '{ written: B2', 0, 3) })) as Hover;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /ACME-002 — Karim Benali\*\* ⇒ \*\*Attestation de niveau B1\+/);
    assert.match(value, /overall level B1\+ \(the lower of written B2 and oral B1\+\)/);
    assert.match(value, /B1\+ < threshold B2 → Attestation de niveau B1\+/);
    assert.match(value, /threshold B2, recommended for "Profession scientifique \/ technique" \(none is set for this candidate\)/);
  });

  test('hover on a profession shows its tier, objective, examples and the alias', async () => {
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: pos(GRID, 'Ingénieur', 0, 2) })) as Hover;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /\*\*Profession scientifique \/ technique\*\*/);
    assert.match(value, /"Ingénieur" resolves to this grid entry/);
    assert.match(value, /Recommended threshold: \*\*B2\*\*/);
    assert.match(value, /Professional autonomy in complex situations|Autonomie professionnelle en situations complexes/);
    assert.deepEqual(h.range?.start, pos(GRID, 'Ingénieur'));
  });

  test('hover on a threshold compares it with the recommendation; on a level gives its CEFR name', async () => {
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: pos(GRID, 'threshold: B2', 1, 12) })) as Hover;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /Threshold \*\*B2\*\*, set for this candidate/);
    assert.match(value, /It is the threshold recommended for "Chef de projet" \(B2\)/);
    assert.match(value, /Independent user — Vantage/);
  });

  test('hover on a cohort gives its summary', async () => {
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: pos(GRID, 'acme-2026-03', 0, 1) })) as Hover;
    assert.match((h.contents as { value: string }).value, /5 candidates · 1 certificate · 2 attestations · 1 pending · 1 unknown/);
  });

  test('inlay hints: the outcome after each result and the defaulted threshold', async () => {
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: doc }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } })) as InlayHint[];
    const labels = hints.map((h) => `${h.position.line}:${String(h.label)}`);
    assert.ok(labels.includes(`${pos(GRID, 'result: B1+').line}:⇒ Attestation de niveau B1+`), labels.join('\n'));
    assert.ok(labels.includes(`${pos(GRID, 'result: C1').line}:⇒ Certificat CLOE`), labels.join('\n'));
    assert.ok(labels.includes(`${pos(GRID, 'ACME-004').line}:⇒ pending`), labels.join('\n'));
    assert.ok(labels.includes(`${pos(GRID, 'Ingénieur').line}:threshold: B2 (recommended)`), labels.join('\n'));
  });

  test('completion offers professions (with threshold), aliases, levels, languages and keys', async () => {
    const at = pos(GRID, 'Chef de projt', 0, 4);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc }, position: at })) as CompletionItem[];
    const chef = items.find((i) => i.label === 'Chef de projet');
    assert.equal(chef?.detail?.startsWith('B2'), true);
    const resolved = (await client.connection.sendRequest('completionItem/resolve', chef)) as CompletionItem;
    assert.match((resolved.documentation as { value: string }).value, /Recommended threshold: \*\*B2\*\*/);
    assert.ok(items.some((i) => i.label === 'Project manager' && /Chef de projet/.test(i.detail ?? '')));
    assert.ok(items.some((i) => i.label === 'Analyste de données'), 'local professions are offered');
    // The item replaces the whole scalar.
    const edit = chef!.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: pos(GRID, 'Chef de projt'), end: { line: at.line, character: pos(GRID, 'Chef de projt').character + 13 } });

    const levels = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc }, position: pos(GRID, 'threshold: B1', 0, 12) })) as CompletionItem[];
    assert.deepEqual(levels.map((i) => i.label).sort(), ['A2', 'B1', 'B2', 'C1', 'C2']);
    assert.equal(levels.find((i) => i.preselect)?.label, undefined, 'Chef de projt is unknown: no recommended threshold');

    const results = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc }, position: pos(GRID, 'result: C1', 0, 9) })) as CompletionItem[];
    assert.equal(results.length, 17);

    const langs = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc }, position: pos(GRID, 'language: en', 0, 11) })) as CompletionItem[];
    assert.deepEqual(langs.map((i) => i.label), ['en', 'de', 'es', 'it', 'pt', 'fr']);
  });

  test('completion of keys knows the mapping at the cursor', async () => {
    const text = GRID.replace('        result: C1\n', '        result: C1\n        \n');
    const u = uri('keys.cloe.yaml');
    await client.open(u, text);
    const line = pos(text, 'result: C1').line + 1;
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line, character: 8 } })) as CompletionItem[];
    // ACME-003 already has id, name, profession, threshold, result.
    assert.deepEqual(items.map((i) => i.label), []);
    const text2 = GRID.replace('        threshold: B1\n', '        thr\n');
    await client.change(u, [{ text: text2 }]);
    const line2 = pos(text2, '        thr\n').line;
    const items2 = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line: line2, character: 11 } })) as CompletionItem[];
    assert.deepEqual(items2.map((i) => i.label).sort(), ['result', 'threshold']);
    const cohortKeys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line: pos(text2, '    session').line, character: 4 } })) as CompletionItem[];
    assert.deepEqual(cohortKeys.map((i) => i.label).sort(), ['language', 'session']);
  });

  test('each quick fix, applied, removes its finding', async () => {
    const u = uri('fix.cloe.yaml');
    const p = await client.open(u, GRID);
    let checked = 0;
    for (const d of p.diagnostics) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
      if (actions.length === 0) continue;
      const fixed = applyTextEdits(GRID, editOf(actions[0], u));
      const after = await client.change(u, [{ text: fixed }]);
      assert.ok(!after.diagnostics.some((x) => diagnosticKey(x) === diagnosticKey(d)), `${diagnosticKey(d)} still there after "${actions[0]!.title}"`);
      await client.change(u, [{ text: GRID }]);
      checked++;
    }
    assert.ok(checked >= 3, `only ${checked} quick fixes`);
  });

  test('quick fixes: unknown profession → the suggestion; below recommended → raise; defaulted → write it', async () => {
    const u = uri('fix2.cloe.yaml');
    const p = await client.open(u, GRID);
    const get = async (code: string) => {
      const d = p.diagnostics.find((x) => x.code === code)!;
      return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    };
    const prof = await get('unknown-profession');
    assert.equal(prof[0]?.title, 'Replace with "Chef de projet"');
    const defaulted = await get('threshold-defaulted');
    assert.equal(defaulted[0]?.title, 'Write the threshold B2 explicitly');
    assert.match(applyTextEdits(GRID, editOf(defaulted[0], u)), /profession: Ingénieur\n {8}threshold: B2\n {8}result: \{ written/);
  });

  test('source.fixAll.cloe applies every safe fix at once, keeping comments', async () => {
    const text = GRID.replace('threshold: b1', 'threshold: b1   # set by the partner');
    const u = uri('fixall.cloe.yaml');
    await client.open(u, text);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.cloe');
    const fixed = applyTextEdits(text, editOf(actions[0], u));
    assert.match(fixed, /threshold: B1 {3}# set by the partner/);
    assert.match(fixed, /profession: Ingénieur\n {8}threshold: B2/);
    const after = await client.change(u, [{ text: fixed }]);
    const codes = after.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('invalid-level') && !codes.includes('threshold-defaulted'), codes.join(','));
    assert.ok(codes.includes('unknown-profession'), 'unsafe fixes are not applied');
  });

  test('document symbols: cohorts → candidates with outcome as detail', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: doc } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]!.name, 'acme-2026-03');
    assert.deepEqual(
      symbols[0]!.children!.map((c) => `${c.name} | ${c.detail}`),
      ['Jeanne Dupont | ACME-001 · Attestation de niveau B1+', 'Karim Benali | ACME-002 · Attestation de niveau B1+', 'Léa Martin | ACME-003 · Certificat CLOE', 'Paul Durand | ACME-004 · pending', 'Zoé Petit | ACME-005 · unknown'],
    );
  });

  test('code lens above each cohort with its summary', async () => {
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: doc } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]!.command?.title, '5 candidates · 1 certificate · 2 attestations · 1 pending · 1 unknown · 1 error · 1 warning');
    assert.equal(lenses[0]!.range.start.line, pos(GRID, 'id: acme').line);
    // Clicked, it opens the outcomes view on that cohort.
    assert.equal(lenses[0]!.command?.command, 'cloe.showOutcomes');
    assert.deepEqual(lenses[0]!.command?.arguments, [doc, 'acme-2026-03']);
  });

  test('go to definition on a local profession', async () => {
    const loc = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: doc }, position: pos(GRID, 'Data analyst', 1, 2) })) as Location;
    assert.deepEqual(loc.range.start, pos(GRID, 'Analyste de données'));
  });

  test('incremental edits update the diagnostics, version by version', async () => {
    const u = uri('incr.cloe.yaml');
    await client.open(u, GRID);
    const at = pos(GRID, 'Chef de projt');
    const fixed = await client.change(u, [{ range: { start: { line: at.line, character: at.character + 12 }, end: { line: at.line, character: at.character + 12 } }, text: 'e' }]);
    assert.ok(!fixed.diagnostics.some((d) => d.code === 'unknown-profession'));
    // A burst of edits: only versions that are current when validated are published, the last one always.
    let last = 0;
    for (let i = 0; i < 20; i++) last = await client.changeNoWait(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 ? '' : '' }]);
    const final = await client.waitDiagnostics(u, (p) => p.version === last);
    assert.equal(final.version, last);
  });

  test('after a burst of random range edits, the diagnostics equal cloe-grid check on the final text', async () => {
    const u = uri('burst.cloe.yaml');
    let text = generate(80, 5);
    await client.open(u, text);
    const r = rng(42);
    const lineStarts = (t: string) => [0, ...[...t.matchAll(/\n/g)].map((m) => m.index + 1)];
    const position = (t: string, offset: number) => {
      const starts = lineStarts(t);
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
      return { line, character: offset - starts[line]! };
    };
    let last = 0;
    for (let i = 0; i < 40; i++) {
      const start = Math.floor(r() * text.length);
      const end = Math.min(text.length, start + (r() < 0.5 ? 0 : 1 + Math.floor(r() * 3)));
      const newText = ['a', 'B2', '', ' ', 'x'][Math.floor(r() * 5)]!;
      const range = { start: position(text, start), end: position(text, end) };
      text = text.slice(0, start) + newText + text.slice(end);
      last = await client.changeNoWait(u, [{ range, text: newText }]);
    }
    const final = await client.waitDiagnostics(u, (p) => p.version === last);
    const cli = await runInProcess(['check', '--format', 'json', '--min-severity', 'hint', '--stdin-filename', 'burst.cloe.yaml', '-'], { input: text });
    const expected = (JSON.parse(cli.stdout) as { rule: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]).map(
      (f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`,
    );
    assert.deepEqual(final.diagnostics.map(diagnosticKey).sort(), expected.sort());
  });

  test('didClose clears the diagnostics', async () => {
    const u = uri('close.cloe.yaml');
    const p = await client.open(u, GRID);
    assert.ok(p.diagnostics.length > 0);
    const cleared = await client.close(u);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('a YAML file that does not match the patterns gets nothing; cloe.files adds patterns', async () => {
    const u = uri('other.yaml');
    await client.openOnly(u, GRID);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: pos(GRID, 'Ingénieur') });
    assert.equal(hover, null);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[];
    assert.deepEqual(symbols, []);
    const wait = client.waitDiagnostics(u, (p) => p.diagnostics.length > 0);
    await client.setSettings({ files: ['other.yaml'] });
    const p = await wait;
    assert.ok(p.diagnostics.some((d) => d.code === 'unknown-profession'));
    const cleared = client.waitDiagnostics(u, (p2) => p2.diagnostics.length === 0);
    await client.setSettings({ files: [] });
    await cleared;
  });

  test('inlay hints can be switched off by setting', async () => {
    await client.setSettings({ inlayHints: { outcome: false } });
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: doc }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } })) as InlayHint[];
    assert.ok(hints.length > 0 && hints.every((h) => String(h.label).startsWith('threshold:')));
    await client.setSettings({ inlayHints: { outcome: true, defaultedThreshold: false } });
    const hints2 = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: doc }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } })) as InlayHint[];
    assert.ok(hints2.length > 0 && hints2.every((h) => String(h.label).startsWith('⇒')));
    await client.setSettings({});
  });

  test('past cloe.maxDiagnostics, the most severe diagnostics are sent, and a last one says how many are not', async () => {
    const text = generate(2500, 21);
    const all = checkText(text).findings;
    const rank = { error: 1, warning: 2, information: 3, hint: 4 } as const;
    assert.ok(all.length > 1000 && all.some((f) => f.severity === 'error') && all.some((f) => f.severity === 'hint'), `${all.length} findings`);
    const u = uri('many-findings.cloe.yaml');
    const check = (diagnostics: Diagnostic[], max: number) => {
      assert.equal(diagnostics.length, max);
      const notice = diagnostics[max - 1]!;
      assert.equal(notice.code, undefined);
      assert.match(String(notice.message), new RegExp(`^${(all.length - (max - 1)).toLocaleString('en')} more findings are not shown`));
      const shown = diagnostics.slice(0, -1);
      // Never a less severe one shown while a more severe one is left out; document order kept.
      const worstShown = Math.max(...shown.map((d) => d.severity!));
      const shownCount = (sev: number) => shown.filter((d) => d.severity === sev).length;
      for (const sev of [1, 2, 3, 4]) {
        const inFile = all.filter((f) => rank[f.severity] === sev).length;
        if (sev < worstShown) assert.equal(shownCount(sev), inFile, `severity ${sev}`);
        if (sev > worstShown) assert.equal(shownCount(sev), 0, `severity ${sev}`);
      }
      for (let i = 1; i < shown.length; i++) {
        const a = shown[i - 1]!.range.start;
        const b = shown[i]!.range.start;
        assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), 'document order');
      }
    };
    check((await client.open(u, text)).diagnostics, 1000);
    let next = client.waitDiagnostics(u, (p) => p.diagnostics.length === 40);
    await client.setSettings({ maxDiagnostics: 40 });
    check((await next).diagnostics, 40);
    next = client.waitDiagnostics(u, (p) => p.diagnostics.length === all.length);
    await client.setSettings({ maxDiagnostics: 0 });
    assert.equal((await next).diagnostics.filter((d) => d.source === 'cloe' && d.code).length, all.length);
    await client.setSettings({});
    await client.close(u);
  });

  test('the server stays up on malformed requests and writes nothing but the protocol', async () => {
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'not a uri' } }) as Promise<unknown>).catch(() => undefined);
    const h = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: { line: 9999, character: 9999 } });
    assert.equal(h, null);
    const again = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: doc } })) as DocumentSymbol[];
    assert.equal(again.length, 1);
  });
});

describe('language server in French', () => {
  test('messages and hovers follow the client locale', async () => {
    const client = new TestClient({ locale: 'fr-FR' });
    try {
      await client.initialize();
      const u = uri('fr.cloe.yaml');
      const p = await client.open(u, GRID);
      assert.match(p.diagnostics.find((d) => d.code === 'unknown-profession')!.message as string, /n’est une profession ni de la grille CLOE/);
      const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: pos(GRID, '{ written: B2', 0, 3) })) as Hover;
      assert.match((h.contents as { value: string }).value, /le plus bas de l’écrit, B2, et de l’oral, B1\+/);
    } finally {
      await client.stop();
    }
  });
});

describe('the server and the CLI agree', () => {
  test('for every sample, the server publishes exactly the findings of cloe-grid check --format json', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const files = [...VALID_SAMPLES(), ...INVALID_SAMPLES()];
      assert.ok(files.length >= 3, 'samples exist');
      for (const file of files) {
        const cli = await runInProcess(['check', '--format', 'json', '--min-severity', 'hint', file]);
        const expected = (JSON.parse(cli.stdout) as { rule: string; message: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[])
          .map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.message}`)
          .sort();
        const p = await client.open(pathToFileURL(path.join(ROOT, file)).href, readRepoFile(file));
        const sev = ['', 'error', 'warning', 'information', 'hint'];
        const actual = p.diagnostics.map((d) => `${diagnosticKey(d)} ${sev[d.severity ?? 0]} ${d.message as string}`).sort();
        assert.deepEqual(actual, expected, file);
      }
    } finally {
      await client.stop();
    }
  });
});

describe('the server process over stdio (its own stdin reader)', () => {
  /** Spawns the server, sends raw framed messages, waits for `answer` on stdout, closes stdin and gives the exit code. */
  async function run(messages: object[], answer: RegExp): Promise<{ code: number | null; stdout: string }> {
    const child = spawn(process.execPath, [CLI, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    for (const m of messages) {
      const body = Buffer.from(JSON.stringify(m), 'utf8');
      // Header and body in separate writes, the body in two halves: framing across chunks.
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body.subarray(0, body.length >> 1));
      await new Promise((r) => setTimeout(r, 20));
      child.stdin.write(body.subarray(body.length >> 1));
    }
    for (let waited = 0; !answer.test(stdout) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.match(stdout, answer);
    child.stdin.end();
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') {
      child.kill();
      assert.fail('the server did not exit when its stdin closed');
    }
    return { code, stdout };
  }
  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, locale: 'fr' } };

  test('answers a request split across chunks, and exits with 1 when stdin closes without shutdown', async () => {
    const { code } = await run([initialize], /Content-Length: \d+\r\n\r\n\{.*"id":1,"result":\{"capabilities"/);
    assert.equal(code, 1);
  });

  test('exits with 0 when stdin closes after a shutdown request', async () => {
    const { code } = await run([initialize, { jsonrpc: '2.0', method: 'initialized', params: {} }, { jsonrpc: '2.0', id: 2, method: 'shutdown' }], /"id":2,"result":null/);
    assert.equal(code, 0);
  });
});
