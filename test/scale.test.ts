/**
 * Scale and concurrency (issue 18): `cloe-grid check` reports batch by batch (byte for byte the
 * whole report), Check Workspace reports progress, stops when cancelled, never publishes a file
 * from the disk over its open document, and ends with the last configuration's findings; a
 * configuration edited while documents are validated does too. Every wait is on an event (a
 * publication, an answer); the figures of 10,000 files are in the benchmark (bench/scale.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type PublishDiagnosticsParams, ResponseError, WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { checkText } from '../server/src/core/check';
import { LineIndex } from '../server/src/core/text';
import { run } from '../server/src/cli/main';
import { formatGithub } from '../server/src/cli/formats/github';
import { formatGitlab } from '../server/src/cli/formats/gitlab';
import { formatJson } from '../server/src/cli/formats/json';
import { formatJunit } from '../server/src/cli/formats/junit';
import { formatSarif } from '../server/src/cli/formats/sarif';
import { formatStylish } from '../server/src/cli/formats/stylish';
import { JsonArrayWriter, jsonTemplate } from '../server/src/cli/formats/stream';
import type { CheckedFile, FormatContext } from '../server/src/cli/formats/types';
import { generate } from './generate';
import { TestClient } from './lsp-client';

/** A folder of `n` generated grid files (a `.git` stops the configuration lookup there). */
function tree(n: number, candidates: number, config?: string): { dir: string; files: string[]; uris: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cloe-scale-'));
  mkdirSync(path.join(dir, '.git'));
  if (config !== undefined) writeFileSync(path.join(dir, 'cloe.config.yaml'), config);
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `org-${Math.floor(i / 50)}`);
    mkdirSync(sub, { recursive: true });
    const f = path.join(sub, `g${String(i).padStart(4, '0')}.cloe.yaml`);
    writeFileSync(f, generate(candidates, 500 + i));
    files.push(f);
  }
  return { dir, files, uris: files.map((f) => pathToFileURL(f).href) };
}

describe('cloe-grid check reports batch by batch (issue 18)', () => {
  test('JSON arrays written item by item into their document are JSON.stringify(document, null, 2)', () => {
    const A = '\u0000first';
    const B = '\u0000second';
    const items = [{ s: 'line\nbreak « é » "q"', n: null, u: undefined }, [1, [2, {}], []], 'x', 3.5, { deep: { er: [{}] } }];
    const documents: ((a: unknown, b: unknown) => unknown)[] = [
      (a, b) => ({ a, b }),
      (a, b) => ({ head: 1, runs: [{ tool: { x: [1, 2] }, artifacts: a, results: b }], tail: 'end' }),
      (a, b) => [a, { nested: b }],
    ];
    for (const make of documents) {
      for (const [first, second] of [[[], []], [items, []], [[], items], [items.slice(0, 1), items]] as unknown[][][]) {
        const { parts, indents } = jsonTemplate(make(A, B), [A, B]);
        let out = parts[0]!;
        const write = (s: string) => (out += s);
        const w1 = new JsonArrayWriter(write, indents[0]!);
        first!.forEach((x) => w1.item(x));
        w1.end();
        out += parts[1]!;
        const w2 = new JsonArrayWriter(write, indents[1]!);
        second!.forEach((x) => w2.item(x));
        w2.end();
        out += parts[2]!;
        assert.equal(out, JSON.stringify(make(first, second), null, 2));
      }
    }
  });

  test('450 files (two batches, worker threads): every format is, byte for byte, the report of the files checked one by one', async () => {
    const t = tree(450, 6);
    try {
      const ctx: FormatContext = { locale: 'en', version: '0.0.0-dev', color: false, maxWarnings: Infinity, cwd: t.dir };
      const checked = t.files.map((f) => {
        const text = readFileSync(f, 'utf8');
        return { display: path.relative(t.dir, f).split(path.sep).join('/'), text, lines: new LineIndex(text), candidates: [], findings: checkText(text, {}).findings };
      });
      const formats = { stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub, junit: formatJunit, gitlab: formatGitlab };
      // Every finding, then errors only (files with nothing to report among the others).
      for (const [minSeverity, kept] of [['hint', ['error', 'warning', 'information', 'hint']], ['error', ['error']]] as const) {
        const files: CheckedFile[] = checked.map((f) => ({ ...f, findings: f.findings.filter((x) => (kept as readonly string[]).includes(x.severity)) }));
        assert.ok(files.some((f) => f.findings.length === 0) || minSeverity === 'hint');
        for (const [format, whole] of Object.entries(formats)) {
          let stdout = '';
          let stderr = '';
          const args = ['check', '.', '--format', format, '--min-severity', minSeverity];
          const code = await run(args, { cwd: t.dir, env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
          assert.equal(stderr, '');
          assert.equal(code, files.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0);
          assert.equal(stdout, whole(files, ctx), `${format} --min-severity ${minSeverity}`);
          // --output: the same bytes, in the file alone (no temporary file left beside it).
          const out = path.join(t.dir, `report.${format}`);
          await run([...args, '--output', out], { cwd: t.dir, env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false });
          assert.equal(readFileSync(out, 'utf8'), stdout, `${format} --output`);
          assert.deepEqual(readdirSync(t.dir).filter((f) => f.endsWith('.tmp')), []);
        }
      }
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});

/** The diagnostics of a uri after everything the server sent before answering a request sent now. */
async function settled(client: TestClient): Promise<void> {
  await client.connection.sendRequest('cloe/processId');
}

describe('Check Workspace at scale (issue 18)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.stop());

  test('progress: begin, reports, end, with the files checked so far; the answer holds the counts', async () => {
    const t = tree(230, 4);
    try {
      const seen: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
      const ended = new Promise<void>((resolve) =>
        client.connection.onProgress(WorkDoneProgress.type, 'check-1', (p) => {
          seen.push(p);
          if (p.kind === 'end') resolve();
        }),
      );
      const answer = (await client.connection.sendRequest('cloe/checkFiles', { uris: t.uris, workDoneToken: 'check-1' })) as { files: number; errors: number; warnings: number };
      await ended;
      assert.equal(answer.files, 230);
      let errors = 0;
      for (const f of t.files) errors += checkText(readFileSync(f, 'utf8'), {}).findings.filter((x) => x.severity === 'error').length;
      assert.equal(answer.errors, errors);
      assert.equal(seen[0]?.kind, 'begin');
      assert.equal(seen.at(-1)?.kind, 'end');
      assert.equal(seen.at(-1)?.message, '230 of 230 files checked');
      const reports = seen.filter((p): p is WorkDoneProgressReport => p.kind === 'report');
      assert.ok(reports.length >= 2, `${reports.length} reports`);
      const done = reports.map((p) => Number(/^(\d+) of 230/.exec(p.message ?? '')?.[1]));
      assert.deepEqual(done, [...done].sort((a, b) => a - b));
      assert.ok(done.every((n) => n > 0 && n <= 230));
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  test('cancelled: the server answers within a file or two and publishes nothing afterwards', async () => {
    const t = tree(300, 4);
    try {
      const source = new CancellationTokenSource();
      const mine = new Set(t.uris);
      let published = 0;
      let afterCancel = 0;
      let afterAnswer = 0;
      let answered = false;
      client.publishListeners.push((p) => {
        if (!mine.has(p.uri)) return;
        published++;
        if (answered) afterAnswer++;
        else if (source.token.isCancellationRequested) afterCancel++;
        else if (published === 30) source.cancel();
      });
      const answer = (await client.connection
        .sendRequest('cloe/checkFiles', { uris: t.uris }, source.token)
        .catch((e: unknown) => (e instanceof ResponseError ? { files: -1 } : Promise.reject(e)))) as { files: number };
      answered = true;
      assert.ok(source.token.isCancellationRequested);
      assert.ok(answer.files < 300);
      assert.ok(afterCancel <= 2, `${afterCancel} files published after the cancellation`);
      // A round trip that needs a validation: a loop still running would have published by then.
      const other = pathToFileURL(path.join(t.dir, 'other.cloe.yaml')).href;
      await client.open(other, readFileSync(t.files[0]!, 'utf8'));
      await settled(client);
      assert.equal(afterAnswer, 0);
      client.publishListeners.length = 0;
      await client.close(other);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  test('edits to open documents during Check Workspace: each ends with the diagnostics of its last version, never the disk’s', async () => {
    const t = tree(160, 8);
    try {
      // When the check publishes file i − 1, file i is opened (so the check may be reading it) and edited at once.
      const chased = [10, 40, 41, 80, 120, 159];
      const extra = '\n  - id: added-while-checking\n    candidates:\n      - id: LATE-1\n        profession: Comptable\n        result: B3\n';
      const lastVersion = new Map<string, Promise<PublishDiagnosticsParams>>();
      const opened = chased.map(
        (i) =>
          new Promise<void>((resolve) => {
            void client.waitDiagnostics(t.uris[i - 1]!, () => true, 60_000).then(async () => {
              const uri = t.uris[i]!;
              const text = readFileSync(t.files[i]!, 'utf8');
              await client.openOnly(uri, text);
              await client.changeNoWait(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
              const end = text.split('\n').length; // the last line (the text ends with a line break), after the comment above
              lastVersion.set(uri, client.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: extra }]));
              resolve();
            });
          }),
      );
      const answer = (await client.connection.sendRequest('cloe/checkFiles', { uris: t.uris })) as { files: number };
      assert.equal(answer.files, 160);
      await Promise.all(opened);
      for (const p of lastVersion.values()) await p;
      await settled(client);
      for (const i of chased) {
        const last = client.diagnostics.get(t.uris[i]!)!;
        assert.equal(last.version, 3, `file ${i}: the last publication is of version ${String(last.version)}`);
        assert.ok(last.diagnostics.some((d) => d.code === 'invalid-level' && String(d.message).includes('B3') && d.range.start.line > (readFileSync(t.files[i]!, 'utf8').split('\n').length - 1)), `file ${i}: the added candidate's finding`);
        await client.close(t.uris[i]!);
      }
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  test('a configuration changed on disk during Check Workspace: every file ends with the last configuration’s findings', async () => {
    const t = tree(150, 10, 'rules:\n  unknown-profession: error\n');
    try {
      const configUri = pathToFileURL(path.join(t.dir, 'cloe.config.yaml')).href;
      void client.waitDiagnostics(t.uris[29]!, () => true, 60_000).then(async () => {
        writeFileSync(path.join(t.dir, 'cloe.config.yaml'), 'rules:\n  unknown-profession: hint\n');
        await client.filesChanged([{ uri: configUri, type: 2 }]);
      });
      await client.connection.sendRequest('cloe/checkFiles', { uris: t.uris });
      await settled(client);
      let withFinding = 0;
      for (const [i, uri] of t.uris.entries()) {
        const found = client.diagnostics.get(uri)!.diagnostics.filter((d) => d.code === 'unknown-profession');
        withFinding += found.length > 0 ? 1 : 0;
        assert.ok(found.every((d) => d.severity === 4), `file ${i}: unknown-profession as ${found.map((d) => d.severity).join(', ')}`);
      }
      assert.ok(withFinding > 30, `${withFinding} files with an unknown profession`);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});

describe('a configuration edited while documents are validated (issue 18)', () => {
  const sev = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).filter((d) => d.code === 'unknown-profession').map((d) => d.severity);
  const grids = (n: number) => Array.from({ length: 40 }, (_, i) => generate(12, 900 + i)).filter((text) => text.includes('Chef de projt')).slice(0, n);

  for (const how of ['edited in the editor', 'changed on disk', 'closed with unsaved edits'] as const) {
    test(`${how}: every open document ends with the diagnostics of the last configuration`, async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cloe-config-race-'));
      mkdirSync(path.join(dir, '.git'));
      const configPath = path.join(dir, 'cloe.config.yaml');
      const configUri = pathToFileURL(configPath).href;
      const config = (s: string) => `rules:\n  unknown-profession: ${s}\n`;
      writeFileSync(configPath, config('error'));
      const client = new TestClient({ workspaceFolder: dir });
      try {
        await client.initialize();
        const texts = grids(15);
        const uris = texts.map((_, i) => pathToFileURL(path.join(dir, `doc-${i}.cloe.yaml`)).href);
        // Everything in one burst: the documents open and the configuration changes while they are validated.
        const expected = how === 'closed with unsaved edits' ? 1 : 3;
        const ends = uris.map((u) => client.waitDiagnostics(u, (p) => p.version === 1 && sev(p).length > 0 && sev(p).every((s) => s === expected), 30_000));
        if (how === 'edited in the editor' || how === 'closed with unsaved edits') await client.openOnly(configUri, config('error'));
        for (const [i, u] of uris.entries()) void client.openOnly(u, texts[i]!);
        if (how === 'changed on disk') {
          writeFileSync(configPath, config('warning'));
          void client.filesChanged([{ uri: configUri, type: 2 }]);
          writeFileSync(configPath, config('information'));
          void client.filesChanged([{ uri: configUri, type: 2 }]);
        } else {
          void client.changeNoWait(configUri, [{ text: config('warning') }]);
          void client.changeNoWait(configUri, [{ text: config('information') }]);
          if (how === 'closed with unsaved edits') void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });
        }
        await Promise.all(ends);
        await settled(client);
        for (const [i, u] of uris.entries()) assert.deepEqual(new Set(sev(client.diagnostics.get(u))), new Set([expected]), `document ${i}`);
      } finally {
        await client.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
