import { msg } from '../messages';
import type { Rule } from './rule';
import { replaceFix } from './util';

export const unknownProfession: Rule = {
  id: 'unknown-profession',
  defaultSeverity: 'warning',
  description: 'A profession that is neither in the CLOE grid nor declared in the file.',
  checkCandidate(c, { professions, report }) {
    const p = c.profession;
    if (!p || !p.value.trim() || professions.resolve(p.value)) return; // empty: outcome-unknown says so
    const suggestions = professions.suggest(p.value);
    if (suggestions.length > 0) {
      report({
        span: p.span,
        message: msg('unknown-profession.suggest', { profession: p.value, suggestions: { quoted: suggestions } }),
        fixes: suggestions.map((s) => replaceFix(p.span, s, false)),
      });
    } else {
      report({ span: p.span, message: msg('unknown-profession', { profession: p.value }) });
    }
  },
};
