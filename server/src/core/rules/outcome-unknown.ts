import { msg } from '../messages';
import type { Rule } from './rule';
import { candidateAnchor, candidateLabel } from './util';

export const outcomeUnknown: Rule = {
  id: 'outcome-unknown',
  defaultSeverity: 'warning',
  description: 'Neither a threshold nor a known profession: no outcome can be computed.',
  checkCandidate(c, { outcome, report }) {
    if (c.threshold !== undefined || outcome.threshold || outcome.result?.base === 'C2') return;
    report({ span: c.profession?.span ?? candidateAnchor(c), message: msg('outcome-unknown', { id: candidateLabel(c) }) });
  },
};
