import { thresholdProblem } from '../levels';
import { msg } from '../messages';
import type { Rule } from './rule';
import { onThresholds, replaceFix } from './util';

export const thresholdBelowTarget: Rule = {
  id: 'threshold-below-target',
  defaultSeverity: 'error',
  description: 'A threshold below A2, the lowest target of the certificate.',
  quickFix: { what: 'yes (replace with A2)', safe: 'no' },
  // A1, A1+, A2-: below what the certificate targets (a local profession's threshold too).
  ...onThresholds((f, report) => {
    if (thresholdProblem(f.value) !== 'below-target') return;
    report({ span: f.span, message: msg('threshold-below-target', { threshold: f.value }), fixes: [replaceFix(f.span, 'A2', false)] });
  }),
};
