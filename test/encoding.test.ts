/**
 * Encodings (issue 18, item 3): UTF-16 and UTF-32 with a byte order mark are read as the text
 * they hold, by the CLI and by the server's Check Workspace alike; a file in any other encoding
 * gets one finding naming the problem at its first place, not one per byte.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { checkText } from '../server/src/core/check';
import { render } from '../server/src/core/messages';
import { decodeText } from '../server/src/node/read-text';
import { runInProcess } from './helpers';
import { TestClient } from './lsp-client';

const GRID = 'cloe: 1\nlanguage: fr\ncohorts:\n  - id: c1\n    candidates:\n      - id: A1\n        name: Léa Müller 😀\n        profession: Chef de projet\n        threshold: B3\n        result: B2\n';

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}
function utf32(s: string, littleEndian: boolean): Buffer {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (littleEndian ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
  return b;
}

/** Each encoding YAML allows, with its byte order mark. */
const ENCODED: [string, Buffer][] = [
  ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GRID, 'utf8')])],
  ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GRID, 'utf16le')])],
  ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(GRID)])],
  ['utf-32le', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(GRID, true)])],
  ['utf-32be', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(GRID, false)])],
];

/** A Latin-1 file (what a spreadsheet may export): five accented letters, five bytes that are not UTF-8. */
const LATIN1 = Buffer.from(GRID.replace('Léa Müller 😀', 'Léa Müller').replace('id: c1', 'id: c1-été').replace('Chef de projet', 'Chef de projet ça'), 'latin1');
/** UTF-16 without a byte order mark: a NUL every other byte when read as UTF-8. */
const UTF16_NO_BOM = Buffer.from(GRID, 'utf16le');

const render1 = (f: { rule: string; message: Parameters<typeof render>[0] }) => `${f.rule}: ${render(f.message, 'en')}`;

describe('reading text in any encoding YAML allows', () => {
  test('decodeText: each byte order mark gives its encoding and the same text; without one, UTF-8', () => {
    for (const [name, bytes] of ENCODED) {
      const d = decodeText(bytes);
      assert.equal(d.text, GRID, name);
      assert.equal(d.bom, true, name);
      assert.equal(d.encoding, name.replace('-bom', ''), name);
    }
    assert.deepEqual(decodeText(Buffer.from(GRID)), { text: GRID, encoding: 'utf-8', bom: false });
    // UTF-32 units that are no character (past U+10FFFF, a surrogate, a cut last unit): U+FFFD each.
    const bad = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32('a', true), Buffer.from([0, 0, 0x11, 0]), Buffer.from([0, 0xd8, 0, 0]), Buffer.from([0x62, 0])]);
    assert.equal(decodeText(bad).text, 'a\uFFFD\uFFFD\uFFFD');
  });

  test('the core: bytes that are not UTF-8 are one finding at the first place; UTF-16 without a byte order mark is one finding and nothing else', () => {
    const latin = checkText(decodeText(LATIN1).text);
    const notUtf8 = latin.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(notUtf8.length, 1, latin.findings.map(render1).join('\n'));
    assert.equal(notUtf8[0]!.span.start, decodeText(LATIN1).text.indexOf('\uFFFD'));
    assert.match(render(notUtf8[0]!.message, 'en'), /the first of 5 in this file: the file is probably not saved as UTF-8/);
    assert.match(render(notUtf8[0]!.message, 'fr'), /le premier des 5 de ce fichier/);
    const utf16 = checkText(decodeText(UTF16_NO_BOM).text);
    assert.deepEqual(utf16.findings.map(render1), ['yaml-syntax: This file is not UTF-8 text: it holds 175 NUL characters (U+0000), the first here. It was probably saved as UTF-16 or UTF-32 without a byte order mark ("Unicode" in some Windows tools). Save it as UTF-8 (or UTF-16 with a byte order mark): nothing in it is checked until then.']);
    assert.equal(utf16.findings[0]!.span.start, 1);
    // One stray NUL is a control character, as before.
    assert.match(checkText(GRID.replace('Léa', 'L\0éa')).findings.map(render1).join('\n'), /control character U\+0000/);
  });
});

describe('the CLI and Check Workspace read every encoding the same way', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-encoding-'));
  const file = (name: string) => path.join(dir, `${name}.cloe.yaml`);
  let client: TestClient;
  before(async () => {
    fs.writeFileSync(file('utf-8'), GRID);
    for (const [name, bytes] of ENCODED) fs.writeFileSync(file(name), bytes);
    fs.writeFileSync(file('latin1'), LATIN1);
    fs.writeFileSync(file('utf-16-no-bom'), UTF16_NO_BOM);
    client = new TestClient({ workspaceFolder: dir });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  interface JsonFinding {
    file: string;
    rule: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }
  const cliFindings = async (name: string) => {
    const r = await runInProcess(['check', '--format', 'json', file(name)]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return (JSON.parse(r.stdout) as JsonFinding[]).map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`);
  };
  const workspaceFindings = async (name: string) => {
    const u = pathToFileURL(file(name)).href;
    const wait = client.waitDiagnostics(u);
    await client.connection.sendRequest('cloe/checkFiles', { uris: [u] });
    return (await wait).diagnostics.map((d: Diagnostic) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.message)}`);
  };

  test('UTF-8 with a BOM, UTF-16 and UTF-32 (LE, BE) with a BOM: the findings of the UTF-8 file, in the CLI and in Check Workspace', async () => {
    const expected = await cliFindings('utf-8');
    assert.ok(expected.some((f) => f.startsWith('invalid-level 8:19-8:21')), expected.join('\n'));
    assert.deepEqual(await workspaceFindings('utf-8'), expected);
    for (const [name] of ENCODED) {
      assert.deepEqual(await cliFindings(name), expected, `CLI, ${name}`);
      assert.deepEqual(await workspaceFindings(name), expected, `Check Workspace, ${name}`);
    }
  });

  test('Latin-1 and UTF-16 without a byte order mark: one finding naming the encoding problem, in both', async () => {
    for (const name of ['latin1', 'utf-16-no-bom']) {
      const cli = await cliFindings(name);
      assert.equal(cli.filter((f) => f.startsWith('yaml-syntax')).length, 1, cli.join('\n'));
      assert.deepEqual(await workspaceFindings(name), cli, name);
    }
    assert.match((await cliFindings('latin1')).join('\n'), /yaml-syntax 3:11-3:12 Unreadable character \(U\+FFFD\), the first of 5/);
    assert.deepEqual((await cliFindings('utf-16-no-bom')).map((f) => f.slice(0, 42)), ['yaml-syntax 0:1-0:2 This file is not UTF-8']);
  });
});
