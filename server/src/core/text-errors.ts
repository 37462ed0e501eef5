/**
 * Errors of the text itself that the `yaml` package does not report: characters YAML forbids
 * (NUL and other control characters), U+FFFD (what bytes that are not UTF-8 were decoded to), and
 * git conflict markers. parse.ts adds them to the model's syntax errors (rule yaml-syntax).
 */
import type { SyntaxError } from './model';

/** At most this many runs of bad characters are reported: a binary file would give thousands. */
const MAX_CHAR_ERRORS = 100;

/**
 * Outside YAML's printable set (YAML 1.2 §5.1, c-printable): C0 controls but tab and line breaks,
 * DEL, C1 controls but NEL, U+FFFE, U+FFFF and unpaired surrogates. Then U+FFFD, apart.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BAD_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]+|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD+/g;

/** `<<<<<<< ours`, `|||||||` (diff3), `=======`, `>>>>>>> theirs` at the start of a line. */
const CONFLICT_MARKER = /^(?:<{7}|\|{7}|={7}|>{7})(?=[ \t]|\r|\n|$)[^\r\n]*/gm;

/** Any character BAD_CHARS may match (and a few it does not): one quick scan when there is none, as nearly always. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MAYBE_BAD = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFFFD-\uFFFF]/;

export function textErrors(text: string): SyntaxError[] {
  const out: SyntaxError[] = [];
  let chars = 0;
  // Bytes that are not UTF-8 are one problem of the whole file (its encoding), not one per byte:
  // one error at the first place, with the number of places in its message.
  let notUtf8: SyntaxError | undefined;
  let notUtf8Places = 0;
  for (const m of MAYBE_BAD.test(text) ? text.matchAll(BAD_CHARS) : []) {
    const start = m.index;
    const c = text.charCodeAt(start);
    if (c === 0xfffd) {
      notUtf8Places++;
      if (notUtf8) continue;
      notUtf8 = { span: { start, end: start + m[0].length }, code: 'NOT_UTF8', message: '1' };
      out.push(notUtf8);
      continue;
    }
    // (Past the cap, the scan goes on only to count the bytes that are not UTF-8.)
    if (++chars > MAX_CHAR_ERRORS) continue;
    const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push({ span: { start, end: start + m[0].length }, code: 'BAD_CHAR', message: code });
  }
  // (The message of NOT_UTF8 is the number of places, for the rule's message.)
  if (notUtf8) notUtf8.message = String(notUtf8Places);
  if (text.includes('=======') || text.includes('<<<<<<<') || text.includes('>>>>>>>')) {
    for (const m of text.matchAll(CONFLICT_MARKER)) {
      out.push({ span: { start: m.index, end: m.index + m[0].length }, code: 'CONFLICT_MARKER', message: m[0].slice(0, 7) });
    }
  }
  return out;
}

/** A text is not text when NUL characters make up this share of it or more (UTF-16 has one every other character). */
const NUL_SHARE = 0.1;

/**
 * A file that is not UTF-8 text at all: UTF-16 or UTF-32 saved without a byte order mark (or
 * a binary file) is full of NUL characters. Such a file is one problem, reported once, at its
 * first NUL; undefined for a text with none or a few stray ones (those are control characters).
 */
export function notTextError(text: string): SyntaxError | undefined {
  const first = text.indexOf('\0');
  if (first < 0) return undefined;
  let nuls = 0;
  for (let i = first; i >= 0; i = text.indexOf('\0', i + 1)) nuls++;
  if (nuls < 2 || nuls < text.length * NUL_SHARE) return undefined;
  return { span: { start: first, end: first + 1 }, code: 'NOT_TEXT', message: String(nuls) };
}
