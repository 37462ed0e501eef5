/**
 * The custom requests between the VS Code extension and the language server: their names and
 * the types of their parameters and results, nothing else. Imported by the client
 * (client/src, desktop and browser) and by the server (server/src/lsp): no Node, no vscode, no
 * LSP package here, only types from the core (test/architecture.test.ts checks it).
 */
import type { FileView } from './core/cohort-view';
import type { ViewDelta } from './core/view-delta';
import type { Locale } from './core/messages';
import type { SheetField } from './core/sheet';

// ── Client → server (any client may send them) ──────────────────────────────────────────────

/** A document, by URI. */
export interface UriParams {
  uri: string;
}

/** The status item's line for an open grid file (null: not an open grid file). */
export const SUMMARY_REQUEST = 'cloe/summary';
export interface SummaryResult {
  text: string;
  candidates: number;
  certificates: number;
  attestations: number;
  pending: number;
  unknown: number;
  errors: number;
  warnings: number;
}

/** Checks files that are not open ("CLOE: Check Workspace"); their diagnostics are published. */
export const CHECK_FILES_REQUEST = 'cloe/checkFiles';
export interface CheckFilesParams {
  uris: string[];
  /** Where the server reports its progress ("N of M files checked"), an LSP ProgressToken. */
  workDoneToken?: number | string;
}
export interface CheckFilesResult {
  files: number;
  errors: number;
  warnings: number;
}

/** Whether a file is a grid file (a configuration's `files:` included): boolean. */
export const IS_GRID_FILE_REQUEST = 'cloe/isGridFile';

/** The server's process id (the crash tests tell one server from the next); null in a Web Worker. */
export const PROCESS_ID_REQUEST = 'cloe/processId';

/** Where the server runs: a Node process (desktop, `cloe-grid --stdio`) or a Web Worker (vscode.dev, github.dev). */
export const SERVER_HOST_REQUEST = 'cloe/serverHost';
export interface ServerHostResult {
  kind: 'node' | 'web';
  /** How the server reads configurations and files that are not open: the disk, or the client (READ_FILE_REQUEST). */
  reads: 'disk' | 'client';
}

/**
 * The outcomes view's data for an open grid file (null: not an open grid file): the whole view
 * with its `id`, or, when the client names with `base` the view it has and the server still knows
 * it, what changed since (core/view-delta.ts).
 */
export const OUTCOMES_REQUEST = 'cloe/outcomes';
export interface OutcomesParams {
  uri: string;
  base?: number;
}
export type OutcomesResult = (FileView & { id: number; version: number }) | (ViewDelta & { version: number }) | null;

/** The report of an open grid file, as `cloe-grid report --format csv|markdown|html` writes it (null: not an open grid file). */
export const EXPORT_REQUEST = 'cloe/export';
/** (xlsx: the workbook of `report --format xlsx`, in base64; Node servers only.) */
export type ExportFormat = 'csv' | 'markdown' | 'html' | 'xlsx';
export interface ExportParams {
  uri: string;
  format: ExportFormat;
}

/**
 * Spreadsheets in VS Code (Node servers only: the browser has no spreadsheet reader): the column
 * mapping of a sheet the import proposes, and the import itself (a new file's text, or the edits
 * that merge the sheet into an open grid file), with the findings placed in the sheet.
 */
export const SHEET_COLUMNS_REQUEST = 'cloe/sheetColumns';
export const IMPORT_SHEET_REQUEST = 'cloe/importSheet';

export interface SheetColumnsParams {
  /** The spreadsheet (a file: URI). */
  uri: string;
  /** Fields the user chose, by header as the sheet writes it. */
  map?: Record<string, SheetField>;
}

export interface SheetColumnInfo {
  /** 0-based column index. */
  index: number;
  header: string;
  /** Undefined: not imported. */
  field?: SheetField;
  /** The user chose the field. */
  chosen?: boolean;
  /** A few values of the column, as the sheet shows them. */
  samples: string[];
}

export type SheetColumnsResult =
  | { ok: true; locale: Locale; file: string; headerRow: number; rows: number; columns: SheetColumnInfo[]; ignored: string[]; hasId: boolean }
  | { ok: false; locale: Locale; message: string };

export type ImportTarget = { kind: 'new'; uri: string } | { kind: 'merge'; uri: string };

export interface ImportSheetParams {
  uri: string;
  map?: Record<string, SheetField>;
  target: ImportTarget;
  /** The cohort of the new candidates, when the sheet has no cohort column. */
  cohort?: string;
}

export interface SheetEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export type ImportSheetResult =
  | {
      ok: true;
      locale: Locale;
      /** A new file: its text. */
      text?: string;
      /** A merge: the edits, against `version` of the open document. */
      edits?: SheetEdit[];
      version?: number;
      /** "acme.cloe.yaml: 2 candidate(s) added, …" */
      summary: string;
      /** The problems and findings placed in the sheet ("candidats.xlsx, row 8, column "Métier": …"), by row. */
      inSheet: string[];
      /** Errors and warnings of the resulting grid file. */
      findings: number;
      /** True when the import has problems or errors (the CLI's exit code 1). */
      failed: boolean;
    }
  /** New candidates have no cohort: ask the user (`cohorts`: the target's), then send the request again with `cohort`. */
  | { ok: false; locale: Locale; error: 'no-cohort'; rows: number[]; cohorts: string[]; message: string }
  | { ok: false; locale: Locale; error: 'sheet' | 'target' | 'exists'; message: string };


// ── Server → client ─────────────────────────────────────────────────────────────────────────

/**
 * A file's bytes, read by the client (vscode.workspace.fs: github.dev's virtual file system
 * too). The server in a Web Worker has no file system: it reads the nearest cloe.config.yaml,
 * its `grid:` files and the files Check Workspace names this way. The Node server does too when
 * the client says it answers (initializationOptions.readFiles: true, as the VS Code extension
 * does); without it (other editors, `cloe-grid --stdio`), it reads the disk.
 */
export const READ_FILE_REQUEST = 'cloe/readFile';
/** Not found: null. A folder: { kind: 'directory' }. A file: its bytes in base64 (the server decodes them as the CLI does). */
export type ReadFileResult = { kind: 'file'; base64: string } | { kind: 'directory' } | null;
