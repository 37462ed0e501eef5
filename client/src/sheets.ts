/**
 * Spreadsheets in VS Code (issue 17): "CLOE: Import Candidates from Spreadsheet…" and "CLOE:
 * Export Outcomes to Excel…".
 *
 * The extension reads neither YAML nor spreadsheets: the language server does, with the import's
 * one computation (`cloe-grid import`'s, core/sheet-plan.ts) — cloe/sheetColumns proposes the
 * column mapping, which the user confirms or changes in a quick pick; cloe/importSheet answers the
 * new file's text or the edits that merge the sheet into the open grid document, applied here as a
 * WorkspaceEdit (an ordinary edit: Undo reverts it, nothing is saved behind the user's back); the
 * findings come placed in the sheet (row, column) and go to an output channel of their own.
 * The export asks cloe/export for the workbook of `report --format xlsx` and saves it where the
 * user says. Every text comes from the core's catalogue, in the server's locale.
 *
 * Neither command runs anything: the import reads a file the user picked and changes a document
 * the user sees (and can undo); the export writes where the user says. Both work in Restricted
 * Mode. Hidden in the browser (the server side needs Node's spreadsheet libraries).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { type Locale, type MessageId, type MessageRef, msg, render } from '../../server/src/core/messages';
import { SHEET_FIELDS, type SheetField } from '../../server/src/core/sheet';
import { EXPORT_REQUEST, type ExportFormat, type ExportParams, IMPORT_SHEET_REQUEST, type ImportSheetParams, type ImportSheetResult, SHEET_COLUMNS_REQUEST, type SheetColumnInfo, type SheetColumnsResult } from '../../server/src/protocol';

const GRID_LANGUAGE = 'cloe-yaml';

/** The fields a column can be given, in the pick's order (SHEET_FIELDS of core/sheet.ts). */
const FIELDS: readonly SheetField[] = SHEET_FIELDS;

/** Dialogs, replaceable by the tests (a save dialog cannot be answered from an extension). */
export const dialogs = {
  save: (options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> => vscode.window.showSaveDialog(options),
  open: (options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined> => vscode.window.showOpenDialog(options),
};

/** A quick pick on screen, as the tests see it. */
export interface ShownPick {
  title: string | undefined;
  placeholder: string | undefined;
  items: { label: string; description?: string | undefined; detail?: string | undefined }[];
  /** Chooses the first item whose label matches, as the user would (the real quick pick's accept). */
  choose(label: string | RegExp): Promise<void>;
  /** Types a value in the pick's box. */
  type(value: string): void;
  /** Escape. */
  hide(): void;
}

/** What an import did (the command's result). */
export interface ImportOutcome {
  target: vscode.Uri;
  kind: 'new' | 'merge';
  summary: string;
  inSheet: string[];
}

export interface SheetsApi {
  dialogs: typeof dialogs;
  /** Resolves with the next quick pick the import shows. */
  nextPick(timeoutMs?: number): Promise<ShownPick>;
  /** The import's output channel's text so far (what "Show in the spreadsheet" shows). */
  outputText(): string;
}

/** The locale before the server says its own: the `cloe.locale` setting, else VS Code's display language. */
function localeOfUi(): Locale {
  const chosen = vscode.workspace.getConfiguration('cloe').get<string>('locale', 'auto');
  if (chosen === 'en' || chosen === 'fr') return chosen;
  return /^fr\b|^fr-/i.test(vscode.env.language) ? 'fr' : 'en';
}

/** Excel's letter of a 0-based column index: 0 → A, 27 → AB. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Saves the report of a grid file in a format of cloe/export where the user says; the saved file, or undefined. */
export async function exportOutcomes(client: BaseLanguageClient, uri: vscode.Uri, format: ExportFormat, locale: Locale): Promise<vscode.Uri | undefined> {
  const answer = await client.sendRequest<string | null>(EXPORT_REQUEST, { uri: uri.toString(), format } satisfies ExportParams);
  if (answer === null) {
    void vscode.window.showErrorMessage(render(msg('import.editor.no-grid-file'), locale));
    return undefined;
  }
  const ext = format === 'markdown' ? 'md' : format;
  const base = uri.path.replace(/\.cloe\.ya?ml$|\.ya?ml$/, '');
  const filters = format === 'xlsx' ? { Excel: ['xlsx'] } : { [format.toUpperCase()]: [ext] };
  const defaultUri = uri.scheme === 'untitled' ? undefined : uri.with({ path: `${base}.outcomes.${ext}` });
  const target = await dialogs.save({ ...(defaultUri ? { defaultUri } : {}), filters });
  if (!target) return undefined;
  const bytes = format === 'xlsx' ? Uint8Array.from(Buffer.from(answer, 'base64')) : new TextEncoder().encode(answer);
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(render(msg('view.exported', { file: vscode.workspace.asRelativePath(target) }), locale));
  return target;
}

export function registerSheets(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined, ready: () => Promise<void>): SheetsApi {
  let pickWaiters: ((p: ShownPick) => void)[] = [];
  /** Picks on screen no test asked for yet (a pick can open before the test asks for the next one). */
  let unclaimed: ShownPick[] = [];
  let output: vscode.OutputChannel | undefined;
  let outputText = '';

  /** A quick pick (the real one), announced to the tests; resolves with the chosen item, undefined on Escape. */
  function pick<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeholder: string; onType?: (value: string) => T[] }): Promise<T | undefined> {
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<T>();
      qp.title = options.title;
      qp.placeholder = options.placeholder;
      qp.items = items;
      qp.ignoreFocusOut = true;
      let done = false;
      const finish = (item: T | undefined) => {
        if (done) return;
        done = true;
        unclaimed = unclaimed.filter((p) => p !== shown);
        resolve(item);
        qp.dispose();
      };
      qp.onDidAccept(() => finish(qp.selectedItems[0] ?? qp.activeItems[0]));
      qp.onDidHide(() => finish(undefined));
      if (options.onType) qp.onDidChangeValue((v) => (qp.items = options.onType!(v)));
      qp.show();
      const shown: ShownPick = {
        title: qp.title,
        placeholder: qp.placeholder,
        items: qp.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail })),
        choose: async (label) => {
          const item = qp.items.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
          if (!item) throw new Error(`no item ${String(label)} in the pick "${qp.title}": ${qp.items.map((i) => i.label).join(' | ')}`);
          // The workbench's quick pick makes the item active and says so (when it already was, it
          // may say nothing: a second at most), then accepts it as Enter does.
          const active = new Promise<void>((resolve) => {
            const done = () => (sub.dispose(), clearTimeout(timer), resolve());
            const sub = qp.onDidChangeActive((items) => items[0] === item && done());
            const timer = setTimeout(done, 1000);
          });
          qp.activeItems = [item];
          await active;
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        },
        type: (value) => {
          qp.value = value;
          if (options.onType) qp.items = options.onType(value);
          shown.items = qp.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail }));
        },
        hide: () => qp.hide(),
      };
      const waiter = pickWaiters.shift();
      if (waiter) waiter(shown);
      else unclaimed.push(shown);
    });
  }

  function report(locale: Locale, lines: string[]): void {
    if (!output) {
      output = vscode.window.createOutputChannel(render(msg('import.editor.output'), locale));
      context.subscriptions.push(output);
    }
    output.clear();
    outputText = lines.map((l) => `${l}\n`).join('');
    output.append(outputText);
  }

  async function importSheet(arg?: vscode.Uri): Promise<ImportOutcome | undefined> {
    // The grid files the sheet can merge into: the active one first (before any dialog takes the focus).
    const grids = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors]
      .map((e) => e?.document)
      .filter((d): d is vscode.TextDocument => d !== undefined && d.languageId === GRID_LANGUAGE)
      .filter((d, i, all) => all.findIndex((o) => o.uri.toString() === d.uri.toString()) === i);
    let locale = localeOfUi();
    const t = (id: MessageId, args?: Parameters<typeof msg>[1]) => render(msg(id, args), locale);
    const fail = (message: string): undefined => {
      report(locale, [message]);
      void vscode.window.showErrorMessage(message);
      return undefined;
    };

    let sheet = arg instanceof vscode.Uri ? arg : undefined;
    if (!sheet) {
      const picked = await dialogs.open({ canSelectMany: false, filters: { [t('import.editor.output')]: ['xlsx', 'xlsm', 'csv'] } });
      sheet = picked?.[0];
      if (!sheet) return undefined;
    }
    const c = client();
    if (!c) return undefined;
    await ready();

    // The column mapping: proposed by the server, confirmed or changed by the user.
    const map: Record<string, SheetField> = {};
    let columns: Extract<SheetColumnsResult, { ok: true }>;
    for (;;) {
      const r = await c.sendRequest<SheetColumnsResult>(SHEET_COLUMNS_REQUEST, { uri: sheet.toString(), map });
      locale = r.locale;
      if (!r.ok) return fail(r.message);
      columns = r;
      const fieldName = (f: SheetField | undefined) => t(`import.field.${f ?? 'ignore'}` as MessageId);
      type Item = vscode.QuickPickItem & { column?: SheetColumnInfo };
      const imported = r.columns.filter((col) => col.field).length;
      const items: Item[] = [
        {
          label: `$(check) ${t('import.editor.mapping.accept')}`,
          detail: r.hasId ? t('import.editor.mapping.accept.detail', { count: imported, ignored: r.ignored.length }) : `$(warning) ${t('import.editor.no-id-column', { field: msg('import.field.id') })}`,
        },
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        ...r.columns.map(
          (col): Item => ({
            label: col.header,
            description: `${col.field ? '→' : '✕'} ${fieldName(col.field)}${col.chosen ? ` ${t('import.editor.mapping.chosen')}` : ''} · ${t('import.editor.mapping.column', { letter: columnLetter(col.index) })}`,
            ...(col.samples.length > 0 ? { detail: t('import.editor.mapping.samples', { values: col.samples.join(' · ') }) } : {}),
            column: col,
          }),
        ),
      ];
      const chosen = await pick(items, { title: t('import.editor.mapping.title', { file: r.file, row: r.headerRow, count: r.rows }), placeholder: t('import.editor.mapping.placeholder') });
      if (!chosen) return undefined;
      if (!chosen.column) {
        if (r.hasId) break;
        fail(t('import.editor.no-id-column', { field: msg('import.field.id') }));
        continue;
      }
      const col = chosen.column;
      const fieldItems = FIELDS.map((f) => ({ label: fieldName(f), description: f === (col.field ?? 'ignore') ? t('import.editor.field.current') : f, field: f }));
      const field = await pick(fieldItems, { title: t('import.editor.field.title', { header: col.header }), placeholder: col.samples.length > 0 ? t('import.editor.mapping.samples', { values: col.samples.join(' · ') }) : '' });
      if (field) map[col.header] = field.field;
    }

    // Where the candidates go.
    type Target = vscode.QuickPickItem & { doc?: vscode.TextDocument };
    const targets: Target[] = [
      { label: `$(new-file) ${t('import.editor.target.new')}`, detail: t('import.editor.target.new.detail') },
      ...grids.map((doc): Target => ({ label: `$(merge) ${t('import.editor.target.merge', { file: vscode.workspace.asRelativePath(doc.uri) })}`, detail: t('import.editor.target.merge.detail'), doc })),
    ];
    const target = await pick(targets, { title: t('import.editor.target.placeholder', { file: columns.file }), placeholder: t('import.editor.target.placeholder', { file: columns.file }) });
    if (!target) return undefined;
    let targetUri: vscode.Uri;
    if (target.doc) targetUri = target.doc.uri;
    else {
      const base = sheet.path.replace(/\.[^./]*$/, '');
      const chosen = await dialogs.save({ defaultUri: sheet.with({ path: `${base}.cloe.yaml` }), filters: { 'CLOE Grid': ['cloe.yaml', 'yaml'] }, title: t('import.editor.save.title', { file: columns.file }) });
      if (!chosen) return undefined;
      targetUri = chosen;
      if (await exists(targetUri)) return fail(t('import.editor.exists', { file: vscode.workspace.asRelativePath(targetUri) }));
    }

    // The import; new candidates without a cohort get the one the user names.
    const params: ImportSheetParams = { uri: sheet.toString(), map, target: { kind: target.doc ? 'merge' : 'new', uri: targetUri.toString() } };
    let r = await c.sendRequest<ImportSheetResult>(IMPORT_SHEET_REQUEST, params);
    if (!r.ok && r.error === 'no-cohort') {
      const cohort = await askCohort(r.rows, r.cohorts, t);
      if (!cohort) return undefined;
      r = await c.sendRequest<ImportSheetResult>(IMPORT_SHEET_REQUEST, { ...params, cohort });
    }
    locale = r.locale;
    if (!r.ok) return fail(r.message);

    if (target.doc) {
      const doc = target.doc;
      if (doc.isClosed || doc.version !== r.version) return fail(t('import.editor.changed', { file: vscode.workspace.asRelativePath(doc.uri) }));
      const edit = new vscode.WorkspaceEdit();
      for (const e of r.edits ?? []) edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      if (!(await vscode.workspace.applyEdit(edit))) return fail(t('import.editor.changed', { file: vscode.workspace.asRelativePath(doc.uri) }));
      await vscode.window.showTextDocument(doc, { preview: false });
    } else {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(targetUri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(r.text ?? '') });
      if (!(await vscode.workspace.applyEdit(edit))) return fail(t('import.editor.exists', { file: vscode.workspace.asRelativePath(targetUri) }));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(targetUri), { preview: false });
    }

    // What happened, and what to fix in the sheet.
    report(locale, [r.summary, ...(r.inSheet.length > 0 ? [t('import.in-sheet'), ...r.inSheet.map((l) => `  ${l}`)] : [])]);
    if (r.inSheet.length > 0) {
      const show = t('import.editor.show');
      void vscode.window.showWarningMessage(t('import.editor.done.findings', { summary: r.summary, count: r.inSheet.length }), show).then((choice) => {
        if (choice === show) output?.show(true);
      });
    } else void vscode.window.showInformationMessage(r.summary);
    return { target: targetUri, kind: target.doc ? 'merge' : 'new', summary: r.summary, inSheet: r.inSheet };
  }

  /** The cohort of new candidates: one of the target's, or an id the user types. */
  async function askCohort(rows: number[], cohorts: string[], t: (id: MessageId, args?: Record<string, string | number | MessageRef>) => string): Promise<string | undefined> {
    type Item = vscode.QuickPickItem & { id?: string };
    const existing: Item[] = cohorts.map((id) => ({ label: id, id }));
    const typed = (value: string): Item[] => {
      const v = value.trim();
      if (!v || cohorts.includes(v)) return existing;
      const valid = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(v);
      return [{ label: t('import.editor.cohort.new', { id: v }), ...(valid ? { id: v } : { detail: `$(warning) ${t('import.editor.cohort.invalid')}` }), alwaysShow: true }, ...existing];
    };
    const rowText = rows.length <= 10 ? rows.join(', ') : `${rows.slice(0, 10).join(', ')}… (${rows.length})`;
    for (;;) {
      const chosen = await pick(existing, {
        title: t('import.editor.cohort.title', { rows: rowText }),
        placeholder: cohorts.length > 0 ? t('import.editor.cohort.placeholder') : t('import.editor.cohort.prompt'),
        onType: typed,
      });
      if (!chosen) return undefined;
      if (chosen.id) return chosen.id;
    }
  }

  async function exportXlsx(arg?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const editor = vscode.window.activeTextEditor;
    const uri = arg instanceof vscode.Uri ? arg : editor?.document.languageId === GRID_LANGUAGE ? editor.document.uri : undefined;
    if (!uri) {
      void vscode.window.showErrorMessage(render(msg('import.editor.no-grid-file'), localeOfUi()));
      return undefined;
    }
    const c = client();
    if (!c) return undefined;
    await ready();
    return exportOutcomes(c, uri, 'xlsx', localeOfUi());
  }

  context.subscriptions.push(vscode.commands.registerCommand('cloe.importSheet', importSheet), vscode.commands.registerCommand('cloe.exportOutcomesXlsx', exportXlsx));

  return {
    dialogs,
    nextPick: (timeoutMs = 20000) =>
      new Promise<ShownPick>((resolve, reject) => {
        const waiting = unclaimed.shift();
        if (waiting) return resolve(waiting);
        const waiter = (p: ShownPick) => (clearTimeout(timer), resolve(p));
        const timer = setTimeout(() => {
          pickWaiters = pickWaiters.filter((w) => w !== waiter);
          reject(new Error('no quick pick was shown'));
        }, timeoutMs);
        pickWaiters.push(waiter);
      }),
    outputText: () => outputText,
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
