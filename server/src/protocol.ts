/**
 * The custom requests between the VS Code extension and the language server: their names and
 * the types of their parameters and results, nothing else. Imported by the client
 * (client/src, desktop and browser) and by the server (server/src/lsp): no Node, no vscode, no
 * LSP package here, only types from the core (test/architecture.test.ts checks it).
 */
import type { FileView } from './core/cohort-view';
import type { ViewDelta } from './core/view-delta';

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
export type ExportFormat = 'csv' | 'markdown' | 'html';
export interface ExportParams {
  uri: string;
  format: ExportFormat;
}

// ── Server → client ─────────────────────────────────────────────────────────────────────────

/**
 * A file's bytes, read by the client (vscode.workspace.fs: github.dev's virtual file system
 * too). The server in a Web Worker has no file system: it reads the nearest cloe.config.yaml,
 * its `grid:` files and the files Check Workspace names this way.
 */
export const READ_FILE_REQUEST = 'cloe/readFile';
/** Not found: null. A folder: { kind: 'directory' }. A file: its bytes in base64 (the server decodes them as the CLI does). */
export type ReadFileResult = { kind: 'file'; base64: string } | { kind: 'directory' } | null;
