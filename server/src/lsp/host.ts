/**
 * What the language server needs of where it runs (server.ts serves the same features on any
 * connection): a Node process reads the disk (node-host.ts), a Web Worker reads through the
 * client (web-host.ts, vscode.workspace.fs: client-files.ts), and so does a Node process whose
 * client offers to (the VS Code extension). Types only.
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportRow } from '../cli/formats/report';
import type { CheckOptions } from '../core/check';
import type { Locale } from '../core/messages';
import type { ConfigFileOps, ConfigLoader } from '../node/config-loader';

/** How configurations and the files that are not open are read: the disk (node-host.ts), or the client (client-files.ts). */
export interface HostFiles {
  /** How configurations and files that are not open are read. */
  reads: 'disk' | 'client';
  /** The path the configuration loader knows a document by; undefined when none applies (untitled, other schemes). */
  pathOf(uri: string): string | undefined;
  /** The URI of such a path (to read the open document rather than the saved file); undefined if it has none. */
  uriOf(path: string): string | undefined;
  /** A file's text for the configuration loader, at once: from disk, or what prepare() fetched; undefined when there is none. */
  readConfigText(path: string): string | undefined;
  /** The rest of the file system for the configuration loader (the disk's when undefined). */
  fileOps?: ConfigFileOps;
  /**
   * Fetches what the loader will read to resolve this path's configuration, before it reads it
   * (a host that reads asynchronously); resolves true when what the server computed before may
   * be wrong (the loader had read with a file missing). Undefined: everything can be read at once.
   */
  prepare?(path: string, loader: ConfigLoader): Promise<boolean> | undefined;
  /** Forgets what was fetched of these URIs (they changed on disk). */
  forget?(uris: string[]): void;
  /** The text of a file that is not open (Check Workspace), decoded as the CLI decodes it. */
  readText(uri: string): Promise<string>;
}

export interface ServerHost extends HostFiles {
  kind: 'node' | 'web';
  /**
   * Reading through the client instead (cloe/readFile), when the client offers to at
   * initialization (initializationOptions.readFiles: true, the VS Code extension). Undefined: the
   * host reads one way only (a Web Worker always reads through the client).
   */
  clientFiles?: ((connection: Connection) => HostFiles) | undefined;
  /** Runs fn after the current turn of the event loop; returns a function that cancels it. */
  defer(fn: () => void): () => void;
  /** The server's process id (null in a Web Worker). */
  processId: number | null;
  /** Full garbage collections at chosen times (Node only). */
  heap?: { collect(roomForEdit: boolean): void } | undefined;
  /** A line for the server's log once it runs (what the host was told to do differently). */
  notice?: string | undefined;
  /** How long the server waits for the client's settings. */
  configurationTimeoutMs: number;
  /** The workbook of a report's rows, in base64 (cloe/export's xlsx); Node only: the spreadsheet libraries. */
  exportXlsx?: ((rows: ReportRow[], locale: Locale) => Promise<string>) | undefined;
  /** Requests only this host can answer (Node: the spreadsheet import), given what the server knows. */
  register?: ((connection: Connection, server: ServerParts) => void) | undefined;
}

/** What the server lends a host's own requests. */
export interface ServerParts {
  /** The open grid document (undefined when the URI is not one). */
  gridDocument(uri: string): TextDocument | undefined;
  locale(): Locale;
  /** How a grid file at this URI is checked (its configuration, read first when it comes through the client). */
  checkOptionsOf(uri: string): Promise<CheckOptions>;
  log(message: string): void;
}
