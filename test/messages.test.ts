/**
 * The message catalogue: every id in both languages with the same placeholders, and French
 * written with French typography (no-break spaces before : ; ? !, « » with no-break spaces
 * inside, no ASCII quotes or apostrophes).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FORMAT } from '../server/src/core/format';
import { LEVEL_INFO } from '../server/src/core/levels';
import { MESSAGE_IDS, messageTemplate } from '../server/src/core/messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The French typography faults of a text, described; none for a well-set text. */
function frenchFaults(s: string): string[] {
  const faults: string[] = [];
  // Code, commands and YAML written inside the text are left as they are: `…`, « cloe: 1 », « {key}: ».
  const prose = s.replace(/`[^`]*`/g, '').replace(/«\u00a0[^»]*\u00a0»/g, '«\u00a0x\u00a0»').replace(/https?:\/\/\S+/g, '');
  if (/ [:;?!]/.test(prose)) faults.push('an ordinary space before : ; ? or !');
  if (/[^\s\u00a0\u202f]:(?!\/)/.test(prose.replace(/\{\w+\}:/g, ''))) faults.push('no space before a colon');
  if (/[^\s\u00a0\u202f][;?!]/.test(prose.replace(/\{\w+\}/g, 'x').replace(/\?$/, ' ?'))) faults.push('no space before ; ? or !');
  if (/« |«[^\u00a0]| »|[^\u00a0]»/.test(prose)) faults.push('« » without no-break spaces inside');
  if (/["']/.test(prose)) faults.push('an ASCII quote or apostrophe (use « » and ’)');
  return faults;
}

test('every message has an English and a French text with the same placeholders', () => {
  assert.ok(MESSAGE_IDS.length > 100);
  for (const id of MESSAGE_IDS) {
    const en = messageTemplate(id, 'en');
    const fr = messageTemplate(id, 'fr');
    assert.ok(en.trim() && fr.trim(), `${id}: empty text`);
    assert.deepEqual(placeholders(fr), placeholders(en), `${id}: placeholders differ`);
  }
});

test('French messages follow French typography', () => {
  const faults = MESSAGE_IDS.flatMap((id) => frenchFaults(messageTemplate(id, 'fr')).map((f) => `${id}: ${f} in «${messageTemplate(id, 'fr')}»`));
  assert.deepEqual(faults, []);
});

test('French field docs and level names follow French typography too', () => {
  const texts = [
    ...Object.values(FORMAT).flatMap((fields) => Object.values(fields).map((f) => f.doc.fr)),
    ...Object.values(LEVEL_INFO).flatMap((l) => [l.fr, l.descriptorFr]),
  ];
  const faults = texts.flatMap((t) => frenchFaults(t).map((f) => `${f} in «${t}»`));
  assert.deepEqual(faults, []);
});

test('the extension\'s French (package.nls.fr.json, l10n) follows French typography too', () => {
  const root = path.resolve(__dirname, '..', '..');
  const faults: string[] = [];
  for (const file of ['package.nls.fr.json', 'l10n/bundle.l10n.fr.json']) {
    const texts = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
    // (Command links and VS Code's own notation are code: `[…](command:…)`, `*.cloe.yaml`.)
    for (const [key, text] of Object.entries(texts)) for (const f of frenchFaults(text.replace(/\]\(command:[^)]*\)/g, ']'))) faults.push(`${file} ${key}: ${f} in «${text}»`);
  }
  assert.deepEqual(faults, []);
});

test('the typography check catches what it is for', () => {
  assert.deepEqual(frenchFaults('Clé inconnue « x » : vouliez-vous dire « y » ?').length > 0, true);
  assert.ok(frenchFaults("L'alias").length > 0);
  assert.ok(frenchFaults('seuil\u00a0: B2').length === 0);
  assert.ok(frenchFaults('vouliez-vous dire «\u00a0y\u00a0»\u202f?').length === 0);
});

test('French says "indiqué" for a threshold set in the file, never "écrit" (the written test)', () => {
  for (const id of MESSAGE_IDS) {
    const fr = messageTemplate(id, 'fr');
    if (/seuil/i.test(fr)) assert.doesNotMatch(fr, /seuil[^.;]*\bécrit\b|\bécrit[^.;]*seuil/i, `${id}: ${fr}`);
  }
});
