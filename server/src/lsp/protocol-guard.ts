/**
 * Input the protocol does not allow, caught before the handlers see it (issue 18). The rule:
 * nothing is logged for what the protocol allows (a character past the end of its line, a
 * request about a document that is not open, a cancelled request); one clear line for what it
 * does not (a request before `initialize` or after `shutdown`, a reversed range, a change to a
 * document that is not open, a `didOpen` without text); never a crash, never a lost document.
 */
import {
  type DataCallback,
  type DidChangeTextDocumentParams,
  type DidOpenTextDocumentParams,
  type Disposable,
  ErrorCodes,
  type Event,
  type Message,
  type MessageReader,
  type MessageWriter,
  type PartialMessageInfo,
  type Position,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** What TextDocuments.listen needs of a connection (the library does not export the type). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export type Log = (message: string) => void;

type Phase = 'new' | 'running' | 'shutdown';

interface RawMessage {
  id?: number | string | null;
  method?: string;
}

/**
 * A reader that answers, itself, the requests the server must refuse: before `initialize`
 * (ServerNotInitialized, -32002) and after `shutdown` (InvalidRequest); notifications then are
 * dropped (but `exit`). The handlers behind it never run in a state they were not written for.
 */
export class LifecycleGate implements MessageReader {
  private phase: Phase = 'new';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly log: Log,
  ) {}

  get onError(): Event<Error> {
    return this.inner.onError;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  private admit(message: Message): boolean {
    const m = message as RawMessage;
    if (typeof m.method !== 'string') return true; // a response to one of our requests
    const isRequest = m.id !== undefined && m.id !== null;
    // $/ messages (cancel, progress, trace) may be ignored by a server at any time.
    if (m.method.startsWith('$/')) return this.phase === 'running';
    if (m.method === 'exit') return true;
    if (this.phase === 'new') {
      if (m.method === 'initialize' && isRequest) {
        this.phase = 'running';
        return true;
      }
      this.refuse(m, isRequest, ErrorCodes.ServerNotInitialized, 'the server is not initialized yet (send "initialize" first)');
      return false;
    }
    if (this.phase === 'shutdown') {
      this.refuse(m, isRequest, ErrorCodes.InvalidRequest, 'the server is shut down (only "exit" is accepted now)');
      return false;
    }
    if (m.method === 'initialize') {
      this.refuse(m, isRequest, ErrorCodes.InvalidRequest, 'the server is already initialized');
      return false;
    }
    if (m.method === 'shutdown' && isRequest) this.phase = 'shutdown';
    return true;
  }

  private refuse(m: RawMessage, isRequest: boolean, code: number, why: string): void {
    this.log(`ignored ${isRequest ? 'request' : 'notification'} "${m.method}": ${why}`);
    if (!isRequest) return;
    void this.writer.write({ jsonrpc: '2.0', id: m.id ?? null, error: { code, message: `${m.method}: ${why}` } } as Message).catch(() => undefined);
  }
}

function isPosition(p: unknown): p is Position {
  const x = p as Partial<Position> | null | undefined;
  return !!x && typeof x === 'object' && Number.isFinite(x.line) && Number.isFinite(x.character);
}

const show = (p: Position) => `${p.line}:${p.character}`;

/**
 * The changes of one didChange as the text document will apply them: a reversed range is read
 * the right way round (as the editor's document does), a change without a string `text` or with
 * a malformed range cannot be applied. Returns the changes to apply and one log line when
 * something was not what the protocol says (undefined when all was).
 */
export function checkChanges(uri: string, changes: unknown): { changes: TextDocumentContentChangeEvent[]; problem?: string } {
  if (!Array.isArray(changes)) return { changes: [], problem: `didChange of ${uri} has no contentChanges: ignored` };
  const out: TextDocumentContentChangeEvent[] = [];
  const problems: string[] = [];
  for (const [i, raw] of changes.entries()) {
    const c = raw as { text?: unknown; range?: unknown } | null;
    if (!c || typeof c !== 'object' || typeof c.text !== 'string') {
      problems.push(`change ${i + 1} has no text (ignored; the document may now differ from the editor's)`);
      continue;
    }
    if (c.range === undefined || c.range === null) {
      out.push({ text: c.text });
      continue;
    }
    const r = c.range as Partial<Range>;
    if (!isPosition(r.start) || !isPosition(r.end)) {
      problems.push(`change ${i + 1} has a malformed range (ignored; the document may now differ from the editor's)`);
      continue;
    }
    const reversed = r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character);
    if (reversed) problems.push(`change ${i + 1} has a reversed range ${show(r.start)}–${show(r.end)} (read as ${show(r.end)}–${show(r.start)})`);
    if (r.start.line < 0 || r.end.line < 0 || r.start.character < 0 || r.end.character < 0) problems.push(`change ${i + 1} has a negative position (read as 0)`);
    const start = reversed ? r.end : r.start;
    const end = reversed ? r.start : r.end;
    out.push({ range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } }, text: c.text });
  }
  return { changes: out, problem: problems.length > 0 ? `didChange of ${uri}: ${problems.join('; ')}` : undefined };
}

/**
 * The text synchronisation notifications, checked before TextDocuments applies them: what
 * `documents.listen` receives instead of the connection itself.
 */
export function checkedSync(connection: TextDocumentConnection, isOpen: (uri: string) => boolean, versionOf: (uri: string) => number, log: Log): TextDocumentConnection {
  return {
    onDidOpenTextDocument: (handler) =>
      connection.onDidOpenTextDocument((params, ...rest) => {
        const td = params?.textDocument as Partial<DidOpenTextDocumentParams['textDocument']> | undefined;
        if (!td || typeof td.uri !== 'string') return log('didOpen without a document uri: ignored');
        const problems: string[] = [];
        if (typeof td.text !== 'string') problems.push('no text (opened as empty)');
        if (typeof td.version !== 'number') problems.push('no version (read as 0)');
        if (isOpen(td.uri)) problems.push('the document was already open (its text replaced)');
        if (problems.length > 0) log(`didOpen of ${td.uri}: ${problems.join('; ')}`);
        const textDocument = { uri: td.uri, languageId: typeof td.languageId === 'string' ? td.languageId : '', version: typeof td.version === 'number' ? td.version : 0, text: typeof td.text === 'string' ? td.text : '' };
        return handler({ textDocument }, ...rest);
      }),
    onDidChangeTextDocument: (handler) =>
      connection.onDidChangeTextDocument((params, ...rest) => {
        const td = params?.textDocument as Partial<DidChangeTextDocumentParams['textDocument']> | undefined;
        if (!td || typeof td.uri !== 'string') return log('didChange without a document uri: ignored');
        if (!isOpen(td.uri)) return log(`didChange of ${td.uri}, which is not open: ignored`);
        const { changes, problem } = checkChanges(td.uri, params.contentChanges);
        let version = td.version;
        const problems = problem ? [problem] : [];
        if (typeof version !== 'number') {
          version = versionOf(td.uri) + 1;
          problems.push(`didChange of ${td.uri} has no version (read as ${version})`);
        }
        if (problems.length > 0) log(problems.join('; '));
        return handler({ textDocument: { uri: td.uri, version }, contentChanges: changes }, ...rest);
      }),
    onDidCloseTextDocument: (handler) =>
      connection.onDidCloseTextDocument((params, ...rest) => {
        const uri = params?.textDocument?.uri;
        if (typeof uri !== 'string' || !isOpen(uri)) return log(`didClose of ${String(uri)}, which is not open: ignored`);
        return handler(params, ...rest);
      }),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(handler),
  };
}
