/**
 * "CLOE: Compare Outcomes with…": what the working tree changes to the outcomes of the active grid
 * file against a git ref (HEAD by default, or a branch picked from git), shown in the outcomes
 * view above the cohorts. The extension computes no outcome itself: it runs the bundled CLI's
 * `cloe-grid diff --base <ref> --format json <file>` (what a pull request's job summary shows, in
 * the same words: core/diff-text.ts), so the editor and CI agree. Desktop only (git, a process).
 */
import { execFile, fork } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OutcomeChange } from '../../server/src/core/diff';

/** What was compared: the file, the ref, and the changes (`cloe-grid diff --format json`). */
export interface Compared {
  uri: vscode.Uri;
  ref: string;
  changes: OutcomeChange[];
}

/** The refs to offer: HEAD first, then local branches, then remote ones (git's own order). */
async function refsOf(cwd: string): Promise<string[]> {
  const out = await new Promise<string>((resolve, reject) =>
    execFile('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'], { cwd }, (e, stdout) => (e ? reject(e) : resolve(stdout))),
  );
  return ['HEAD', ...out.split('\n').filter((r) => r && !r.endsWith('/HEAD'))];
}

/** Runs the bundled CLI with the extension host's Node; resolves with its exit code and output. */
function runCli(cli: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(cli, args, { cwd, silent: true, execArgv: [] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * The command's work. `ref` given (tests, keybindings): no question asked. Returns what changed, or
 * undefined when nothing was compared (no grid file, cancelled, an error already shown).
 */
export async function compareOutcomes(extensionPath: string, ref?: string): Promise<Compared | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.uri.scheme !== 'file' || doc.languageId !== 'cloe-yaml') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a grid file (*.cloe.yaml) to compare its outcomes.'));
    return undefined;
  }
  const file = doc.uri.fsPath;
  const cwd = path.dirname(file);
  if (ref === undefined) {
    let refs: string[];
    try {
      refs = await refsOf(cwd);
    } catch {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not in a git repository: there is no earlier version to compare with.', path.basename(file)));
      return undefined;
    }
    ref = await vscode.window.showQuickPick(refs, { title: vscode.l10n.t('Compare the outcomes of {0} with…', path.basename(file)), placeHolder: 'HEAD' });
    if (ref === undefined) return undefined;
  }
  // The diff reads files from disk: what the editor holds must be there.
  if (doc.isDirty) await doc.save();
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  const r = await runCli(cli, ['diff', '--base', ref, '--format', 'json', path.basename(file)], cwd);
  if (r.code !== 0) {
    void vscode.window.showErrorMessage(r.stderr.trim().replace(/^cloe-grid: /, '') || vscode.l10n.t('cloe-grid diff failed (exit code {0}).', r.code));
    return undefined;
  }
  return { uri: doc.uri, ref, changes: JSON.parse(r.stdout) as OutcomeChange[] };
}
