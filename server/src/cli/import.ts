/**
 * `cloe-grid import <sheet.xlsx|sheet.csv>`: a partner's spreadsheet into a grid file, new
 * (--output) or merged by candidate id into an existing one (--into; comments and untouched lines
 * kept byte-exact: the core's text edits, not a re-serialisation), then checked, each finding
 * also placed in the spreadsheet (row, column) so that it can be fixed at the source.
 * The mapping and the edits are the core's (core/sheet.ts); this reads and writes the files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkText } from '../core/check';
import { SEVERITIES } from '../core/findings';
import { type Locale, type MessageRef, msg, render } from '../core/messages';
import { parseGrid } from '../core/parse';
import { applyEdits, findHeader, parseMappings, type SheetImport, type SheetProblem, newGridText, mergeEdits, sheetCandidates, sheetPlace, HEADER_SCAN_ROWS } from '../core/sheet';
import { checkOptions, ConfigLoader } from '../node/config-loader';
import { displayPath, UsageError } from './files';
import { unifiedDiff } from './fix';
import { formatStylish } from './formats/stylish';
import type { CheckedFile } from './formats/types';
import { replaceAtomically, writeAtomically } from './io';
import { readSheet, SheetError } from './sheet-read';

export interface ImportOptions {
  sheet?: string | undefined;
  map: string[];
  output?: string | undefined;
  into?: string | undefined;
  cohort?: string | undefined;
  dryRun: boolean;
  config?: string | undefined;
  locale: Locale;
  color: boolean;
}

interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const BOM = '\uFEFF';

/** "2, 3, 5"; past ten rows, the first ten and the count: "2, 3, 4, 5, 6, 7, 8, 9, 10, 11… (30)". */
function rowList(rows: readonly number[]): string {
  return rows.length <= 10 ? rows.join(', ') : `${rows.slice(0, 10).join(', ')}… (${rows.length})`;
}

export async function runImport(positionals: string[], opts: ImportOptions, io: Io): Promise<number> {
  const say = (ref: MessageRef) => render(ref, opts.locale);
  if (positionals.length !== 1) throw new UsageError('Name one spreadsheet to import (.xlsx or .csv): cloe-grid import <sheet> --output new.cloe.yaml | --into grid.cloe.yaml.');
  if (!opts.output === !opts.into) throw new UsageError('Say where the candidates go: --output new.cloe.yaml (a new grid file) or --into grid.cloe.yaml (merged into an existing one), one of the two.');
  const sheetArg = positionals[0]!;
  const sheetAbs = path.resolve(io.cwd, sheetArg);
  const sheetDisplay = displayPath(sheetAbs, io.cwd);
  if (!existsSync(sheetAbs) || !statSync(sheetAbs).isFile()) throw new UsageError(`Cannot read "${sheetArg}": no such file.`);
  if (/\.xls$/i.test(sheetAbs)) throw new UsageError(`"${sheetArg}" is an old Excel 97–2003 workbook (.xls): save it as "Excel workbook (.xlsx)" or as CSV, then import that.`);
  if (!/\.(xlsx|xlsm|csv|tsv|txt)$/i.test(sheetAbs)) throw new UsageError(`"${sheetArg}" is neither an Excel workbook (.xlsx) nor a CSV file (.csv).`);
  const { map: overrides, bad } = parseMappings(opts.map);
  if (bad !== undefined) throw new UsageError(`Invalid --map "${bad}": write "Header=field", the field one of id, name, last-name, first-name, profession, threshold, result, written, oral, cohort, session, ignore.`);
  const targetArg = (opts.output ?? opts.into)!;
  const targetAbs = path.resolve(io.cwd, targetArg);
  const targetDisplay = displayPath(targetAbs, io.cwd);
  if (opts.output && existsSync(targetAbs)) throw new UsageError(`"${targetArg}" already exists: import writes a new file with --output and never overwrites one. To add the candidates to it, use --into "${targetArg}".`);
  if (opts.into && (!existsSync(targetAbs) || !statSync(targetAbs).isFile())) throw new UsageError(`Cannot merge into "${targetArg}": no such file. To create it, use --output "${targetArg}".`);

  // The spreadsheet, its header and its candidates.
  let imp: SheetImport;
  try {
    const sheet = await readSheet(sheetAbs, sheetDisplay, opts.sheet === undefined ? {} : { sheet: opts.sheet });
    const map = findHeader(sheet.rows, overrides);
    if (!map) throw new SheetError(msg('import.no-header', { file: sheetDisplay, max: HEADER_SCAN_ROWS }));
    if (map.fields.id === undefined) throw new SheetError(msg('import.no-id-column', { file: sheetDisplay, row: map.headerRow }));
    imp = sheetCandidates(sheet.rows, map);
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    io.stderr(`cloe-grid: ${say(e.ref)}\n`);
    return 2;
  }
  if (imp.ignored.length > 0) {
    const columns = imp.ignored.map((h) => (opts.locale === 'fr' ? `«\u00a0${h}\u00a0»` : `"${h}"`)).join(', ');
    io.stderr(`cloe-grid: ${say(msg('import.ignored', { file: sheetDisplay, columns }))}\n`);
  }

  // The grid file's text, before and after.
  let before = '';
  let bom = false;
  let after: string;
  const problems: SheetProblem[] = [...imp.problems];
  let summary: Record<string, number>;
  /** Ids of the candidates the grid file had before (--into). */
  const existing = new Set<string>();
  if (opts.output) {
    const text = newGridText(imp, { source: path.basename(sheetAbs), ...(opts.cohort !== undefined ? { cohort: opts.cohort } : {}) });
    if (text === undefined) {
      io.stderr(`cloe-grid: ${say(msg('import.no-cohort', { rows: rowList(imp.candidates.filter((c) => !c.cohort).map((c) => c.row)) }))}\n`);
      return 2;
    }
    after = text;
    summary = { added: imp.candidates.length, updated: 0, fields: 0, unchanged: 0 };
  } else {
    const raw = readFileSync(targetAbs);
    const text = raw.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(raw)) throw new UsageError(`Cannot merge into "${targetArg}": it is not saved as UTF-8. Save it as UTF-8 first.`);
    bom = text.startsWith(BOM);
    before = bom ? text.slice(1) : text;
    const model = parseGrid(before);
    if (model.syntaxErrors.length > 0) {
      io.stderr(`cloe-grid: ${say(msg('import.grid-syntax', { file: targetDisplay }))}\n`);
      return 2;
    }
    for (const c of model.candidates) if (c.id) existing.add(c.id.value);
    const merged = mergeEdits(model, imp, opts.cohort !== undefined ? { cohort: opts.cohort } : {});
    if (merged.orphans.length > 0) {
      io.stderr(`cloe-grid: ${say(msg('import.no-cohort', { rows: rowList(merged.orphans.map((c) => c.row)) }))}\n`);
      return 2;
    }
    problems.push(...merged.problems);
    after = applyEdits(before, merged.edits);
    if (parseGrid(after).syntaxErrors.length > 0) {
      throw new Error(`the merged text of ${targetDisplay} does not parse; nothing was written`);
    }
    summary = { added: merged.added, updated: merged.updated, fields: merged.changes.length, unchanged: merged.unchanged };
  }

  // Check the result with the target's configuration, and place the findings in the sheet.
  const loader = new ConfigLoader();
  const configAbs = opts.config === undefined ? undefined : path.resolve(io.cwd, opts.config);
  if (configAbs && (!existsSync(configAbs) || !statSync(configAbs).isFile())) throw new UsageError(`Cannot read the configuration "${opts.config}": no such file.`);
  const config = configAbs ? loader.load(configAbs) : loader.forFile(targetAbs);
  const result = checkText(after, checkOptions(config));
  const findings = result.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf('warning'));
  const file: CheckedFile = { display: targetDisplay, abs: targetAbs, text: after, lines: result.lines, candidates: result.candidates, findings };

  if (opts.dryRun) io.stdout(opts.output ? unifiedDiff('', after, targetDisplay).replace(/^--- .*\n/, '--- /dev/null\n') : unifiedDiff(before, after, targetDisplay));
  else if (opts.output) writeAtomically(targetAbs, after);
  else if (after !== before) {
    try {
      replaceAtomically(targetAbs, (bom ? BOM : '') + after);
    } catch (e) {
      throw new UsageError(`Cannot write "${targetDisplay}": ${(e as Error).message}.`);
    }
  }

  const out = opts.dryRun ? io.stderr : io.stdout;
  out(formatStylish([file], { locale: opts.locale, version: '', color: opts.color, maxWarnings: Infinity }));
  const rowsById = new Map(imp.candidates.map((c) => [c.values.id!, c.row]));
  const line = (row: number, column: string | undefined, message: MessageRef) =>
    say(column === undefined ? msg('import.place-row', { file: sheetDisplay, row, message }) : msg('import.place', { file: sheetDisplay, row, column, message }));
  const sheetLines: { row: number; text: string }[] = problems.map((p) => ({ row: p.row, text: line(p.row, p.column, p.message) }));
  for (const f of findings) {
    const place = sheetPlace(f, result.model, imp, rowsById, (id) => !existing.has(id));
    if (place) sheetLines.push({ row: place.row, text: line(place.row, place.column, f.message) });
  }
  if (sheetLines.length > 0) {
    sheetLines.sort((a, b) => a.row - b.row);
    out(`${say(msg('import.in-sheet'))}\n${sheetLines.map((l) => `  ${l.text}`).join('\n')}\n`);
  }
  io.stderr(`cloe-grid: ${say(msg('import.summary', { file: targetDisplay, ...summary, skipped: imp.problems.length }))}\n`);
  const errors = findings.some((f) => f.severity === 'error') || problems.length > 0;
  return errors ? 1 : 0;
}
