import { msg } from '../messages';
import { fieldOf, isWritten } from '../model';
import type { Rule } from './rule';
import { candidateAnchor, candidateLabel } from './util';

export const outcomeUnknown: Rule = {
  id: 'outcome-unknown',
  defaultSeverity: 'warning',
  description: 'Neither a threshold nor a known profession: no outcome can be computed.',
  checkCandidate(c, { outcome, professions, report }) {
    if (isWritten(fieldOf(c.obj, 'threshold')) || outcome.threshold || outcome.result?.base === 'C2') return;
    const known = c.profession ? professions.resolve(c.profession.value) : undefined;
    const message = known
      ? msg('outcome-unknown.no-threshold', { id: candidateLabel(c), profession: known.canonical })
      : msg('outcome-unknown', { id: candidateLabel(c) });
    report({ span: c.profession?.span ?? candidateAnchor(c), message });
  },
};
