/**
 * The language server (SPEC §4), started by `cloe-grid --stdio` or `--node-ipc`.
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
  createConnection,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  InsertTextFormat,
  IPCMessageReader,
  IPCMessageWriter,
  MarkupKind,
  ProposedFeatures,
  StreamMessageWriter,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { format } from 'node:util';
import { Console } from 'node:console';
import { ChunkedMessageReader } from './stdio-reader';
import { checkedSync, LifecycleGate } from './protocol-guard';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../core/config';
import { suppressionFixes } from '../core/suppress';
import { LineIndex } from '../core/text';
import { checkOptions, ConfigLoader, isGridFile, type ResolvedConfig } from '../node/config-loader';
import { readTextFile, readTextFileAsync } from '../node/read-text';
import { checkText, type CheckResult } from '../core/check';
import type { TextEdit as CoreEdit } from '../core/findings';
import { IncrementalGrid } from '../core/incremental';
import { completeAt, type CompletionKind } from '../core/complete';
import { attentionParts, explainAt, explainOutcome, outcomeText, summaryLine, summaryParts } from '../core/explain';
import { safeFixEdits } from '../core/fixes';
import { attention, cohortInfos, locate, summarize } from '../core/locate';
import { type Locale, localeFrom, msg, render } from '../core/messages';
import { findingFor, toCodeAction, toDiagnostic, toDiagnostics, toEdit, toRange } from './convert';
import { FileMatcher, uriPath } from './files';
import { registerOutcomeRequests } from './outcomes';

export const FIX_ALL_KIND = 'source.fixAll.cloe';

/** Custom requests of the VS Code extension (any client may use them). */
export const SUMMARY_REQUEST = 'cloe/summary';
export const CHECK_FILES_REQUEST = 'cloe/checkFiles';

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

/**
 * Garbage collection for a server that keeps large files open for hours (V8 flags, read at each
 * collection; measured on a 100,000-candidate file, bench/RESULTS.md). Returns a full collection
 * to run at chosen times (after validating or closing a large file), when V8 allows it.
 * - Most of what the server allocates dies young (lazy candidates read again, a text per edit),
 *   next to a long-lived model. Allocation-site pretenuring sees the long-lived objects survive
 *   and sends whole sites straight to the old generation, where the short-lived ones wait for a
 *   full collection: ~70 MB more after the first check. Off, young garbage stays young.
 * - The young generation stays at its first size (1 MB semi-spaces instead of growing to 16):
 *   ~30 MB less resident, for ~1 s more on the first check of 100,000 candidates.
 * - Each edit of a 15 MB file leaves the previous text (30 MB: two bytes a character as soon as
 *   one character is not Latin-1) behind: the server collects itself after validating a large
 *   file (COLLECT_AFTER_EDIT), so that at most two texts are alive at once (the one being
 *   replaced while the new one is made), and leaves room for the next edit then. Otherwise 10 %
 *   heap growth starts collections sooner (the first check of a large file).
 * CLOE_HEAP_POLICY=off leaves V8's defaults (faster first checks and edits of very large files,
 * for more memory): the server then says so in its log.
 */
function tuneHeap(): { collect(roomForEdit: boolean): void } | undefined {
  if (HEAP_POLICY_OFF) return undefined;
  try {
    setFlagsFromString('--no-allocation-site-pretenuring');
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH}`);
    setFlagsFromString('--semi-space-growth-factor=1');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return {
      collect(roomForEdit: boolean): void {
        // With room for the next edit (its new text): V8 then does not collect again while it is
        // validated (measured: 120 -> 40 ms per edit at 100,000 candidates). Only this collection's
        // limit is that high; the next ones use HEAP_GROWTH again.
        if (roomForEdit) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_AFTER_EDIT}`);
        try {
          gc();
        } finally {
          if (roomForEdit) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH}`);
        }
      },
    };
  } catch {
    // Not fatal: the server works the same, with more memory.
    return undefined;
  }
}

/** CLOE_HEAP_POLICY=off: no heap tuning (see tuneHeap). */
const HEAP_POLICY_OFF = process.env.CLOE_HEAP_POLICY === 'off';

/** How much the heap may grow past what a full collection kept before the next one (%). */
const HEAP_GROWTH = 10;
/** The same, after the collection that follows an edit of a large file. */
const HEAP_GROWTH_AFTER_EDIT = 50;

/** Closing a document of this many characters or more collects its garbage at once (~0.1 s at 15 MB). */
const COLLECT_AFTER_CLOSE = 1_000_000;
/**
 * Validating a document of this many characters or more (~25,000 candidates) is followed by a
 * full collection. Below, V8's own collections keep up and a forced one would cost more than it gives.
 */
const COLLECT_AFTER_EDIT = 4_000_000;

/**
 * The connection over stdin/stdout, with our own reader (stdio-reader.ts); what the library does
 * for `--stdio` besides: exit when stdin ends, and console output to the client's log (stdout
 * carries the protocol).
 */
function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, new LifecycleGate(new ChunkedMessageReader(process.stdin), writer, (m) => connection.console.warn(m)), writer);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const log = (write: (s: string) => void) => (...args: unknown[]) => write(format(...args));
  // Replaced, not called: a stray console call (in a dependency) must not corrupt the protocol.
  // The methods that write to stdout by themselves (dir, table, time…) write to stderr instead.
  /* eslint-disable no-console */
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const m of ['dir', 'dirxml', 'table', 'trace', 'assert', 'count', 'countReset', 'group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog'] as const) {
    (console as unknown as Record<string, unknown>)[m] = (toStderr[m] as (...a: unknown[]) => void).bind(toStderr);
  }
  console.log = log((s) => connection.console.log(s));
  console.info = log((s) => connection.console.info(s));
  console.debug = log((s) => connection.console.log(s));
  console.warn = log((s) => connection.console.warn(s));
  console.error = log((s) => connection.console.error(s));
  /* eslint-enable no-console */
  return connection;
}

/** The connection over Node IPC (how the extension starts the server), its lifecycle checked. */
function ipcConnection(): Connection {
  const writer = new IPCMessageWriter(process);
  const connection: Connection = createConnection(ProposedFeatures.all, new LifecycleGate(new IPCMessageReader(process), writer, (m) => connection.console.warn(m)), writer);
  return connection;
}

/** How long the server waits for the client's settings (CLOE_CONFIGURATION_TIMEOUT_MS: tests shorten it). */
const CONFIGURATION_TIMEOUT_MS = Number(process.env.CLOE_CONFIGURATION_TIMEOUT_MS) > 0 ? Number(process.env.CLOE_CONFIGURATION_TIMEOUT_MS) : 10_000;

function answeredWithin<T>(promise: Promise<T>, ms: number): Promise<{ answered: true; value: T } | { answered: false }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ answered: false }), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve({ answered: true, value })),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

export function startServer(): void {
  const heap = tuneHeap();
  const connection = process.argv.includes('--stdio') ? stdioConnection() : process.argv.includes('--node-ipc') ? ipcConnection() : createConnection(ProposedFeatures.all);
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
  const filePathOf = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };
  // Reads open documents first (unsaved edits count), then the disk.
  const loader = new ConfigLoader((p) => {
    const open = documents.get(pathToFileURL(p).href);
    if (open) return open.getText();
    try {
      return readTextFile(p).text;
    } catch {
      return undefined;
    }
  });
  const configOf = (uri: string): ResolvedConfig | undefined => {
    const p = filePathOf(uri);
    return p ? loader.forFile(p) : undefined;
  };
  const isConfigUri = (uri: string) => CONFIG_FILE_NAMES.includes(path.basename(filePathOf(uri) ?? ''));
  /** True when a path is a configuration or a grid file some configuration loads. */
  const affectsConfig = (uri: string): boolean => {
    const p = filePathOf(uri);
    if (!p) return false;
    if (CONFIG_FILE_NAMES.includes(path.basename(p))) return true;
    return documents.all().some((d) => configOf(d.uri)?.gridFiles.includes(p));
  };
  const configChanged = () => {
    generation++;
    loader.invalidate();
    for (const d of documents.all()) schedule(d.uri);
  };
  const scheduled = new Map<string, NodeJS.Immediate>();
  let settings = DEFAULT_SETTINGS;
  let clientLocale: Locale = 'en';
  let roots: string[] = [];
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

  function publish(uri: string): void {
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
      if (heap && doc.getText().length >= COLLECT_AFTER_EDIT) void sent.then(() => setImmediate(() => heap.collect(true)), () => undefined);
      else void sent;
    } catch (e) {
      connection.console.error(`validation of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Coalesces bursts of changes: one validation per document per turn of the event loop. */
  function schedule(uri: string): void {
    if (scheduled.has(uri)) return;
    scheduled.set(uri, setImmediate(() => publish(uri)));
  }

  async function refreshSettings(pushed?: unknown): Promise<void> {
    if (pushed !== undefined) settings = readSettings(pushed);
    else if (canPullConfiguration) {
      // The user's settings, then each folder's (resource-scoped values may differ per folder).
      // A client that never answers must not leave the server without settings updates for good:
      // after a while the current settings stay (one log line) and the next change asks again.
      const pulled = await answeredWithin(connection.workspace.getConfiguration([{ section: 'cloe' }, ...roots.map((r) => ({ scopeUri: pathToFileURL(r).href, section: 'cloe' }))]), CONFIGURATION_TIMEOUT_MS);
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
    roots = (params.workspaceFolders ?? []).map((f) => uriPath(f.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) {
      const p = uriPath(params.rootUri);
      if (p) roots = [p];
    }
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) settings = readSettings(init.settings);
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
    if (HEAP_POLICY_OFF) connection.console.info('CLOE_HEAP_POLICY=off: V8 collects garbage as it would by default (more memory kept for large files).');
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
    if (e.changes.some((c) => affectsConfig(c.uri))) configChanged();
  });
  documents.onDidClose((e) => {
    const pending = scheduled.get(e.document.uri);
    if (pending) clearImmediate(pending);
    scheduled.delete(e.document.uri);
    cache.delete(e.document.uri);
    editLog.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // A large file's model (~1 KB a candidate) and texts are garbage now: give them back at once
    // (V8 would wait until the heap grows by as much again, the next file opened on top of it).
    if (heap && e.document.getText().length >= COLLECT_AFTER_CLOSE) setImmediate(() => heap.collect(false));
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
      const symbols: DocumentSymbol[] = [];
      for (const cohort of result.model.cohorts) {
        if (token.isCancellationRequested) return [];
        const infos = cohortInfos(result, cohort);
        const children: DocumentSymbol[] = infos.map((info) => {
          const c = info.candidate;
          // (Read once: a lazy candidate reads its id and name again from the text at each call.)
          const id = c.id;
          const name = c.name;
          const sel = name?.span ?? id?.span ?? c.obj.span;
          return {
            name: name?.value || id?.value || '?',
            detail: [id?.value, explainOutcomeLabel(info)].filter(Boolean).join(' · '),
            kind: SymbolKind.Object,
            range: toRange(result, c.obj.span),
            selectionRange: toRange(result, sel),
          };
        });
        const sel = cohort.id?.span ?? cohort.obj.span;
        symbols.push({
          name: cohort.id?.value || cohort.name?.value || '?',
          detail: [cohort.name?.value, summaryLine(summarize(infos), locale(), attention(result.findings, cohort.obj.span))].filter(Boolean).join(' · '),
          kind: SymbolKind.Namespace,
          range: toRange(result, cohort.obj.span),
          selectionRange: toRange(result, sel),
          children,
        });
      }
      return symbols;
    }),
  );

  function explainOutcomeLabel(info: CheckResult['candidates'][number]): string {
    return outcomeText(info.outcome.kind, info.outcome.level?.code, locale(), false);
  }

  connection.onCodeLens(
    guard('codeLens', [] as CodeLens[], (params) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return [];
      const result = analyze(doc);
      return result.model.cohorts.map((cohort) => {
        const start = result.lines.position(cohort.obj.span.start);
        return {
          range: { start, end: start },
          // The outcomes view on this cohort (VS Code's cloe.showOutcomes; other editors may map it).
          command: {
            title: summaryLine(summarize(cohortInfos(result, cohort)), locale(), attention(result.findings, cohort.obj.span)),
            command: 'cloe.showOutcomes',
            arguments: [doc.uri, cohort.id?.value ?? null],
          },
        };
      });
    }),
  );

  connection.onDefinition(
    guard('definition', null as { uri: string; range: ReturnType<typeof toRange> } | null, (params) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return null;
      const result = analyze(doc);
      const at = locate(result, doc.offsetAt(params.position));
      if (at?.kind !== 'profession' || at.info.profession?.source !== 'local') return null;
      const local = result.model.professions.find((p) => p.name?.value === at.info.profession?.canonical);
      return local?.name ? { uri: doc.uri, range: toRange(result, local.name.span) } : null;
    }),
  );

  connection.languages.inlayHint.on(
    guard('inlayHint', [] as InlayHint[], (params, token) => {
      const doc = gridDocument(params.textDocument.uri);
      if (!doc) return [];
      const result = analyze(doc);
      const from = doc.offsetAt(params.range.start);
      const to = doc.offsetAt(params.range.end);
      const hints: InlayHint[] = [];
      const loc = locale();
      const hintSettings = settingsOf(params.textDocument.uri).inlayHints;
      for (const info of result.candidates) {
        const c = info.candidate;
        if (c.obj.span.end < from || c.obj.span.start > to) continue;
        if (token.isCancellationRequested) return [];
        if (hintSettings.outcome) {
          const r = c.result;
          const lastField = r?.node.map && !r.node.flow ? r.node.map.fields[r.node.map.fields.length - 1] : undefined;
          const at = lastField ? lastField.value.span.end : r ? r.node.span.end : c.id?.span.end;
          if (at !== undefined) {
            hints.push({
              position: result.lines.position(at),
              label: `⇒ ${outcomeText(info.outcome.kind, info.outcome.level?.code, loc, false)}`,
              paddingLeft: true,
              tooltip: { kind: MarkupKind.Markdown, value: explainOutcome(info, loc) },
            });
          }
        }
        if (hintSettings.defaultedThreshold && info.outcome.thresholdSource === 'recommended' && info.outcome.threshold && c.profession) {
          hints.push({
            position: result.lines.position(c.profession.span.end),
            label: render(msg('hint.defaulted-threshold', { threshold: info.outcome.threshold.code }), loc),
            paddingLeft: true,
          });
        }
      }
      return hints;
    }),
  );

  registerOutcomeRequests(connection, { gridDocument, analyze, locale, guard });

  // The server's process id: lets a client (and the crash tests) tell one server from the next.
  connection.onRequest('cloe/processId', () => process.pid);
  // Whether a file is a grid file (a configuration's `files:` included): the extension switches
  // such a file to the grid language when it opens.
  connection.onRequest('cloe/isGridFile', (params: { uri: string }) => typeof params?.uri === 'string' && isGrid(params.uri));

  connection.onRequest(
    SUMMARY_REQUEST,
    guard('summary', null as SummaryResult | null, (params: { uri: string }) => {
      const doc = gridDocument(params.uri);
      if (!doc) return null;
      const result = analyze(doc);
      const s = summarize(result.candidates);
      const a = attention(result.findings);
      // The status item: outcomes, then what needs attention (errors and warnings; hints never count).
      return { text: [...summaryParts(s, locale()).slice(1), ...attentionParts(a, locale())].join(' · '), ...s, ...a };
    }),
  );

  // Checks files that are not open (the extension's "Check Workspace"): their diagnostics stay
  // until the file is opened (then the open document wins) or checked again.
  connection.onRequest(CHECK_FILES_REQUEST, async (params: { uris: string[] }, token: CancellationToken) => {
    let errors = 0;
    let warnings = 0;
    let files = 0;
    for (const uri of params.uris ?? []) {
      if (token.isCancellationRequested) break;
      try {
        const open = documents.get(uri);
        let result: CheckResult;
        if (isConfigUri(uri)) {
          // A configuration is checked as a configuration (as the CLI's `check .` does).
          const config = loader.load(filePathOf(uri)!);
          const lines = new LineIndex(config.text ?? '');
          if (!open) void connection.sendDiagnostics({ uri, diagnostics: config.findings.map((f) => toDiagnostic(uri, { lines }, f, locale())) });
          files++;
          errors += config.findings.filter((f) => f.severity === 'error').length;
          warnings += config.findings.filter((f) => f.severity === 'warning').length;
          continue;
        }
        if (open) result = analyze(open);
        else {
          // As the CLI reads it (read-text.ts: the byte order mark gives the encoding).
          // With the configuration that applies to it, as an open document and the CLI do.
          const config = configOf(uri);
          result = checkText((await readTextFileAsync(fileURLToPath(uri))).text, config ? checkOptions(config) : {});
          void connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(uri, result, locale(), settingsOf(uri).maxDiagnostics) });
        }
        files++;
        errors += result.findings.filter((f) => f.severity === 'error').length;
        warnings += result.findings.filter((f) => f.severity === 'warning').length;
      } catch (e) {
        connection.console.error(`cannot check ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return { files, errors, warnings };
  });

  documents.listen(
    checkedSync(connection, (uri) => documents.get(uri) !== undefined, (uri) => documents.get(uri)?.version ?? 0, (m) => connection.console.warn(m)),
  );
  connection.listen();
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
}

export type { Connection };
