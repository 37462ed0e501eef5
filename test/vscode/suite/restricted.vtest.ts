/**
 * Run in Restricted Mode (run-code-server.mjs --restricted --suite restricted --folder samples):
 * the extension declares limited support for untrusted workspaces, so it runs and checks files,
 * and imports a spreadsheet the user picks (reading a file runs nothing).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

  it('imports a spreadsheet the user picked into a new grid file (it runs nothing)', async () => {
    interface Pick {
      choose(label: RegExp): Promise<void>;
    }
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { sheets: { dialogs: { save: () => Thenable<vscode.Uri | undefined> }; nextPick(): Promise<Pick> } };
    assert.ok((await vscode.commands.getCommands(true)).includes('cloe.importSheet'));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-restricted-'));
    try {
      fs.writeFileSync(path.join(tmp, 'liste.csv'), 'Identifiant;Nom;Métier;Seuil;Cohorte\nR-01;Zoé Lefèvre;Comptable;B1;lycee-2026\n');
      const target = vscode.Uri.file(path.join(tmp, 'liste.cloe.yaml'));
      api.sheets.dialogs.save = async () => target;
      const running = vscode.commands.executeCommand<{ kind: string } | undefined>('cloe.importSheet', vscode.Uri.file(path.join(tmp, 'liste.csv')));
      await (await api.sheets.nextPick()).choose(/Import with this mapping/);
      await (await api.sheets.nextPick()).choose(/New grid file/);
      assert.equal((await running)?.kind, 'new');
      assert.match(fs.readFileSync(target.fsPath, 'utf8'), /- id: R-01\n {8}name: Zoé Lefèvre\n {8}profession: Comptable\n {8}threshold: B1\n/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
