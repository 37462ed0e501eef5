/**
 * `cloe/checkFiles`: the extension's "Check Workspace" (issue 18: thousands of files).
 *
 * - One file at a time: read, checked, its diagnostics written (awaited: a slow client holds the
 *   loop back instead of letting messages pile up in the server), then let go. The answer holds
 *   only the counts; `$/progress` reports (when the request has a workDoneToken) say how far it is.
 * - Cancellation is looked at before each file: the answer comes within one file.
 * - An open document is never published from the disk: its own validation (of its last version)
 *   owns its diagnostics, also when it was opened while its file was being read.
 * - A configuration that changes during the check (generation) makes the files already checked
 *   with the previous one be checked again: the check ends with the last configuration's findings.
 */
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver';
import { WorkDoneProgress } from 'vscode-languageserver';
import type { CheckResult } from '../core/check';
import type { Finding } from '../core/findings';
import { type Locale, msg, render } from '../core/messages';
import type { CheckFilesParams, CheckFilesResult } from '../protocol';

export interface CheckFilesHost {
  /** The analysis of the open document's current version, if the uri is open. */
  openAnalysis(uri: string): CheckResult | undefined;
  isOpen(uri: string): boolean;
  /** A configuration file: its own findings and their diagnostics. */
  configFindings(uri: string): { findings: readonly Finding[]; diagnostics: () => Diagnostic[] } | undefined;
  /** Reads a file that is not open (as the CLI reads it). */
  readText(uri: string): Promise<string>;
  /** Checks a text with the configuration that applies to the uri now; returns its findings and diagnostics. */
  check(uri: string, text: string): { findings: readonly Finding[]; diagnostics: () => Diagnostic[] };
  /** Bumped whenever a configuration changes. */
  generation(): number;
  locale(): Locale;
  log(message: string): void;
}

/** How often progress is reported (at most): every this many files or milliseconds. */
const PROGRESS_EVERY_FILES = 100;
const PROGRESS_EVERY_MS = 250;

function counts(findings: readonly Finding[]): [number, number] {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return [errors, warnings];
}

export async function checkFiles(connection: Connection, host: CheckFilesHost, params: CheckFilesParams, token: CancellationToken): Promise<CheckFilesResult> {
  const queue = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
  const total = queue.length;
  /** Errors and warnings of each file checked (a file checked again replaces its counts). */
  const found = new Map<string, [number, number]>();
  let generation = host.generation();
  let checkedUnder: string[] = [];
  const progress = params?.workDoneToken;
  let lastReport = Date.now();
  let sinceReport = 0;
  const report = (kind: 'begin' | 'report') => {
    if (progress === undefined) return;
    const message = render(msg('check.progress', { done: found.size, total }), host.locale());
    const percentage = total === 0 ? 100 : Math.floor((found.size / total) * 100);
    void connection.sendProgress(WorkDoneProgress.type, progress, kind === 'begin' ? { kind, title: message, cancellable: true, message, percentage } : { kind, message, percentage });
    lastReport = Date.now();
    sinceReport = 0;
  };
  report('begin');
  try {
    for (let next = 0; ; next++) {
      // A configuration changed: what was checked with the previous one is checked again.
      if (host.generation() !== generation) {
        queue.push(...checkedUnder);
        checkedUnder = [];
        generation = host.generation();
      }
      if (next >= queue.length || token.isCancellationRequested) break;
      const uri = queue[next]!;
      try {
        const config = host.configFindings(uri);
        if (config) {
          // A configuration is checked as a configuration (as the CLI's `check .` does).
          if (!host.isOpen(uri)) await connection.sendDiagnostics({ uri, diagnostics: config.diagnostics() });
          found.set(uri, counts(config.findings));
        } else {
          let result: { findings: readonly Finding[] } | undefined = host.openAnalysis(uri);
          if (!result) {
            const text = await host.readText(uri);
            if (token.isCancellationRequested) break;
            // Opened while it was read: the document (its last version) wins over the disk.
            result = host.openAnalysis(uri);
            if (!result) {
              const checked = host.check(uri, text);
              result = checked;
              await connection.sendDiagnostics({ uri, diagnostics: checked.diagnostics() });
            }
          }
          found.set(uri, counts(result.findings));
        }
        checkedUnder.push(uri);
      } catch (e) {
        host.log(`cannot check ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (++sinceReport >= PROGRESS_EVERY_FILES || Date.now() - lastReport >= PROGRESS_EVERY_MS) report('report');
    }
  } finally {
    if (progress !== undefined) void connection.sendProgress(WorkDoneProgress.type, progress, { kind: 'end', message: render(msg('check.progress', { done: found.size, total }), host.locale()) });
  }
  let errors = 0;
  let warnings = 0;
  for (const [e, w] of found.values()) {
    errors += e;
    warnings += w;
  }
  return { files: found.size, errors, warnings };
}
