/**
 * The language server's web host (server/src/lsp/web-host.ts), in process: the same serve() as
 * the Node server, over paired streams, with a client that serves cloe/readFile from a virtual
 * file system (vscode-vfs://github/…, as github.dev's) mapped onto test/fixtures/config-tree.
 * What the editor shows must be the CLI's findings for the same files and configurations.
 * The real browser run is test/vscode/run-code-server.mjs --web.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CHECK_FILES_REQUEST, type CheckFilesResult, READ_FILE_REQUEST, type ReadFileResult, SERVER_HOST_REQUEST, type UriParams } from '../server/src/protocol';
import { pathOfUri, uriOfPath, webHost } from '../server/src/lsp/web-host';
import * as webPath from '../server/src/lsp/web-path';
import { pairedServer, readEntry } from './paired-server';
import { ROOT, runCli } from './helpers';

const FIXTURE = path.join(ROOT, 'test/fixtures/config-tree');
const ORIGIN = 'vscode-vfs://github';
const uriOf = (rel: string) => `${ORIGIN}/${rel}`;

describe('web host paths', () => {
  test('a URI and its path for the configuration loader: one folder per file system, round trip', () => {
    for (const [uri, p] of [
      ['vscode-vfs://github/owner/repo/a.cloe.yaml', '/vscode-vfs%3A%2F%2Fgithub/owner/repo/a.cloe.yaml'],
      ['vscode-remote://127.0.0.1:8080/work/x%20y/b.cloe.yml', '/vscode-remote%3A%2F%2F127.0.0.1%3A8080/work/x y/b.cloe.yml'],
      ['file:///home/é/c.cloe.yaml', '/file%3A%2F%2F/home/é/c.cloe.yaml'],
    ] as const) {
      assert.equal(pathOfUri(uri), p);
      assert.equal(uriOfPath(p), uri.replace('é', '%C3%A9'));
    }
    assert.equal(pathOfUri('untitled:Untitled-1'), undefined);
    // Above a file system's root: no URI, so nothing is asked of the client.
    assert.equal(uriOfPath('/cloe.config.yaml'), undefined);
    assert.equal(uriOfPath('/'), undefined);
  });

  test('web-path (node:path in the worker bundle) agrees with node:path/posix', () => {
    const cases = ['/a/b/c.yaml', '/a/b/../c', '/a/./b/', '/', '/x', 'rel/p', '/a//b'];
    for (const p of cases) {
      assert.equal(webPath.dirname(p), path.posix.dirname(path.posix.resolve('/', p)), `dirname ${p}`);
      assert.equal(webPath.basename(p), path.posix.basename(p), `basename ${p}`);
      assert.equal(webPath.isAbsolute(p), path.posix.isAbsolute(p), `isAbsolute ${p}`);
      assert.equal(webPath.resolve('/root', p), path.posix.resolve('/root', p), `resolve ${p}`);
      assert.equal(webPath.join('/root', p), path.posix.join('/root', p), `join ${p}`);
      for (const q of cases) assert.equal(webPath.relative(p, q), path.posix.relative(path.posix.resolve('/', p), path.posix.resolve('/', q)), `relative ${p} ${q}`);
    }
  });
});

describe('the language server with the web host (configurations read through the client)', () => {
  let client: ProtocolConnection;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const asked: string[] = [];
  let cli: Record<string, string[]> = {};

  before(async () => {
    client = pairedServer(webHost);
    client.onNotification(PublishDiagnosticsNotification.type, (p) => void diagnostics.set(p.uri, p));
    client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    client.onRequest('client/registerCapability', () => null);
    // The client's vscode.workspace.fs, on the fixture.
    client.onRequest(READ_FILE_REQUEST, (p: UriParams): Promise<ReadFileResult> => Promise.resolve(readVirtual(p)));
    function readVirtual(p: UriParams): ReadFileResult {
      asked.push(p.uri);
      assert.ok(p.uri.startsWith(`${ORIGIN}/`), p.uri);
      return readEntry(path.join(FIXTURE, decodeURIComponent(p.uri.slice(ORIGIN.length))));
    }
    client.listen();
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: `${ORIGIN}/`, capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: `${ORIGIN}/`, name: 'repo' }] });
    await client.sendNotification(InitializedNotification.type, {});
    const r = await runCli(['check', '--format', 'json', '.'], { cwd: FIXTURE });
    for (const f of JSON.parse(r.stdout) as { file: string; rule: string; severity: string; range: { start: { line: number; character: number } } }[]) {
      if (f.severity === 'error' || f.severity === 'warning') (cli[f.file] ??= []).push(`${f.rule} ${f.range.start.line}:${f.range.start.character}`);
    }
    cli = { 'team-a/cohorts/2026/ete.cloe.yaml': [], ...cli };
  });

  after(() => client.dispose());

  const shown = (uri: string) =>
    (diagnostics.get(uri)?.diagnostics ?? [])
      .filter((d) => d.severity !== undefined && d.severity <= 2)
      .map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`)
      .sort();

  async function until(what: string, check: () => boolean): Promise<void> {
    const deadline = Date.now() + 10000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  test('the server says it runs in a Web Worker and reads through the client', async () => {
    assert.deepEqual(await client.sendRequest(SERVER_HOST_REQUEST), { kind: 'web', reads: 'client' });
  });

  test('open files show the CLI’s findings: rules, grid: professions and files: patterns of their configuration', async () => {
    assert.ok(Object.keys(cli).length >= 4, Object.keys(cli).join(', '));
    for (const [rel, expected] of Object.entries(cli)) {
      const uri = uriOf(rel);
      // A *.yaml file that only the configuration's `files:` makes a grid file opens as plain YAML.
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: /\.cloe\.ya?ml$/.test(rel) ? 'cloe-yaml' : 'yaml', version: 1, text: readFileSync(path.join(FIXTURE, rel), 'utf8') } });
      await until(`${rel}: ${JSON.stringify(expected)} (shown: ${JSON.stringify(shown(uri))})`, () => diagnostics.has(uri) && JSON.stringify(shown(uri)) === JSON.stringify([...expected].sort()));
    }
    assert.ok(asked.includes(uriOf('team-a/cloe.config.yaml')), 'the configuration came from the client');
    assert.ok(asked.includes(uriOf('team-a/grids/metiers-locaux.cloe.yaml')), 'its grid: file too');
  });

  test('Check Workspace reads the files that are not open through the client, with their configuration', async () => {
    const rel = 'team-a/grids/metiers-locaux.cloe.yaml';
    const before = asked.length;
    const result = await client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uriOf(rel), uriOf('plain/absent.cloe.yaml')] });
    assert.equal(result.files, 1, 'the missing file is skipped');
    assert.ok(asked.slice(before).includes(uriOf(rel)));
  });
});
