/**
 * The language server (SPEC §4), whatever runs it: serve() wires a connection to the core. It
 * knows neither Node nor the browser: what differs between a Node process (`cloe-grid --stdio`,
 * `--node-ipc`: node-host.ts) and a Web Worker (vscode.dev, github.dev: web-host.ts) comes in a
 * ServerHost (host.ts): how the configurations and the files that are not open are read.
 *
 * Architecture invariant: this folder is the only one that knows LSP. Every answer comes from
 * the core (checkText, explainAt, completeAt, locate); here we only convert offsets to positions
 * and core values to protocol types. Nothing but the protocol is written to stdout.
 */
import {
  type CancellationToken,
  CodeAction,
  CodeActionKind,
  type CodeLens,
  CompletionItemKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  InsertTextFormat,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkedSync } from './protocol-guard';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES } from '../core/config';
import { suppressionFixes } from '../core/suppress';
import { LineIndex } from '../core/text';
import { checkOptions, ConfigLoader, isGridFile, type ResolvedConfig } from '../node/config-loader';
import { checkText, type CheckResult } from '../core/check';
import type { TextEdit as CoreEdit } from '../core/findings';
import { IncrementalGrid } from '../core/incremental';
import { completeAt, type CompletionKind } from '../core/complete';
import { explainAt } from '../core/explain';
import { safeFixEdits } from '../core/fixes';
import { type Locale, localeFrom, msg, render } from '../core/messages';
import { CHECK_FILES_REQUEST, type CheckFilesParams, IS_GRID_FILE_REQUEST, PROCESS_ID_REQUEST, SERVER_HOST_REQUEST, type ServerHostResult, SUMMARY_REQUEST, type SummaryResult, type UriParams } from '../protocol';
import { findingFor, toCodeAction, toCodeLens, toDiagnostic, toDiagnostics, toEdit, toInlayHint, toRange, toSymbol } from './convert';
import { cohortLenses, definitionAt, fileSummary, inlayHints, outline } from '../core/features';
import { FileMatcher, uriPath } from './files';
import type { HostFiles, ServerHost } from './host';
import { registerOutcomeRequests } from './outcomes';
import { checkFiles } from './check-files';

export const FIX_ALL_KIND = 'source.fixAll.cloe';

export { CHECK_FILES_REQUEST, SUMMARY_REQUEST, type SummaryResult };

export interface Settings {
  files: string[];
  locale: 'auto' | 'en' | 'fr';
  inlayHints: { outcome: boolean; defaultedThreshold: boolean };
  /** At most this many diagnostics per file, most severe first (0: no limit). */
  maxDiagnostics: number;
}

/** VS Code shows at most 1,000 diagnostics per file (the most severe); sending more costs time and shows nothing. */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

const DEFAULT_SETTINGS: Settings = { files: [], locale: 'auto', inlayHints: { outcome: true, defaultedThreshold: true }, maxDiagnostics: DEFAULT_MAX_DIAGNOSTICS };

function readSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, unknown>>;
  const hints = (s.inlayHints && typeof s.inlayHints === 'object' ? s.inlayHints : {}) as Partial<Record<string, unknown>>;
  return {
    files: Array.isArray(s.files) ? s.files.filter((x): x is string => typeof x === 'string') : [],
    locale: s.locale === 'en' || s.locale === 'fr' ? s.locale : 'auto',
    inlayHints: { outcome: hints.outcome !== false, defaultedThreshold: hints.defaultedThreshold !== false },
    maxDiagnostics: typeof s.maxDiagnostics === 'number' && Number.isInteger(s.maxDiagnostics) && s.maxDiagnostics >= 0 ? s.maxDiagnostics : DEFAULT_MAX_DIAGNOSTICS,
  };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  profession: CompletionItemKind.Class,
  alias: CompletionItemKind.Reference,
  level: CompletionItemKind.EnumMember,
  language: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
};

/** Closing a document of this many characters or more collects its garbage at once (~0.1 s at 15 MB). */
const COLLECT_AFTER_CLOSE = 1_000_000;
/**
 * Validating a document of this many characters or more (~25,000 candidates) is followed by a
 * full collection. Below, V8's own collections keep up and a forced one would cost more than it gives.
 */
const COLLECT_AFTER_EDIT = 4_000_000;

function answeredWithin<T>(promise: Promise<T>, ms: number): Promise<{ answered: true; value: T } | { answered: false }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ answered: false }), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve({ answered: true, value })),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Serves the language server's features on a connection, reading what is not open through the host. */
export function serve(connection: Connection, host: ServerHost): void {
  const heap = host.heap;
  const CONFIGURATION_TIMEOUT_MS = host.configurationTimeoutMs;
  /**
   * The edits of each document since its last analysis, as the client sent them (offsets in the
   * text before each edit); null for a whole-text replacement. Incremental validation replays them.
   */
  const editLog = new Map<string, { version: number; edits: CoreEdit[] | null }[]>();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      editLog.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => {
      const edits: CoreEdit[] = [];
      let whole = false;
      for (const c of changes) {
        // (Ranges come the right way round: protocol-guard.ts swapped a reversed one.)
        if ('range' in c) edits.push({ start: doc.offsetAt(c.range.start), end: doc.offsetAt(c.range.end), newText: c.text });
        else whole = true;
        TextDocument.update(doc, [c], version);
      }
      const log = editLog.get(doc.uri) ?? [];
      log.push({ version, edits: whole ? null : edits });
      editLog.set(doc.uri, log);
      return doc;
    },
  });
  const cache = new Map<string, { version: number; generation: number; grid: IncrementalGrid }>();
  /** Bumped whenever a configuration or a grid file it loads changes: every analysis is then stale. */
  let generation = 0;
  let canWatchFiles = false;
  /** How what is not open is read: the host's way, or the client's when it offers to (onInitialize). */
  let files: HostFiles = host;
  /** The path the configuration loader knows a document by (the host says: a file path, or a URI's). */
  const filePathOf = (uri: string): string | undefined => files.pathOf(uri);
  // Reads open documents first (unsaved edits count), then the host (the disk, or the client).
  const newLoader = () =>
    new ConfigLoader((p) => {
      const uri = files.uriOf(p);
      const open = uri === undefined ? undefined : documents.get(uri);
      if (open) return open.getText();
      return files.readConfigText(p);
    }, files.fileOps);
  let loader = newLoader();
  const configOf = (uri: string): ResolvedConfig | undefined => {
    const p = filePathOf(uri);
    return p ? loader.forFile(p) : undefined;
  };
  const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
  const isConfigUri = (uri: string) => CONFIG_FILE_NAMES.includes(baseName(filePathOf(uri) ?? ''));
  // The saved text of a configuration (an edited one closed unsaved: the saved one applies again).
  const diskText = (uri: string): string | undefined => {
    const p = filePathOf(uri);
    return p === undefined ? undefined : files.readConfigText(p);
  };
  /** True when a path is a configuration or a grid file some configuration loads. */
  const affectsConfig = (uri: string): boolean => {
    const p = filePathOf(uri);
    if (!p) return false;
    if (CONFIG_FILE_NAMES.includes(baseName(p))) return true;
    return documents.all().some((d) => configOf(d.uri)?.gridFiles.includes(p));
  };
  const configChanged = (changed: string[] = []) => {
    generation++;
    files.forget?.(changed);
    loader.invalidate();
    for (const d of documents.all()) schedule(d.uri);
  };
  const scheduled = new Map<string, () => void>();
  let settings = DEFAULT_SETTINGS;
  let clientLocale: Locale = 'en';
  let roots: string[] = [];
  /** The workspace folders' URIs, in roots' order (the settings of each are asked by URI). */
  let rootUris: string[] = [];
  let matcher = new FileMatcher([], []);
  /** Each workspace folder's own settings (a multi-root workspace's folders may differ). */
  let folders: { root: string; settings: Settings; matcher: FileMatcher }[] = [];
  /** The settings that apply to a document: its workspace folder's, else the user's. */
  const settingsOf = (uri: string): Settings => folderOf(uri)?.settings ?? settings;
  const folderOf = (uri: string) => {
    const p = uriPath(uri);
    let best: (typeof folders)[number] | undefined;
    for (const f of folders) {
      if (p && (p === f.root || p.startsWith(f.root.endsWith('/') ? f.root : f.root + '/')) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best;
  };
  let canPullConfiguration = false;
  let canRefreshInlayHints = false;

  const locale = (): Locale => (settings.locale === 'auto' ? clientLocale : settings.locale);

  /** Runs a handler; an exception is logged and answered with the fallback: the server stays up. */
  function guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R) {
    return (params: P, token: CancellationToken): R => {
      try {
        if (token?.isCancellationRequested) return fallback;
        return fn(params, token);
      } catch (e) {
        connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };
  }

  /** The analysis of a document's current version (computed once per version). */
  function analyze(doc: TextDocument): CheckResult {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === generation) return hit.grid.result;
    const log = (editLog.get(doc.uri) ?? []).filter((e) => !hit || e.version > hit.version);
    editLog.delete(doc.uri);
    if (hit && hit.generation === generation && log.length > 0 && log.every((e) => e.edits) && log[log.length - 1]!.version === doc.version) {
      // Replay the edits since the kept analysis: only what they touched is re-parsed.
      hit.grid.update(
        log.flatMap((e) => e.edits!),
        doc.getText(),
      );
      hit.version = doc.version;
      // A guard that costs one string comparison: the kept text must be the document's.
      if (hit.grid.matches(doc.getText())) return hit.grid.result;
      connection.console.warn(`incremental validation of ${doc.uri} lost track of the text: validating it whole`);
    }
    const config = configOf(doc.uri);
    // Lazy: an open file keeps no candidate's fields in memory but those last read (lazy.ts).
    const grid = new IncrementalGrid(doc.getText(), { ...(config ? checkOptions(config) : {}), lazy: true });
    cache.set(doc.uri, { version: doc.version, generation, grid });
    return grid.result;
  }

  function gridDocument(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    return doc && isGrid(uri) ? doc : undefined;
  }

  function isGrid(uri: string): boolean {
    // The editor says so (VS Code's `cloe-yaml` language, new untitled grid files included).
    if (documents.get(uri)?.languageId === 'cloe-yaml') return true;
    if ((folderOf(uri)?.matcher ?? matcher).matches(uri)) return true;
    const p = filePathOf(uri);
    const config = configOf(uri);
    return !!p && !!config && isGridFile(p, config);
  }

  /** A configuration file's own problems. */
  function publishConfig(uri: string, doc: TextDocument): void {
    const p = filePathOf(uri)!;
    const config = loader.load(p);
    const text = config.text ?? doc.getText();
    const lines = new LineIndex(text);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: config.findings.map((f) => toDiagnostic(uri, { lines }, f, locale())) });
  }

  /**
   * Publishes a document's diagnostics. A host that reads through the client first fetches what
   * the configuration loader will read (web-host.ts); a new configuration read makes every
   * analysis stale.
   */
  function publish(uri: string): void {
    const p = filePathOf(uri);
    const fetching = p === undefined ? undefined : files.prepare?.(p, loader);
    if (!fetching) {
      publishNow(uri);
      return;
    }
    fetching.then(
      (changed) => {
        if (changed) generation++;
        publishNow(uri);
      },
      (e: unknown) => {
        connection.console.error(`reading the configuration of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
        publishNow(uri);
      },
    );
  }

  /** Resolves once what the configuration loader will read for this URI is read (a host that reads through the client fetches it). */
  async function prepared(uri: string): Promise<void> {
    const p = filePathOf(uri);
    if (p !== undefined && (await files.prepare?.(p, loader))) generation++;
  }

  function publishNow(uri: string): void {
    scheduled.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    if (isConfigUri(uri)) {
      publishConfig(uri, doc);
      return;
    }
    if (!isGrid(uri)) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    try {
      const result = analyze(doc);
      const diagnostics = toDiagnostics(uri, result, locale(), settingsOf(uri).maxDiagnostics);
      // A newer version may have arrived meanwhile: never publish an older one after it.
      if (documents.get(uri)?.version !== doc.version) return;
      const sent = connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
      // The previous text of a large file (tens of MB) is garbage now: collect it before the next
      // edit makes another, once the diagnostics are written (~50 ms at 100,000 candidates).
      if (heap && doc.getText().length >= COLLECT_AFTER_EDIT) void sent.then(() => host.defer(() => heap.collect(true)), () => undefined);
      else void sent;
    } catch (e) {
      connection.console.error(`validation of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Coalesces bursts of changes: one validation per document per turn of the event loop. */
  function schedule(uri: string): void {
    if (scheduled.has(uri)) return;
    scheduled.set(uri, host.defer(() => publish(uri)));
  }

  async function refreshSettings(pushed?: unknown): Promise<void> {
    if (pushed !== undefined) settings = readSettings(pushed);
    else if (canPullConfiguration) {
      // The user's settings, then each folder's (resource-scoped values may differ per folder).
      // A client that never answers must not leave the server without settings updates for good:
      // after a while the current settings stay (one log line) and the next change asks again.
      const pulled = await answeredWithin(connection.workspace.getConfiguration([{ section: 'cloe' }, ...rootUris.map((r) => ({ scopeUri: r, section: 'cloe' }))]), CONFIGURATION_TIMEOUT_MS);
      if (pulled.answered) {
        const [global, ...perFolder] = pulled.value as unknown[];
        settings = readSettings(global);
        folders = roots.map((root, i) => {
          const s = readSettings(perFolder[i]);
          return { root, settings: s, matcher: new FileMatcher(s.files, [root]) };
        });
      } else connection.console.warn(`the client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms: the current settings stay`);
    }
    matcher = new FileMatcher(settings.files, roots);
    for (const doc of documents.all()) schedule(doc.uri);
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onInitialize((params) => {
    clientLocale = localeFrom(params.locale);
    const folderUris = (params.workspaceFolders ?? []).map((f) => f.uri).filter((u) => !!uriPath(u));
    if (folderUris.length === 0 && params.rootUri && uriPath(params.rootUri)) folderUris.push(params.rootUri);
    rootUris = folderUris;
    roots = folderUris.map((u) => uriPath(u)!);
    const init = params.initializationOptions as { settings?: unknown; readFiles?: unknown } | undefined;
    if (init?.settings !== undefined) settings = readSettings(init.settings);
    // The VS Code extension reads files for the server (cloe/readFile: vscode.workspace.fs), as
    // for the server in a Web Worker: the desktop and the web read configurations the same way.
    // Other editors do not offer it: the Node server reads the disk for them.
    if (init?.readFiles === true && host.clientFiles && files === host) {
      files = host.clientFiles(connection);
      loader = newLoader();
    }
    matcher = new FileMatcher(settings.files, roots);
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    // trusted: false (an editor's untrusted workspace): a configuration cannot make the server
    // read files outside the repository (config-loader.ts).
    loader.setTrusted((params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        definitionProvider: true,
        inlayHintProvider: true,
      },
      serverInfo: { name: 'cloe-grid' },
    };
  });

  connection.onInitialized(() => {
    if (host.notice) connection.console.info(host.notice);
    if (canWatchFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/cloe.config.{yaml,yml}' }, { globPattern: '**/*.cloe.{yaml,yml}' }] })
        .catch((e: unknown) => connection.console.error(`cannot watch files: ${String(e)}`));
    }
    if (canPullConfiguration) void refreshSettings().catch((e: unknown) => connection.console.error(`reading settings failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { cloe?: unknown } | null)?.cloe;
    void refreshSettings(canPullConfiguration ? undefined : pushed).catch((e: unknown) => connection.console.error(`reading settings failed: ${String(e)}`));
  });

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => {
    // An edit of a configuration (or of a grid file it loads) in the editor re-validates everything.
    if (affectsConfig(e.document.uri)) configChanged();
    else schedule(e.document.uri);
  });
  connection.onDidChangeWatchedFiles((e) => {
    if (e.changes.some((c) => affectsConfig(c.uri))) configChanged(e.changes.map((c) => c.uri));
    else files.forget?.(e.changes.map((c) => c.uri));
  });
  documents.onDidClose((e) => {
    const pending = scheduled.get(e.document.uri);
    if (pending) pending();
    scheduled.delete(e.document.uri);
    cache.delete(e.document.uri);
    editLog.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // A configuration closed with unsaved edits: the one on disk applies again (issue 18).
    if (affectsConfig(e.document.uri) && diskText(e.document.uri) !== e.document.getText()) configChanged();
    // A large file's model (~1 KB a candidate) and texts are garbage now: give them back at once
    // (V8 would wait until the heap grows by as much again, the next file opened on top of it).
    if (heap && e.document.getText().length >= COLLECT_AFTER_CLOSE) host.defer(() => heap.collect(false));
  });

  connection.onHover(
    guard('hover', null as Hover | null, (params) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return null;
      const result = analyze(doc);
      const h = explainAt(result, doc.offsetAt(params.position), locale());
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(result, h.span) } : null;
    }),
  );

  /** The documentation of the last completion list's items, by item.data.doc. */
  const docs = new Map<number, string>();
  connection.onCompletionResolve((item: CompletionItem) => {
    const doc = docs.get((item.data as { doc?: number } | undefined)?.doc ?? -1);
    if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
    return item;
  });

  connection.onCompletion(
    guard('completion', [] as CompletionItem[], (params) => {
      docs.clear();
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return [];
      const result = analyze(doc);
      const text = doc.getText();
      return completeAt(text, doc.offsetAt(params.position), result, locale()).map((e) => {
        const item: CompletionItem = {
          label: e.label,
          kind: COMPLETION_KIND[e.kind],
          sortText: e.sortText,
          textEdit: { range: toRange(result, e.span), newText: e.insertText },
          insertTextFormat: InsertTextFormat.PlainText,
        };
        if (e.detail) item.detail = e.detail;
        // Documentation is sent when an item is selected (completionItem/resolve): lists stay small.
        if (e.documentation) {
          item.data = { doc: docs.size };
          docs.set(docs.size, e.documentation);
        }
        if (e.filterText) item.filterText = e.filterText;
        if (e.preselect) item.preselect = true;
        return item;
      });
    }),
  );

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], (params) => {
      const uri = params.textDocument.uri;
      const doc = gridDocument(uri);
      if (!doc) return [];
      const result = analyze(doc);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        for (const d of params.context.diagnostics) {
          if (d.source !== 'cloe') continue;
          const f = findingFor(result, d);
          f?.fixes?.forEach((fix, i) => actions.push(toCodeAction(uri, result, fix, locale(), d, i === 0 && fix.safe)));
          // "Disable <rule> for this line / for this file": a comment, keyed by rule id.
          if (f && f.rule !== 'unused-suppression') for (const fix of suppressionFixes(doc.getText(), result.lines, f)) actions.push(toCodeAction(uri, result, fix, locale(), d, false));
        }
      }
      if (only && wants(FIX_ALL_KIND)) {
        const edits = safeFixEdits(result.findings);
        if (edits.length > 0) {
          const title = render(msg('fix.all'), locale());
          actions.push(CodeAction.create(title, { changes: { [uri]: edits.map((e) => toEdit(result, e)) } }, FIX_ALL_KIND));
        }
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [] as DocumentSymbol[], (params, token) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return [];
      const result = analyze(doc);
      return (outline(result, locale(), () => token.isCancellationRequested) ?? []).map((item) => toSymbol(result, item));
    }),
  );

  connection.onCodeLens(
    guard('codeLens', [] as CodeLens[], (params) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return [];
      const result = analyze(doc);
      // The outcomes view on this cohort (VS Code's cloe.showOutcomes; other editors may map it).
      return cohortLenses(result, locale()).map((lens) => toCodeLens(result, lens, { command: 'cloe.showOutcomes', arguments: [doc.uri, lens.cohortId] }));
    }),
  );

  connection.onDefinition(
    guard('definition', null as { uri: string; range: ReturnType<typeof toRange> } | null, (params) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return null;
      const result = analyze(doc);
      const span = definitionAt(result, doc.offsetAt(params.position));
      return span ? { uri: doc.uri, range: toRange(result, span) } : null;
    }),
  );

  connection.languages.inlayHint.on(
    guard('inlayHint', [] as InlayHint[], (params, token) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return [];
      const result = analyze(doc);
      const hints = inlayHints(result, doc.offsetAt(params.range.start), doc.offsetAt(params.range.end), locale(), settingsOf(params.textDocument.uri).inlayHints, () => token.isCancellationRequested);
      return (hints ?? []).map((h) => toInlayHint(result, h));
    }),
  );

  registerOutcomeRequests(connection, { gridDocument, analyze, locale, guard, exportXlsx: host.exportXlsx });
  // The host's own requests (Node: the spreadsheet import, which the browser cannot read).
  host.register?.(connection, {
    gridDocument,
    locale,
    checkOptionsOf: async (uri) => {
      await prepared(uri);
      const config = configOf(uri);
      return config ? checkOptions(config) : {};
    },
    log: (m) => connection.console.error(m),
  });

  // The server's process id: lets a client (and the crash tests) tell one server from the next.
  connection.onRequest(PROCESS_ID_REQUEST, () => host.processId);
  // Where this server runs and how it reads what is not open (the real VS Code suite checks the web host's).
  connection.onRequest(SERVER_HOST_REQUEST, (): ServerHostResult => ({ kind: host.kind, reads: files.reads }));
  // Whether a file is a grid file (a configuration's `files:` included): the extension switches
  // such a file to the grid language when it opens.
  // (Its configuration read first: through the client, it may not have been fetched yet.)
  connection.onRequest(IS_GRID_FILE_REQUEST, async (params: UriParams) => {
    if (typeof params?.uri !== 'string') return false;
    await prepared(params.uri);
    return isGrid(params.uri);
  });

  connection.onRequest(
    SUMMARY_REQUEST,
    guard('summary', null as SummaryResult | null, (params: UriParams) => {
      const doc = gridDocument(params.uri);
      if (!doc) return null;
      return fileSummary(analyze(doc), locale());
    }),
  );

  // Checks files that are not open (the extension's "Check Workspace", check-files.ts): their
  // diagnostics stay until the file is opened (then the open document wins) or checked again.
  connection.onRequest(CHECK_FILES_REQUEST, (params: CheckFilesParams, token: CancellationToken) =>
    checkFiles(
      connection,
      {
        openAnalysis: (uri) => {
          const open = documents.get(uri);
          return open ? analyze(open) : undefined;
        },
        isOpen: (uri) => documents.get(uri) !== undefined,
        configFindings: (uri) => {
          if (!isConfigUri(uri)) return undefined;
          const config = loader.load(filePathOf(uri)!);
          const lines = new LineIndex(config.text ?? '');
          return { findings: config.findings, diagnostics: () => config.findings.map((f) => toDiagnostic(uri, { lines }, f, locale())) };
        },
        // As the CLI reads it (the host: the disk, or the client in a browser), once what its
        // configuration needs is read.
        readText: async (uri) => {
          await prepared(uri);
          return files.readText(uri);
        },
        // With the configuration that applies to it, as an open document and the CLI do.
        check: (uri, text) => {
          const config = configOf(uri);
          const result = checkText(text, config ? checkOptions(config) : {});
          return { findings: result.findings, diagnostics: () => toDiagnostics(uri, result, locale(), settingsOf(uri).maxDiagnostics) };
        },
        generation: () => generation,
        locale,
        log: (m) => connection.console.error(m),
      },
      params,
      token,
    ),
  );

  documents.listen(
    checkedSync(connection, (uri) => documents.get(uri) !== undefined, (uri) => documents.get(uri)?.version ?? 0, (m) => connection.console.warn(m)),
  );
  connection.listen();
}

export type { Connection };
