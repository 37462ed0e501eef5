/**
 * The extension inside a real VS Code: what a certification designer sees, through the vscode API.
 * Runs in the extension host (code-server here, VS Code's Electron build where it can be downloaded).
 * Waits on events or on conditions, never on fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cloe-grid.cloe-grid';

interface CloeApi {
  client(): { state: number; diagnostics?: unknown } | undefined;
  status: vscode.LanguageStatusItem;
  ready(): Promise<void>;
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with samples/ open as the workspace');
  return folder.uri.fsPath;
}

function sample(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

/** Resolves when `check()` holds, re-checking on every diagnostics change (and at most every 100 ms). */
async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        sub.dispose();
        clearTimeout(t);
        resolve();
      });
      const t = setTimeout(() => {
        sub.dispose();
        resolve();
      }, 100);
    });
  }
}

async function diagnosticsOf(uri: vscode.Uri, pred: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0): Promise<vscode.Diagnostic[]> {
  return until(`diagnostics of ${path.basename(uri.fsPath)}`, () => {
    const d = vscode.languages.getDiagnostics(uri);
    return pred(d) ? d : undefined;
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${doc.fileName}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('CLOE Grid in VS Code', () => {
  let api: CloeApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<CloeApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    if (process.env.CLOE_EXPECT_INSTALLED === '1') {
      assert.ok(!ext.extensionPath.startsWith(path.resolve(workspaceRoot(), '..')), `the extension comes from the installed package, not ${ext.extensionPath}`);
    }
    // Opening a grid file activates it (onLanguage:yaml).
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml')));
    api = await ext.activate();
    assert.equal(ext.isActive, true);
    await api.ready();
  });

  it('reports the rules with codes, docs links and ranges', async () => {
    const uri = sample('invalid/levels.cloe.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));
    const codes = new Set(diags.map(codeOf));
    for (const c of ['invalid-level', 'threshold-below-target', 'threshold-not-plain', 'threshold-below-recommended', 'overall-out-of-range']) assert.ok(codes.has(c), `${c} in ${[...codes].join(', ')}`);
    const b3 = diags.find((d) => codeOf(d) === 'invalid-level' && doc.getText(d.range) === 'B3');
    assert.ok(b3, 'invalid-level underlines exactly "B3"');
    assert.equal(b3.source, 'cloe');
    assert.equal(b3.severity, vscode.DiagnosticSeverity.Error);
    const code = b3.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/invalid-level\.md$/);
  });

  it('a valid sample has no error or warning', async () => {
    const uri = sample('acme-formation.cloe.yaml');
    const diags = await diagnosticsOf(uri);
    assert.deepEqual(diags.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => `${codeOf(d)} ${d.message}`), []);
    assert.ok(diags.some((d) => codeOf(d) === 'threshold-defaulted'));
  });

  it('hover explains the outcome step by step', async () => {
    const doc = await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml'));
    const line = doc.getText().split('\n').findIndex((l) => /^\s+result:\s*\{\s*written:/.test(l));
    assert.ok(line >= 0, 'a per-skill result in the sample');
    const col = doc.lineAt(line).text.indexOf('written');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
    const text = hoverText(hovers);
    assert.match(text, /⇒ \*\*(Certificat CLOE|Attestation)/);
    assert.match(text, /overall [ABC][12][+-]?/);
  });

  it('completion offers the professions of the grid', async () => {
    const doc = await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml'));
    const pos = positionOf(doc, 'profession: ', 'profession: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['Chef de projet', 'Profession scientifique / technique', 'Enseignant / Formateur', 'Vendeur']) assert.ok(labels.includes(name), name);
  });

  it('a quick fix, applied, removes its finding', async () => {
    const uri = sample('invalid/levels.cloe.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level' && doc.getText(x.range) === 'b2'));
    const target = diags.find((x) => codeOf(x) === 'invalid-level' && doc.getText(x.range) === 'b2')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Replace with "B2"');
    assert.ok(fix?.edit, `a fix among ${actions.map((a) => a.title).join(', ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await diagnosticsOf(uri, (d) => !d.some((x) => codeOf(x) === 'invalid-level' && x.range.isEqual(target.range)));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('inlay hints show outcomes, and stop when their setting is off', async () => {
    const doc = await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml'));
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const labels = async () =>
      (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range)).map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    const before = await labels();
    assert.ok(before.some((l) => l.startsWith('⇒ Certificat CLOE')));
    assert.ok(before.some((l) => l.startsWith('⇒ Attestation')));
    const config = vscode.workspace.getConfiguration('cloe');
    await config.update('inlayHints.outcome', false, vscode.ConfigurationTarget.Global);
    try {
      await until('outcome hints to go', async () => !(await labels()).some((l) => l.startsWith('⇒')));
      assert.ok((await labels()).some((l) => l.startsWith('threshold:')), 'the other kind of hint stays');
    } finally {
      await config.update('inlayHints.outcome', undefined, vscode.ConfigurationTarget.Global);
    }
    await until('outcome hints to come back', async () => (await labels()).some((l) => l.startsWith('⇒')));
  });

  it('the outline lists cohorts and candidates, and code lenses summarise cohorts', async () => {
    const doc = await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml'));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols.length >= 3);
    assert.ok(symbols.every((s) => s.children.length > 0));
    assert.ok(symbols[0]!.children.every((c) => /Certificat CLOE|Attestation|pending/.test(c.detail)));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.equal(lenses.length, symbols.length);
    assert.match(lenses[0]!.command?.title ?? '', /^\d+ candidates · \d+ certificates? · \d+ attestations? · \d+ pending/);
  });

  it('the status item shows the active file’s outcome summary', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml')));
    await until('the status summary', () => /\d+ certificates? · \d+ attestations? · \d+ pending/.test(api.status.text) || undefined);
  });

  it('Check Workspace fills diagnostics for files never opened', async () => {
    const never = sample('invalid/cohorts.cloe.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === never.toString()), 'the file is not open');
    const result = await vscode.commands.executeCommand<{ files: number; errors: number }>('cloe.checkWorkspace');
    assert.ok(result.files >= 9, `${result.files} files checked`);
    const diags = await diagnosticsOf(never, (d) => d.some((x) => codeOf(x) === 'duplicate-id'));
    assert.ok(diags.some((x) => codeOf(x) === 'invalid-date'));
  });

  it('the restart command brings the server back and diagnostics return', async () => {
    const uri = sample('invalid/levels.cloe.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await diagnosticsOf(uri);
    await vscode.commands.executeCommand('cloe.restartServer');
    await api.ready();
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 0));
    assert.ok(Array.isArray(hovers), 'the new server answers requests');
  });
});

describe('CLOE Grid when its server crashes', () => {
  /** The running server's pid; undefined while none answers (a request to a restarting client may wait: bounded). */
  async function serverPid(api: CloeApi): Promise<number | undefined> {
    const client = api.client() as unknown as { sendRequest(method: string): Promise<number> };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 2000)));
    try {
      return await Promise.race([client.sendRequest('cloe/processId').catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('restarts a killed server and the diagnostics come back; after five crashes it stops and says why', async function () {
    this.timeout(120000);
    const ext = vscode.extensions.getExtension<CloeApi>(EXTENSION_ID)!;
    const api = await ext.activate();
    await api.ready();
    const uri = sample('invalid/levels.cloe.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));

    const first = (await serverPid(api))!;
    assert.ok(first, 'the server answers with its pid');
    process.kill(first, 'SIGKILL');
    const second = await until('a new server process', async () => {
      const pid = await serverPid(api);
      return pid !== undefined && pid !== first ? pid : undefined;
    }, 60000);
    assert.notEqual(second, first);
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));

    // Four more crashes within three minutes: the client gives up, and the status item says so.
    let pid = second;
    for (let i = 0; i < 4; i++) {
      process.kill(pid, 'SIGKILL');
      if (i === 3) break;
      const previous = pid;
      pid = await until('the next server process', async () => {
        const next = await serverPid(api);
        return next !== undefined && next !== previous ? next : undefined;
      }, 60000);
    }
    await until('the status item to show the stopped server', () => (api.status.severity === vscode.LanguageStatusSeverity.Error ? true : undefined), 60000);
    assert.match(api.status.detail ?? '', /crashing repeatedly/);
    // The user can bring it back.
    await vscode.commands.executeCommand('cloe.restartServer');
    await api.ready();
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));
  });
});
