/**
 * The outcomes view's requests through the language server (cloe/outcomes, cloe/export): the
 * open document's cohorts, rows and counts, updated by an edit, and the report's exporters.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FileView } from '../server/src/core/cohort-view';
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

test('cloe/export: the report exporters on the open document', async () => {
  const csv = await client.connection.sendRequest<string>('cloe/export', { uri: URI, format: 'csv' });
  assert.match(csv, /^file,cohort,id,name,profession,threshold,thresholdSource,result,outcome\r\nacme-formation\.cloe\.yaml,acme-2026-03,ACME-001,/);
  const md = await client.connection.sendRequest<string>('cloe/export', { uri: URI, format: 'markdown' });
  assert.match(md, /^\| Fichier \| Cohorte \|/);
  const html = await client.connection.sendRequest<string>('cloe/export', { uri: URI, format: 'html' });
  assert.match(html, /^<!DOCTYPE html>\n<html lang="fr">/);
  assert.ok(html.includes('ACME-012'));
});
