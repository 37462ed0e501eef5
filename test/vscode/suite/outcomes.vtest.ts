/**
 * The outcomes view (CLOE: Show Outcomes) in a real VS Code: the command opens the webview on a
 * sample; the webview shows every candidate id of the file and each cohort's counts (reported by
 * the webview's own DOM after it renders, and in the state the extension posted); revealing a row
 * moves the cursor to that candidate; editing a result changes that candidate's outcome in the view.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Row {
  id: string | null;
  label: string;
  offset: number;
}
interface PostedState {
  uri: string;
  version: number;
  view: { cohorts: { id: string | null; summary: string; rows: Row[] }[] };
  charts: string[];
  focus?: string;
}
interface Rendered {
  version: number;
  rows: [string, string][];
  counts: string[];
  offsets: number[];
}
interface CloeApi {
  client(): { state: number } | undefined;
  ready(): Promise<void>;
  outcomes: {
    state(): PostedState | undefined;
    posted(pred: (s: PostedState) => boolean, timeoutMs?: number): Promise<PostedState>;
    receive(m: { type: 'reveal'; offset: number }): Promise<void>;
    rendered(pred: (r: Rendered) => boolean, timeoutMs?: number): Promise<Rendered>;
    log(): { posted: string[]; received: string[] };
  };
}

describe('CLOE outcomes view', () => {
  let api: CloeApi;
  let doc: vscode.TextDocument;
  const file = () => vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'acme-formation.cloe.yaml'));

  before(async () => {
    doc = await vscode.workspace.openTextDocument(file());
    original = doc.getText();
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension<CloeApi>('cloe-grid.cloe-grid')!;
    api = await ext.activate();
    // The crash suite before this one leaves the server stopped for good (on purpose): start it again.
    if (api.client()?.state !== 2 /* State.Running */) await vscode.commands.executeCommand('cloe.restartServer');
    await api.ready();
  });

  let original = '';
  after(async () => {
    // Leave the sample as it was (code-server saves after a delay by default): the original text, saved.
    if (original && doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
    }
    if (doc.isDirty) await doc.save();
  });

  it('opens beside the editor and shows every candidate id and each cohort’s counts (the code lens’s)', async () => {
    const state = (await vscode.commands.executeCommand<PostedState | undefined>('cloe.showOutcomes'))!;
    assert.ok(state, 'the command answers the state it posted');
    assert.equal(state.uri, doc.uri.toString());
    const ids = [...doc.getText().matchAll(/^ {6}- id: (\S+)/gm)].map((m) => m[1]!);
    assert.ok(ids.length >= 20);
    assert.deepEqual(state.view.cohorts.flatMap((c) => c.rows.map((r) => r.id)), ids);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command?.title).filter((t) => t && /\d/.test(t));
    assert.deepEqual(state.view.cohorts.map((c) => c.summary), titles, 'the same counts as the code lens');
    assert.equal(state.charts.length, state.view.cohorts.length);
    for (const svg of state.charts) assert.match(svg, /<svg [^>]*role="img"/);
    // What the webview itself shows (its DOM, reported after it rendered under its CSP).
    const shown = await api.outcomes.rendered((r) => r.version === state.version && r.rows.length === ids.length);
    assert.deepEqual(shown.rows.map((r) => r[0]), ids);
    assert.deepEqual(shown.counts, titles);
  });

  it('a row reveals its candidate in the editor', async () => {
    const state = api.outcomes.state()!;
    const row = state.view.cohorts[1]!.rows[3]!;
    await api.outcomes.receive({ type: 'reveal', offset: row.offset });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), doc.uri.toString());
    const at = editor.selection.active;
    assert.deepEqual([at.line, at.character], [doc.positionAt(row.offset).line, doc.positionAt(row.offset).character]);
    assert.ok(doc.lineAt(at.line).text.includes(`id: ${row.id}`), doc.lineAt(at.line).text);
  });

  it('editing a result changes that candidate’s outcome in the view', async () => {
    const before = api.outcomes.state()!.view.cohorts[0]!.rows.find((r) => r.id === 'ACME-004')!;
    assert.match(before.label, /^Attestation de niveau B2\+$/);
    const at = doc.getText().indexOf('result: B2+', before.offset) + 'result: '.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3)), 'C1');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await api.outcomes.posted((s) => s.view.cohorts[0]!.rows.find((r) => r.id === 'ACME-004')!.label !== before.label);
    assert.equal(after.view.cohorts[0]!.rows.find((r) => r.id === 'ACME-004')!.label, 'Certificat CLOE C1');
    const shown = await api.outcomes.rendered((r) => r.version === after.version);
    assert.deepEqual(shown.rows.find((r) => r[0] === 'ACME-004'), ['ACME-004', 'Certificat CLOE C1']);
    // The edit travelled as a patch (what changed since the view the webview has), which the webview applied.
    const log = api.outcomes.log();
    assert.equal(log.posted.at(-1), 'patch', log.posted.join(', '));
    assert.ok(!log.received.includes('resync'), log.received.join(', '));
    assert.deepEqual(shown.rows.map((r) => r[0]), [...doc.getText().matchAll(/^ {6}- id: (\S+)/gm)].map((m) => m[1]!));
    // The rows after the edit (one character shorter) point into the new text: each drawn row's offset is its id's.
    const text = doc.getText();
    shown.offsets.forEach((o, k) => assert.equal(text.slice(o, o + shown.rows[k]![0].length), shown.rows[k]![0]));
  });

  it('a cohort’s code lens opens the view on that cohort, and so does the status item', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const cohorts = [...doc.getText().matchAll(/^ {2}- id: (\S+)/gm)].map((m) => m[1]!);
    assert.ok(cohorts.length >= 2, 'the sample has several cohorts');
    assert.equal(lenses.length, cohorts.length);
    // The second cohort's lens: the command VS Code runs when it is clicked, with its arguments.
    const lens = lenses.sort((a, b) => a.range.start.line - b.range.start.line)[1]!;
    assert.equal(lens.command?.command, 'cloe.showOutcomes');
    const state = (await vscode.commands.executeCommand<PostedState | undefined>(lens.command.command, ...(lens.command.arguments ?? [])))!;
    assert.equal(state.uri, doc.uri.toString());
    assert.equal(state.focus, cohorts[1]);
    const ext = vscode.extensions.getExtension<{ status: vscode.LanguageStatusItem }>('cloe-grid.cloe-grid')!;
    assert.equal(ext.exports.status.command?.command, 'cloe.showOutcomes');
  });
});
