/**
 * Spreadsheets in a real VS Code (issue 17 item 3): "CLOE: Import Candidates from Spreadsheet…"
 * with its quick picks answered through the real quick pick (the item made active, then the
 * workbench's accept command), on messy workbooks built here with exceljs (a title row, Nom +
 * Prénom, ids typed as numbers shown with leading zeros); the merge into the open grid file is an
 * ordinary edit (only the expected lines change, nothing is saved, Undo restores the text); a new
 * grid file; "CLOE: Export Outcomes to Excel…" and the outcomes view's Export Excel, read back.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Workbook } from 'exceljs';
import { type Cell, writeWorkbook as writeSheet } from '../../workbook';

interface ShownPick {
  title: string | undefined;
  placeholder: string | undefined;
  items: { label: string; description?: string; detail?: string }[];
  choose(label: string | RegExp): Promise<void>;
  type(value: string): void;
  hide(): void;
}
interface ImportOutcome {
  target: vscode.Uri;
  kind: 'new' | 'merge';
  summary: string;
  inSheet: string[];
}
interface CloeApi {
  client(): { state: number; sendRequest<R>(method: string, params?: unknown): Promise<R> } | undefined;
  ready(): Promise<void>;
  outcomes: { receive(m: { type: 'export'; format: 'xlsx' }): Promise<void>; posted(pred: (s: { uri: string }) => boolean, timeoutMs?: number): Promise<unknown> };
  sheets: {
    dialogs: { save: (o: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined> };
    nextPick(timeoutMs?: number): Promise<ShownPick>;
    outputText(): string;
  };
}

/** The sheet of a French Excel. */
const writeWorkbook = (file: string, rows: Cell[][]) => writeSheet(file, rows, 'Feuil1');

const GRID = `# Acme — kept by hand: comments and spacing survive an import.
cloe: 1
cohorts:
  - id: acme-2026-03   # spring
    candidates:
      - id: "0042"
        name: Jeanne Dupont
        profession: Chef de projet
        threshold: B2
      - id: "0043"
        name:   Karim Benali   # spacing kept
        profession: Comptable
        result: A2   # provisional
`;

/** The next quick pick, or why none came (the command ended, or failed). */
function nextPick(api: CloeApi, running: Thenable<unknown>): Promise<ShownPick> {
  return Promise.race([
    api.sheets.nextPick().catch((e: Error) => Promise.reject(new Error(`${e.message}; output: ${api.sheets.outputText()}`))),
    Promise.resolve(running).then(
      (r) => Promise.reject(new Error(`the command ended with ${JSON.stringify(r)} instead of showing a quick pick; its output: ${api.sheets.outputText()}`)),
      (e: unknown) => Promise.reject(e instanceof Error ? e : new Error(String(e))),
    ),
  ]);
}

describe('CLOE spreadsheets', () => {
  let api: CloeApi;
  let tmp: string;
  let saveAs: vscode.Uri | undefined;
  let realSave: CloeApi['sheets']['dialogs']['save'];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-sheets-vscode-'));
    api = await vscode.extensions.getExtension<CloeApi>('cloe-grid.cloe-grid')!.activate();
    if (api.client()?.state !== 2 /* State.Running */) await vscode.commands.executeCommand('cloe.restartServer');
    await api.ready();
    realSave = api.sheets.dialogs.save;
    // The save dialog answers what the test says (an extension cannot answer the real one).
    api.sheets.dialogs.save = async () => saveAs;
  });
  after(async () => {
    api.sheets.dialogs.save = realSave;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports a results sheet into the open grid file: the mapping confirmed in the quick pick, an undoable edit of the expected lines only, nothing saved', async () => {
    const gridPath = path.join(tmp, 'acme.cloe.yaml');
    fs.writeFileSync(gridPath, GRID);
    const doc = await vscode.workspace.openTextDocument(gridPath);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'cloe-yaml');
    const sheet = path.join(tmp, 'resultats.xlsx');
    await writeWorkbook(sheet, [
      ['Résultats de la session du 15 mars'],
      [],
      ['Matricule', 'NOM ', 'Prénom', 'Métier', 'Niveau global', 'Oral', 'Commentaire'],
      [{ numFmt: '0000', value: 42 }, 'Dupont', 'Jeanne', 'Cheffe de projet', 'B2+', null, 'très bien'],
      [{ numFmt: '0000', value: 43 }, 'Benali', 'Karim', 'Comptable', 'B1', 'B1', null],
    ]);

    const running = vscode.commands.executeCommand<ImportOutcome | undefined>('cloe.importSheet', vscode.Uri.file(sheet));
    // The mapping the server proposes: the header below the title, the ids with their zeros, the comment left out.
    let mapping = await nextPick(api, running);
    assert.equal(mapping.title, 'Columns of resultats.xlsx (header on row 3, 2 candidate rows)');
    const described = (p: ShownPick) => Object.fromEntries(p.items.filter((i) => i.description).map((i) => [i.label, i.description!.replace(/ · Column \w+$/, '')]));
    assert.deepEqual(described(mapping), {
      Matricule: '→ Candidate id',
      NOM: '→ Last name (the full name without a first-name column)',
      Prénom: '→ First name',
      Métier: '→ Profession',
      'Niveau global': '→ Result (overall level)',
      Oral: '→ Oral level',
      Commentaire: '✕ Not imported',
    });
    assert.equal(mapping.items.find((i) => i.label === 'Matricule')!.detail, 'e.g. 0042 · 0043');
    // The user leaves the profession out (the partner's spelling differs): the pick of fields, then the mapping again.
    await mapping.choose('Métier');
    const fields = await nextPick(api, running);
    assert.equal(fields.title, 'Field of the column "Métier"');
    assert.equal(fields.items.length, 12);
    await fields.choose('Not imported');
    mapping = await nextPick(api, running);
    assert.equal(described(mapping)['Métier'], '✕ Not imported (your choice)');
    await mapping.choose(/Import with this mapping/);
    const target = await nextPick(api, running);
    assert.deepEqual(target.items.map((i) => i.label.replace(/^\$\([\w-]+\) /, '')), ['New grid file…', `Merge into ${vscode.workspace.asRelativePath(doc.uri)}`]);
    await target.choose(/Merge into/);
    const outcome = (await running)!;

    assert.equal(outcome.kind, 'merge');
    assert.equal(outcome.summary, 'acme.cloe.yaml: 0 candidate(s) added, 2 updated (3 field(s) changed), 0 unchanged, 0 row(s) not imported.');
    const expected = GRID.replace('        threshold: B2\n', '        threshold: B2\n        result: B2+\n').replace('result: A2   # provisional', 'result: { oral: B1, overall: B1 }   # provisional');
    assert.equal(doc.getText(), expected, 'only the result lines changed; the profession left out stays');
    assert.ok(doc.isDirty, 'the merge is an edit of the document: not saved behind the user’s back');
    assert.equal(fs.readFileSync(gridPath, 'utf8'), GRID);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
    assert.match(api.sheets.outputText(), /^acme\.cloe\.yaml: 0 candidate\(s\) added, 2 updated/);
    // Undo restores the text.
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), GRID);
    await vscode.commands.executeCommand('redo');
    assert.equal(doc.getText(), expected);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('imports a partner’s candidate list into a new grid file, never over an existing one; the findings name the sheet’s row and column', async () => {
    const sheet = path.join(tmp, 'candidats.xlsx');
    await writeWorkbook(sheet, [
      ['Acme Formation — candidats CLOE'],
      ['N° candidat', 'Nom', 'Prénom', 'Métier', 'Objectif de résultat', 'Cohorte'],
      [{ numFmt: '0000', value: 42 }, 'Dupont', 'Jeanne', 'Chef de projet', 'B2', 'acme-2026-03'],
      [{ numFmt: '0000', value: 43 }, 'Benali', 'Karim', 'Plombier', 'B2', 'acme-2026-03'],
    ]);
    saveAs = vscode.Uri.file(path.join(tmp, 'nouveau.cloe.yaml'));
    const running = vscode.commands.executeCommand<ImportOutcome | undefined>('cloe.importSheet', vscode.Uri.file(sheet));
    await (await nextPick(api, running)).choose(/Import with this mapping/);
    await (await nextPick(api, running)).choose(/New grid file/);
    const outcome = (await running)!;
    assert.equal(outcome.kind, 'new');
    assert.equal(outcome.target.toString(), saveAs.toString());
    const text = fs.readFileSync(saveAs.fsPath, 'utf8');
    assert.equal(
      text,
      '# Imported from candidats.xlsx by cloe-grid import.\ncloe: 1\ncohorts:\n  - id: acme-2026-03\n    candidates:\n      - id: "0042"\n        name: Jeanne Dupont\n        profession: Chef de projet\n        threshold: B2\n      - id: "0043"\n        name: Karim Benali\n        profession: Plombier\n        threshold: B2\n',
    );
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), saveAs.toString());
    assert.equal(outcome.inSheet.length, 1);
    assert.match(outcome.inSheet[0]!, /^candidats\.xlsx, row 4, column "Métier": "Plombier" is not a profession/);
    assert.match(api.sheets.outputText(), /In the spreadsheet:\n {2}candidats\.xlsx, row 4, column "Métier"/);

    // The same name again: refused, the file kept.
    const again = vscode.commands.executeCommand<ImportOutcome | undefined>('cloe.importSheet', vscode.Uri.file(sheet));
    await (await nextPick(api, again)).choose(/Import with this mapping/);
    await (await nextPick(api, again)).choose(/New grid file/);
    assert.equal(await again, undefined);
    assert.equal(fs.readFileSync(saveAs.fsPath, 'utf8'), text);
  });

  it('asks for the cohort of new candidates when the sheet has none: a new one typed in the pick', async () => {
    const sheet = path.join(tmp, 'sans-cohorte.csv');
    fs.writeFileSync(sheet, 'Identifiant;Nom;Prénom;Métier;Seuil\r\nF-01;Lefèvre;Zoé;Comptable;B1\r\n');
    saveAs = vscode.Uri.file(path.join(tmp, 'lycee.cloe.yaml'));
    const running = vscode.commands.executeCommand<ImportOutcome | undefined>('cloe.importSheet', vscode.Uri.file(sheet));
    await (await nextPick(api, running)).choose(/Import with this mapping/);
    await (await nextPick(api, running)).choose(/New grid file/);
    const cohort = await nextPick(api, running);
    assert.equal(cohort.title, 'Cohort of the new candidates (rows 2)');
    cohort.type('lycee 2026');
    assert.match(cohort.items[0]!.detail ?? '', /A cohort id is one word/);
    cohort.type('lycee-2026');
    await cohort.choose('New cohort "lycee-2026"');
    assert.equal((await running)?.kind, 'new');
    assert.match(fs.readFileSync(saveAs.fsPath, 'utf8'), /- id: lycee-2026\n {4}candidates:\n {6}- id: F-01\n {8}name: Zoé Lefèvre\n/);
  });

  it('says what is wrong with a spreadsheet it cannot import, naming the file and the fix', async () => {
    const notes = path.join(tmp, 'notes.csv');
    fs.writeFileSync(notes, 'Quelque chose;Autre\n1;2\n');
    assert.equal(await vscode.commands.executeCommand('cloe.importSheet', vscode.Uri.file(notes)), undefined);
    assert.equal(api.sheets.outputText(), 'notes.csv: no header row in the first 20 rows. The columns are recognised by headers such as "Identifiant", "Nom", "Prénom", "Métier", "Objectif", "Résultat" (or ID, Name, Profession, Threshold, Result): add a header row to the sheet, then import again.\n');
  });

  it('exports the outcomes to Excel from the command palette and from the outcomes view: the workbook reads back with the report’s rows', async () => {
    const gridPath = path.join(tmp, 'nouveau.cloe.yaml');
    const doc = await vscode.workspace.openTextDocument(gridPath);
    await vscode.window.showTextDocument(doc);
    const csv = await api.client()!.sendRequest<string>('cloe/export', { uri: doc.uri.toString(), format: 'csv' });
    const expected = csv.trim().split('\r\n').slice(1).map((l) => l.split(',')).map((c) => [c[2], c[3], c[4], c[5]]);
    assert.deepEqual(expected.map((r) => r[0]), ['0042', '0043']);
    const readBack = async (file: string) => {
      const wb = new Workbook();
      await wb.xlsx.readFile(file);
      const cohort = wb.getWorksheet('acme-2026-03')!;
      const rows: unknown[][] = [];
      cohort.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(2, 6)));
      return { names: wb.worksheets.map((w) => w.name), rows };
    };

    saveAs = vscode.Uri.file(path.join(tmp, 'decisions.xlsx'));
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('cloe.exportOutcomesXlsx');
    assert.equal(saved?.toString(), saveAs.toString());
    const fromCommand = await readBack(saveAs.fsPath);
    assert.deepEqual(fromCommand.names, ['Summary', 'acme-2026-03']);
    assert.deepEqual(fromCommand.rows, expected);

    // The outcomes view's Export Excel button (the message its webview posts).
    await vscode.commands.executeCommand('cloe.showOutcomes', doc.uri);
    await api.outcomes.posted((s) => s.uri === doc.uri.toString());
    saveAs = vscode.Uri.file(path.join(tmp, 'depuis-la-vue.xlsx'));
    await api.outcomes.receive({ type: 'export', format: 'xlsx' });
    assert.deepEqual(await readBack(saveAs.fsPath), fromCommand);
  });
});
