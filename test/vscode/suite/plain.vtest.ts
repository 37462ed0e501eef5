/**
 * Run in a folder of plain YAML files (run-code-server.mjs --suite plain --folder
 * test/vscode/plain-yaml): no CLOE language server process starts, even once the extension is
 * activated and YAML files are open.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type CloeApi, diagnosticsOf, EXTENSION_ID, serverProcesses } from './helpers';

describe('CLOE Grid in a folder of plain YAML files', () => {
  it('starts no language server', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const ext = vscode.extensions.getExtension<CloeApi>(EXTENSION_ID);
    assert.ok(ext);
    for (const f of ['ci.yaml', 'settings.yml']) {
      const uri = vscode.Uri.file(path.join(folder.uri.fsPath, f));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'yaml');
      // The YAML linter stand-in has seen it: the open was handled by every extension.
      await diagnosticsOf(uri, (d) => d.some((x) => x.source === 'yaml-standin'));
    }
    assert.equal(ext.isActive, false, 'no activation event of CLOE Grid fired');
    // Even activated (as by another extension), it starts nothing without work.
    const api = await ext.activate();
    assert.equal(api.started(), false);
    const again = vscode.Uri.file(path.join(folder.uri.fsPath, 'ci.yaml'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(again));
    await diagnosticsOf(again, (d) => d.some((x) => x.source === 'yaml-standin'));
    assert.deepEqual(serverProcesses(ext.extensionPath), []);
    assert.equal(api.started(), false);
  });
});
