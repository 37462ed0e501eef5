/**
 * How much the checker reads. Past these limits a file is not parsed at all: checkText answers
 * in a fixed time with one validation-limit finding, so a huge file cannot freeze an editor.
 * (Parsing a grid file takes about a second per megabyte; real grid files are far below.)
 */
import type { Finding } from './findings';
import { msg } from './messages';
import type { GridModel } from './model';

/**
 * Characters (UTF-16 code units, about bytes for a grid file): a 10 MB single line and a file of
 * 100,000 candidates (~17 MB, the size the benchmark measures) are still read; 50 MB is not.
 */
export const MAX_TEXT_LENGTH = 24_000_000;
/** Lines: about 150,000 candidates. */
export const MAX_LINES = 1_000_000;

/** The validation-limit finding of a text past the limits, else undefined. */
export function sizeLimitFinding(text: string): Finding | undefined {
  let lines = 1;
  if (text.length <= MAX_TEXT_LENGTH) {
    for (let i = text.indexOf('\n'); i >= 0 && lines <= MAX_LINES; i = text.indexOf('\n', i + 1)) lines++;
    if (lines <= MAX_LINES) return undefined;
  }
  const size = (text.length / 1_000_000).toFixed(1);
  const maxSize = MAX_TEXT_LENGTH / 1_000_000;
  return {
    rule: 'validation-limit',
    severity: 'error',
    span: { start: 0, end: 0 },
    message: msg('validation-limit.size', { size: { en: size, fr: size.replace('.', ',') }, maxSize, maxLines: localeNumber(MAX_LINES) }),
  };
}

/** 100,000 in English, 100 000 in French (narrow no-break spaces). */
export function localeNumber(n: number): { en: string; fr: string } {
  const en = n.toLocaleString('en');
  return { en, fr: en.replace(/,/g, '\u202f') };
}

/** The model of a text that was not parsed. */
export function emptyModel(text: string): GridModel {
  return { text, objects: [], badItems: [], professions: [], cohorts: [], candidates: [], syntaxErrors: [] };
}
