import { fieldOf, isWritten } from '../model';
import { msg } from '../messages';
import { resultDecidesAlone } from '../outcome';
import type { Rule } from './rule';
import { replaceFix } from './util';

export const unknownProfession: Rule = {
  id: 'unknown-profession',
  defaultSeverity: 'warning',
  description: 'A profession that is neither in the CLOE grid nor declared in the file.',
  quickFix: { what: 'yes, when a name is suggested', safe: 'no' },
  checkCandidate(c, { outcome, professions, report }) {
    const p = c.profession;
    if (!p || !p.value.trim() || professions.resolve(p.value)) return; // empty: outcome-unknown says so
    // With no threshold of its own, the candidate's outcome rests on this profession: say so here
    // (outcome-unknown stays silent then: one cause, one finding).
    const noOutcome = !isWritten(fieldOf(c.obj, 'threshold')) && !resultDecidesAlone(outcome.result);
    const suggestions = professions.suggest(p.value);
    if (suggestions.length > 0) {
      report({
        span: p.span,
        message: msg(noOutcome ? 'unknown-profession.suggest.no-outcome' : 'unknown-profession.suggest', { profession: p.value, suggestions: { quoted: suggestions } }),
        fixes: suggestions.map((s) => replaceFix(p.span, s, false)),
      });
    } else {
      report({ span: p.span, message: msg(noOutcome ? 'unknown-profession.no-outcome' : 'unknown-profession', { profession: p.value }) });
    }
  },
};
