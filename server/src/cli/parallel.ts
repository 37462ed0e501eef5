/**
 * `cloe-grid check` on many files spreads them over worker threads (one per core, at most 4):
 * each worker runs the core's checkText on its share and sends the findings back (plain data).
 * `cloe-grid diff` does the same for report rows. The same bundle is the worker script (see main.ts).
 */
import { availableParallelism } from 'node:os';
import type { Worker as WorkerType } from 'node:worker_threads';
import { type CheckOptions, checkText } from '../core/check';
import type { Finding } from '../core/findings';
import { reportRows, type ReportRow } from './formats/report';

export interface Job {
  text: string;
  options: CheckOptions;
  /** The file's name in report rows (rowsInWorkers). */
  display?: string;
}

/** The report rows of a file, and the offset of each candidate (its id, else its mapping). */
export interface RowsOf {
  rows: ReportRow[];
  offsets: number[];
}

type Kind = 'findings' | 'rows';

/** In a worker's process.argv: the bundle then runs as a worker (main.ts), without loading node:worker_threads otherwise. */
export const WORKER_ARG = '--cloe-grid-worker';
type ResultOf<K extends Kind> = K extends 'rows' ? RowsOf : Finding[];

/** Below this many files, or on one core, threads cost more than they save. */
export const PARALLEL_MIN_FILES = 48;

export function workerCount(files: number): number {
  const cores = availableParallelism();
  return files >= PARALLEL_MIN_FILES && cores > 1 ? Math.min(cores, 4) : 1;
}

/**
 * The report rows of each job, in order (`diff`: outcomes only), computed on `threads` threads:
 * this one (already started, and otherwise idle while it waits) and threads − 1 workers.
 */
export function rowsInWorkers(jobs: readonly Job[], threads: number, script: string): Promise<RowsOf[]> {
  return inWorkers(jobs, threads, script, 'rows');
}

async function inWorkers<K extends Kind>(jobs: readonly Job[], threads: number, script: string, kind: K): Promise<ResultOf<K>[]> {
  const results: ResultOf<K>[] = new Array<ResultOf<K>>(jobs.length);
  const shares: number[][] = Array.from({ length: threads }, () => []);
  // Deal the files out by size, biggest first, to the least loaded thread. A worker spends its
  // first ~0.2 s starting: this thread (share 0) starts with that head start as load on the others.
  const total = jobs.reduce((n, j) => n + j.text.length, 0);
  const load = new Array<number>(threads).fill(0).map((_, t) => (t === 0 ? 0 : Math.min(total / threads / 4, 2_000_000)));
  const order = jobs.map((j, i) => i).sort((a, b) => jobs[b]!.text.length - jobs[a]!.text.length);
  for (const i of order) {
    const t = load.indexOf(Math.min(...load));
    shares[t]!.push(i);
    load[t]! += jobs[i]!.text.length;
  }
  const own = shares[0]!;
  // Loaded here, not at start: one file never needs it (issue 16: a pre-commit hook's start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as { Worker: typeof WorkerType };
  const workers = Promise.all(
    shares.slice(1).map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          if (share.length === 0) return resolve();
          const worker = new Worker(script, { argv: [WORKER_ARG], workerData: { cloeWorker: true, kind, jobs: share.map((i) => jobs[i]) } });
          worker.once('message', (found: ResultOf<K>[]) => {
            found.forEach((f, k) => (results[share[k]!] = f));
            resolve();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`a checking thread stopped with code ${code}`));
          });
        }),
    ),
  );
  // (A worker that fails while this thread is busy: handled below, not an unhandled rejection.)
  workers.catch(() => undefined);
  // The workers start; meanwhile this thread checks its own share.
  await new Promise<void>((resolve) => setImmediate(resolve));
  workerMain({ kind, jobs: own.map((i) => jobs[i]!) }, (found) => (found as ResultOf<K>[]).forEach((f, k) => (results[own[k]!] = f)));
  await workers;
  return results;
}

/**
 * Worker threads kept for checking batch after batch (`cloe-grid check` on thousands of files,
 * issue 18): the files of one batch are dealt out by size to this thread and the workers, their
 * findings come back, and the batch is let go before the next is read. Memory stays that of a batch.
 */
export class CheckPool {
  private readonly workers: WorkerType[];
  private failure: Error | undefined;
  private readonly pending = new Map<WorkerType, { resolve: (found: Finding[][]) => void; reject: (e: Error) => void }>();

  constructor(threads: number, script: string) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker } = require('node:worker_threads') as { Worker: typeof WorkerType };
    this.workers = Array.from({ length: threads - 1 }, () => {
      const worker = new Worker(script, { argv: [WORKER_ARG], workerData: { cloeWorker: true, pool: true } });
      const fail = (e: Error) => {
        this.failure ??= e;
        this.pending.get(worker)?.reject(e);
        this.pending.delete(worker);
      };
      worker.on('message', (found: Finding[][]) => {
        this.pending.get(worker)?.resolve(found);
        this.pending.delete(worker);
      });
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`a checking thread stopped with code ${code}`)));
      return worker;
    });
  }

  /** The findings of each job, in order. */
  async check(jobs: readonly Job[]): Promise<Finding[][]> {
    if (this.failure) throw this.failure;
    const threads = this.workers.length + 1;
    const shares: number[][] = Array.from({ length: threads }, () => []);
    const load = new Array<number>(threads).fill(0);
    const order = jobs.map((j, i) => i).sort((a, b) => jobs[b]!.text.length - jobs[a]!.text.length);
    for (const i of order) {
      const t = load.indexOf(Math.min(...load));
      shares[t]!.push(i);
      load[t]! += jobs[i]!.text.length;
    }
    const results = new Array<Finding[]>(jobs.length);
    const asked = this.workers.map(
      (worker, w) =>
        new Promise<void>((resolve, reject) => {
          const share = shares[w + 1]!;
          if (share.length === 0) return resolve();
          this.pending.set(worker, { resolve: (found) => (found.forEach((f, k) => (results[share[k]!] = f)), resolve()), reject });
          worker.postMessage(share.map((i) => jobs[i]));
        }),
    );
    const all = Promise.all(asked);
    all.catch(() => undefined); // (awaited below, after this thread's own share)
    shares[0]!.forEach((i) => (results[i] = checkText(jobs[i]!.text, jobs[i]!.options).findings));
    await all;
    return results;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the checking threads are closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A worker of a CheckPool: checks each batch it is sent and sends the findings back. */
export function poolWorker(port: { on(event: 'message', listener: (jobs: Job[]) => void): void; postMessage(value: Finding[][]): void }): void {
  port.on('message', (jobs) => port.postMessage(jobs.map((j) => checkText(j.text, j.options).findings)));
}

function rowsOf(job: Job): RowsOf {
  const { text, options } = job;
  const result = checkText(text, options);
  return {
    rows: reportRows([{ display: job.display ?? '', text, lines: result.lines, candidates: result.candidates, findings: [] }]),
    offsets: result.candidates.map(({ candidate: c }) => (c.id ?? c.obj).span.start),
  };
}

/** The worker side: check every job and post the findings (or the report rows) back. */
export function workerMain(data: { jobs: Job[]; kind?: Kind }, post: (value: Finding[][] | RowsOf[]) => void): void {
  post(data.kind === 'rows' ? data.jobs.map(rowsOf) : data.jobs.map((j) => checkText(j.text, j.options).findings));
}
