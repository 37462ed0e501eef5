import { localeNumber } from '../limits';
import { type MessageRef, msg } from '../messages';
import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML.',
  checkFile({ model, report }) {
    // One finding per line: a misplaced line makes the parser report the same cause several times.
    const lines = new Set<number>();
    for (const e of model.syntaxErrors) {
      const line = model.text.slice(0, e.span.start).split('\n').length;
      if (lines.has(line)) continue;
      lines.add(line);
      let start = e.span.start;
      let end = e.span.end;
      // A span of blanks (the parser points at indentation): move it to the token that follows.
      if (/^[ \t]*$/.test(model.text.slice(start, Math.max(end, start + 1)))) {
        const m = /^[ \t]*([^\s#:]+)/.exec(model.text.slice(start, start + 1000));
        if (m) {
          start += m[0].length - m[1]!.length;
          end = start + m[1]!.length;
        }
      }
      if (end <= start && start < model.text.length && !/[\r\n]/.test(model.text[start] ?? '')) end = start + 1;
      if (e.code === 'DUPLICATE_KEY') {
        // The parser points at the key's first character: underline the whole key.
        const key = (/^(?:"[^"\n]*"|'[^'\n]*'|[^:\r\n#]*)/.exec(model.text.slice(start))?.[0] ?? '').trim();
        if (key) end = start + key.length;
        report({ span: { start, end }, message: msg('yaml-syntax.duplicate-key', { key: key.replace(/^(["'])(.*)\1$/, '$2') }) });
      } else if (e.code === 'TAB_AS_INDENT') {
        report({ span: { start, end }, message: msg('yaml-syntax.tab') });
      } else if (e.code === 'MULTIPLE_DOCS') {
        // The parser spans the whole second document: underline its `---` (or `...`) only.
        if (/^(---|\.\.\.)/.test(model.text.slice(start, start + 3))) end = start + 3;
        report({ span: { start, end }, message: msg('yaml-syntax.multiple-documents') });
      } else if (e.code === 'CONFLICT_MARKER') {
        report({ span: { start, end }, message: msg('yaml-syntax.conflict-marker', { marker: e.message }) });
      } else if (e.code === 'BAD_CHAR') {
        report({ span: { start, end }, message: msg('yaml-syntax.control-char', { code: e.message }) });
      } else if (e.code === 'NOT_UTF8') {
        const places = Number(e.message);
        report({ span: { start, end }, message: places > 1 ? msg('yaml-syntax.not-utf8.many', { count: localeNumber(places) }) : msg('yaml-syntax.not-utf8') });
      } else if (e.code === 'UNKNOWN_ANCHOR') {
        report({ span: { start, end }, message: msg('yaml-syntax.unknown-anchor', { name: e.message }) });
      } else if (e.code === 'BAD_MERGE') {
        report({ span: { start, end }, message: msg('yaml-syntax.merge') });
      } else if (e.code === 'RESOURCE_EXHAUSTION') {
        report({ span: { start, end }, message: msg('yaml-syntax.too-deep') });
      } else {
        report({ span: { start, end }, message: parserMessage(e.code, e.message) });
      }
    }
  },
};

/** The parser's own words (English, with its jargon) made a sentence with the fix, for what users write most. */
function parserMessage(code: string, text: string): MessageRef {
  if (/^All sequence items must start at the same column/.test(text)) return msg('yaml-syntax.sequence-column');
  if (/^Flow map .* end with a \}/.test(text)) return msg('yaml-syntax.unclosed-map');
  if (/^Flow sequence .* end with a \]/.test(text)) return msg('yaml-syntax.unclosed-seq');
  if (/^Implicit map keys need to be followed by map values/.test(text)) return msg('yaml-syntax.key-without-value');
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || /^Sequence item without - indicator/.test(text)) return msg('yaml-syntax.indentation');
  return msg('yaml-syntax', { detail: text.replace(/\s+/g, ' ').trim() });
}
