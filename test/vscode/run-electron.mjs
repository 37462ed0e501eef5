#!/usr/bin/env node
// Runs the real VS Code suite in VS Code's Electron build, downloaded by @vscode/test-electron.
// For machines that can reach Microsoft's update service (not this offline one: there, use
// run-code-server.mjs). Same suite, same assertions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/vscode/suite/index.js'),
    launchArgs: [path.join(ROOT, 'samples'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`run-electron: ${e instanceof Error ? e.message : String(e)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
