// Bundles with esbuild: for Node, the CLI/language server (one executable) and the desktop
// extension; for the browser (package.json `browser`: vscode.dev, github.dev), the extension and
// the language server's Web Worker.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // `npm run package` minifies what ships (source maps stay out of the .vsix: .vscodeignore).
  minify: process.argv.includes('--minify'),
  // ESM dependencies (fdir, via tinyglobby) read import.meta.url: give them this bundle's URL.
  define: { 'import.meta.url': '__importMetaUrl', CLOE_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  logLevel: 'warning',
};

// The CLI's bundle leaves the language server out: `cloe-grid --stdio` loads dist/server.js (which
// exports startServer), so `cloe-grid check` neither reads nor compiles the LSP libraries (a
// pre-commit hook starts it on every commit: issue 16).
const lspInServerBundle = {
  name: 'lsp-in-server-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/lsp\/main$/ }, () => ({ path: './server.js', external: true }));
  },
};
// … and loads the `yaml` package (bundled apart: dist/yaml.js) only when the core's fast parser
// cannot read a file (see server/src/cli/lazy-yaml.ts): the core's imports of 'yaml' resolve to
// that module, whose require('yaml') loads dist/yaml.js.
const lazyYaml = {
  name: 'lazy-yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]core[\\/]/.test(args.importer)
        ? { path: path.resolve('server/src/cli/lazy-yaml.ts') }
        : /[\\/]server[\\/]src[\\/]cli[\\/]lazy-yaml\.ts$/.test(args.importer)
          ? { path: './yaml.js', external: true }
          : undefined,
    );
  },
};

// The spreadsheet libraries (exceljs, csv-parse) are a bundle of their own, dist/sheet-libs.js,
// required by the CLI only for `import` and `report --format xlsx` / `--excel`: `check` and the
// language server neither load nor parse them.
const sheetLibsApart = {
  name: 'sheet-libs-apart',
  setup(b) {
    b.onResolve({ filter: /[\\/]sheet-libs(\.js)?$/ }, () => ({ path: './sheet-libs.js', external: true }));
  },
};

await build({
  ...common,
  entryPoints: ['node_modules/yaml/dist/index.js'],
  outfile: 'dist/yaml.js',
});

await build({
  ...common,
  entryPoints: ['server/src/cli/sheet-libs.ts'],
  outfile: 'dist/sheet-libs.js',
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: ['server/src/cli/main.ts'],
  outfile: 'dist/cli.js',
  plugins: [lspInServerBundle, lazyYaml, sheetLibsApart],
  banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
chmodSync('dist/cli.js', 0o755);

await build({
  ...common,
  entryPoints: ['server/src/lsp/main.ts'],
  outfile: 'dist/server.js',
  // The server's spreadsheet import and xlsx export load them from dist/sheet-libs.js too.
  plugins: [sheetLibsApart],
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: ['client/src/node.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// ── The browser ──────────────────────────────────────────────────────────────────────────────
// The server's Node edge is reached only through what the web host replaces (web-host.ts):
// node:path is POSIX paths (web-path.ts), node:fs is absent (web-no-fs.ts: a clear error if
// reached). Any other Node module is a build error here.
const webAliases = {
  name: 'web-aliases',
  setup(b) {
    b.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: path.resolve('server/src/lsp/web-path.ts') }));
    b.onResolve({ filter: /^(node:)?fs(\/promises)?$/ }, () => ({ path: path.resolve('server/src/lsp/web-no-fs.ts') }));
  },
};
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  define: { CLOE_VERSION: common.define.CLOE_VERSION },
  logLevel: 'warning',
};

// The language server in a Web Worker (a classic worker script).
await build({
  ...web,
  entryPoints: ['server/src/lsp/browser-main.ts'],
  outfile: 'dist/web/server.js',
  format: 'iife',
  plugins: [webAliases],
});

// The extension in the web worker extension host (CommonJS, as VS Code loads it).
await build({
  ...web,
  entryPoints: ['client/src/browser.ts'],
  outfile: 'dist/web/extension.js',
  format: 'cjs',
  external: ['vscode'],
  plugins: [webAliases],
});
