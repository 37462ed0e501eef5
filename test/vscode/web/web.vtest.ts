/**
 * CLOE Grid in the browser: the extension's `browser` entry in the web worker extension host, its
 * language server in a Web Worker, the workspace read through vscode.workspace.fs. The folder is
 * test/fixtures/config-tree (configurations with rules, a `grid:` file, `files:` patterns); the
 * runner gives the CLI's findings on the same files (CLOE_WEB.cli), which the editor must show.
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { generate } from '../../generate';

declare const CLOE_WEB: {
  /** Where the runner saves screenshots ('' for none). */
  screenshots: string;
  /** `cloe-grid check --format json` on the folder: each file's errors and warnings, as "rule line:character". */
  cli: Record<string, string[]>;
};

const EXTENSION_ID = 'cloe-grid.cloe-grid';

interface WebApi {
  host: string;
  client(): { sendRequest<R>(method: string, params?: unknown): Promise<R> } | undefined;
  ready(): Promise<void>;
  status: vscode.LanguageStatusItem;
  outcomes: { posted(pred: (s: { uri: string; view: { cohorts: unknown[] } }) => boolean, timeoutMs?: number): Promise<{ view: { cohorts: unknown[] } }> };
}

function file(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with test/fixtures/config-tree open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30000, detail?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
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

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
/** A file's errors and warnings as the CLI’s JSON names them (zero-based line:character). */
const shown = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'cloe' && d.severity <= vscode.DiagnosticSeverity.Warning)
    .map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}`)
    .sort();
const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** The CLI's expectation for a file (relative to the folder). */
function expected(rel: string): string[] {
  const e = CLOE_WEB.cli[rel];
  assert.ok(e, `the runner gave the CLI's findings for ${rel} (it has ${Object.keys(CLOE_WEB.cli).join(', ')})`);
  return e;
}

async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(file(rel));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Asks the runner (which holds the page) for a screenshot once `waitFor` shows; resolves when the file is there. */
async function screenshot(name: string, waitFor: string): Promise<void> {
  const target = `${CLOE_WEB.screenshots}/${name}`;
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const uri = folder.with({ path: target });
  const error = folder.with({ path: `${target}.error` });
  await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  console.log(`CLOE_RUNNER ${JSON.stringify({ action: 'screenshot', path: target, waitFor })}`);
  await until(`the screenshot ${name}`, async () => {
    if (await vscode.workspace.fs.stat(error).then(() => true, () => false)) throw new Error(new TextDecoder().decode(await vscode.workspace.fs.readFile(error)));
    return vscode.workspace.fs.stat(uri).then((s) => s.size > 0, () => false);
  });
}

describe('CLOE Grid in the browser (web worker extension host)', () => {
  let api: WebApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<WebApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is there`);
    await open('plain/defaults.cloe.yaml');
    api = await ext.activate();
    await api.ready();
  });

  it('runs in the web worker extension host, and its language server in a Web Worker that reads through the client', async () => {
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node in this extension host');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(api.host, 'web', 'the browser entry (dist/web/extension.js) was loaded');
    const client = api.client();
    assert.ok(client);
    assert.deepEqual(await client.sendRequest('cloe/serverHost'), { kind: 'web', reads: 'client' });
    assert.equal(await client.sendRequest('cloe/processId'), null, 'no server process');
  });

  it('Check Workspace: files never opened get the CLI’s findings, their configuration read through the client', async () => {
    const never = ['team-b/hiver.cloe.yaml', 'team-a/cohorts/2026/ete.cloe.yaml'];
    for (const rel of never) assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === file(rel).toString()), `${rel} is not open`);
    const result = await vscode.commands.executeCommand<{ files: number }>('cloe.checkWorkspace');
    assert.ok(result.files >= 4, `${result.files} files checked`);
    for (const rel of never) await until(`${rel}: the CLI's findings`, () => same(shown(file(rel)), expected(rel)), 30000, () => `shown ${JSON.stringify(shown(file(rel)))}, CLI ${JSON.stringify(expected(rel))}`);
  });

  it('every file of the folder, opened, shows the CLI’s findings (rules, grid: professions, files: patterns of its configuration)', async () => {
    for (const rel of Object.keys(CLOE_WEB.cli)) {
      await open(rel);
      await until(`${rel}: the CLI's findings`, () => same(shown(file(rel)), expected(rel)), 30000, () => `shown ${JSON.stringify(shown(file(rel)))}, CLI ${JSON.stringify(expected(rel))}`);
    }
    // The configuration's own choices, visibly applied: team-a turns empty-cohort into an error,
    // declares cohorts/**/*.yaml grid files, and "Wine waiter" comes from its grid: file.
    const spring = await open('team-a/cohorts/2026/printemps.yaml');
    await until('printemps.yaml in the grid language', () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === spring.uri.toString() && d.languageId === 'cloe-yaml'));
    const empty = vscode.languages.getDiagnostics(spring.uri).find((d) => codeOf(d) === 'empty-cohort');
    assert.equal(empty?.severity, vscode.DiagnosticSeverity.Error);
    await open('team-a/cohorts/2026/ete.cloe.yaml');
    assert.ok(!vscode.languages.getDiagnostics(file('team-a/cohorts/2026/ete.cloe.yaml')).some((d) => codeOf(d) === 'unknown-profession'));
    assert.ok(vscode.languages.getDiagnostics(file('plain/defaults.cloe.yaml')).some((d) => codeOf(d) === 'unknown-profession'), 'without a configuration, Sommelier is unknown');
  });

  it('hover explains the outcome step by step', async () => {
    const doc = await open('plain/defaults.cloe.yaml');
    const line = doc.getText().split('\n').findIndex((l) => /^\s+result: B2/.test(l));
    assert.ok(line >= 0);
    const col = doc.lineAt(line).text.indexOf('B2');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /⇒ \*\*(Certificat CLOE|Attestation)/);
    assert.match(text, /overall level [ABC][12][+-]?/);
    if (CLOE_WEB.screenshots) {
      const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, col, line, col) });
      editor.revealRange(new vscode.Range(0, 0, line + 8, 0), vscode.TextEditorRevealType.AtTop);
      for (const c of ['workbench.action.closeSidebar', 'workbench.action.closePanel', 'notifications.clearAll', 'workbench.action.closeAuxiliaryBar']) {
        await vscode.commands.executeCommand(c).then(undefined, () => undefined);
      }
      for (let attempt = 1; ; attempt++) {
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        await vscode.commands.executeCommand('editor.action.showHover');
        try {
          await screenshot('hover-web.png', '.monaco-hover .hover-contents');
          break;
        } catch (e) {
          if (attempt === 3) throw e;
        }
      }
    }
  });

  it('completion offers the professions of the grid', async () => {
    const doc = await open('team-a/cohorts/2026/ete.cloe.yaml');
    const at = doc.getText().indexOf('profession: ') + 'profession: '.length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(at));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['Chef de projet', 'Profession scientifique / technique', 'Enseignant / Formateur', 'Vendeur']) assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
  });

  it('a quick fix, applied, removes its finding', async () => {
    const doc = await open('team-b/hiver.cloe.yaml');
    const diags = await until('invalid-date', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.some((x) => codeOf(x) === 'invalid-date') ? d : undefined;
    });
    const target = diags.find((x) => codeOf(x) === 'invalid-date')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Replace with "2026-01-15"');
    assert.ok(fix?.edit, `a fix among ${actions.map((a) => a.title).join(', ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await until('the finding to go', () => !vscode.languages.getDiagnostics(doc.uri).some((x) => codeOf(x) === 'invalid-date'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('the outcomes view works from the language client alone', async () => {
    const doc = await open('plain/defaults.cloe.yaml');
    await vscode.commands.executeCommand('cloe.showOutcomes');
    const state = await api.outcomes.posted((s) => s.uri === doc.uri.toString());
    assert.ok(state.view.cohorts.length >= 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Compare Outcomes (git and the CLI) is not there; the status item shows the summary', async () => {
    assert.ok(!(await vscode.commands.getCommands(true)).includes('cloe.compareOutcomes'));
    await open('plain/defaults.cloe.yaml');
    await until('the status summary', () => /\d+ certificates? · \d+ attestations? · \d+ pending/.test(api.status.text) || undefined);
  });

  it('a 50-candidate grid file: from opening to its diagnostics (measured)', async () => {
    // Five files of the same text, each opened once: the time from asking VS Code to open it to
    // its diagnostics (the Worker reads its configuration through the client first).
    const uris = [1, 2, 3, 4, 5].map((i) => file(`plain/web-bench-50-${i}.cloe.yaml`));
    const text = new TextEncoder().encode(generate(50, 19));
    for (const uri of uris) await vscode.workspace.fs.writeFile(uri, text);
    try {
      const times: number[] = [];
      for (const uri of uris) {
        const t0 = performance.now();
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        await until('the diagnostics', () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'cloe'));
        times.push(performance.now() - t0);
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`web host: 50-candidate grid file, open to diagnostics: median ${Math.round(sorted[2]!)} ms (runs: ${times.map((t) => Math.round(t)).join(', ')} ms)`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of uris) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('the restart command starts a new Worker and diagnostics return', async () => {
    const uri = file('team-b/hiver.cloe.yaml');
    await open('team-b/hiver.cloe.yaml');
    await vscode.commands.executeCommand('cloe.restartServer');
    await api.ready();
    await until('diagnostics again', () => same(shown(uri), expected('team-b/hiver.cloe.yaml')));
    assert.deepEqual(await api.client()!.sendRequest('cloe/serverHost'), { kind: 'web', reads: 'client' });
  });
});
