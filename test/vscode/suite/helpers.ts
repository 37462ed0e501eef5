/** What the real VS Code suites share: waiting on conditions and events, never on fixed sleeps. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cloe-grid.cloe-grid';

export interface CloeApi {
  client(): { state: number; onDidChangeState(l: (e: { oldState: number; newState: number }) => void): vscode.Disposable; sendRequest<R>(method: string, params?: unknown): Promise<R> } | undefined;
  started(): boolean;
  status: vscode.LanguageStatusItem;
  ready(): Promise<void>;
}

/** Resolves when `check()` holds, re-checking on every diagnostics change (and at most every 100 ms). */
export async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30000): Promise<T> {
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

export async function diagnosticsOf(uri: vscode.Uri, pred: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0): Promise<vscode.Diagnostic[]> {
  return until(`diagnostics of ${path.basename(uri.fsPath)}`, () => {
    const d = vscode.languages.getDiagnostics(uri);
    return pred(d) ? d : undefined;
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The command lines of the running processes that are this extension's language server. */
export function serverProcesses(extensionPath: string): string[] {
  const server = path.join(extensionPath, 'dist', 'server.js');
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(server));
}

/**
 * Asks the runner (run-code-server.mjs, which holds the page) for what only the DOM has: a
 * screenshot (once `waitFor`, a CSS selector, is visible) or the rendered tokens. Resolves with
 * the file it wrote, when it is there.
 */
export async function askRunner(action: 'screenshot' | 'tokens', file?: string, waitFor?: string): Promise<string> {
  const target = file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cloe-ask-')), `${action}.json`);
  // A file left by an earlier run must not pass for the answer.
  fs.rmSync(target, { force: true });
  fs.rmSync(target + '.error', { force: true });
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const done = new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(target) && fs.statSync(target).size > 0) finish();
      else if (fs.existsSync(target + '.error')) finish(new Error(fs.readFileSync(target + '.error', 'utf8')));
    });
    const timer = setTimeout(() => finish(new Error(`the runner did not answer ${action}`)), 30000);
    function finish(e?: Error) {
      watcher.close();
      clearTimeout(timer);
      if (e) reject(e);
      else resolve();
    }
  });
  console.log(`CLOE_RUNNER ${JSON.stringify({ action, path: target, waitFor })}`);
  await done;
  assert.ok(fs.existsSync(target));
  return target;
}
