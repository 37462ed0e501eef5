// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'scripts/**', 'bench/tmp/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test's test()/describe() return promises the runner itself awaits.
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after'] }],
      }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The architecture invariant: the core knows nothing of Node, editors or LSP.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'events', 'crypto', 'process'].map((name) => ({
          name,
          message: 'The core is pure: no Node modules. Do I/O in server/src/cli or server/src/lsp.',
        })),
        patterns: [
          { group: ['node:*'], message: 'The core is pure: no Node modules. Do I/O in server/src/cli or server/src/lsp.' },
          { group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The core knows no editor or LSP types: convert at the edge (server/src/lsp).' },
        ],
      }],
      'no-console': 'error',
    },
  },
  {
    // stdout carries the protocol in server mode: nothing else may print there.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
