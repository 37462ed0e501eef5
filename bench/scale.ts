/**
 * Scale (issue 18): a generated tree of 10,000 grid files of 20 candidates, checked by the CLI in
 * each format and by the language server's Check Workspace (cloe/checkFiles); the cancellation of
 * that check; and 50 open grid files of 1,000 candidates in one server. Peak memory is the peak
 * resident set size of the process (VmHWM and VmRSS of /proc/<pid>/status, worker threads
 * included). Run by `npm run bench` (bench/run.ts), or alone: `node out/bench/run.js --scale-only`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, WorkDoneProgress } from 'vscode-languageserver-protocol/node';
import { generateGrid } from './generate';
import { BenchClient, MemorySampler, type ServerSpec, sleep } from './lsp';

export const TREE_FILES = 10_000;
export const TREE_CANDIDATES = 20;
export const OPEN_FILES = 50;
export const OPEN_CANDIDATES = 1_000;
export const OPEN_GOAL_BYTES = 400e6;
export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;
const TREE_VERSION = 1;

export interface CliScaleRun {
  format: string;
  wallMs: number;
  peakRssBytes: number;
  outputBytes: number;
  exitCode: number | null;
  error?: string;
}

export interface WorkspaceScaleRun {
  files: number;
  wallMs: number;
  peakRssBytes: number;
  /** publishDiagnostics received during the check (one per file). */
  published: number;
  /** $/progress reports received (the client's progress: files checked so far). */
  progressReports: number;
  /** The largest message of the check (its answer or a publishDiagnostics), in bytes of JSON. */
  largestMessageBytes: number;
  answer: unknown;
  error?: string;
}

export interface CancelScaleRun {
  /** Files published when the request was cancelled. */
  publishedAtCancel: number;
  /** Files published between the cancellation and the answer. */
  publishedAfterCancel: number;
  /** Files published after the answer (should be none). */
  publishedAfterAnswer: number;
  /** From the cancellation to the answer. */
  answerMs: number;
  error?: string;
}

export interface OpenScaleRun {
  files: number;
  candidates: number;
  bytes: number;
  /** Peak RSS over opening all of them and one edit in each. */
  peakRssBytes: number;
  /** RSS once everything is validated and idle. */
  idleRssBytes: number;
  openAllMs: number;
  error?: string;
}

export interface ScaleResults {
  date: string;
  tree: { dir: string; files: number; candidates: number; bytes: number };
  cli: CliScaleRun[];
  workspace?: WorkspaceScaleRun;
  cancel?: CancelScaleRun;
  open?: OpenScaleRun;
  load: [number, number];
}

/** The tree: 100 folders of 100 files (written once; kept while its shape is the same). */
export function generateTree(dir: string, log: (s: string) => void): ScaleResults['tree'] {
  const stamp = path.join(dir, `.tree-${TREE_VERSION}-${TREE_FILES}-${TREE_CANDIDATES}`);
  let bytes = 0;
  if (existsSync(stamp)) {
    for (const d of readdirSync(dir)) if (d.startsWith('org-')) for (const f of readdirSync(path.join(dir, d))) bytes += statSync(path.join(dir, d, f)).size;
    return { dir, files: TREE_FILES, candidates: TREE_CANDIDATES, bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < TREE_FILES; i++) {
    const sub = path.join(dir, `org-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const { text } = generateGrid(TREE_CANDIDATES, 70_000 + i);
    writeFileSync(path.join(sub, `cohort-${String(i).padStart(5, '0')}.cloe.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(stamp, '');
  log(`generated ${TREE_FILES} files of ${TREE_CANDIDATES} candidates in ${dir} (${(bytes / 1e6).toFixed(1)} MB)`);
  return { dir, files: TREE_FILES, candidates: TREE_CANDIDATES, bytes };
}

function treeUris(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir).sort()) if (d.startsWith('org-')) for (const f of readdirSync(path.join(dir, d)).sort()) out.push(pathToFileURL(path.join(dir, d, f)).href);
  return out;
}

/** `cloe-grid check <tree> --format <f>`, its report written to a file (stdout): wall time and peak RSS. */
async function cliRun(cli: string, tree: string, format: string, outFile: string): Promise<CliScaleRun> {
  const fd = openSync(outFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'check', tree, '--format', format], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  closeSync(fd);
  const memory = new MemorySampler(child.pid!, 20);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d.slice(0, 2000)));
  const code = await new Promise<number | null>((resolve) => {
    // The last sample before the process is gone: 'exit' comes after; VmHWM is the kernel's high-water mark.
    const poll = setInterval(() => memory.sample(), 5);
    child.once('exit', (c) => (clearInterval(poll), resolve(c)));
  });
  const wallMs = performance.now() - t0;
  memory.stop();
  const r: CliScaleRun = { format, wallMs, peakRssBytes: memory.peakBytes(), outputBytes: statSync(outFile).size, exitCode: code };
  if (code !== 0 && code !== 1) r.error = `exit ${String(code)}: ${stderr.slice(0, 300)}`;
  return r;
}

function messageBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v));
}

async function workspaceRun(spec: ServerSpec, root: string, uris: string[]): Promise<WorkspaceScaleRun> {
  const client = new BenchClient(spec, root);
  const r: WorkspaceScaleRun = { files: uris.length, wallMs: NaN, peakRssBytes: 0, published: 0, progressReports: 0, largestMessageBytes: 0, answer: null };
  try {
    await client.initialize();
    client.connection.onNotification('textDocument/publishDiagnostics', (p: unknown) => {
      r.published++;
      r.largestMessageBytes = Math.max(r.largestMessageBytes, messageBytes(p));
    });
    const token = 'scale-check';
    client.connection.onProgress(WorkDoneProgress.type, token, (p) => {
      if (p.kind === 'report') r.progressReports++;
    });
    const t0 = performance.now();
    r.answer = await client.connection.sendRequest('cloe/checkFiles', { uris, workDoneToken: token });
    r.wallMs = performance.now() - t0;
    r.largestMessageBytes = Math.max(r.largestMessageBytes, messageBytes(r.answer));
    r.peakRssBytes = client.memory.peakBytes();
  } catch (e) {
    r.error = e instanceof Error ? e.message : String(e);
  } finally {
    await client.stop();
  }
  return r;
}

async function cancelRun(spec: ServerSpec, root: string, uris: string[], after: number): Promise<CancelScaleRun> {
  const client = new BenchClient(spec, root);
  const r: CancelScaleRun = { publishedAtCancel: 0, publishedAfterCancel: 0, publishedAfterAnswer: 0, answerMs: NaN };
  try {
    await client.initialize();
    const source = new CancellationTokenSource();
    let published = 0;
    let cancelledAt = -1;
    let answered = false;
    let t0 = 0;
    client.connection.onNotification('textDocument/publishDiagnostics', () => {
      published++;
      if (answered) r.publishedAfterAnswer++;
      else if (cancelledAt >= 0) r.publishedAfterCancel++;
      else if (published === after) {
        cancelledAt = published;
        r.publishedAtCancel = published;
        t0 = performance.now();
        source.cancel();
      }
    });
    await client.connection.sendRequest('cloe/checkFiles', { uris }, source.token).catch(() => undefined);
    r.answerMs = performance.now() - t0;
    answered = true;
    // Anything still coming after the answer would arrive within this time.
    await sleep(1000);
  } catch (e) {
    r.error = e instanceof Error ? e.message : String(e);
  } finally {
    await client.stop();
  }
  return r;
}

async function openRun(spec: ServerSpec, root: string, log: (s: string) => void): Promise<OpenScaleRun> {
  const client = new BenchClient(spec, root);
  const r: OpenScaleRun = { files: OPEN_FILES, candidates: OPEN_CANDIDATES, bytes: 0, peakRssBytes: 0, idleRssBytes: 0, openAllMs: NaN };
  try {
    await client.initialize();
    const docs = Array.from({ length: OPEN_FILES }, (_, i) => ({ uri: pathToFileURL(path.join(root, 'bench', 'tmp', 'open', `open-${i}.cloe.yaml`)).href, text: generateGrid(OPEN_CANDIDATES, 90_000 + i).text }));
    r.bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
    const t0 = performance.now();
    for (const d of docs) await client.open(d.uri, d.text, 60_000);
    r.openAllMs = performance.now() - t0;
    // One edit in each (the incremental path keeps its state per document), then idle.
    for (const d of docs) {
      const line = d.text.split('\n').findIndex((l, k) => k > 100 && /^ {8}name: /.test(l));
      await client.change(d.uri, [{ range: { start: { line, character: 14 }, end: { line, character: 14 } }, text: 'x' }], 60_000);
    }
    await sleep(1500);
    r.peakRssBytes = client.memory.peakBytes();
    r.idleRssBytes = currentRss(client.pid);
    log(`scale: ${OPEN_FILES} open files of ${OPEN_CANDIDATES} candidates: peak ${(r.peakRssBytes / 1e6).toFixed(0)} MB, idle ${(r.idleRssBytes / 1e6).toFixed(0)} MB`);
  } catch (e) {
    r.error = e instanceof Error ? e.message : String(e);
  } finally {
    await client.stop();
  }
  return r;
}

function currentRss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return NaN;
  }
}

export async function benchScale(cli: string, root: string, tmp: string, log: (s: string) => void): Promise<ScaleResults> {
  const load0 = os.loadavg()[0]!;
  const tree = generateTree(path.join(tmp, 'scale-tree'), log);
  const results: ScaleResults = { date: new Date().toISOString(), tree, cli: [], load: [load0, NaN] };
  for (const format of CHECK_FORMATS) {
    const x = await cliRun(cli, tree.dir, format, path.join(tmp, `scale-check.${format}.out`));
    results.cli.push(x);
    log(`scale: check ${TREE_FILES} files --format ${format.padEnd(7)} ${(x.wallMs / 1000).toFixed(2)} s, peak ${(x.peakRssBytes / 1e6).toFixed(0)} MB, ${(x.outputBytes / 1e6).toFixed(1)} MB out${x.error ? ` ERROR ${x.error}` : ''}`);
  }
  const spec: ServerSpec = { name: 'cloe-grid', args: [cli, '--stdio'], configuration: (s) => (s === 'cloe' ? {} : null), versionedDiagnostics: true };
  const uris = treeUris(tree.dir);
  results.workspace = await workspaceRun(spec, root, uris);
  const w = results.workspace;
  log(`scale: Check Workspace ${uris.length} files: ${(w.wallMs / 1000).toFixed(2)} s, peak ${(w.peakRssBytes / 1e6).toFixed(0)} MB, ${w.published} published, ${w.progressReports} progress reports, largest message ${w.largestMessageBytes} B${w.error ? ` ERROR ${w.error}` : ''}`);
  results.cancel = await cancelRun(spec, root, uris, 1000);
  const c = results.cancel;
  log(`scale: cancelled after ${c.publishedAtCancel} files: answered in ${c.answerMs.toFixed(0)} ms, ${c.publishedAfterCancel} more published before the answer, ${c.publishedAfterAnswer} after${c.error ? ` ERROR ${c.error}` : ''}`);
  results.open = await openRun(spec, root, log);
  results.load[1] = os.loadavg()[0]!;
  return results;
}

const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
const secs = (ms: number) => (Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** The section of RESULTS.md. */
export function scaleMarkdown(s: ScaleResults, cores: number): string[] {
  const L: string[] = [];
  L.push('## Scale (issue 18)', '');
  L.push(
    `Measured on ${s.date} (\`node out/bench/run.js --scale-only\` writes this section alone). A generated tree of ${s.tree.files.toLocaleString('en-US')} grid files of ${s.tree.candidates} candidates (100 folders, ${(s.tree.bytes / 1e6).toFixed(1)} MB), one run each, on ${cores} cores shared with other sessions (1-minute load ${s.load[0].toFixed(1)} → ${s.load[1].toFixed(1)}): times are indicative, memory much less noisy. Peak memory: the peak resident set size of the process (worker threads included). MB = 10⁶ bytes.`,
    '',
  );
  L.push(`### \`cloe-grid check\` on ${s.tree.files.toLocaleString('en-US')} files`, '');
  L.push('Files are read, checked (on worker threads) and reported in batches: the report is written as it goes (a one-document format too: JSON, SARIF, JUnit, GitLab), and no batch is kept once reported.', '');
  L.push('| format | wall time | peak RSS | report size | exit |');
  L.push('|---|---:|---:|---:|---:|');
  for (const c of s.cli) L.push(`| ${c.format} | ${c.error ? `failed: ${c.error.slice(0, 80)}` : secs(c.wallMs)} | ${mb(c.peakRssBytes)} | ${(c.outputBytes / 1e6).toFixed(1)} MB | ${String(c.exitCode ?? '—')} |`);
  L.push('');
  L.push(
    'Before issue 18 (the same tree and bench, 2026-12-01, load ~3): every file and its findings were kept until the report was built as one string; peak RSS 359–362 MB (stylish, JSON, SARIF, GitHub, GitLab) and 564 MB (JUnit), growing with the number of files (20,000 files: 565 MB for JSON; now 230 MB for 20,000 as for 10,000, measured by hand).',
    '',
  );
  if (s.workspace) {
    const w = s.workspace;
    L.push(`### Check Workspace (\`cloe/checkFiles\`) on ${w.files.toLocaleString('en-US')} files`, '');
    L.push('The language server spawned over stdio (`cloe-grid --stdio`), asked to check every file of the tree (none open); diagnostics are published file by file as they are checked, with `$/progress` reports, and the answer holds only the counts.', '');
    L.push('| wall time | peak RSS of the server | files published | progress reports | largest message | answer |');
    L.push('|---:|---:|---:|---:|---:|---|');
    L.push(`| ${w.error ? `failed: ${w.error.slice(0, 80)}` : secs(w.wallMs)} | ${mb(w.peakRssBytes)} | ${w.published.toLocaleString('en-US')} | ${w.progressReports} | ${(w.largestMessageBytes / 1e3).toFixed(1)} kB | \`${JSON.stringify(w.answer)}\` |`);
    L.push('');
    L.push('Before issue 18: 80 MB and 10 s on the same tree (the files were already checked one at a time), but no progress, diagnostics written without waiting (piling up behind a slow client), and a file opened while it was being read could get the disk\'s diagnostics over its own.', '');
  }
  if (s.cancel) {
    const c = s.cancel;
    L.push(`Cancelled (\`$/cancelRequest\`) after the ${c.publishedAtCancel.toLocaleString('en-US')}th file: answered ${secs(c.answerMs)} later, ${c.publishedAfterCancel} more file(s) published before the answer, ${c.publishedAfterAnswer} after it.${c.error ? ` Error: ${c.error}` : ''}`, '');
  }
  if (s.open) {
    const o = s.open;
    const met = o.peakRssBytes <= OPEN_GOAL_BYTES && !o.error;
    L.push(`### ${o.files} open grid files of ${o.candidates.toLocaleString('en-US')} candidates`, '');
    L.push(`One server, ${o.files} documents opened one after the other (${(o.bytes / 1e6).toFixed(1)} MB of text in all), each validated, then one edit in each (incremental validation), then idle.`, '');
    L.push('| open all (to the last diagnostics) | peak RSS | RSS when idle | goal | met |');
    L.push('|---:|---:|---:|---:|:-:|');
    L.push(`| ${o.error ? `failed: ${o.error.slice(0, 80)}` : secs(o.openAllMs)} | ${mb(o.peakRssBytes)} | ${mb(o.idleRssBytes)} | ≤ ${mb(OPEN_GOAL_BYTES)} | ${met ? '✅' : '❌'} |`);
    L.push('');
    L.push(
      'What an open document keeps: its text (the editor\'s copy, and the incremental analysis\'s), the parsed tree and the model of its last analysis, with candidates read lazily from the text (core/lazy.ts); the edits since the last analysis until they are replayed. About 1.4 MB per document of 1,000 candidates (0.15 MB of text) here, over a ~60 MB empty server.',
      '',
    );
  }
  return L;
}
