/** A real LSP client for tests: spawns `cloe-grid --stdio` and speaks JSON-RPC to it. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { CLI, ROOT } from './helpers';

export interface ClientOptions {
  locale?: string;
  settings?: Record<string, unknown>;
  workspaceFolder?: string;
  /** More environment variables for the server. */
  env?: Record<string, string>;
  /** false: never answer workspace/configuration (a client that hangs). */
  answerConfiguration?: boolean;
  /** Sent as initializationOptions. */
  initializationOptions?: unknown;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  /** Called with every publishDiagnostics, in order of arrival. */
  readonly publishListeners: ((p: PublishDiagnosticsParams) => void)[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  private waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  private refreshes = 0;
  private refreshWaiters: (() => void)[] = [];

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [CLI, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.process.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      for (const listen of this.publishListeners) listen(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }): Promise<unknown[]> | unknown[] =>
      options.answerConfiguration === false ? new Promise<unknown[]>(() => undefined) : p.items.map((i) => (i.section === 'cloe' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => {
      this.refreshes++;
      const waiters = this.refreshWaiters;
      this.refreshWaiters = [];
      waiters.forEach((w) => w());
      return null;
    });
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const folder = this.options.workspaceFolder ?? ROOT;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
      locale: this.options.locale ?? 'en',
      ...(this.options.initializationOptions !== undefined ? { initializationOptions: this.options.initializationOptions } : {}),
      capabilities: {
        workspace: { configuration: true, inlayHint: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          inlayHint: {},
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Waits for the next diagnostics of a uri that satisfy pred (e.g. a version). */
  waitDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const wait = this.waitDiagnostics(uri, (p) => p.version === 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return wait;
  }

  /** Opens a document without waiting for diagnostics (for files that get none). */
  async openOnly(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const wait = this.waitDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return wait;
  }

  async changeNoWait(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const wait = this.waitDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return wait;
  }

  /** Changes the settings and waits until the server has read them (it then asks to refresh inlay hints). */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    const refreshed = new Promise<void>((resolve) => this.refreshWaiters.push(resolve));
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { cloe: settings } });
    await refreshed;
  }

  /** What an editor sends when files change on disk (the server registered a watcher). */
  async filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => (this.process.kill(), resolve()), 2000);
        this.process.once('exit', () => (clearTimeout(t), resolve()));
      });
    }
  }
}

export function diagnosticKey(d: Diagnostic): string {
  return `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}
