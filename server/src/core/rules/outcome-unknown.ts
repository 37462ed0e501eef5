import { msg } from '../messages';
import { resultDecidesAlone } from '../outcome';
import { fieldOf, isWritten } from '../model';
import type { Rule } from './rule';
import { candidateAnchor, candidateLabel } from './util';

/**
 * A candidate whose outcome cannot be decided for want of a threshold: none is set, and its
 * profession is missing or recommends none. One cause, one finding: an unknown profession is
 * unknown-profession's (its message says the outcome cannot be decided), an invalid threshold
 * the threshold rules'. A C2 or below-A2 result decides without a threshold.
 */
export const outcomeUnknown: Rule = {
  id: 'outcome-unknown',
  defaultSeverity: 'warning',
  description: 'No threshold and no profession that recommends one: no outcome can be decided.',
  checkCandidate(c, { outcome, professions, report }) {
    if (isWritten(fieldOf(c.obj, 'threshold')) || outcome.threshold || outcome.invalidThreshold) return;
    if (resultDecidesAlone(outcome.result)) return;
    const written = c.profession?.value.trim() ? c.profession : undefined;
    const known = written ? professions.resolve(written.value) : undefined;
    if (written && !known) return; // unknown-profession says it
    const message = known
      ? msg('outcome-unknown.no-threshold', { id: candidateLabel(c), profession: known.canonical })
      : msg('outcome-unknown', { id: candidateLabel(c) });
    report({ span: c.profession?.span ?? candidateAnchor(c), message });
  },
};
