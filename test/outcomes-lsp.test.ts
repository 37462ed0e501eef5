/**
 * The outcomes view's requests through the language server (cloe/outcomes, cloe/export): the
 * open document's cohorts, rows and counts, updated by an edit, and the report's exporters.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FileView } from '../server/src/core/cohort-view';
import { applyViewDelta, type ViewDelta } from '../server/src/core/view-delta';
import { readRepoFile } from './helpers';
import { TestClient } from './lsp-client';

const URI = 'file:///tmp/outcomes/acme-formation.cloe.yaml';
const TEXT = readRepoFile('samples/acme-formation.cloe.yaml');
let client: TestClient;

before(async () => {
  client = new TestClient({ locale: 'fr-FR' });
  await client.initialize();
  await client.open(URI, TEXT);
});
after(() => client.stop());

test('cloe/outcomes: every cohort and candidate of the open file, in the client locale; an edit changes the outcome', async () => {
  const view = await client.connection.sendRequest<FileView | null>('cloe/outcomes', { uri: URI });
  assert.ok(view);
  assert.equal(view.locale, 'fr');
  const ids = view.cohorts.flatMap((c) => c.rows.map((r) => r.id));
  assert.deepEqual(ids, [...TEXT.matchAll(/^ {6}- id: (\S+)/gm)].map((m) => m[1]));
  const first = view.cohorts[0]!;
  assert.equal(first.summary, '12 candidats · 5 certificats · 5 attestations · 2 en attente');
  const row = first.rows.find((r) => r.id === 'ACME-004')!;
  assert.equal(row.label, 'Attestation de niveau B2+');
  assert.equal(TEXT.slice(row.offset, row.offset + 8), 'ACME-004');
  // Raise the result: the same candidate gets a certificate.
  const at = TEXT.indexOf('result: B2+', row.offset) + 'result: '.length;
  const before = TEXT.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - before.lastIndexOf('\n') - 1;
  await client.change(URI, [{ range: { start: { line, character }, end: { line, character: character + 3 } }, text: 'C1' }]);
  const after = await client.connection.sendRequest<FileView | null>('cloe/outcomes', { uri: URI });
  assert.equal(after!.cohorts[0]!.rows.find((r) => r.id === 'ACME-004')!.label, 'Certificat CLOE C1');
  // The rows after the edit (kept from the previous view) point into the new text (one character shorter).
  const edited = TEXT.slice(0, at) + 'C1' + TEXT.slice(at + 3);
  for (const r of after!.cohorts.flatMap((c) => c.rows)) assert.equal(edited.slice(r.offset, r.offset + r.id!.length), r.id);
  assert.deepEqual(after!.cohorts.map((c) => c.rows.length), view.cohorts.map((c) => c.rows.length));
  assert.equal(await client.connection.sendRequest('cloe/outcomes', { uri: 'file:///tmp/outcomes/other.yaml' }), null, 'not an open grid file');
});

test('cloe/outcomes with the id of the view the client has: only what changed since, which applied gives the whole view', async () => {
  type Full = FileView & { id: number; version: number };
  const full = (await client.connection.sendRequest<Full | ViewDelta | null>('cloe/outcomes', { uri: URI })) as Full;
  assert.ok(full && !('base' in full), 'without a base: the whole view');
  // (The test before edited a result after this line, on the same line count: TEXT's lines still hold here.)
  const text = TEXT;
  // An edit in the first cohort that changes the text's length: that cohort changes, the later ones move.
  const at = text.indexOf('name: Jeanne Dupont') + 'name: '.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - before.lastIndexOf('\n') - 1;
  await client.change(URI, [{ range: { start: { line, character }, end: { line, character: character + 'Jeanne'.length } }, text: 'Jeanne-Marie' }]);
  const delta = (await client.connection.sendRequest<Full | ViewDelta | null>('cloe/outcomes', { uri: URI, base: full.id })) as ViewDelta & { version: number };
  assert.ok(delta && 'base' in delta, 'with the base the server knows: a delta');
  assert.equal(delta.base, full.id);
  assert.deepEqual(delta.changed.map((c) => c.index), [0]);
  assert.deepEqual(delta.moved, full.cohorts.slice(1).map((c) => [c.index, 'Jeanne-Marie'.length - 'Jeanne'.length]));
  // The delta applied to the client's view is exactly the view the server would send whole.
  const whole = (await client.connection.sendRequest<Full>('cloe/outcomes', { uri: URI }))!;
  const fileView = (v: Full): FileView => ({ locale: v.locale, cohorts: v.cohorts, counts: v.counts, attention: v.attention });
  assert.deepEqual(applyViewDelta(fileView(full), delta), fileView(whole));
  // A base the server does not know (another client's, a lost answer): the whole view.
  const stale = await client.connection.sendRequest<Full | ViewDelta | null>('cloe/outcomes', { uri: URI, base: full.id });
  assert.ok(stale && !('base' in stale));
});

test('cloe/export: the report exporters on the open document', async () => {
  const csv = await client.connection.sendRequest<string>('cloe/export', { uri: URI, format: 'csv' });
  assert.match(csv, /^file,cohort,id,name,profession,threshold,thresholdSource,result,outcome\r\nacme-formation\.cloe\.yaml,acme-2026-03,ACME-001,/);
  const md = await client.connection.sendRequest<string>('cloe/export', { uri: URI, format: 'markdown' });
  assert.match(md, /^\| Fichier \| Cohorte \|/);
  const html = await client.connection.sendRequest<string>('cloe/export', { uri: URI, format: 'html' });
  assert.match(html, /^<!DOCTYPE html>\n<html lang="fr">/);
  assert.ok(html.includes('ACME-012'));
});
