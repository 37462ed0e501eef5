// Bundles the CLI/language server (one executable) with esbuild.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

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

await build({
  ...common,
  entryPoints: ['server/src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
chmodSync('dist/cli.js', 0o755);

await build({
  ...common,
  entryPoints: ['server/src/lsp/main.ts'],
  outfile: 'dist/server.js',
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: ['client/src/extension.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
