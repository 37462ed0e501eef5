/**
 * Reads the client's messages from a stream (`--stdio`): `Content-Length` framing, UTF-8 JSON
 * bodies, as vscode-jsonrpc's own reader, but each chunk is decoded as it arrives.
 *
 * Why not vscode-jsonrpc's reader: it keeps every chunk of a message, then copies them into one
 * buffer of the message's size. Opening a 15 MB file then takes two 15 MB blocks from the C heap
 * (malloc), and after the first one the C library keeps such blocks on its own heap instead of
 * giving them back to the system: ~30 MB more resident for as long as the server runs
 * (measured: bench/RESULTS.md, peak memory). Here a chunk is garbage as soon as it is decoded.
 */
import { StringDecoder } from 'node:string_decoder';
import { AbstractMessageReader, type DataCallback, Disposable, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Headers longer than this are not LSP headers: the stream is not what we think. */
const MAX_HEADER_BYTES = 8192;

export class ChunkedMessageReader extends AbstractMessageReader {
  /** Header bytes received so far (a header may arrive in pieces). */
  private header: Buffer = Buffer.alloc(0);
  /** Body bytes still to come; -1 while reading headers. */
  private remaining = -1;
  private decoder = new StringDecoder('utf8');
  private parts: string[] = [];
  /** Why the body being read is skipped (its header said something we cannot read). */
  private skip: string | undefined;

  constructor(private readonly input: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string) => {
      try {
        this.consume(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, callback);
      } catch (e) {
        this.fireError(e);
      }
    };
    const onError = (e: unknown) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
    });
  }

  private consume(chunk: Buffer, callback: DataCallback): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining < 0) {
        at = this.readHeader(chunk, at);
        if (this.remaining === 0) this.deliver(callback);
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - at);
      this.parts.push(this.decoder.write(chunk.subarray(at, at + take)));
      at += take;
      this.remaining -= take;
      if (this.remaining === 0) this.deliver(callback);
    }
  }

  /** Reads header bytes from `chunk` at `at`; returns where the body starts (or the chunk's end). */
  private readHeader(chunk: Buffer, at: number): number {
    const held = this.header.length;
    const bytes = held > 0 ? Buffer.concat([this.header, chunk.subarray(at)]) : chunk.subarray(at);
    const end = bytes.indexOf(HEADER_END);
    if (end < 0) {
      if (bytes.length > MAX_HEADER_BYTES) {
        this.header = Buffer.alloc(0);
        throw new Error(`no end of the message header after ${MAX_HEADER_BYTES} bytes`);
      }
      // (A copy: a view would keep the whole chunk.)
      this.header = Buffer.from(bytes);
      return chunk.length;
    }
    const next = at + (end + HEADER_END.length - held);
    this.header = Buffer.alloc(0);
    const { length, problem } = readHeaders(bytes.toString('ascii', 0, end));
    if (length === undefined) {
      // Said; the next header may be right.
      this.fireError(new Error(problem));
      return next;
    }
    // A body we cannot read is skipped (its length is known), and said when it ends.
    this.skip = problem;
    this.remaining = length;
    this.decoder = new StringDecoder('utf8');
    this.parts = [];
    return next;
  }

  private deliver(callback: DataCallback): void {
    this.parts.push(this.decoder.end());
    const body = this.parts.join('');
    this.parts = [];
    this.remaining = -1;
    if (this.skip !== undefined) {
      this.fireError(new Error(this.skip));
      this.skip = undefined;
      return;
    }
    let message: Message;
    try {
      message = JSON.parse(body) as Message;
    } catch (e) {
      this.fireError(new Error(`a message is not JSON: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    try {
      callback(message);
    } catch (e) {
      // (Reported; the messages after it in the same chunk are still read.)
      this.fireError(e);
    }
  }
}

/** The Content-Length of a message's headers, and what in them LSP does not allow. */
function readHeaders(headers: string): { length?: number; problem?: string } {
  let length: number | undefined;
  let problem: string | undefined;
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return { problem: `a message header line has no colon: ${JSON.stringify(line.slice(0, 100))}` };
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d+$/.test(value)) return { problem: `Content-Length is not a number: ${JSON.stringify(value.slice(0, 100))}` };
      length = Number(value);
    } else if (name === 'content-type') {
      const charset = /charset=([^;]+)/i.exec(value)?.[1]?.trim().toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') problem = `only UTF-8 messages are read, not ${charset}: the message is skipped`;
    }
  }
  if (length === undefined) return { problem: 'a message header has no Content-Length: the message is skipped' };
  return problem === undefined ? { length } : { length, problem };
}
