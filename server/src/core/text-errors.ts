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
  for (const m of MAYBE_BAD.test(text) ? text.matchAll(BAD_CHARS) : []) {
    if (++chars > MAX_CHAR_ERRORS) break;
    const start = m.index;
    const c = text.charCodeAt(start);
    if (c === 0xfffd) {
      out.push({ span: { start, end: start + m[0].length }, code: 'NOT_UTF8', message: 'U+FFFD, the replacement character: bytes that are not UTF-8' });
    } else {
      const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push({ span: { start, end: start + m[0].length }, code: 'BAD_CHAR', message: code });
    }
  }
  if (text.includes('=======') || text.includes('<<<<<<<') || text.includes('>>>>>>>')) {
    for (const m of text.matchAll(CONFLICT_MARKER)) {
      out.push({ span: { start: m.index, end: m.index + m[0].length }, code: 'CONFLICT_MARKER', message: m[0].slice(0, 7) });
    }
  }
  return out;
}
