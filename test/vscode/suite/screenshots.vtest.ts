/**
 * The README's and the walkthrough's pictures, taken from the real VS Code run:
 *   node test/vscode/run-code-server.mjs --suite screenshots --folder samples --screenshots images
 * Each test sets the editor up through the vscode API and asks the runner for a screenshot once
 * what it shows (a hover, the quick fix menu, code lenses) is drawn.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { askRunner, type CloeApi, codeOf, diagnosticsOf, EXTENSION_ID, until } from './helpers';

const DIR = process.env.CLOE_SCREENSHOTS;

function sample(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return vscode.Uri.joinPath(folder.uri, rel);
}

async function showAt(uri: vscode.Uri, needle: string, delta = 0): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.positionAt(doc.getText().indexOf(needle) + delta);
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at) });
  editor.revealRange(new vscode.Range(Math.max(0, at.line - 6), 0, at.line + 14, 0), vscode.TextEditorRevealType.AtTop);
  return editor;
}

/** Runs `command` in the focused editor and takes the screenshot once `waitFor` shows (three tries: the page may miss a first command while it is busy). */
async function shoot(command: string, file: string, waitFor: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand(command);
    try {
      await askRunner('screenshot', path.join(DIR!, file), waitFor);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

describe('screenshots', () => {
  before(async function () {
    if (!DIR) this.skip();
    const api = await vscode.extensions.getExtension<CloeApi>(EXTENSION_ID)!.activate();
    await api.ready();
    for (const c of ['workbench.action.closeSidebar', 'workbench.action.closePanel', 'notifications.clearAll', 'workbench.action.closeAuxiliaryBar']) {
      await vscode.commands.executeCommand(c).then(undefined, () => undefined);
    }
  });

  it('squiggles with a quick fix', async () => {
    const uri = sample('invalid/levels.cloe.yaml');
    await showAt(uri, 'threshold: b2', 'threshold: '.length);
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));
    await shoot('editor.action.quickFix', 'quick-fix.png', '.action-widget');
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);
  });

  it('a hover explains an outcome', async () => {
    const uri = sample('acme-formation.cloe.yaml');
    await showAt(uri, 'result: { written: B2, oral: B1+', 'result: { '.length);
    await diagnosticsOf(uri);
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    await new Promise((r) => setTimeout(r, 1000)); // the code lenses and inlay hints drawn: the layout settles
    await shoot('editor.action.showHover', 'hover.png', '.monaco-editor .monaco-hover .hover-contents:has-text("Certificat CLOE")');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  });

  it('the walkthrough', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
    await askRunner('screenshot', path.join(DIR!, 'walkthrough.png'), '.gettingStartedContainer .getting-started-step');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('inlay hints and code lenses', async () => {
    const uri = sample('acme-formation.cloe.yaml');
    await showAt(uri, '  - id: acme-2026-03');
    await diagnosticsOf(uri);
    await askRunner('screenshot', path.join(DIR!, 'hints-and-lenses.png'), '.codelens-decoration a');
  });

  it('the outcomes view, in French, light and dark', async () => {
    const api = await vscode.extensions.getExtension<CloeApi & { outcomes: { rendered(p: (r: { version: number }) => boolean): Promise<unknown> } }>(EXTENSION_ID)!.activate();
    const cloe = vscode.workspace.getConfiguration('cloe');
    const workbench = vscode.workspace.getConfiguration('workbench');
    const theme = workbench.inspect<string>('colorTheme')?.globalValue;
    await cloe.update('locale', 'fr', vscode.ConfigurationTarget.Global);
    try {
      const uri = sample('acme-formation.cloe.yaml');
      await showAt(uri, '  - id: acme-2026-03');
      await diagnosticsOf(uri);
      for (const [name, file] of [['Default Light Modern', 'outcomes-view-light.png'], ['Default Dark Modern', 'outcomes-view-dark.png']] as const) {
        await workbench.update('colorTheme', name, vscode.ConfigurationTarget.Global);
        // (The server reads the new locale a moment after the setting changes.)
        const state = await until('the view in French', async () => {
          const s = await vscode.commands.executeCommand<{ version: number; view: { locale: string } }>('cloe.showOutcomes', uri);
          return s.view.locale === 'fr' ? s : undefined;
        });
        await api.outcomes.rendered((r) => r.version === state.version);
        await new Promise((r) => setTimeout(r, 1500)); // the theme's colours reach the webview
        await askRunner('screenshot', path.join(DIR!, file), 'iframe.webview.ready');
      }
    } finally {
      await cloe.update('locale', undefined, vscode.ConfigurationTarget.Global);
      await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
    }
  });

  it('a comparison with HEAD in the outcomes view', async () => {
    const uri = sample('acme-formation.cloe.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const original = doc.getText();
    const cloe = vscode.workspace.getConfiguration('cloe');
    await cloe.update('locale', 'fr', vscode.ConfigurationTarget.Global);
    try {
      // Two edits a reviewer must see: a result raised (a certificate gained), a threshold lowered.
      const edit = new vscode.WorkspaceEdit();
      const at = (needle: string) => doc.positionAt(original.indexOf(needle));
      edit.replace(uri, new vscode.Range(at('result: B2+').translate(0, 8), at('result: B2+').translate(0, 11)), 'C1');
      edit.replace(uri, new vscode.Range(at('threshold: C1').translate(0, 11), at('threshold: C1').translate(0, 13)), 'B2');
      await vscode.workspace.applyEdit(edit);
      await doc.save();
      await vscode.window.showTextDocument(doc);
      await until('the view in French', async () => {
        const s = await vscode.commands.executeCommand<{ view: { locale: string } }>('cloe.showOutcomes', uri);
        return s.view.locale === 'fr' ? s : undefined;
      });
      const compared = await vscode.commands.executeCommand<{ groups: unknown[] }>('cloe.compareOutcomes', 'HEAD');
      assert.ok(compared && compared.groups.length > 0);
      const api = await vscode.extensions.getExtension<{ outcomes: { rendered(p: (r: { compared: string[] }) => boolean): Promise<unknown> } }>(EXTENSION_ID)!.activate();
      await api.outcomes.rendered((r) => r.compared.length > 0);
      await new Promise((r) => setTimeout(r, 800));
      await askRunner('screenshot', path.join(DIR!, 'compare-view.png'), 'iframe.webview.ready');
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(back);
      await doc.save();
      await cloe.update('locale', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
