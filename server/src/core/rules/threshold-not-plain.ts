import { parseLevel, thresholdProblem } from '../levels';
import { msg } from '../messages';
import type { Rule } from './rule';
import { onThresholds, replaceFix } from './util';

export const thresholdNotPlain: Rule = {
  id: 'threshold-not-plain',
  defaultSeverity: 'error',
  description: 'A threshold with a sub-level mark (B1+): thresholds are plain levels.',
  quickFix: { what: 'yes (drop the mark)', safe: 'no' },
  // B1+, C1-: a sub-level mark (below A2, threshold-below-target says it instead).
  ...onThresholds((f, report) => {
    const level = parseLevel(f.value);
    if (!level || thresholdProblem(f.value) !== 'not-plain') return;
    report({ span: f.span, message: msg('threshold-not-plain', { threshold: level.code, suggestion: level.base }), fixes: [replaceFix(f.span, level.base, false)] });
  }),
};
