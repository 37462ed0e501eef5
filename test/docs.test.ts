import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../server/src/core/rules/index';
import { repositoryModule, ROOT_DIR, tables, withTable } from './docs-tables';

test('the rules tables of README.md and docs/rules/README.md are the registry (run `npm run docs` if not)', () => {
  for (const { file, table } of tables()) {
    const text = readFileSync(path.join(ROOT_DIR, file), 'utf8');
    assert.equal(withTable(text, table), text, `${file}: the rules table is stale: run npm run docs`);
  }
});

test('each table lists every rule once', () => {
  for (const { table } of tables()) {
    for (const r of RULES) assert.equal(table.split('\n').filter((l) => l.includes(`${r.id}.md)`)).length, 1, r.id);
  }
});

test('the repository URL the docs links follow is package.json\'s (run `npm run docs` if not)', () => {
  const { file, text } = repositoryModule();
  assert.equal(readFileSync(path.join(ROOT_DIR, file), 'utf8'), text);
});
