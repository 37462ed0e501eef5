/**
 * The benchmark's LSP client: spawns a language server over stdio and drives it with the same
 * code whichever server it is. Every measure starts when the notification/request is handed to
 * the connection and stops when the answer (publishDiagnostics, or the response) arrives.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
  type Position,
  type CompletionItem,
  type CompletionList,
  type Hover,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  /** Short name used in the results ("cloe-grid", "yaml-language-server"). */
  name: string;
  /** Arguments of `node` (the server runs in a node process we spawn ourselves: its pid is the server's). */
  args: string[];
  /** Answers workspace/configuration for one section (null when the server has no such section). */
  configuration: (section: string | undefined) => unknown;
  /**
   * Whether the server puts the document version into publishDiagnostics. When it does, we wait
   * for the diagnostics of exactly the version we sent; otherwise for the next publish for the uri.
   */
  versionedDiagnostics: boolean;
}

interface Waiter {
  uri: string;
  pred: (p: PublishDiagnosticsParams) => boolean;
  resolve: (v: { params: PublishDiagnosticsParams; at: number }) => void;
}

/** Peak RSS of a process: VmHWM from /proc (the kernel's high-water mark), plus our own sampling of VmRSS. */
export class MemorySampler {
  private maxRssKb = 0;
  private timer: NodeJS.Timeout;
  constructor(private readonly pid: number, everyMs = 50) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }
  private read(): { rss: number; hwm: number } | undefined {
    try {
      const s = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0);
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0);
      return { rss, hwm };
    } catch {
      return undefined;
    }
  }
  sample(): void {
    const v = this.read();
    if (v) this.maxRssKb = Math.max(this.maxRssKb, v.rss, v.hwm);
  }
  /** Peak resident memory so far, in bytes. */
  peakBytes(): number {
    this.sample();
    return this.maxRssKb * 1024;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export class BenchClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly memory: MemorySampler;
  stderr = '';
  /** Every publishDiagnostics received, last one per uri. */
  readonly last = new Map<string, PublishDiagnosticsParams>();
  configurationAnswered = 0;
  private waiters: Waiter[] = [];
  private configWaiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  constructor(readonly spec: ServerSpec, readonly root: string) {
    this.process = spawn(process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: root });
    this.process.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (this.stderr.length < 100_000) this.stderr += d;
    });
    this.memory = new MemorySampler(this.process.pid!);
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = performance.now();
      this.last.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve({ params: p, at });
          return false;
        }
        return true;
      });
    });
    // Logs, telemetry, progress: not measured.
    this.connection.onUnhandledNotification(() => undefined);
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      const answer = p.items.map((i) => spec.configuration(i.section) ?? null);
      this.configurationAnswered++;
      const ws = this.configWaiters;
      this.configWaiters = [];
      ws.forEach((w) => w());
      return answer;
    });
    // Registrations, progress, refreshes …: accept.
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'window/showMessageRequest',
      'workspace/inlayHint/refresh',
      'workspace/codeLens/refresh',
      'workspace/semanticTokens/refresh',
      'workspace/diagnostic/refresh',
    ])
      this.connection.onRequest(method, () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(root).href, name: 'bench' }]);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.root).href;
    const configPulled = new Promise<void>((resolve) => this.configWaiters.push(resolve));
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          inlayHint: {},
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    // Both servers pull their settings after `initialized`: wait for that, then let them apply it.
    await Promise.race([configPulled, sleep(5000)]);
    await sleep(300);
  }

  private waitDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.spec.name}: no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter: Waiter = { uri, pred, resolve: (v) => (clearTimeout(timer), resolve(v)) };
      this.waiters.push(waiter);
    });
  }

  private diagnosticsOf(uri: string, version: number, timeoutMs: number) {
    return this.waitDiagnostics(uri, (p) => !this.spec.versionedDiagnostics || p.version === version, timeoutMs);
  }

  /**
   * didOpen → first publishDiagnostics; returns the time in ms and the diagnostics. Each open gets
   * a version never used before for this uri, so that no server can answer from a cache of a
   * previous open of the same text (yaml-language-server caches parsed documents by uri+version).
   */
  async open(uri: string, text: string, timeoutMs: number): Promise<{ ms: number; params: PublishDiagnosticsParams }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const wait = this.diagnosticsOf(uri, version, timeoutMs);
    const t0 = performance.now();
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    const { params, at } = await wait;
    return { ms: at - t0, params };
  }

  /** didChange (incremental) → the publishDiagnostics of that version (or the next publish). */
  async change(uri: string, changes: TextDocumentContentChangeEvent[], timeoutMs: number): Promise<{ ms: number; params: PublishDiagnosticsParams }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const wait = this.diagnosticsOf(uri, version, timeoutMs);
    const t0 = performance.now();
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    const { params, at } = await wait;
    return { ms: at - t0, params };
  }

  /** didClose → the empty diagnostics both servers publish on close (not timed). */
  async close(uri: string, timeoutMs: number): Promise<void> {
    const wait = this.waitDiagnostics(uri, (p) => p.diagnostics.length === 0, timeoutMs);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await wait;
  }

  async hover(uri: string, position: Position): Promise<{ ms: number; value: Hover | null }> {
    const t0 = performance.now();
    const value = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    return { ms: performance.now() - t0, value };
  }

  async completion(uri: string, position: Position): Promise<{ ms: number; value: CompletionItem[] | CompletionList | null }> {
    const t0 = performance.now();
    const value = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: 1 } });
    return { ms: performance.now() - t0, value };
  }

  async stop(): Promise<void> {
    this.memory.stop();
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), sleep(5000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    if (this.process.exitCode === null && this.process.signalCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => (this.process.kill(), resolve()), 3000);
        this.process.once('exit', () => (clearTimeout(t), resolve()));
      });
    }
    this.connection.dispose();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
