import { SUPPORTED_VERSIONS } from '../format';
import { msg } from '../messages';
import type { Rule } from './rule';
import { anchorOf, replaceFix } from './util';

export const unsupportedVersion: Rule = {
  id: 'unsupported-version',
  defaultSeverity: 'error',
  description: 'The `cloe` format version is missing or not supported.',
  quickFix: { what: 'yes (missing version, quoted `"1"`)', safe: 'partly: only `"1"` → `1`' },
  checkFile({ model, report }) {
    if (model.rootNode) return; // not a mapping: invalid-type says so
    if (!model.root) {
      if (model.syntaxErrors.length > 0) return;
      report({
        span: { start: 0, end: 0 },
        message: msg('unsupported-version.missing'),
        fixes: [{ title: msg('fix.add-version'), edits: [{ start: 0, end: 0, newText: 'cloe: 1\n' }], safe: false }],
      });
      return;
    }
    const f = model.version;
    if (!f) {
      const root = model.root;
      const fixes = root.flow ? [] : [{ title: msg('fix.add-version'), edits: [{ start: root.span.start, end: root.span.start, newText: `cloe: 1${model.text.includes('\r\n') ? '\r\n' : '\n'}` }], safe: false }];
      report({ span: anchorOf(root), message: msg('unsupported-version.missing'), fixes });
      return;
    }
    const v = f.value;
    if (v.kind === 'number' && (SUPPORTED_VERSIONS as readonly number[]).includes(Number(v.text))) return;
    if (v.kind === 'map' || v.kind === 'seq') return; // invalid-type says so
    if (v.kind === 'null') {
      report({ span: f.keySpan, message: msg('unsupported-version.missing') });
      return;
    }
    const text = v.text ?? model.text.slice(v.span.start, v.span.end);
    if (text.trim() === '1') {
      report({ span: v.span, message: msg('unsupported-version.quoted'), fixes: [replaceFix(v.span, '1', true)] });
      return;
    }
    report({ span: v.span, message: msg('unsupported-version.value', { version: text }) });
  },
};
