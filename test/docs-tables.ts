/**
 * The rules tables of README.md and docs/rules/README.md, written from the registry (ids,
 * default severities, descriptions, quick fixes), so that they cannot drift from the code.
 * `npm run docs` rewrites them between their markers; test/docs.test.ts fails when they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../server/src/core/rules/index';

export const ROOT_DIR = path.resolve(__dirname, '..', '..');
const START = '<!-- rules table: written by `npm run docs` from the rule registry; do not edit -->';
const END = '<!-- end of rules table -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function readmeTable(): string {
  return ['| rule | default | what it reports |', '|---|---|---|', ...RULES.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${cell(r.description)} |`)].join('\n');
}

export function docsTable(): string {
  return [
    '| Rule | Default severity | Description | Quick fix | Safe (applied by fix-all) |',
    '|---|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.defaultSeverity} | ${cell(r.description)} | ${r.quickFix ? cell(r.quickFix.what) : 'no'} | ${r.quickFix ? cell(r.quickFix.safe) : '—'} |`),
  ].join('\n');
}

/** Each file with its table, as it should read. */
export function tables(): { file: string; table: string }[] {
  return [
    { file: 'README.md', table: readmeTable() },
    { file: 'docs/rules/README.md', table: docsTable() },
  ];
}

/** The text of a file with its table put in (between the markers). */
export function withTable(text: string, table: string): string | undefined {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return undefined;
  return `${text.slice(0, a)}${START}\n${table}\n${text.slice(b)}`;
}

/** server/src/core/repository.ts, as package.json's repository.url says. */
export function repositoryModule(): { file: string; text: string } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { repository: { url: string } };
  const url = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  const file = 'server/src/core/repository.ts';
  const text = readFileSync(path.join(ROOT_DIR, file), 'utf8').replace(/export const REPOSITORY = '[^']*';/, `export const REPOSITORY = '${url}';`);
  return { file, text };
}

if (require.main === module) {
  const repo = repositoryModule();
  writeFileSync(path.join(ROOT_DIR, repo.file), repo.text);
  for (const { file, table } of tables()) {
    const p = path.join(ROOT_DIR, file);
    const next = withTable(readFileSync(p, 'utf8'), table);
    if (next === undefined) throw new Error(`${file}: no rules-table markers`);
    writeFileSync(p, next);
    process.stdout.write(`${file}: rules table written (${RULES.length} rules)\n`);
  }
}
