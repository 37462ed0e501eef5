/**
 * Run in Restricted Mode (run-code-server.mjs --restricted --suite restricted --folder samples):
 * the extension declares limited support for untrusted workspaces, so it runs and checks files.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type CloeApi, codeOf, diagnosticsOf, EXTENSION_ID } from './helpers';

describe('CLOE Grid in Restricted Mode', () => {
  it('the folder is not trusted, and grid files still get their diagnostics', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder opened in Restricted Mode');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'invalid/levels.cloe.yaml'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ext = vscode.extensions.getExtension<CloeApi>(EXTENSION_ID);
    assert.ok(ext);
    const api = await ext.activate();
    await api.ready();
    const diags = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));
    assert.ok(diags.every((d) => d.source === 'cloe'));
    // The server is told, so that it reads no configuration's grid: file outside the folder.
    const options = (api.client() as unknown as { clientOptions: { initializationOptions: () => { trusted: boolean } } }).clientOptions;
    assert.equal(options.initializationOptions().trusted, false);
  });
});
