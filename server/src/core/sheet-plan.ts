/**
 * One import, from the sheet's rows to the grid file's new text and the findings placed in the
 * sheet: the computation `cloe-grid import` and the language server's cloe/importSheet (VS Code's
 * "CLOE: Import Candidates from Spreadsheet…") share. Pure: the callers read the files, render
 * the messages in their own words (the CLI names its options, the editor its quick picks) and
 * write or apply the result.
 */
import { checkText, type CheckOptions, type CheckResult } from './check';
import { type Finding, SEVERITIES, type TextEdit } from './findings';
import type { MessageRef } from './messages';
import { parseGrid } from './parse';
import { applyEdits, type ColumnMap, findHeader, mergeEdits, newGridText, type SheetField, type SheetImport, sheetCandidates, sessionColumnAsDate, sheetPlace, type SheetProblem, type SheetRow } from './sheet';

export interface PlanOptions {
  /** Fields named by the user (normalised header → field): --map, or the editor's mapping pick. */
  overrides?: ReadonlyMap<string, SheetField>;
  /** The text of the grid file to merge into (no byte order mark); undefined: a new grid file. */
  into?: string;
  /** The cohort of rows without one (--cohort, or the editor's pick). */
  cohort?: string;
  /** The spreadsheet's file name, for the new file's first comment. */
  source: string;
  /** How the result is checked (the target's configuration). */
  check?: CheckOptions;
}

/** A finding or a problem of the import, placed in the sheet (column: its header). */
export interface SheetLine {
  row: number;
  column?: string;
  message: MessageRef;
}

export type ImportPlan =
  | { ok: false; error: 'no-header' }
  | { ok: false; error: 'no-id-column'; headerRow: number; map: ColumnMap }
  /** New candidates without a cohort: `rows` are their sheet rows, `cohorts` the target's cohort ids. */
  | { ok: false; error: 'no-cohort'; rows: number[]; cohorts: string[]; map: ColumnMap }
  | { ok: false; error: 'grid-syntax'; map: ColumnMap }
  /** The merged text does not parse (a defect of the merge): nothing may be written. */
  | { ok: false; error: 'merge-broken'; map: ColumnMap }
  | {
      ok: true;
      map: ColumnMap;
      imp: SheetImport;
      before: string;
      after: string;
      /** The edits from `before` to `after` (offsets in `before`; a new file: one insertion). */
      edits: TextEdit[];
      summary: { added: number; updated: number; fields: number; unchanged: number; skipped: number };
      /** Errors and warnings of the result (hints and information left out, as `import` prints). */
      findings: Finding[];
      result: CheckResult;
      /** The import's problems and the findings on imported candidates, by sheet row. */
      inSheet: SheetLine[];
      /** True when a finding or a problem fails the import (exit code 1). */
      failed: boolean;
    };

/** Headers of the columns a mapping leaves out. */
export function ignoredColumns(map: ColumnMap): string[] {
  return map.columns.filter((c) => !c.field).map((c) => c.header);
}

/** The column mapping of a sheet (the header row and each column's field), as the import will use it. */
export function planMapping(rows: readonly SheetRow[], overrides: ReadonlyMap<string, SheetField> = new Map()): ColumnMap | undefined {
  const map = findHeader(rows, overrides);
  return map && sessionColumnAsDate(rows, map);
}

export function planImport(rows: readonly SheetRow[], opts: PlanOptions): ImportPlan {
  const map = findHeader(rows, opts.overrides ?? new Map());
  if (!map) return { ok: false, error: 'no-header' };
  if (map.fields.id === undefined) return { ok: false, error: 'no-id-column', headerRow: map.headerRow, map };
  const imp = sheetCandidates(rows, map);
  const problems: SheetProblem[] = [...imp.problems];
  const existing = new Set<string>();
  let before = '';
  let after: string;
  let edits: TextEdit[];
  let summary: { added: number; updated: number; fields: number; unchanged: number };
  if (opts.into === undefined) {
    const text = newGridText(imp, { source: opts.source, ...(opts.cohort !== undefined ? { cohort: opts.cohort } : {}) });
    if (text === undefined) return { ok: false, error: 'no-cohort', rows: imp.candidates.filter((c) => !c.cohort).map((c) => c.row), cohorts: [], map };
    after = text;
    edits = [{ start: 0, end: 0, newText: text }];
    summary = { added: imp.candidates.length, updated: 0, fields: 0, unchanged: 0 };
  } else {
    before = opts.into;
    const model = parseGrid(before);
    if (model.syntaxErrors.length > 0) return { ok: false, error: 'grid-syntax', map };
    for (const c of model.candidates) if (c.id) existing.add(c.id.value);
    const merged = mergeEdits(model, imp, opts.cohort !== undefined ? { cohort: opts.cohort } : {});
    if (merged.orphans.length > 0) {
      const cohorts = [...new Set(model.cohorts.flatMap((c) => (c.id ? [c.id.value] : [])))];
      return { ok: false, error: 'no-cohort', rows: merged.orphans.map((c) => c.row), cohorts, map };
    }
    problems.push(...merged.problems);
    edits = merged.edits;
    after = applyEdits(before, edits);
    if (parseGrid(after).syntaxErrors.length > 0) return { ok: false, error: 'merge-broken', map };
    summary = { added: merged.added, updated: merged.updated, fields: merged.changes.length, unchanged: merged.unchanged };
  }

  const result = checkText(after, opts.check ?? {});
  const findings = result.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf('warning'));
  const rowsById = new Map(imp.candidates.map((c) => [c.values.id!, c.row]));
  const inSheet: SheetLine[] = problems.map((p) => ({ row: p.row, ...(p.column !== undefined ? { column: p.column } : {}), message: p.message }));
  for (const f of findings) {
    const place = sheetPlace(f, result.model, imp, rowsById, (id) => !existing.has(id));
    if (place) inSheet.push({ ...place, message: f.message });
  }
  inSheet.sort((a, b) => a.row - b.row);
  const failed = findings.some((f) => f.severity === 'error') || problems.length > 0;
  return { ok: true, map, imp, before, after, edits, summary: { ...summary, skipped: imp.problems.length }, findings, result, inSheet, failed };
}
