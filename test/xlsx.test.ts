/**
 * `cloe-grid report --format xlsx` and `--format csv --excel` (issue 17), and the formula
 * injection guard of every spreadsheet cell written (issue 18 item 6): the workbook is read back
 * with exceljs and compared with `report --format json`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { Workbook, type Worksheet } from 'exceljs';
import { run } from '../server/src/cli/main';
import { OUTCOME_FILL } from '../server/src/cli/formats/spreadsheet';
import { neutralizeCell } from '../server/src/core/sheet';
import { runCli, VALID_SAMPLES } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-xlsx-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[], cwd = tmp) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, env: { LANG: 'C' }, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

interface JsonRow {
  file: string;
  cohort: string | null;
  id: string | null;
  name: string | null;
  profession: string | null;
  threshold: string | null;
  thresholdSource: 'explicit' | 'recommended' | null;
  result: string | null;
  outcome: 'certificate' | 'attestation' | 'pending' | 'unknown';
}

/** What each locale's workbook shows, written out here (not taken from the code under test). */
const LABELS = {
  en: {
    headers: ['File', 'Cohort', 'Id', 'Name', 'Profession', 'Threshold', 'Threshold source', 'Result', 'Outcome'],
    source: { explicit: 'set for the candidate', recommended: 'recommended for the profession' },
    outcome: (r: JsonRow) => ({ certificate: `Certificat CLOE ${r.result}`, attestation: `Attestation de niveau ${r.result}`, pending: 'pending', unknown: 'unknown' })[r.outcome],
    summary: 'Summary',
    summaryHeaders: ['Cohort', 'File', 'Candidates', 'Certificates', 'Attestations', 'Pending', 'Unknown'],
  },
  fr: {
    headers: ['Fichier', 'Cohorte', 'Identifiant', 'Nom', 'Métier', 'Niveau seuil', 'Origine du niveau seuil', 'Résultat', 'Décision'],
    source: { explicit: 'indiqué pour le candidat', recommended: 'recommandé pour le métier' },
    outcome: (r: JsonRow) => ({ certificate: `Certificat CLOE ${r.result}`, attestation: `Attestation de niveau ${r.result}`, pending: 'en attente', unknown: 'décision indéterminée' })[r.outcome],
    summary: 'Synthèse',
    summaryHeaders: ['Cohorte', 'Fichier', 'Candidats', 'Certificats', 'Attestations', 'En attente', 'Indéterminées'],
  },
} as const;

function cellValues(ws: Worksheet, row: number): (string | number | null)[] {
  const values = ws.getRow(row).values as (string | number | null | undefined)[];
  return Array.from({ length: ws.columnCount }, (_, i) => values[i + 1] ?? null);
}

/** The workbook's rows turned back into report rows, through the locale's labels. */
function rowsOf(ws: Worksheet, locale: 'en' | 'fr', cohort: string | null | undefined): JsonRow[] {
  const L = LABELS[locale];
  const header = cellValues(ws, 1) as string[];
  const keys = header.map((h) => (['file', 'cohort', 'id', 'name', 'profession', 'threshold', 'thresholdSource', 'result', 'outcome'] as const)[L.headers.indexOf(h as never)]!);
  const out: JsonRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = Object.fromEntries(keys.map((k, i) => [k, cellValues(ws, r)[i] ?? null])) as Record<string, string | null>;
    const source = (Object.keys(L.source) as ('explicit' | 'recommended')[]).find((k) => L.source[k] === v.thresholdSource) ?? null;
    const row: JsonRow = { file: v.file!, cohort: cohort === undefined ? v.cohort! : cohort, id: v.id!, name: v.name!, profession: v.profession!, threshold: v.threshold!, thresholdSource: source, result: v.result!, outcome: 'unknown' };
    row.outcome = (['certificate', 'attestation', 'pending', 'unknown'] as const).find((k) => L.outcome({ ...row, outcome: k }) === v.outcome)!;
    assert.ok(row.outcome, `outcome cell "${v.outcome}"`);
    out.push(row);
  }
  return out;
}

async function readWorkbook(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const samples = VALID_SAMPLES().map((p) => path.join(path.resolve(__dirname, '..', '..'), p));

for (const locale of ['en', 'fr'] as const) {
  test(`report --format xlsx (${locale}) read back gives the rows of report --format json, one sheet per cohort, and a summary`, async () => {
    const json = JSON.parse((await cli(['report', '--format', 'json', ...samples])).stdout) as JsonRow[];
    assert.ok(json.length > 20);
    const out = path.join(tmp, `outcomes-${locale}.xlsx`);
    const r = await cli(['report', '--format', 'xlsx', '--output', out, '--locale', locale, ...samples]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const wb = await readWorkbook(out);
    const [summary, ...sheets] = wb.worksheets;
    assert.equal(summary!.name, LABELS[locale].summary);
    const cohorts = [...new Set(json.map((x) => x.cohort))];
    assert.deepEqual(sheets.map((s) => s.name), cohorts);
    const back = sheets.flatMap((ws, i) => rowsOf(ws, locale, cohorts[i]));
    assert.deepEqual(back, json);
    for (const ws of sheets) {
      assert.deepEqual(cellValues(ws, 1), LABELS[locale].headers.filter((h) => h !== LABELS[locale].headers[1]));
      const view = ws.views[0] as { state: string; ySplit: number };
      assert.deepEqual([view.state, view.ySplit], ['frozen', 1], 'frozen header');
      assert.ok(ws.autoFilter, 'filterable header');
      for (let c = 1; c <= ws.columnCount; c++) assert.ok((ws.getColumn(c).width ?? 0) >= 10, 'column width set');
      // Outcome cells coloured by kind.
      const outcomeCol = ws.columnCount;
      for (let row = 2; row <= ws.rowCount; row++) {
        const kind = rowsOf(ws, locale, null)[row - 2]!.outcome;
        assert.equal((ws.getRow(row).getCell(outcomeCol).fill as { fgColor?: { argb?: string } }).fgColor?.argb, OUTCOME_FILL[kind]);
      }
    }
    // The summary: each cohort's counts and the total.
    assert.deepEqual(cellValues(summary!, 1), LABELS[locale].summaryHeaders);
    const counts = (rows: JsonRow[]) => [rows.length, ...(['certificate', 'attestation', 'pending', 'unknown'] as const).map((k) => rows.filter((x) => x.outcome === k).length)];
    cohorts.forEach((co, i) => assert.deepEqual(cellValues(summary!, i + 2).slice(2), counts(json.filter((x) => x.cohort === co))));
    assert.deepEqual(cellValues(summary!, cohorts.length + 2).slice(2), counts(json));
  });
}

test('report --format xlsx --one-sheet: one table with a cohort column', async () => {
  const json = JSON.parse((await cli(['report', '--format', 'json', ...samples])).stdout) as JsonRow[];
  const out = path.join(tmp, 'one.xlsx');
  assert.equal((await cli(['report', '--format', 'xlsx', '--one-sheet', '-o', out, ...samples])).code, 0);
  const wb = await readWorkbook(out);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Summary', 'Candidates']);
  assert.deepEqual(rowsOf(wb.worksheets[1]!, 'en', undefined), json);
});

test('usage: xlsx needs --output; --excel is for csv; --one-sheet for xlsx', async () => {
  for (const args of [['--format', 'xlsx'], ['--format', 'json', '--excel'], ['--format', 'csv', '--one-sheet']]) {
    const r = await cli(['report', ...args, samples[0]!]);
    assert.equal(r.code, 2, args.join(' '));
  }
});

test('every cell starting with =, +, -, @, a tab or a CR is neutralised against formula injection', async () => {
  for (const s of ['=1+1', '+33 6 01', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil","x")']) assert.equal(neutralizeCell(s), `'${s}`, JSON.stringify(s));
  for (const s of ['Jeanne Dupont', 'B1-', 'B1+', '0042', "l'=x", '']) assert.equal(neutralizeCell(s), s, JSON.stringify(s));

  const d = fs.mkdtempSync(path.join(tmp, 'inject-'));
  fs.writeFileSync(
    path.join(d, 'evil.cloe.yaml'),
    `cloe: 1
cohorts:
  - id: "=cmd|' /C calc'!A0"
    candidates:
      - id: "@SUM(1+1)"
        name: "=HYPERLINK(\\"http://evil\\",\\"clic\\")"
        profession: Comptable
        threshold: B1
        result: B2
      - id: "+33601020304"
        name: "-2+3"
        profession: Comptable
`,
  );
  const out = path.join(d, 'evil.xlsx');
  assert.equal((await cli(['report', '--format', 'xlsx', '-o', out, 'evil.cloe.yaml'], d)).code, 0);
  const wb = await readWorkbook(out);
  const texts = wb.worksheets.flatMap((ws) => {
    const all: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void all.push(String(cell.value))));
    return all;
  });
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => assert.equal(typeof cell.value === 'object' && cell.value && 'formula' in cell.value, false)));
  for (const evil of ["=cmd|' /C calc'!A0", '@SUM(1+1)', '=HYPERLINK("http://evil","clic")', '+33601020304', '-2+3']) {
    assert.ok(texts.includes(`'${evil}`), `${evil} neutralised in ${JSON.stringify(texts)}`);
    assert.ok(!texts.includes(evil), `${evil} never written as is`);
  }
  const csv = (await cli(['report', '--format', 'csv', '--excel', 'evil.cloe.yaml'], d)).stdout;
  assert.ok(csv.includes(`;"'=cmd|' /C calc'!A0";"'@SUM(1+1)";"'=HYPERLINK(""http://evil"",""clic"")";`), csv);
  assert.ok(!/;[=+\-@]/.test(csv), 'no field starts with a formula character');
});

test('report --format csv --excel: semicolons, a byte order mark, CRLF, the columns of --format csv', async () => {
  const plain = (await cli(['report', '--format', 'csv', ...samples])).stdout;
  const excel = (await cli(['report', '--format', 'csv', '--excel', ...samples])).stdout;
  assert.ok(excel.startsWith('\uFEFFfile;cohort;id;name;profession;threshold;thresholdSource;result;outcome\r\n'));
  assert.ok(excel.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(excel), 'CRLF only');
  assert.equal(excel.split('\r\n').length, plain.split('\r\n').length);
  assert.ok(excel.includes(';ACME-001;Jeanne Dupont;Chef de projet;B2;explicit;B2+;certificate\r\n'), excel.slice(0, 400));
  // The real executable writes the workbook too (exceljs from its own bundle).
  const out = path.join(tmp, 'cli.xlsx');
  const r = await runCli(['report', '--format', 'xlsx', '-o', out, 'samples/acme-formation.cloe.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok((await readWorkbook(out)).worksheets.length > 1);
});
