import { msg } from '../messages';
import { thresholdProblem } from '../levels';
import type { Rule } from './rule';

export const thresholdBelowRecommended: Rule = {
  id: 'threshold-below-recommended',
  defaultSeverity: 'warning',
  description: "A threshold below the profession's recommended threshold.",
  quickFix: { what: 'yes (raise to the recommended level)', safe: 'no' },
  checkCandidate(c, { outcome, professions, report }) {
    // Under A2 the threshold is wrong whatever the profession: threshold-below-target says so.
    if (!c.threshold || outcome.thresholdSource !== 'explicit' || !outcome.threshold || !c.profession || thresholdProblem(c.threshold.value) === 'below-target') return;
    const p = professions.resolve(c.profession.value);
    if (!p?.threshold || outcome.threshold.rank >= p.threshold.rank) return;
    const level = p.threshold.code;
    report({
      span: c.threshold.span,
      message: msg('threshold-below-recommended', { threshold: c.threshold.value, recommended: level, profession: p.canonical }),
      fixes: [{ title: msg('fix.raise-threshold', { level }), edits: [{ start: c.threshold.span.start, end: c.threshold.span.end, newText: level }], safe: false }],
    });
  },
};
