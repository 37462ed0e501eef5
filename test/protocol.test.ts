/**
 * Malformed and unusual protocol input (issue 18, item 2), over JSON-RPC to the spawned server:
 * no log line for what the protocol allows, one clear line for what it does not, never a crash
 * or a lost document.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type Diagnostic, ResponseError } from 'vscode-languageserver-protocol/node';
import { ROOT } from './helpers';
import { TestClient } from './lsp-client';

const GRID = 'cloe: 1\ncohorts:\n  - id: c1\n    candidates:\n      - id: A1\n        name: Ann\n        profession: Cuisinier\n        result: B2\n      - id: A1\n        name: Bob\n        profession: Cuisinier\n';
const uri = (name: string) => pathToFileURL(path.join(ROOT, 'test-workspace', name)).href;

const shape = (ds: Diagnostic[]) => ds.map((d) => `${String(d.code)} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.message)}`).sort();

let fresh = 0;
/** The diagnostics of a new document holding `text`. */
async function freshDiagnostics(client: TestClient, text: string): Promise<string[]> {
  const u = uri(`fresh-${fresh++}.cloe.yaml`);
  const p = await client.open(u, text);
  await client.close(u);
  return shape(p.diagnostics);
}

/** Waits until the server has handled everything sent so far (messages are handled in order), and returns the new log lines. */
async function logsSince(client: TestClient, from: number): Promise<string[]> {
  await client.connection.sendRequest('cloe/processId');
  return client.logs.slice(from);
}

describe('malformed protocol input', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  test('a reversed range is read the right way round: one log line, the same diagnostics as a fresh document', async () => {
    const u = uri('reversed.cloe.yaml');
    await client.open(u, GRID);
    const from = client.logs.length;
    // Deletes "Bob" (line 9, characters 14-17), the range given end first.
    const p = await client.change(u, [{ range: { start: { line: 9, character: 17 }, end: { line: 9, character: 14 } }, text: 'Zoé' }]);
    const text = GRID.replace('name: Bob', 'name: Zoé');
    assert.deepEqual(shape(p.diagnostics), await freshDiagnostics(client, text));
    const logs = await logsSince(client, from);
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0]!, /reversed\.cloe\.yaml: change 1 has a reversed range 9:17–9:14 \(read as 9:14–9:17\)/);
    // The next edits go on from the right text (incremental validation did not lose track).
    const q = await client.change(u, [{ range: { start: { line: 8, character: 12 }, end: { line: 8, character: 14 } }, text: 'B7' }]);
    assert.deepEqual(shape(q.diagnostics), await freshDiagnostics(client, text.replace('- id: A1\n        name: Zoé', '- id: B7\n        name: Zoé')));
    assert.deepEqual(await logsSince(client, from + 1), []);
  });

  test('the lone-CR join of issue 18 over the protocol: the edited document says the line a fresh one says', async () => {
    const text = 'cohorts:\n  - id: F091\n    candidates:\n      - id: F01 x\r\n        result: B1\rx\n      - id: F04\n      - id: F04\n';
    const u = uri('lone-cr.cloe.yaml');
    await client.open(u, text);
    const p = await client.change(u, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } }, text: '' }]);
    const joined = text.replace('\rx\n', '\r\n');
    assert.deepEqual(shape(p.diagnostics), await freshDiagnostics(client, joined));
    assert.match(shape(p.diagnostics).join('\n'), /already used in this file \(line 6\)/);
  });

  test('positions past the end of a line or of the document (the protocol allows them): no log line', async () => {
    const u = uri('past-end.cloe.yaml');
    await client.open(u, GRID);
    const from = client.logs.length;
    // Past the end of line 5: the end of that line. Past the last line: the end of the document.
    const p = await client.change(u, [
      { range: { start: { line: 5, character: 99 }, end: { line: 5, character: 120 } }, text: ' Smith' },
      { range: { start: { line: 400, character: 0 }, end: { line: 401, character: 3 } }, text: '        notes: x\n' },
    ]);
    const text = GRID.replace('name: Ann', 'name: Ann Smith') + '        notes: x\n';
    assert.deepEqual(shape(p.diagnostics), await freshDiagnostics(client, text));
    assert.deepEqual(await logsSince(client, from), []);
  });

  test('didOpen without text: opened as empty, one log line, no error at each validation; edits then work', async () => {
    const u = uri('no-text.cloe.yaml');
    const from = client.logs.length;
    const wait = client.waitDiagnostics(u, (p) => p.version === 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1 } });
    const p = await wait;
    assert.deepEqual(shape(p.diagnostics), await freshDiagnostics(client, ''));
    const q = await client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: GRID }]);
    assert.deepEqual(shape(q.diagnostics), await freshDiagnostics(client, GRID));
    const logs = await logsSince(client, from);
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0]!, /didOpen of .*no-text\.cloe\.yaml: no text \(opened as empty\)/);
  });

  test('changes and closes of documents that are not open, changes without text or version: one line each, nothing lost', async () => {
    const u = uri('kept.cloe.yaml');
    await client.open(u, GRID);
    const from = client.logs.length;
    const ghost = uri('ghost.cloe.yaml');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    // A change without text is dropped; the whole-text change after it still applies.
    const wait = client.waitDiagnostics(u, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, { text: GRID.replace('Bob', 'Bea') }] });
    const p = await wait;
    assert.deepEqual(shape(p.diagnostics), await freshDiagnostics(client, GRID.replace('Bob', 'Bea')));
    // No version: read as the next one.
    const wait3 = client.waitDiagnostics(u, (x) => x.version === 3);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u }, contentChanges: [{ text: GRID }] });
    assert.deepEqual(shape((await wait3).diagnostics), await freshDiagnostics(client, GRID));
    const logs = await logsSince(client, from);
    assert.equal(logs.length, 4, logs.join('\n'));
    assert.match(logs[0]!, /didChange of .*ghost\.cloe\.yaml, which is not open: ignored/);
    assert.match(logs[1]!, /didClose of .*ghost\.cloe\.yaml, which is not open: ignored/);
    assert.match(logs[2]!, /change 1 has no text \(ignored/);
    assert.match(logs[3]!, /has no version \(read as 3\)/);
    // Requests about a document that is not open are allowed: an empty answer, no log line.
    const h = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: ghost }, position: { line: 0, character: 0 } });
    assert.equal(h, null);
    assert.deepEqual(await logsSince(client, from + 4), []);
  });

  test('cancelled long requests answer at once with what they have, and log nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-cancel-'));
    const uris: string[] = [];
    for (let i = 0; i < 400; i++) {
      const f = path.join(dir, `g${i}.cloe.yaml`);
      fs.writeFileSync(f, GRID);
      uris.push(pathToFileURL(f).href);
    }
    const from = client.logs.length;
    const source = new CancellationTokenSource();
    const answer = client.connection.sendRequest('cloe/checkFiles', { uris }, source.token) as Promise<{ files: number }>;
    // Cancelled at once: the server sees the cancellation at its first await, whatever the load.
    source.cancel();
    const got = await answer.catch((e: unknown) => (e instanceof ResponseError ? { files: -1 } : Promise.reject(e)));
    assert.ok(got.files < uris.length, `checked ${got.files} files of ${uris.length} after the cancellation`);
    // A cancelled outline request: an answer (empty or whole), no error.
    const u = uri('kept.cloe.yaml');
    const s2 = new CancellationTokenSource();
    const outline = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } }, s2.token);
    s2.cancel();
    assert.ok(Array.isArray(await outline.catch(() => [])));
    assert.deepEqual(await logsSince(client, from), []);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the server lifecycle', () => {
  test('requests before initialize get ServerNotInitialized, notifications are dropped: one line each; then initialize works', async () => {
    const client = new TestClient();
    try {
      const u = uri('early.cloe.yaml');
      await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 0 } }), (e: unknown) => e instanceof ResponseError && e.code === -32002);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1, text: GRID } });
      await client.initialize();
      const logs = await logsSince(client, 0);
      assert.equal(logs.length, 2, logs.join('\n'));
      assert.match(logs[0]!, /ignored request "textDocument\/hover": the server is not initialized yet/);
      assert.match(logs[1]!, /ignored notification "textDocument\/didOpen": the server is not initialized yet/);
      // The document opened too early is not open; opened now, it is validated.
      const p = await client.open(u, GRID);
      assert.ok(p.diagnostics.some((d) => d.code === 'duplicate-id'));
      // A second initialize is refused.
      await assert.rejects(client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }), (e: unknown) => e instanceof ResponseError && e.code === -32600);
    } finally {
      await client.stop();
    }
  });

  test('after shutdown: requests get InvalidRequest, exit ends the process with 0', async () => {
    const client = new TestClient();
    await client.initialize();
    await client.connection.sendRequest('shutdown');
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('x.cloe.yaml') }, position: { line: 0, character: 0 } }), (e: unknown) => e instanceof ResponseError && e.code === -32600);
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 0);
    assert.equal(client.logs.filter((l) => /ignored request "textDocument\/hover": the server is shut down/.test(l)).length, 1, client.logs.join('\n'));
    client.connection.dispose();
  });

  test('a client that never answers workspace/configuration: documents are still validated, one log line, the server keeps answering', async () => {
    const client = new TestClient({ answerConfiguration: false, env: { CLOE_CONFIGURATION_TIMEOUT_MS: '200' } });
    try {
      await client.initialize();
      const u = uri('hang.cloe.yaml');
      const p = await client.open(u, GRID);
      assert.ok(p.diagnostics.some((d) => d.code === 'duplicate-id'));
      // The server gives up after 200 ms: wait for its log line (a loaded machine may take longer).
      const timedOut = (l: string) => /did not answer workspace\/configuration within 200 ms/.test(l);
      for (let waited = 0; !client.logs.some(timedOut) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      const logs = await logsSince(client, 0);
      assert.equal(logs.filter(timedOut).length, 1, logs.join('\n'));
      const q = await client.change(u, [{ text: GRID.replace('id: A1\n        name: Bob', 'id: A2\n        name: Bob') }]);
      assert.ok(!q.diagnostics.some((d) => d.code === 'duplicate-id'));
    } finally {
      await client.stop();
    }
  });
});
