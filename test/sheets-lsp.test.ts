/**
 * Spreadsheets through the language server (issue 17 item 3, what VS Code's "CLOE: Import
 * Candidates from Spreadsheet…" and "Export Outcomes to Excel…" ask): cloe/sheetColumns (the
 * mapping the user confirms), cloe/importSheet (a new file's text, or edits merging the sheet into
 * an open document, with the findings placed in the sheet) and cloe/export's xlsx. The server is
 * the real executable (dist/cli.js --stdio); what it answers is compared with `cloe-grid import`
 * and `report --format xlsx` on the same files: one computation, two faces.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { Workbook } from 'exceljs';
import { type Cell, writeWorkbook as writeSheet } from './workbook';
import { run } from '../server/src/cli/main';
import type { ImportSheetResult, SheetColumnsResult } from '../server/src/protocol';
import { TestClient } from './lsp-client';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-sheets-lsp-'));
const uri = (name: string) => pathToFileURL(path.join(tmp, name)).href;
let client: TestClient;

/** A workbook in the test's folder. */
const writeWorkbook = (name: string, rows: Cell[][]) => writeSheet(path.join(tmp, name), rows);

async function cli(args: string[], locale = 'C') {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd: tmp, env: { LANG: locale }, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

/** Applies LSP edits (ranges in `text`) the way an editor does. */
function applyLspEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const offset = (p: { line: number; character: number }) => lineStarts[p.line]! + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const PARTNER: Cell[][] = [
  ['Acme Formation — candidats CLOE, session de mars'],
  [],
  ['N° candidat', 'NOM ', 'Prénom', 'Métier', 'Objectif de résultat', 'Téléphone', 'Cohorte'],
  [{ numFmt: '0000', value: 42 }, 'Dupont', 'Jeanne', 'Chef de projet', 'B2', '06 01 02 03 04', 'acme-2026-03'],
  [],
  [{ numFmt: '0000', value: 43 }, 'Benali', 'Karim', 'Plombier', 'B3', null, 'acme-2026-03'],
];

const GRID = `# Acme — kept by hand: comments survive.
cloe: 1
cohorts:
  - id: acme-2026-03   # spring
    candidates:
      - id: "0042"
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B2
      - id: "0043"
        name:   Karim Benali   # spacing kept
        profession: Comptable
        result: A2   # provisional
`;

before(async () => {
  await writeWorkbook('candidats.xlsx', PARTNER);
  await writeWorkbook('resultats.xlsx', [
    ['Matricule', 'Nom', 'Prénom', 'Niveau global', 'Oral'],
    [{ numFmt: '0000', value: 42 }, 'Dupont', 'Jeanne', 'B2+', null],
    [{ numFmt: '0000', value: 43 }, 'Benali', 'Karim', 'B1', 'B1'],
    [{ numFmt: '0000', value: 44 }, 'Roy', 'Paul', 'C1', null],
  ]);
  fs.writeFileSync(path.join(tmp, 'notes.csv'), 'Quelque chose,Autre\n1,2\n');
  fs.writeFileSync(path.join(tmp, 'sans-cohorte.csv'), 'Identifiant;Nom;Métier\r\nF-01;Zoé Lefèvre;Comptable\r\n');
  fs.writeFileSync(path.join(tmp, 'ancien.xls'), 'not really');
  client = new TestClient({ locale: 'en' });
  await client.initialize();
});
after(async () => {
  await client.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('cloe/sheetColumns: the header below a title row, each column\'s field and values, the ignored columns; a field the user chose', async () => {
  const r = await client.connection.sendRequest<SheetColumnsResult>('cloe/sheetColumns', { uri: uri('candidats.xlsx') });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.file, 'candidats.xlsx');
  assert.equal(r.headerRow, 3);
  assert.equal(r.rows, 2, 'the blank row is no candidate');
  assert.deepEqual(
    r.columns.map((c) => [c.header, c.field ?? null, c.samples]),
    [
      ['N° candidat', 'id', ['0042', '0043']],
      ['NOM', 'last-name', ['Dupont', 'Benali']],
      ['Prénom', 'first-name', ['Jeanne', 'Karim']],
      ['Métier', 'profession', ['Chef de projet', 'Plombier']],
      ['Objectif de résultat', 'threshold', ['B2', 'B3']],
      ['Téléphone', null, ['06 01 02 03 04']],
      ['Cohorte', 'cohort', ['acme-2026-03']],
    ],
  );
  assert.deepEqual(r.ignored, ['Téléphone']);
  assert.equal(r.hasId, true);
  // The user leaves the profession out and names the phone column's field: the headers as the sheet writes them.
  const changed = await client.connection.sendRequest<SheetColumnsResult>('cloe/sheetColumns', { uri: uri('candidats.xlsx'), map: { Métier: 'ignore', 'N° candidat': 'ignore', Téléphone: 'id' } });
  assert.ok(changed.ok);
  assert.deepEqual(changed.columns.filter((c) => c.chosen).map((c) => [c.header, c.field ?? null]), [['N° candidat', null], ['Métier', null], ['Téléphone', 'id']]);
  assert.deepEqual(changed.ignored, ['N° candidat', 'Métier']);
});

test('cloe/importSheet into a new file: the text cloe-grid import writes, and the findings placed in the sheet', async () => {
  const r = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('candidats.xlsx'), target: { kind: 'new', uri: uri('nouveau.cloe.yaml') } });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(fs.existsSync(path.join(tmp, 'nouveau.cloe.yaml')), false, 'the server writes nothing: the client does');
  const cliRun = await cli(['import', 'candidats.xlsx', '--output', 'par-cli.cloe.yaml']);
  assert.equal(cliRun.code, 1, cliRun.stderr);
  assert.equal(r.text, fs.readFileSync(path.join(tmp, 'par-cli.cloe.yaml'), 'utf8'));
  assert.equal(r.failed, true, '"B3" is an error, as for the CLI');
  assert.equal(r.inSheet.length, 2, r.inSheet.join('\n'));
  assert.match(r.inSheet[0]!, /^candidats\.xlsx, row 6, column "Métier": "Plombier" is not a profession/);
  assert.match(r.inSheet[1]!, /^candidats\.xlsx, row 6, column "Objectif de résultat": "B3" is not a CEFR level/);
  assert.equal(r.summary, 'nouveau.cloe.yaml: 2 candidate(s) added, 0 updated (0 field(s) changed), 0 unchanged, 0 row(s) not imported.');
  // A target that exists is never overwritten.
  const exists = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('candidats.xlsx'), target: { kind: 'new', uri: uri('par-cli.cloe.yaml') } });
  assert.deepEqual(exists.ok ? undefined : [exists.error, exists.message], ['exists', 'par-cli.cloe.yaml already exists: a new grid file never overwrites one. Choose another name, or open it and merge the sheet into it.']);
});

test('cloe/importSheet merging into the open document: the edits give the text cloe-grid import --into writes, unsaved edits included', async () => {
  const target = uri('acme.cloe.yaml');
  await client.open(target, GRID);
  // An unsaved edit in the editor: the merge starts from the document, not from the disk.
  const edited = GRID.replace('# Acme', '# ACME');
  await client.change(target, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } }, text: 'ACME' }]);
  const r = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('resultats.xlsx'), target: { kind: 'merge', uri: target } });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.version, 2);
  assert.equal(r.text, undefined);
  const merged = applyLspEdits(edited, r.edits!);
  fs.writeFileSync(path.join(tmp, 'acme.cloe.yaml'), edited);
  const cliRun = await cli(['import', 'resultats.xlsx', '--into', 'acme.cloe.yaml']);
  assert.equal(cliRun.code, 0, cliRun.stdout + cliRun.stderr);
  assert.equal(merged, fs.readFileSync(path.join(tmp, 'acme.cloe.yaml'), 'utf8'));
  assert.equal(
    merged,
    edited
      .replace('        threshold: B2\n', '        threshold: B2\n        result: B2+\n')
      .replace('result: A2   # provisional', 'result: { oral: B1, overall: B1 }   # provisional')
      .replace(/$/, '      - id: "0044"\n        name: Paul Roy\n        result: C1\n'),
  );
  assert.equal(r.summary, 'acme.cloe.yaml: 1 candidate(s) added, 2 updated (3 field(s) changed), 0 unchanged, 0 row(s) not imported.');
  // The new candidate has no threshold nor profession: said against its row.
  assert.deepEqual(r.inSheet, ['resultats.xlsx, row 4, column "Matricule": Candidate "0044" has neither a threshold nor a profession, so no outcome can be decided: add a threshold or a profession of the grid.']);
  // A document that is not open (or not a grid file) is refused by name.
  const closed = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('resultats.xlsx'), target: { kind: 'merge', uri: uri('ferme.cloe.yaml') } });
  assert.deepEqual(closed.ok ? undefined : [closed.error, closed.message], ['target', 'ferme.cloe.yaml is no longer open as a grid file: open it again, then import.']);
});

test('cloe/importSheet: new candidates without a cohort ask for one (with the target\'s cohorts), then import with it', async () => {
  const two = GRID.replace('cohorts:\n', 'cohorts:\n  - id: autre\n    candidates: []\n');
  await client.open(uri('deux.cloe.yaml'), two);
  const ask = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('sans-cohorte.csv'), target: { kind: 'merge', uri: uri('deux.cloe.yaml') } });
  assert.ok(!ask.ok && ask.error === 'no-cohort', JSON.stringify(ask));
  assert.deepEqual([ask.rows, ask.cohorts], [[2], ['autre', 'acme-2026-03']]);
  const news = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('sans-cohorte.csv'), target: { kind: 'new', uri: uri('f.cloe.yaml') } });
  assert.ok(!news.ok && news.error === 'no-cohort');
  assert.deepEqual(news.cohorts, []);
  const given = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('sans-cohorte.csv'), target: { kind: 'new', uri: uri('f.cloe.yaml') }, cohort: 'lycee-2026' });
  assert.ok(given.ok, JSON.stringify(given));
  assert.match(given.text!, /- id: lycee-2026\n {4}candidates:\n {6}- id: F-01\n {8}name: Zoé Lefèvre\n/);
});

test('cloe/importSheet and cloe/sheetColumns: a bad spreadsheet gets a message naming the file and the fix, in the client\'s locale', async () => {
  const ask = (name: string) => client.connection.sendRequest<SheetColumnsResult>('cloe/sheetColumns', { uri: uri(name) });
  const messages = await Promise.all(['notes.csv', 'ancien.xls', 'absent.xlsx'].map(async (n) => ((r) => (r.ok ? 'ok' : r.message))(await ask(n))));
  assert.deepEqual(messages, [
    'notes.csv: no header row in the first 20 rows. The columns are recognised by headers such as "Identifiant", "Nom", "Prénom", "Métier", "Objectif", "Résultat" (or ID, Name, Profession, Threshold, Result): add a header row to the sheet, then import again.',
    'ancien.xls is an old Excel 97–2003 workbook (.xls): save it as "Excel workbook (.xlsx)" or as CSV, then import that.',
    'absent.xlsx cannot be read: no such file. Pick the spreadsheet again.',
  ]);
  fs.writeFileSync(path.join(tmp, 'casse.xlsx'), 'PK not a zip');
  const broken = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('casse.xlsx'), target: { kind: 'new', uri: uri('g.cloe.yaml') } });
  assert.deepEqual(broken.ok ? undefined : [broken.error, broken.message], ['sheet', 'casse.xlsx cannot be read as an Excel workbook (.xlsx): it is not a zip file. Save it from the spreadsheet as "Excel workbook (.xlsx)" or "CSV".']);
  // An id column the user set aside: the import says which field to give.
  const noId = await client.connection.sendRequest<ImportSheetResult>('cloe/importSheet', { uri: uri('candidats.xlsx'), map: { 'N° candidat': 'ignore' }, target: { kind: 'new', uri: uri('h.cloe.yaml') } });
  assert.deepEqual(noId.ok ? undefined : noId.message, 'No column holds the candidate id: pick the column of the ids and set it to "Candidate id".');
  // In French.
  const fr = new TestClient({ locale: 'fr-FR' });
  try {
    await fr.initialize();
    const r = await fr.connection.sendRequest<SheetColumnsResult>('cloe/sheetColumns', { uri: uri('absent.xlsx') });
    assert.equal(r.ok ? '' : r.message, 'absent.xlsx ne peut pas être lu\u00a0: ce fichier n’existe pas. Choisissez à nouveau le tableau.');
  } finally {
    await fr.stop();
  }
});

test('cloe/export xlsx: the workbook of cloe-grid report --format xlsx, from the open document', async () => {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'acme-formation.cloe.yaml'), 'utf8');
  const target = uri('acme-formation.cloe.yaml');
  fs.writeFileSync(path.join(tmp, 'acme-formation.cloe.yaml'), text);
  await client.open(target, text);
  const base64 = await client.connection.sendRequest<string>('cloe/export', { uri: target, format: 'xlsx' });
  const fromServer = new Workbook();
  await fromServer.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const cliRun = await cli(['report', 'acme-formation.cloe.yaml', '--format', 'xlsx', '--output', path.join(tmp, 'acme.xlsx')]);
  assert.equal(cliRun.code, 0, cliRun.stderr);
  const fromCli = new Workbook();
  await fromCli.xlsx.readFile(path.join(tmp, 'acme.xlsx'));
  const cells = (wb: Workbook) => wb.worksheets.map((ws) => [ws.name, ws.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r))]);
  assert.deepEqual(cells(fromServer), cells(fromCli));
  const first = fromServer.worksheets[1]!;
  const row = first.getSheetValues().find((r) => Array.isArray(r) && r.includes('ACME-004')) as unknown[];
  assert.ok(row.includes('Attestation de niveau B2+'), JSON.stringify(row));
});
