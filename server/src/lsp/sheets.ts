/**
 * Spreadsheets through the language server (VS Code's "CLOE: Import Candidates from
 * Spreadsheet…"; any client may use them). The extension never reads YAML nor spreadsheets
 * itself: the server reads the sheet with the CLI's reader (the libraries load from their own
 * bundle, dist/sheet-libs.js, on the first import only) and runs the import's one computation
 * (core/sheet-plan.ts, the same as `cloe-grid import`):
 *
 * - `cloe/sheetColumns`: the sheet's header row and each column's field, as the import would map
 *   them (the user confirms or changes them);
 * - `cloe/importSheet`: the new grid file's text, or the edits that merge the sheet into an open
 *   grid document (the client applies them as an ordinary, undoable edit), with the findings placed
 *   in the sheet (row, column), rendered in the server's locale.
 *
 * The request names and types are declared here, once; the client imports the types only.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { ServerParts } from './host';
import { IMPORT_SHEET_REQUEST, type ImportSheetParams, type ImportSheetResult, SHEET_COLUMNS_REQUEST, type SheetColumnInfo, type SheetColumnsParams, type SheetColumnsResult } from '../protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Locale, type MessageRef, msg, render } from '../core/messages';
import { HEADER_SCAN_ROWS, normalizeHeader, SHEET_FIELDS, type SheetField, type SheetRow } from '../core/sheet';
import { ignoredColumns, planImport, planMapping } from '../core/sheet-plan';
import { readSheet, SheetError } from '../cli/sheet-read';

export { SHEET_FIELDS, type SheetField };

type Host = ServerParts;

/** How many values of each column the mapping pick shows. */
const SAMPLES = 3;

const fileName = (uri: string) => path.basename(decodeURIComponent(new URL(uri).pathname));

class Refusal extends Error {
  constructor(
    readonly ref: MessageRef,
    readonly kind: 'sheet' | 'target' | 'exists' = 'sheet',
  ) {
    super(ref.id);
  }
}

/** The user's choices as --map's overrides (normalised header → field); unknown fields are dropped. */
function overridesOf(map: Record<string, SheetField> | undefined): Map<string, SheetField> {
  const out = new Map<string, SheetField>();
  for (const [header, field] of Object.entries(map ?? {})) if (SHEET_FIELDS.includes(field)) out.set(normalizeHeader(header), field);
  return out;
}

async function readRows(uri: string): Promise<{ rows: SheetRow[]; file: string }> {
  const file = fileName(uri);
  if (!uri.startsWith('file:')) throw new Refusal(msg('import.editor.not-on-disk', { file }));
  const abs = fileURLToPath(uri);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new Refusal(msg('import.editor.not-found', { file }));
  if (/\.xls$/i.test(abs)) throw new Refusal(msg('import.editor.xls', { file }));
  if (!/\.(xlsx|xlsm|csv|tsv|txt)$/i.test(abs)) throw new Refusal(msg('import.editor.not-a-sheet', { file }));
  try {
    return { rows: (await readSheet(abs, file)).rows, file };
  } catch (e) {
    if (e instanceof SheetError) throw new Refusal(e.ref);
    throw e;
  }
}

export function registerSheetRequests(connection: Connection, host: Host): void {
  /** Runs a handler: a refusal is answered with its message; an exception is logged and answered the same way. */
  const answer =
    <P, R>(name: string, fn: (params: P, locale: Locale) => Promise<R>) =>
    async (params: P): Promise<R | { ok: false; locale: Locale; error: 'sheet' | 'target' | 'exists'; message: string }> => {
      const locale = host.locale();
      try {
        return await fn(params, locale);
      } catch (e) {
        if (e instanceof Refusal) return { ok: false, locale, error: e.kind, message: render(e.ref, locale) };
        host.log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        const file = (params as { uri?: unknown }).uri;
        return { ok: false, locale, error: 'sheet', message: render(msg('import.editor.failed', { file: typeof file === 'string' ? fileName(file) : '?', detail: e instanceof Error ? e.message : String(e) }), locale) };
      }
    };

  connection.onRequest(
    SHEET_COLUMNS_REQUEST,
    answer('sheetColumns', async (params: SheetColumnsParams, locale): Promise<SheetColumnsResult> => {
      const { rows, file } = await readRows(params.uri);
      const map = planMapping(rows, overridesOf(params.map));
      if (!map) return { ok: false, locale, message: render(msg('import.editor.no-header', { file, max: HEADER_SCAN_ROWS }), locale) };
      const below = rows.filter((r) => r.row > map.headerRow && r.cells.some((c) => c.trim() !== ''));
      const columns = map.columns.map((c): SheetColumnInfo => {
        const samples = [...new Set(below.map((r) => (r.cells[c.index] ?? '').trim()).filter(Boolean))].slice(0, SAMPLES);
        return { index: c.index, header: c.header, ...(c.field ? { field: c.field } : {}), ...(c.chosen ? { chosen: true } : {}), samples };
      });
      return { ok: true, locale, file, headerRow: map.headerRow, rows: below.length, columns, ignored: ignoredColumns(map), hasId: map.fields.id !== undefined };
    }),
  );

  connection.onRequest(
    IMPORT_SHEET_REQUEST,
    answer('importSheet', async (params: ImportSheetParams, locale): Promise<ImportSheetResult> => {
      const say = (ref: MessageRef) => render(ref, locale);
      const targetFile = fileName(params.target.uri);
      let into: string | undefined;
      let version: number | undefined;
      let doc: TextDocument | undefined;
      if (params.target.kind === 'merge') {
        doc = host.gridDocument(params.target.uri);
        if (!doc) throw new Refusal(msg('import.editor.not-open', { file: targetFile }), 'target');
        into = doc.getText();
        version = doc.version;
      } else if (params.target.uri.startsWith('file:') && existsSync(fileURLToPath(params.target.uri))) {
        throw new Refusal(msg('import.editor.exists', { file: targetFile }), 'exists');
      }
      const { rows, file } = await readRows(params.uri);
      const check = await host.checkOptionsOf(params.target.uri);
      const plan = planImport(rows, {
        overrides: overridesOf(params.map),
        source: file,
        check,
        ...(into !== undefined ? { into } : {}),
        ...(params.cohort ? { cohort: params.cohort } : {}),
      });
      if (!plan.ok) {
        switch (plan.error) {
          case 'no-header':
            throw new Refusal(msg('import.editor.no-header', { file, max: HEADER_SCAN_ROWS }));
          case 'no-id-column':
            throw new Refusal(msg('import.editor.no-id-column', { field: msg('import.field.id') }));
          case 'no-cohort':
            return { ok: false, locale, error: 'no-cohort', rows: plan.rows, cohorts: plan.cohorts, message: say(msg('import.editor.cohort.title', { rows: plan.rows.join(', ') })) };
          case 'grid-syntax':
            throw new Refusal(msg('import.editor.grid-syntax', { file: targetFile }), 'target');
          case 'merge-broken':
            throw new Error(`the merged text of ${targetFile} does not parse; nothing was merged`);
        }
      }
      const inSheet = plan.inSheet.map((l) => say(l.column === undefined ? msg('import.place-row', { file, row: l.row, message: l.message }) : msg('import.place', { file, row: l.row, column: l.column, message: l.message })));
      const common = { ok: true as const, locale, summary: say(msg('import.summary', { file: targetFile, ...plan.summary })), inSheet, findings: plan.findings.length, failed: plan.failed };
      if (!doc) return { ...common, text: plan.after };
      const d = doc;
      return { ...common, version: version!, edits: plan.edits.map((e) => ({ range: { start: d.positionAt(e.start), end: d.positionAt(e.end) }, newText: e.newText })) };
    }),
  );
}
