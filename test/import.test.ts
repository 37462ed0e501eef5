/**
 * `cloe-grid import` (issue 17): messy workbooks and CSV files built here with the libraries
 * (title row above the header, Nom + Prénom, ids as numbers shown with leading zeros, a date
 * cell, blank rows, a formula, trailing spaces, a semicolon Windows-1252 CSV with accents), then:
 * import → a valid grid file → report gives the expected outcomes; a results sheet merged into a
 * grid file changes only the result lines; findings name the sheet's row and column; the
 * limits refuse a zip bomb before reading it. In process (run()), and once through dist/cli.js.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, test } from 'node:test';
import { run } from '../server/src/cli/main';
import { cellText, decodeText, detectDelimiter, readSheet, SheetError, zipUncompressedSize } from '../server/src/cli/sheet-read';
import { render } from '../server/src/core/messages';
import { parseGrid } from '../server/src/core/parse';
import { excelSerialToIso, fieldOfHeader, findHeader, mergeEdits, normalizeHeader, sessionDate, SHEET_LIMITS, sheetCandidates, type SheetRow, yamlScalar } from '../server/src/core/sheet';
import { applyTextEdits } from '../server/src/core/fixes';
import { planMapping } from '../server/src/core/sheet-plan';
import { runCli } from './helpers';
import { type Cell, writeWorkbook } from './workbook';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-import-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
/** A fresh folder for one test. */
function dir(): string {
  const d = path.join(tmp, `t${n++}`);
  fs.mkdirSync(d);
  return d;
}

async function cli(args: string[], cwd: string, locale = 'C') {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, env: { LANG: locale }, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}


/** The partner's candidate list, as it comes: a title, a blank row, French headers with odd spacing, ids typed as numbers. */
const PARTNER_ROWS: Cell[][] = [
  ['Acme Formation — candidats CLOE, session de mars'],
  [],
  ['N° candidat', 'NOM ', 'Prénom', 'Métier', 'Objectif de résultat', 'Date de session', 'Téléphone', 'Cohorte'],
  [{ numFmt: '0000', value: 42 }, 'Dupont', 'Jeanne', 'Chef de projet', 'B2', new Date(Date.UTC(2026, 2, 15)), '06 01 02 03 04', 'acme-2026-03'],
  [],
  [{ numFmt: '0000', value: 43 }, 'Benali  ', 'Karim', 'Ingénieur', null, new Date(Date.UTC(2026, 2, 15)), null, 'acme-2026-03'],
  [{ formula: 'CONCAT("ACME-","044")', result: 'ACME-044' }, 'Martin', 'Léa', 'Comptable ', 'B1', null, null, 'acme-2026-03'],
];

test('headers are recognised in French and English, whatever the case, accents and spacing', () => {
  const cases: [string, string | undefined][] = [
    ['N° candidat', 'id'],
    ['  identifiant ', 'id'],
    ['MATRICULE', 'id'],
    ['Nom', 'last-name'],
    ['Prénom', 'first-name'],
    ['prenom', 'first-name'],
    ['Métier', 'profession'],
    ['Fonction', 'profession'],
    ['Objectif de résultat', 'threshold'],
    ['Niveau  seuil', 'threshold'],
    ['Threshold', 'threshold'],
    ['Niveau obtenu', 'result'],
    ['Overall', 'result'],
    ['Écrit', 'written'],
    ['Written', 'written'],
    ['ORAL', 'oral'],
    ['Groupe', 'cohort'],
    ['Session', 'cohort'],
    ['Date de session', 'session'],
    ['Téléphone', undefined],
  ];
  for (const [header, field] of cases) assert.equal(fieldOfHeader(header), field, header);
  assert.equal(normalizeHeader(' N°  Candidat '), 'n candidat');
  assert.equal(fieldOfHeader('Tel', new Map([['tel', 'ignore']])), 'ignore');
});

test('the header row is found below a title and blank rows; empty rows are skipped; Nom + Prénom give "Prénom Nom"', () => {
  const rows: SheetRow[] = [
    { row: 1, cells: ['Liste des candidats'] },
    { row: 3, cells: ['Identifiant', 'Nom', 'Prénom', 'Poste', 'Seuil', 'Remarque'] },
    { row: 4, cells: ['A1', 'Dupont', 'Jeanne', 'Comptable', 'B1 ', 'ok'] },
    { row: 5, cells: ['', '', '', '', '', ''] },
    { row: 6, cells: ['', '', '', '', '', 'seulement une remarque'] },
    { row: 7, cells: ['A1', 'Doublon', '', '', '', ''] },
    { row: 8, cells: ['', 'Sans id', '', '', '', ''] },
  ];
  const map = findHeader(rows)!;
  assert.equal(map.headerRow, 3);
  const imp = sheetCandidates(rows, map);
  assert.deepEqual(imp.candidates, [{ row: 4, values: { id: 'A1', name: 'Jeanne Dupont', profession: 'Comptable', threshold: 'B1' } }]);
  assert.deepEqual(imp.ignored, ['Remarque']);
  assert.deepEqual(
    imp.problems.map((p) => [p.row, p.column, render(p.message, 'en')]),
    [
      [7, 'Identifiant', 'Candidate id "A1" is already on row 4: this row is not imported. Keep one row per candidate.'],
      [8, 'Identifiant', 'This row has no candidate id: it is not imported. Give every candidate an id in the sheet.'],
    ],
  );
  assert.equal(findHeader([{ row: 1, cells: ['Title'] }, { row: 2, cells: ['a', 'b'] }]), undefined);
});

test('a "Session" column names the cohort, or the session date when it holds only dates', () => {
  const header = { row: 1, cells: ['ID', 'Nom', 'Session'] };
  const cohorts = [header, { row: 2, cells: ['A1', 'Dupont', 'acme-printemps'] }];
  assert.deepEqual(sheetCandidates(cohorts, findHeader(cohorts)!).candidates, [{ row: 2, cohort: 'acme-printemps', values: { id: 'A1', name: 'Dupont' } }]);
  const dates = [header, { row: 2, cells: ['A1', 'Dupont', '15/03/2026'] }, { row: 3, cells: ['A2', 'Roy', '2026-03-16'] }];
  const imp = sheetCandidates(dates, findHeader(dates)!);
  assert.deepEqual(imp.candidates, [{ row: 2, session: '2026-03-15', values: { id: 'A1', name: 'Dupont' } }, { row: 3, session: '2026-03-16', values: { id: 'A2', name: 'Roy' } }]);
  assert.equal(imp.columnOf.session, 'Session');
  assert.equal(imp.columnOf.cohort, undefined);
  // Named the cohort by the user (--map, the editor's pick), it stays the cohort.
  const chosen = sheetCandidates(dates, findHeader(dates, new Map([['session', 'cohort']]))!);
  assert.deepEqual(chosen.candidates.map((c) => [c.cohort, c.session]), [['15/03/2026', undefined], ['2026-03-16', undefined]]);
  assert.equal(planMapping(dates)!.columns[2]!.field, 'session', 'the mapping shown to the user is the one the import uses');
  assert.equal(planMapping(dates, new Map([['session', 'cohort']]))!.columns[2]!.field, 'cohort');
});

test('cells read as the sheet shows them; dates; YAML scalars that read back as the same text', () => {
  assert.equal(cellText({ value: 42, numFmt: '0000' }), '0042');
  assert.equal(cellText({ value: 42, numFmt: 'General' }), '42');
  assert.equal(cellText({ value: new Date(Date.UTC(2026, 2, 15)), numFmt: 'dd/mm/yyyy' }), '2026-03-15');
  assert.equal(cellText({ value: { formula: 'A1&"x"', result: 'B2' }, numFmt: '' }), 'B2');
  assert.equal(cellText({ value: { richText: [{ text: 'Chef ' }, { text: 'de projet' }] }, numFmt: '' }), 'Chef de projet');
  assert.equal(excelSerialToIso(46096), '2026-03-15');
  assert.equal(sessionDate('46096'), '2026-03-15');
  assert.equal(sessionDate('15/03/2026'), '2026-03-15');
  assert.equal(sessionDate('2026-03-15'), '2026-03-15');
  for (const [value, yaml] of [['0042', '"0042"'], ['42', '"42"'], ['Jeanne Dupont', 'Jeanne Dupont'], ['B1+', 'B1+'], ['Chef d\'équipe', '"Chef d\'équipe"'], ['true', '"true"'], ['=1+1', '"=1+1"'], ['a: b', '"a: b"'], ['2026-03-15', '2026-03-15']] as const) {
    assert.equal(yamlScalar(value), yaml, value);
  }
  assert.equal(detectDelimiter('a;b;"c,d"\n1;2;3\n'), ';');
  assert.equal(detectDelimiter('a,b,c\n'), ',');
  assert.equal(decodeText(Buffer.from([0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d])), 'Prénom'); // Windows-1252
  assert.equal(decodeText(Buffer.from('\uFEFFPrénom', 'utf8')), 'Prénom'); // UTF-8 with BOM
  assert.equal(decodeText(Buffer.from('\uFEFFPrénom\tMétier', 'utf16le')), 'Prénom\tMétier'); // Excel's "Unicode text"
  assert.equal(detectDelimiter('Prénom\tMétier\tSeuil\n'), '\t');
});

test('import of a messy workbook → a valid grid file → report gives the expected outcomes', async () => {
  const d = dir();
  await writeWorkbook(path.join(d, 'candidats.xlsx'), PARTNER_ROWS);
  const dry = await cli(['import', 'candidats.xlsx', '--output', 'acme.cloe.yaml', '--dry-run'], d);
  assert.equal(dry.code, 0, dry.stdout + dry.stderr);
  assert.match(dry.stdout, /^--- \/dev\/null\n\+\+\+ acme\.cloe\.yaml\n@@ -0,0 \+1,17 @@\n\+# Imported from candidats\.xlsx/);
  assert.equal(fs.existsSync(path.join(d, 'acme.cloe.yaml')), false, '--dry-run writes nothing');
  const r = await cli(['import', 'candidats.xlsx', '--output', 'acme.cloe.yaml'], d);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /columns not imported: "Téléphone"/);
  assert.equal(r.stderr.match(/columns not imported/g)?.length, 1, 'ignored columns are listed once');
  assert.equal(
    fs.readFileSync(path.join(d, 'acme.cloe.yaml'), 'utf8'),
    `# Imported from candidats.xlsx by cloe-grid import.
cloe: 1
cohorts:
  - id: acme-2026-03
    session: 2026-03-15
    candidates:
      - id: "0042"
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B2
      - id: "0043"
        name: Karim Benali
        profession: Ingénieur
      - id: ACME-044
        name: Léa Martin
        profession: Comptable
        threshold: B1
`,
  );
  const check = await cli(['check', 'acme.cloe.yaml'], d);
  assert.equal(check.code, 0, check.stdout);

  // The results come back: merged, then the report.
  await writeWorkbook(path.join(d, 'resultats.xlsx'), [
    ['Identifiant', 'Niveau global', 'Écrit', 'Oral'],
    [{ numFmt: '0000', value: 42 }, 'B2+', null, null],
    [{ numFmt: '0000', value: 43 }, null, 'B1+', 'B1'],
    ['ACME-044', 'A2', null, null],
  ]);
  const merge = await cli(['import', 'resultats.xlsx', '--into', 'acme.cloe.yaml'], d);
  assert.equal(merge.code, 0, merge.stdout + merge.stderr);
  assert.match(merge.stderr, /0 candidate\(s\) added, 3 updated \(4 field\(s\) changed\), 0 unchanged/);
  const report = await cli(['report', 'acme.cloe.yaml', '--format', 'json'], d);
  const rows = JSON.parse(report.stdout) as { id: string; threshold: string; thresholdSource: string; result: string; outcome: string }[];
  assert.deepEqual(
    rows.map((x) => [x.id, x.threshold, x.thresholdSource, x.result, x.outcome]),
    [
      ['0042', 'B2', 'explicit', 'B2+', 'certificate'],
      ['0043', 'B2', 'recommended', 'B1', 'attestation'],
      ['ACME-044', 'B1', 'explicit', 'A2', 'attestation'],
    ],
  );
});

test('a semicolon CSV in Windows-1252 with accents, quoted fields and the cohort given with --cohort', async () => {
  const d = dir();
  const csv = 'Identifiant;Nom;Prénom;Métier;Seuil;Résultat\r\nF-01;Lefèvre;Zoé;"Vendeur / Vendeuse";A2;A2+\r\nF-02;"Ngô; Thi";Hélène;Comptable;;B1\r\n';
  const bytes = Buffer.from([...csv].map((ch) => ({ é: 0xe9, è: 0xe8, ô: 0xf4 } as Record<string, number>)[ch] ?? ch.charCodeAt(0)));
  fs.writeFileSync(path.join(d, 'export.csv'), bytes);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file is not UTF-8');
  const none = await cli(['import', 'export.csv', '--output', 'f.cloe.yaml'], d);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /No cohort for the new candidates of rows 2, 3: .* --cohort ID/);
  const many = path.join(d, 'many.csv');
  fs.writeFileSync(many, `ID;Nom\n${Array.from({ length: 30 }, (_, i) => `X${i};N${i}\n`).join('')}`);
  assert.match((await cli(['import', many, '--output', 'm.cloe.yaml'], d)).stderr, /rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11… \(30\): /);
  assert.equal(fs.existsSync(path.join(d, 'f.cloe.yaml')), false);
  const r = await cli(['import', 'export.csv', '--output', 'f.cloe.yaml', '--cohort', 'lycee-2026'], d);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const text = fs.readFileSync(path.join(d, 'f.cloe.yaml'), 'utf8');
  assert.match(text, /- id: lycee-2026\n {4}candidates:\n {6}- id: F-01\n {8}name: Zoé Lefèvre\n {8}profession: Vendeur \/ Vendeuse\n {8}threshold: A2\n {8}result: A2\+\n/);
  assert.match(text, /\n {8}name: Hélène Ngô; Thi\n/);
  const report = JSON.parse((await cli(['report', 'f.cloe.yaml', '--format', 'json'], d)).stdout) as { outcome: string }[];
  assert.deepEqual(report.map((x) => x.outcome), ['certificate', 'certificate']);
});

const GRID = `# Acme — grid kept by hand: every comment and blank line must survive an import.
cloe: 1
language: en

cohorts:
  - id: acme-2026-03            # spring
    session: 2026-03-15
    candidates:
      # first group
      - id: ACME-001
        name:   Jeanne Dupont   # spacing kept
        profession: Chef de projet
        threshold: B2
      - id: ACME-002
        name: Karim Benali
        profession: Comptable
        result:
          written: B1
          oral: A2+

      - id: ACME-003
        name: "Léa Martin"
        profession: Comptable
        result: A2   # provisional
  - id: acme-2026-04
    candidates:
      - {id: ACME-010, name: Flow Style, profession: Comptable}
`;

test('merging a results sheet changes only the result lines: every other byte is kept', async () => {
  const d = dir();
  fs.writeFileSync(path.join(d, 'acme.cloe.yaml'), GRID);
  fs.chmodSync(path.join(d, 'acme.cloe.yaml'), 0o640);
  await writeWorkbook(path.join(d, 'resultats.xlsx'), [
    ['Résultats de la session du 15 mars'],
    ['Matricule', 'Nom', 'Prénom', 'Niveau global', 'Écrit', 'Oral'],
    ['ACME-001', 'Dupont', 'Jeanne', 'B2+', null, null],
    ['ACME-002', 'Benali', 'Karim', 'B1', null, 'B1'],
    ['ACME-003', 'Martin', 'Léa', 'B1', null, null],
  ]);
  const dry = await cli(['import', 'resultats.xlsx', '--into', 'acme.cloe.yaml', '--dry-run'], d);
  assert.equal(dry.code, 0, dry.stdout + dry.stderr);
  assert.equal(fs.readFileSync(path.join(d, 'acme.cloe.yaml'), 'utf8'), GRID, '--dry-run writes nothing');
  assert.match(dry.stdout, /^--- acme.cloe.yaml\n\+\+\+ acme.cloe.yaml\n@@ /);
  assert.deepEqual(dry.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l)), ['+        result: B2+', '-          oral: A2+', '+          oral: B1', '+          overall: B1', '-        result: A2   # provisional', '+        result: B1   # provisional']);

  const r = await cli(['import', 'resultats.xlsx', '--into', 'acme.cloe.yaml'], d);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const expected = GRID.replace('        threshold: B2\n', '        threshold: B2\n        result: B2+\n')
    .replace('          oral: A2+\n', '          oral: B1\n          overall: B1\n')
    .replace('result: A2   # provisional', 'result: B1   # provisional');
  assert.equal(fs.readFileSync(path.join(d, 'acme.cloe.yaml'), 'utf8'), expected);
  assert.equal(fs.statSync(path.join(d, 'acme.cloe.yaml')).mode & 0o777, 0o640, 'the file keeps its permissions');
  assert.deepEqual(fs.readdirSync(d).sort(), ['acme.cloe.yaml', 'resultats.xlsx'], 'no temporary file left');
  // The names in the sheet equal the file's ("Léa Martin" quoted, "  Jeanne Dupont" spaced): untouched.

  // Importing the same sheet again changes nothing.
  const again = await cli(['import', 'resultats.xlsx', '--into', 'acme.cloe.yaml', '--dry-run'], d);
  assert.equal(again.stdout, '');
  assert.match(again.stderr, /0 candidate\(s\) added, 0 updated \(0 field\(s\) changed\), 3 unchanged/);
});

test('a merge appends new candidates to their cohort and new cohorts at the end; CRLF files stay CRLF', () => {
  const text = GRID.replace(/\n/g, '\r\n');
  const rows: SheetRow[] = [
    { row: 1, cells: ['ID', 'Nom', 'Métier', 'Groupe', 'Seuil'] },
    { row: 2, cells: ['ACME-004', 'Paul Roy', 'Comptable', 'acme-2026-03', ''] },
    { row: 3, cells: ['ACME-005', 'Anne Roy', 'Vendeur', 'acme-2026-09', 'A2'] },
    { row: 4, cells: ['ACME-001', '', 'Comptable', '', 'B1'] },
    { row: 5, cells: ['ACME-010', '', '', '', 'B1'] },
  ];
  const imp = sheetCandidates(rows, findHeader(rows)!);
  const merged = mergeEdits(parseGrid(text), imp);
  const out = applyTextEdits(text, merged.edits);
  assert.equal(merged.added, 2);
  assert.equal(merged.updated, 1);
  assert.deepEqual(merged.changes.map((c) => [c.id, c.key, c.before, c.after]), [['ACME-001', 'profession', 'Chef de projet', 'Comptable'], ['ACME-001', 'threshold', 'B2', 'B1']]);
  assert.deepEqual(merged.problems.map((p) => [p.row, p.column, p.message.id]), [[5, 'Seuil', 'import.flow-candidate']]);
  assert.equal(
    out,
    GRID.replace('profession: Chef de projet\n        threshold: B2', 'profession: Comptable\n        threshold: B1')
      .replace('result: A2   # provisional\n', 'result: A2   # provisional\n      - id: ACME-004\n        name: Paul Roy\n        profession: Comptable\n')
      .concat('  - id: acme-2026-09\n    candidates:\n      - id: ACME-005\n        name: Anne Roy\n        profession: Vendeur\n        threshold: A2\n')
      .replace(/\n/g, '\r\n'),
  );
  assert.equal(parseGrid(out).syntaxErrors.length, 0);
});

test('merging results: a shorthand becomes a mapping when the sheet gives written and oral; a flow mapping is rewritten whole; an empty value is filled', () => {
  const text = `cloe: 1
cohorts:
  - id: c1
    candidates:
      - id: A
        result: B1+   # old
      - id: B
        result: {written: B2, oral: B1}
      - id: C
        result:
      - id: D
        name:
`;
  const rows: SheetRow[] = [
    { row: 1, cells: ['ID', 'Nom', 'Écrit', 'Oral', 'Résultat'] },
    { row: 2, cells: ['A', '', 'B2', 'B1', ''] },
    { row: 3, cells: ['B', '', '', '', 'B1+'] },
    { row: 4, cells: ['C', '', '', '', 'A2'] },
    { row: 5, cells: ['D', 'Zoé Roy', '', '', ''] },
  ];
  const merged = mergeEdits(parseGrid(text), sheetCandidates(rows, findHeader(rows)!));
  assert.equal(
    applyTextEdits(text, merged.edits),
    `cloe: 1
cohorts:
  - id: c1
    candidates:
      - id: A
        result: { written: B2, oral: B1, overall: B1+ }   # old
      - id: B
        result: { written: B2, oral: B1, overall: B1+ }
      - id: C
        result: A2
      - id: D
        name: Zoé Roy
`,
  );
  assert.equal(merged.updated, 4);
});

test('findings are reported against the spreadsheet: file, row and column', async () => {
  const d = dir();
  const rows = PARTNER_ROWS.map((r) => [...r]);
  rows.push([{ numFmt: '0000', value: 45 }, 'Petit', 'Marc', 'Plombier', 'B3', null, null, 'acme-2026-03']);
  await writeWorkbook(path.join(d, 'candidats.xlsx'), rows);
  const r = await cli(['import', 'candidats.xlsx', '--output', 'acme.cloe.yaml'], d);
  assert.equal(r.code, 1, 'an error finding fails, as check');
  assert.match(r.stdout, /acme\.cloe\.yaml\n {2}\d+:\d+ +warning +"Plombier" is not a profession/);
  assert.ok(r.stdout.includes('In the spreadsheet:\n'), r.stdout);
  assert.ok(r.stdout.includes('  candidats.xlsx, row 8, column "Métier": "Plombier" is not a profession of the CLOE grid nor of this file'), r.stdout);
  assert.ok(r.stdout.includes('  candidats.xlsx, row 8, column "Objectif de résultat": "B3" is not a CEFR level'), r.stdout);
  // In French.
  fs.rmSync(path.join(d, 'acme.cloe.yaml'));
  const fr = await cli(['import', 'candidats.xlsx', '--output', 'acme.cloe.yaml', '--locale', 'fr'], d);
  assert.ok(fr.stdout.includes('candidats.xlsx, ligne 8, colonne «\u00a0Métier\u00a0»\u00a0: «\u00a0Plombier\u00a0» n’est une profession ni de la grille CLOE'), fr.stdout);
});

test('usage errors: an existing --output is never overwritten; unknown --map field; no header; no id column', async () => {
  const d = dir();
  await writeWorkbook(path.join(d, 'candidats.xlsx'), PARTNER_ROWS);
  fs.writeFileSync(path.join(d, 'acme.cloe.yaml'), 'cloe: 1\n');
  const r = await cli(['import', 'candidats.xlsx', '--output', 'acme.cloe.yaml'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /"acme\.cloe\.yaml" already exists: .* --into "acme\.cloe\.yaml"/);
  assert.equal(fs.readFileSync(path.join(d, 'acme.cloe.yaml'), 'utf8'), 'cloe: 1\n');
  assert.equal((await cli(['import', 'candidats.xlsx'], d)).code, 2);
  const map = await cli(['import', 'candidats.xlsx', '-o', 'x.cloe.yaml', '--map', 'Téléphone=phone'], d);
  assert.equal(map.code, 2);
  assert.match(map.stderr, /Invalid --map "Téléphone=phone"/);
  fs.writeFileSync(path.join(d, 'notes.csv'), 'Quelque chose,Autre\n1,2\n');
  const none = await cli(['import', 'notes.csv', '-o', 'x.cloe.yaml'], d);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /notes\.csv: no header row in the first 20 rows/);
  fs.writeFileSync(path.join(d, 'noid.csv'), 'Nom,Métier\nDupont,Comptable\n');
  const noid = await cli(['import', 'noid.csv', '-o', 'x.cloe.yaml'], d);
  assert.equal(noid.code, 2);
  assert.match(noid.stderr, /noid\.csv, row 1: no column holds the candidate id/);
  // --map names a column the headers do not.
  fs.writeFileSync(path.join(d, 'code.csv'), 'Code,Nom,Métier\nX1,Dupont,Comptable\n');
  const mapped = await cli(['import', 'code.csv', '-o', 'x.cloe.yaml', '--map', 'code=id', '--cohort', 'c1'], d);
  assert.equal(mapped.code, 0, mapped.stderr);
  assert.match(fs.readFileSync(path.join(d, 'x.cloe.yaml'), 'utf8'), /- id: X1\n {8}name: Dupont\n/);
  const sheet = await cli(['import', 'candidats.xlsx', '-o', 'y.cloe.yaml', '--sheet', 'Feuil2'], d);
  assert.equal(sheet.code, 2);
  assert.match(sheet.stderr, /has no sheet named "Feuil2": its sheets are "Candidats"/);
});

/** A zip holding one entry of `size` spaces, deflated: a few kilobytes that claim `size` bytes. */
function zipBomb(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = zlib.deflateRawSync(Buffer.alloc(size, 0x20));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

test('a workbook larger than the limit once uncompressed (a zip bomb) is refused before it is read; so are too many rows', async () => {
  const d = dir();
  const bomb = zipBomb(SHEET_LIMITS.maxBytes + 1024 * 1024);
  assert.ok(bomb.length < 200_000, `${bomb.length} bytes on disk`);
  assert.equal(zipUncompressedSize(bomb), SHEET_LIMITS.maxBytes + 1024 * 1024);
  fs.writeFileSync(path.join(d, 'bomb.xlsx'), bomb);
  const r = await cli(['import', 'bomb.xlsx', '--output', 'x.cloe.yaml'], d);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'cloe-grid: bomb.xlsx is too large to import: 51 MB once uncompressed, more than the limit of 50 MB. Split it into smaller files (for instance one per cohort).\n');
  assert.equal(fs.existsSync(path.join(d, 'x.cloe.yaml')), false);

  // The row limit, here lowered to 5 rows.
  const limits = { maxBytes: SHEET_LIMITS.maxBytes, maxRows: 5 };
  await writeWorkbook(path.join(d, 'long.xlsx'), Array.from({ length: 8 }, (_, i) => [`C${i}`, 'Nom']));
  await assert.rejects(readSheet(path.join(d, 'long.xlsx'), 'long.xlsx', { limits }), (e: unknown) => e instanceof SheetError && render(e.ref, 'en') === 'long.xlsx: sheet "Candidats" has 8 rows, more than the limit of 5. Split it into smaller files (for instance one per cohort).');
  fs.writeFileSync(path.join(d, 'long.csv'), Array.from({ length: 8 }, (_, i) => `C${i},x`).join('\n'));
  await assert.rejects(readSheet(path.join(d, 'long.csv'), 'long.csv', { limits }), (e: unknown) => e instanceof SheetError && e.ref.id === 'import.too-many-rows');
  assert.equal((await readSheet(path.join(d, 'long.csv'), 'long.csv', { limits: { ...limits, maxRows: 8 } })).rows.length, 8);
  // A CSV over the byte limit is refused from its size alone.
  await assert.rejects(readSheet(path.join(d, 'long.csv'), 'long.csv', { limits: { maxBytes: 10, maxRows: 100 } }), (e: unknown) => e instanceof SheetError && e.ref.id === 'import.too-large');
});

test('the real executable imports (the spreadsheet libraries load from their own bundle)', async () => {
  const d = dir();
  await writeWorkbook(path.join(d, 'candidats.xlsx'), PARTNER_ROWS);
  const r = await runCli(['import', 'candidats.xlsx', '-o', 'acme.cloe.yaml'], { cwd: d });
  assert.equal(r.code, 0, r.stderr);
  assert.match(fs.readFileSync(path.join(d, 'acme.cloe.yaml'), 'utf8'), /- id: "0042"\n {8}name: Jeanne Dupont\n/);
});
