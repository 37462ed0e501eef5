import { parseLevel, suggestLevel } from '../levels';
import { msg } from '../messages';
import type { TextField } from '../model';
import type { Report, Rule } from './rule';
import { replaceFix } from './util';

function check(f: TextField | undefined, report: (r: Report) => void): void {
  if (!f || parseLevel(f.value) !== undefined) return;
  const suggestion = suggestLevel(f.value);
  if (suggestion) {
    report({ span: f.span, message: msg('invalid-level.suggest', { value: f.value, suggestion: suggestion.code }), fixes: [replaceFix(f.span, suggestion.code, true)] });
  } else {
    report({ span: f.span, message: msg('invalid-level', { value: f.value }) });
  }
}

export const invalidLevel: Rule = {
  id: 'invalid-level',
  defaultSeverity: 'error',
  description: 'A threshold or result that is not a CEFR level.',
  quickFix: { what: 'yes, when a level is suggested', safe: 'yes' },
  checkFile({ model, report }) {
    for (const p of model.professions) check(p.threshold, report);
  },
  checkCandidate(c, { report }) {
    check(c.threshold, report);
    check(c.result?.shorthand, report);
    check(c.result?.written, report);
    check(c.result?.oral, report);
    check(c.result?.overall, report);
  },
};
