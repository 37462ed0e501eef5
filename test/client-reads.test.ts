/**
 * The Node server reading through the client (issue 19): told so at initialization
 * (initializationOptions.readFiles: true, as the VS Code extension does), it reads configurations,
 * their `grid:` files, `.git` and the files Check Workspace names through cloe/readFile, with the
 * web host's code (client-files.ts); without it (other editors, `cloe-grid --stdio`), it reads the
 * disk as before. In process, over paired streams: the client's file system (the fixture
 * config-tree) differs from the disk (the same tree without its configurations), so the findings
 * say which one was read.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CHECK_FILES_REQUEST, type CheckFilesResult, IMPORT_SHEET_REQUEST, type ImportSheetParams, type ImportSheetResult, IS_GRID_FILE_REQUEST, READ_FILE_REQUEST, type ReadFileResult, SERVER_HOST_REQUEST, type UriParams } from '../server/src/protocol';
import type { ServerHost } from '../server/src/lsp/host';
import { pairedServer, readEntry } from './paired-server';
import { ROOT, runInProcess } from './helpers';

const FIXTURE = path.join(ROOT, 'test/fixtures/config-tree');
const RELS = ['team-a/cohorts/2026/ete.cloe.yaml', 'team-a/cohorts/2026/printemps.yaml', 'team-a/grids/metiers-locaux.cloe.yaml', 'team-b/hiver.cloe.yaml', 'plain/defaults.cloe.yaml'];

/** The Node host as the server's executable makes it, without tuning this process's heap. */
function nodeHost(): ServerHost {
  process.env.CLOE_HEAP_POLICY = 'off';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../server/src/lsp/node-host') as { nodeHost(): ServerHost }).nodeHost();
}

/** Errors and warnings per file, as `rule line:character`, sorted. */
async function cliFindings(cwd: string): Promise<Record<string, string[]>> {
  const r = await runInProcess(['check', '--format', 'json', ...RELS], { cwd });
  const out: Record<string, string[]> = Object.fromEntries(RELS.map((rel) => [rel, []]));
  for (const f of JSON.parse(r.stdout) as { file: string; rule: string; severity: string; range: { start: { line: number; character: number } } }[]) {
    if (f.severity === 'error' || f.severity === 'warning') out[f.file]?.push(`${f.rule} ${f.range.start.line}:${f.range.start.character}`);
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

interface Session {
  client: ProtocolConnection;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** How many times each URI's diagnostics were published. */
  publications: Map<string, number>;
  /** The URIs the server asked the client to read. */
  asked: string[];
  shown(uri: string): string[];
  until(what: string, check: () => boolean): Promise<void>;
}

/**
 * A server on the Node host and a client whose file system is `clientRoot` seen at `diskRoot`
 * (a file: URI under diskRoot reads clientRoot's file; anything else is not found).
 */
async function start(diskRoot: string, clientRoot: string, initializationOptions: Record<string, unknown>): Promise<Session> {
  const client = pairedServer(nodeHost);
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const asked: string[] = [];
  const publications = new Map<string, number>();
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, p);
    publications.set(p.uri, (publications.get(p.uri) ?? 0) + 1);
  });
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest(READ_FILE_REQUEST, (p: UriParams): Promise<ReadFileResult> => Promise.resolve(read(p)));
  function read(p: UriParams): ReadFileResult {
    asked.push(p.uri);
    const rel = path.relative(diskRoot, fileURLToPath(p.uri));
    if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
    // As vscode.workspace.fs: a symbolic link is read where it leads.
    return readEntry(path.join(clientRoot, rel));
  }
  client.listen();
  const root = pathToFileURL(diskRoot).href;
  await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: root, capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: root, name: 'repo' }], initializationOptions });
  await client.sendNotification(InitializedNotification.type, {});
  const shown = (uri: string) =>
    (diagnostics.get(uri)?.diagnostics ?? [])
      .filter((d) => d.severity !== undefined && d.severity <= 2)
      .map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`)
      .sort();
  const until = async (what: string, check: () => boolean) => {
    const deadline = Date.now() + 10000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { client, diagnostics, publications, asked, shown, until };
}

describe('the Node server reads through the client when the client offers to (initializationOptions.readFiles)', () => {
  /** On the disk: the fixture without its configurations. */
  let disk: string;
  let fromClient: Record<string, string[]>;
  let fromDisk: Record<string, string[]>;

  before(async () => {
    disk = mkdtempSync(path.join(os.tmpdir(), 'cloe-client-reads-'));
    cpSync(FIXTURE, disk, { recursive: true });
    rmSync(path.join(disk, 'team-a/cloe.config.yaml'));
    rmSync(path.join(disk, 'team-b/cloe.config.yaml'));
    fromClient = await cliFindings(FIXTURE);
    fromDisk = await cliFindings(disk);
    // The two file systems give different findings (else the test could not tell them apart).
    assert.notDeepEqual(fromClient['team-a/cohorts/2026/ete.cloe.yaml'], fromDisk['team-a/cohorts/2026/ete.cloe.yaml']);
  });

  after(() => rmSync(disk, { recursive: true, force: true }));

  for (const readFiles of [true, false, undefined]) {
    test(`readFiles: ${String(readFiles)}: open files and Check Workspace show the ${readFiles ? 'client' : 'disk'}’s configurations`, async () => {
      const s = await start(disk, FIXTURE, readFiles === undefined ? {} : { readFiles });
      try {
        assert.deepEqual(await s.client.sendRequest(SERVER_HOST_REQUEST), { kind: 'node', reads: readFiles ? 'client' : 'disk' });
        // A *.yaml file that only team-a's configuration (`files:`) makes a grid file, asked first (nothing read yet).
        const declared = pathToFileURL(path.join(disk, 'team-a/cohorts/2026/printemps.yaml')).href;
        assert.equal(await s.client.sendRequest(IS_GRID_FILE_REQUEST, { uri: declared }), readFiles === true);
        const expected = readFiles ? fromClient : fromDisk;
        const [opened, ...closed] = RELS;
        const uri = pathToFileURL(path.join(disk, opened!)).href;
        await s.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cloe-yaml', version: 1, text: readFileSync(path.join(disk, opened!), 'utf8') } });
        await s.until(`${opened}: ${JSON.stringify(expected[opened!])} (shown: ${JSON.stringify(s.shown(uri))})`, () => JSON.stringify(s.shown(uri)) === JSON.stringify(expected[opened!]));
        // The files that are not open: read as the CLI reads them, from the same file system.
        const uris = closed.map((rel) => pathToFileURL(path.join(disk, rel)).href);
        const result = await s.client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris });
        assert.equal(result.files, closed.length);
        for (const [i, rel] of closed.entries()) assert.deepEqual(s.shown(uris[i]!), expected[rel], rel);
        if (readFiles) {
          for (const rel of ['team-a/cloe.config.yaml', 'team-a/grids/metiers-locaux.cloe.yaml', 'team-b/cloe.config.yaml', 'team-b/hiver.cloe.yaml', '.git']) {
            assert.ok(s.asked.includes(pathToFileURL(path.join(disk, rel)).href), `${rel} was asked of the client`);
          }
        } else assert.deepEqual(s.asked, [], 'nothing is asked of a client that did not offer');
      } finally {
        s.client.dispose();
      }
    });
  }

  for (const readFiles of [true, false]) {
    test(`readFiles: ${String(readFiles)}: a spreadsheet imported into a new grid file is checked with the ${readFiles ? 'client' : 'disk'}’s configuration`, async () => {
      const sheet = path.join(disk, 'team-a', 'liste.csv');
      writeFileSync(sheet, 'Identifiant;Nom;Métier;Seuil;Cohorte\nR-01;Zoé Lefèvre;Sommelier;B1;a-2026-09\n');
      const s = await start(disk, FIXTURE, { readFiles });
      try {
        const r = await s.client.sendRequest<ImportSheetResult>(IMPORT_SHEET_REQUEST, { uri: pathToFileURL(sheet).href, target: { kind: 'new', uri: pathToFileURL(path.join(disk, 'team-a', 'nouveau.cloe.yaml')).href } } satisfies ImportSheetParams);
        assert.ok(r.ok, JSON.stringify(r));
        // team-a's grid: file (from the client only) declares the profession.
        assert.equal(r.inSheet.some((l) => /Sommelier/.test(l)), !readFiles, r.inSheet.join('\n'));
      } finally {
        s.client.dispose();
        rmSync(sheet);
      }
    });
  }

  test('Check Workspace over many folders reads and checks each file once (fetching one more folder’s configuration does not check the others again)', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'cloe-client-reads-many-'));
    try {
      mkdirSync(path.join(repo, '.git'));
      writeFileSync(path.join(repo, 'cloe.config.yaml'), 'rules:\n  threshold-defaulted: error\n');
      const uris: string[] = [];
      for (let folder = 0; folder < 6; folder++) {
        mkdirSync(path.join(repo, `org-${folder}`, 'sub'), { recursive: true });
        if (folder % 2 === 1) writeFileSync(path.join(repo, `org-${folder}`, 'cloe.config.yaml'), 'rules:\n  threshold-defaulted: off\n');
        for (let i = 0; i < 3; i++) {
          const file = path.join(repo, `org-${folder}`, i === 2 ? 'sub' : '', `g${i}.cloe.yaml`);
          writeFileSync(file, 'cloe: 1\nlanguage: en\ncohorts:\n  - id: c\n    name: C\n    partner: P\n    session: 2026-03-01\n    candidates:\n      - id: A-1\n        name: A\n        profession: Comptable\n');
          uris.push(pathToFileURL(file).href);
        }
      }
      const s = await start(repo, repo, { readFiles: true });
      try {
        const result = await s.client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris });
        assert.equal(result.files, uris.length);
        for (const uri of uris) {
          assert.equal(s.publications.get(uri), 1, uri);
          assert.equal(s.asked.filter((u) => u === uri).length, 1, uri);
          // Each file with its own folder's configuration.
          assert.equal(s.shown(uri).some((d) => d.startsWith('threshold-defaulted')), /org-[024]\//.test(uri), `${uri}: ${s.shown(uri).join(', ')}`);
        }
      } finally {
        s.client.dispose();
      }
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('the walk up the folders ends at the repository the client shows (its .git), not the disk’s', async () => {
    const outer = mkdtempSync(path.join(os.tmpdir(), 'cloe-client-reads-git-'));
    try {
      // On the disk and for the client: a configuration above the folder that makes the grid file fail.
      const repo = path.join(outer, 'repo');
      mkdirSync(repo);
      writeFileSync(path.join(outer, 'cloe.config.yaml'), 'rules:\n  invalid-level: error\n  threshold-defaulted: error\n');
      const grid = 'cloe: 1\nlanguage: en\ncohorts:\n  - id: c\n    name: C\n    partner: P\n    session: 2026-03-01\n    candidates:\n      - id: A-1\n        name: A\n        profession: Comptable\n';
      writeFileSync(path.join(repo, 'a.cloe.yaml'), grid);
      // The client's copy of the folder holds a .git, or not (the disk's never does).
      for (const withGit of [true, false]) {
        const clientCopy = mkdtempSync(path.join(os.tmpdir(), 'cloe-client-reads-view-'));
        try {
          cpSync(outer, clientCopy, { recursive: true });
          if (withGit) mkdirSync(path.join(clientCopy, 'repo', '.git'));
          const s = await start(outer, clientCopy, { readFiles: true });
          try {
            const uri = pathToFileURL(path.join(repo, 'a.cloe.yaml')).href;
            await s.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cloe-yaml', version: 1, text: grid } });
            await s.until('diagnostics', () => s.diagnostics.has(uri));
            assert.equal(s.shown(uri).some((d) => d.startsWith('threshold-defaulted')), !withGit, s.shown(uri).join('\n'));
            assert.ok(s.asked.includes(pathToFileURL(path.join(repo, '.git')).href), 'the client was asked where the repository ends');
          } finally {
            s.client.dispose();
          }
        } finally {
          rmSync(clientCopy, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  test('Restricted Mode (trusted: false): a grid: file outside the repository, or a link leading out of it, is not read, nor asked of the client', async () => {
    const outer = mkdtempSync(path.join(os.tmpdir(), 'cloe-client-reads-trust-'));
    try {
      const repo = path.join(outer, 'repo');
      const outside = path.join(outer, 'outside');
      mkdirSync(path.join(repo, '.git'), { recursive: true });
      mkdirSync(outside);
      writeFileSync(path.join(outside, 'shared.cloe.yaml'), 'professions:\n  - id: sommelier\n    label: Sommelier\n');
      symlinkSync(path.join(outside, 'shared.cloe.yaml'), path.join(repo, 'link.cloe.yaml'));
      writeFileSync(path.join(repo, 'cloe.config.yaml'), 'grid:\n  - ../outside/shared.cloe.yaml\n  - link.cloe.yaml\n');
      for (const trusted of [true, false]) {
        const s = await start(outer, outer, { readFiles: true, trusted });
        try {
          const configUri = pathToFileURL(path.join(repo, 'cloe.config.yaml')).href;
          await s.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: readFileSync(path.join(repo, 'cloe.config.yaml'), 'utf8') } });
          await s.until('the configuration’s diagnostics', () => s.diagnostics.has(configUri));
          const messages = (s.diagnostics.get(configUri)?.diagnostics ?? []).map((d) => d.message).join('\n');
          const outsideReads = s.asked.filter((u) => u === pathToFileURL(path.join(outside, 'shared.cloe.yaml')).href || u === pathToFileURL(path.join(repo, 'link.cloe.yaml')).href);
          if (trusted) {
            assert.match(messages, /"\.\.\/outside\/shared\.cloe\.yaml" lies outside the repository \(.*\): CI/);
            assert.match(messages, /"link\.cloe\.yaml" lies outside the repository \(.*\): CI/);
            assert.equal(outsideReads.length, 2, s.asked.join('\n'));
          } else {
            assert.match(messages, /"\.\.\/outside\/shared\.cloe\.yaml" lies outside the repository \(.*\) and this workspace is not trusted: it is not read/);
            assert.match(messages, /"link\.cloe\.yaml" lies outside the repository \(.*\) and this workspace is not trusted: it is not read/);
            assert.deepEqual(outsideReads, [], 'neither is asked of the client');
          }
        } finally {
          s.client.dispose();
        }
      }
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });
});
