/**
 * The language server's reader of stdin (server/src/lsp/stdio-reader.ts): LSP framing, messages
 * split anywhere (in a header, inside a UTF-8 character), several per chunk, and bad input that
 * is reported without losing the messages after it. (The LSP tests use it for every message too.)
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { ChunkedMessageReader } from '../server/src/lsp/stdio-reader';
import { rng } from './generate';

function frame(body: string, headers = ''): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n${headers}\r\n`, 'ascii'), bytes]);
}

/** Feeds `chunks` to a reader; returns the messages and the errors it gave. */
function read(chunks: Buffer[]): { messages: Message[]; errors: string[] } {
  const input = new PassThrough();
  const reader = new ChunkedMessageReader(input);
  const messages: Message[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  // PassThrough emits 'data' synchronously on write once a listener is attached.
  for (const c of chunks) input.write(c);
  return { messages, errors };
}

/** Cuts a buffer at random places (one-byte pieces included). */
function cut(bytes: Buffer, seed: number): Buffer[] {
  const r = rng(seed);
  const out: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const n = r() < 0.3 ? 1 : 1 + Math.floor(r() * 40);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

const TEXT = 'cohorts:\n  - name: Alsace — allemand des affaires\n    note: 🎓 Élodie, Zoë\n';
const MESSAGES: Message[] = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { locale: 'fr' } } as Message,
  { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.cloe.yaml', text: TEXT } } } as Message,
  { jsonrpc: '2.0', id: 2, method: 'shutdown' } as Message,
];

describe('stdin reader of the language server', () => {
  test('reads messages whole, in order, however the stream cuts them (200 random cuttings)', () => {
    const stream = Buffer.concat(MESSAGES.map((m) => frame(JSON.stringify(m))));
    for (let seed = 1; seed <= 200; seed++) {
      const { messages, errors } = read(cut(stream, seed));
      assert.deepEqual(errors, [], `seed ${seed}`);
      assert.deepEqual(messages, MESSAGES, `seed ${seed}`);
    }
  });

  test('reads several messages from one chunk, and a Content-Type in UTF-8', () => {
    const one = Buffer.concat([frame(JSON.stringify(MESSAGES[0])), frame(JSON.stringify(MESSAGES[1]), 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n')]);
    assert.deepEqual(read([one]).messages, MESSAGES.slice(0, 2));
  });

  test('reports a header without Content-Length, a charset it cannot read and a body that is not JSON, then reads on', () => {
    const good = frame(JSON.stringify(MESSAGES[2]));
    const { messages, errors } = read([
      Buffer.from('Content-Type: application/json\r\n\r\n', 'ascii'),
      good,
      frame('{"jsonrpc": "2.0", "method": "x"', ''),
      good,
      frame(JSON.stringify(MESSAGES[0]), 'Content-Type: application/json; charset=latin1\r\n'),
      good,
    ]);
    assert.equal(errors.length, 3, errors.join('\n'));
    assert.match(errors[0]!, /no Content-Length/);
    assert.match(errors[1]!, /not JSON/);
    assert.match(errors[2]!, /only UTF-8 messages are read, not latin1/);
    assert.deepEqual(messages, [MESSAGES[2], MESSAGES[2], MESSAGES[2]]);
  });

  test('a handler that throws is reported, and the messages after it in the same chunk are still read', () => {
    const input = new PassThrough();
    const reader = new ChunkedMessageReader(input);
    const got: string[] = [];
    reader.onError((e) => got.push(`error: ${e.message}`));
    reader.listen((m) => {
      got.push(String((m as { id?: number }).id));
      if ((m as { id?: number }).id === 1) throw new Error('handler failed');
    });
    input.write(Buffer.concat([frame('{"jsonrpc":"2.0","id":1,"method":"a"}'), frame('{"jsonrpc":"2.0","id":2,"method":"b"}')]));
    assert.deepEqual(got, ['1', 'error: handler failed', '2']);
  });

  test('gives up on a header that never ends, and says so', () => {
    const { errors } = read([Buffer.from('X'.repeat(10_000), 'ascii')]);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /no end of the message header/);
  });
});
