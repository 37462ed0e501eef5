/**
 * `cloe-grid import <sheet.xlsx|sheet.csv>`: a partner's spreadsheet into a grid file, new
 * (--output) or merged by candidate id into an existing one (--into; comments and untouched lines
 * kept byte-exact: the core's text edits, not a re-serialisation), then checked, each finding
 * also placed in the spreadsheet (row, column) so that it can be fixed at the source.
 * The mapping, the edits and the findings' places are the core's (core/sheet.ts, computed by
 * core/sheet-plan.ts, which the language server's cloe/importSheet shares); this reads and writes
 * the files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Locale, type MessageRef, msg, render } from '../core/messages';
import { HEADER_SCAN_ROWS, parseMappings, type SheetRow } from '../core/sheet';
import { ignoredColumns, planImport, type SheetLine } from '../core/sheet-plan';
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

  // The spreadsheet; the grid file merged into.
  let rows: SheetRow[];
  try {
    rows = (await readSheet(sheetAbs, sheetDisplay, opts.sheet === undefined ? {} : { sheet: opts.sheet })).rows;
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    io.stderr(`cloe-grid: ${say(e.ref)}\n`);
    return 2;
  }
  let bom = false;
  let into: string | undefined;
  if (opts.into) {
    const raw = readFileSync(targetAbs);
    const text = raw.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(raw)) throw new UsageError(`Cannot merge into "${targetArg}": it is not saved as UTF-8. Save it as UTF-8 first.`);
    bom = text.startsWith(BOM);
    into = bom ? text.slice(1) : text;
  }

  // The import (core/sheet-plan.ts), checked with the target's configuration.
  const loader = new ConfigLoader();
  const configAbs = opts.config === undefined ? undefined : path.resolve(io.cwd, opts.config);
  if (configAbs && (!existsSync(configAbs) || !statSync(configAbs).isFile())) throw new UsageError(`Cannot read the configuration "${opts.config}": no such file.`);
  const config = configAbs ? loader.load(configAbs) : loader.forFile(targetAbs);
  const plan = planImport(rows, {
    overrides,
    source: path.basename(sheetAbs),
    check: checkOptions(config),
    ...(into !== undefined ? { into } : {}),
    ...(opts.cohort !== undefined ? { cohort: opts.cohort } : {}),
  });
  const ignored = plan.ok || plan.error !== 'no-header' ? ignoredColumns(plan.map) : [];
  if (ignored.length > 0) {
    const columns = ignored.map((h) => (opts.locale === 'fr' ? `«\u00a0${h}\u00a0»` : `"${h}"`)).join(', ');
    io.stderr(`cloe-grid: ${say(msg('import.ignored', { file: sheetDisplay, columns }))}\n`);
  }
  if (!plan.ok) {
    if (plan.error === 'merge-broken') throw new Error(`the merged text of ${targetDisplay} does not parse; nothing was written`);
    const ref =
      plan.error === 'no-header'
        ? msg('import.no-header', { file: sheetDisplay, max: HEADER_SCAN_ROWS })
        : plan.error === 'no-id-column'
          ? msg('import.no-id-column', { file: sheetDisplay, row: plan.headerRow })
          : plan.error === 'no-cohort'
            ? msg('import.no-cohort', { rows: rowList(plan.rows) })
            : msg('import.grid-syntax', { file: targetDisplay });
    io.stderr(`cloe-grid: ${say(ref)}\n`);
    return 2;
  }
  const { before, after, findings, summary } = plan;
  const file: CheckedFile = { display: targetDisplay, abs: targetAbs, text: after, lines: plan.result.lines, candidates: plan.result.candidates, findings };

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
  if (plan.inSheet.length > 0) {
    const line = (l: SheetLine) => say(l.column === undefined ? msg('import.place-row', { file: sheetDisplay, row: l.row, message: l.message }) : msg('import.place', { file: sheetDisplay, row: l.row, column: l.column, message: l.message }));
    out(`${say(msg('import.in-sheet'))}\n${plan.inSheet.map((l) => `  ${line(l)}`).join('\n')}\n`);
  }
  io.stderr(`cloe-grid: ${say(msg('import.summary', { file: targetDisplay, ...summary }))}\n`);
  return plan.failed ? 1 : 0;
}
