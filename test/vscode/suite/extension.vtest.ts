/**
 * The extension inside a real VS Code: what a certification designer sees, through the vscode API.
 * Runs in the extension host (code-server here, VS Code's Electron build where it can be downloaded).
 * Waits on events or on conditions, never on fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { askRunner, type CloeApi, codeOf, diagnosticsOf, EXTENSION_ID, serverProcesses, until } from './helpers';

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with samples/ open as the first workspace folder');
  return folder.uri.fsPath;
}

function sample(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

/** A file of the second workspace folder (its own cloe.config.yaml and .vscode/settings.json). */
function second(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[1];
  assert.ok(folder, 'the suite runs in a multi-root workspace');
  return vscode.Uri.joinPath(folder.uri, rel);
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
    // Opening a grid file activates it (onLanguage:cloe-yaml; workspaceContains did already).
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
    assert.match(text, /overall level [ABC][12][+-]?/);
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
    // What is not open comes through VS Code (cloe/readFile), as in the browser: the extension says so at initialization.
    assert.deepEqual(await api.client()!.sendRequest('cloe/serverHost'), { kind: 'node', reads: 'client' });
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

describe('CLOE Grid, a good citizen of VS Code', () => {
  let api: CloeApi;
  let ext: vscode.Extension<CloeApi>;
  before(async () => {
    ext = vscode.extensions.getExtension<CloeApi>(EXTENSION_ID)!;
    api = await ext.activate();
    await api.ready();
  });

  it('grid files have a language of their own', async () => {
    for (const f of ['acme-formation.cloe.yaml', 'lycee-hotelier.cloe.yml']) {
      const doc = await vscode.workspace.openTextDocument(sample(f));
      assert.equal(doc.languageId, 'cloe-yaml', f);
    }
    const plain = await vscode.workspace.openTextDocument(second('plain.yaml'));
    assert.equal(plain.languageId, 'yaml');
  });

  it('a YAML linter (the stand-in for redhat’s) reports on plain YAML only, never on grid files', async () => {
    const plain = second('plain.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
    const onPlain = await diagnosticsOf(plain, (d) => d.some((x) => x.source === 'yaml-standin'));
    assert.deepEqual(onPlain.map((d) => d.source), ['yaml-standin'], 'no CLOE finding on a plain YAML file');
    for (const f of [sample('acme-formation.cloe.yaml'), sample('invalid/levels.cloe.yaml')]) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(f));
      const diags = await diagnosticsOf(f);
      assert.deepEqual([...new Set(diags.map((d) => d.source))], ['cloe'], path.basename(f.fsPath));
    }
  });

  it('files a configuration’s files: declares, and a folder’s cloe.files, switch to the grid language', async () => {
    for (const [rel, code] of [['cohorts/spring.yaml', 'invalid-level'], ['legacy/old.yml', 'threshold-defaulted']] as const) {
      const uri = second(rel);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await until(`${rel} in the grid language`, () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'cloe-yaml'));
      const diags = await diagnosticsOf(uri, (d) => d.some((x) => x.source === 'cloe') && !d.some((x) => x.source === 'yaml-standin'));
      if (code === 'invalid-level') assert.ok(diags.some((d) => codeOf(d) === code), `${code} in ${rel}`);
    }
  });

  it('YAML highlighting and language configuration (comments) apply to grid files', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml')), { selection: new vscode.Range(13, 0, 13, 0) });
    assert.equal(editor.document.languageId, 'cloe-yaml');
    const tokens = JSON.parse(fs.readFileSync(await askRunner('tokens'), 'utf8')) as string[];
    const classes = new Set(tokens.map((t) => t.split(' ')[0]));
    // Plain text renders with one token class; YAML keys, values and comments get their own.
    assert.ok(classes.size >= 3, `token classes: ${[...classes].join(', ')}`);
    const untitled = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'cloe-yaml', content: 'cloe: 1\n' }));
    try {
      await vscode.commands.executeCommand('editor.action.commentLine');
      assert.equal(untitled.document.getText(), '# cloe: 1\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('settings apply per workspace folder', async () => {
    const hints = async (uri: vscode.Uri) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const list = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
      return list.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    };
    // samples/ keeps the default; the second folder turns the outcome hints off.
    assert.ok((await hints(sample('acme-formation.cloe.yaml'))).some((l) => l.startsWith('⇒')));
    const other = await until('the second folder’s hints', async () => {
      const l = await hints(second('outcomes.cloe.yaml'));
      return l.length > 0 ? l : undefined;
    });
    assert.ok(other.some((l) => l.startsWith('threshold:')), other.join(', '));
    assert.ok(!other.some((l) => l.startsWith('⇒')), other.join(', '));
  });

  it('the code lens and the status item can be clicked: they open the outcomes view', async () => {
    const doc = await vscode.workspace.openTextDocument(sample('acme-formation.cloe.yaml'));
    await vscode.window.showTextDocument(doc);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(lenses.length > 0);
    assert.ok(lenses.every((l) => l.command?.command === 'cloe.showOutcomes' && l.command.arguments?.[0] === doc.uri.toString()));
    await until('the status item’s command', () => api.status.command?.command === 'cloe.showOutcomes');
  });

  it('New Grid File gives a grid file with no error nor warning', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('cloe.newGridFile');
    try {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.equal(doc?.languageId, 'cloe-yaml');
      // The server read it: one cohort, one pending candidate.
      await until('the new file’s summary', () => /0 certificates · 0 attestations · 1 pending/.test(api.status.text) || undefined);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.equal(lenses.length, 1);
      assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => d.message), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('snippets for a cohort and a candidate are offered in grid files', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'cloe-yaml', content: 'cloe: 1\ncohorts:\n  \n' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 2));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['cohort', 'candidate']) assert.ok(snippets.includes(name), `${name} in ${snippets.join(', ')}`);
  });

  it('Compare Outcomes with… shows in the outcomes view what the working tree changes to outcomes against a git ref (cloe-grid diff)', async () => {
    // A grid file git does not know yet: against HEAD, all its candidates are added.
    const file = sample('compare-outcomes-test.cloe.yaml');
    fs.writeFileSync(file.fsPath, 'cloe: 1\ncohorts:\n  - id: cmp\n    candidates:\n      - { id: CMP-1, name: Camille Comparé, profession: Comptable, result: B2 }\n');
    type Compared = { uri: string; title: string; summary: string; groups: { id: string; rows: { id: string | null; change: string; after: string }[] }[] };
    const view = (api as unknown as { outcomes: { rendered(p: (r: { compared: string[] }) => boolean): Promise<{ compared: string[] }> } }).outcomes;
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'cloe-yaml');
      const compared = await vscode.commands.executeCommand<Compared | undefined>('cloe.compareOutcomes', 'HEAD');
      assert.ok(compared, 'the command returns the comparison it showed');
      assert.equal(compared.uri, doc.uri.toString());
      assert.match(compared.title, /HEAD/);
      assert.match(compared.summary, /1/);
      const rows = compared.groups.flatMap((g) => g.rows);
      assert.deepEqual(rows.map((r) => [r.id, r.change, r.after]), [['CMP-1', rows[0]!.change, 'Certificat CLOE B2']]);
      assert.match(rows[0]!.change, /^(added|ajouté)$/);
      // The webview shows it, above the cohorts.
      const shown = await view.rendered((r) => r.compared.length > 0);
      assert.deepEqual(shown.compared, ['CMP-1 Certificat CLOE B2']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(file.fsPath, { force: true });
    }
  });

  it('the language server runs as a process of this extension (what the plain-YAML run checks is absent)', () => {
    assert.equal(serverProcesses(ext.extensionPath).length, 1, serverProcesses(ext.extensionPath).join('\n'));
  });
});

describe('CLOE Grid when its server crashes', () => {
  type Client = NonNullable<ReturnType<CloeApi['client']>>;
  const RUNNING = 2;
  const STOPPED = 1;
  /** Resolves at the client's next change to `state`. */
  function next(client: Client, state: number, timeoutMs = 60000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`the client did not reach state ${state} in ${timeoutMs} ms`));
      }, timeoutMs);
      const sub = client.onDidChangeState((e) => {
        if (e.newState !== state) return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
  }

  it('restarts a killed server and the diagnostics come back; after five crashes it stops and says why', async function () {
    this.timeout(120000);
    const ext = vscode.extensions.getExtension<CloeApi>(EXTENSION_ID)!;
    const api = await ext.activate();
    await api.ready();
    const client = api.client()!;
    const uri = sample('invalid/levels.cloe.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));

    const first = await client.sendRequest<number>('cloe/processId');
    assert.ok(first, 'the server answers with its pid');
    let restarted = next(client, RUNNING);
    process.kill(first, 'SIGKILL');
    await restarted;
    const second = await client.sendRequest<number>('cloe/processId');
    assert.notEqual(second, first);
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));

    // Four more crashes within three minutes: restarted after each but the last, then it stops
    // and the status item says so.
    let pid = second;
    for (let i = 0; i < 3; i++) {
      restarted = next(client, RUNNING);
      process.kill(pid, 'SIGKILL');
      await restarted;
      pid = await client.sendRequest<number>('cloe/processId');
    }
    const stopped = next(client, STOPPED);
    process.kill(pid, 'SIGKILL');
    await stopped;
    assert.equal(api.status.severity, vscode.LanguageStatusSeverity.Error);
    assert.match(api.status.detail ?? '', /crashing repeatedly/);
    // The user can bring it back.
    await vscode.commands.executeCommand('cloe.restartServer');
    await api.ready();
    assert.notEqual(await client.sendRequest<number>('cloe/processId'), pid);
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'invalid-level'));
  });
});
