/**
 * What the VS Code extension relies on in the server (issue 14): documents of the `cloe-yaml`
 * language are grid files (untitled ones included), `cloe/isGridFile` answers for files a
 * configuration declares, settings are read per workspace folder, and the server watches grid
 * files and configurations only.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { InlayHint } from 'vscode-languageserver/node';
import { ROOT } from './helpers';
import { TestClient } from './lsp-client';

const GRID = `cloe: 1
cohorts:
  - id: c1
    candidates:
      - id: A1
        profession: Chef de projet
        result: B2
`;
const TREE = path.join(ROOT, 'test/fixtures/config-tree');
const fileUri = (rel: string) => pathToFileURL(path.join(TREE, rel)).href;

describe('the server as the VS Code extension uses it', () => {
  let client: TestClient;
  const registrations: unknown[] = [];
  /** What the client answers to workspace/configuration: per scope (a folder's uri, or '' for the user's). */
  const scoped = new Map<string, Record<string, unknown>>();

  before(async () => {
    client = new TestClient({ workspaceFolder: path.join(TREE, 'team-a') });
    client.connection.onRequest('client/registerCapability', (p: unknown) => {
      registrations.push(p);
      return null;
    });
    client.connection.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) => p.items.map((i) => scoped.get(i.scopeUri ?? '') ?? {}));
    await client.initialize();
  });
  after(() => client.stop());

  test('a document of the cloe-yaml language is a grid file, whatever its name (an untitled one too)', async () => {
    const u = 'untitled:Untitled-1';
    const wait = client.waitDiagnostics(u, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'cloe-yaml', version: 1, text: GRID.replace('Chef de projet', 'Chef de projets imaginaires') } });
    assert.ok((await wait).diagnostics.some((d) => d.code === 'unknown-profession'));
    // The same text as plain yaml, under a name no pattern matches: not a grid file.
    const other = fileUri('plain/ignored.yaml');
    await client.openOnly(other, GRID);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: other } })) as unknown[];
    assert.deepEqual(symbols, []);
  });

  test('cloe/isGridFile: *.cloe.yaml, and the files a configuration declares; not other YAML files', async () => {
    const ask = (rel: string) => client.connection.sendRequest<boolean>('cloe/isGridFile', { uri: fileUri(rel) });
    assert.equal(await ask('team-b/hiver.cloe.yaml'), true);
    assert.equal(await ask('team-a/cohorts/2026/printemps.yaml'), true, 'declared by team-a/cloe.config.yaml files:');
    assert.equal(await ask('plain/ignored.yaml'), false);
    assert.equal(await client.connection.sendRequest<boolean>('cloe/isGridFile', {}), false);
  });

  test('settings are read for each workspace folder: the folder’s values apply to its files', async () => {
    const folder = pathToFileURL(path.join(TREE, 'team-a')).href;
    scoped.set('', {});
    scoped.set(folder, { inlayHints: { outcome: false } });
    await client.setSettings({});
    const hints = async (u: string) => {
      await client.open(u, GRID);
      const list = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } })) as InlayHint[];
      return list.map((h) => String(h.label));
    };
    const inFolder = await hints(fileUri('team-a/new.cloe.yaml'));
    assert.ok(inFolder.length > 0 && !inFolder.some((l) => l.startsWith('⇒')), inFolder.join(', '));
    const outside = await hints(fileUri('team-b/new.cloe.yaml'));
    assert.ok(outside.some((l) => l.startsWith('⇒')), outside.join(', '));
  });

  test('the server watches configurations and grid files, not every YAML file', () => {
    const globs = JSON.stringify(registrations);
    assert.match(globs, /cloe\.config\.\{yaml,yml\}/);
    assert.match(globs, /\*\*\/\*\.cloe\.\{yaml,yml\}/);
    assert.doesNotMatch(globs, /"\*\*\/\*\.\{yaml,yml\}"/);
  });
});
