import { parseLevel, plainLevel } from '../levels';
import { msg } from '../messages';
import type { TextField } from '../model';
import type { Report, Rule } from './rule';
import { replaceFix } from './util';

const A2 = plainLevel('A2');

/** True for a threshold under A2 (A1, A1+, A2-): below what the certificate targets. */
export function isBelowTarget(f: TextField | undefined): boolean {
  const level = f ? parseLevel(f.value) : undefined;
  return level !== undefined && level.rank < A2.rank;
}

function check(f: TextField | undefined, report: (r: Report) => void): void {
  if (!f || !isBelowTarget(f)) return;
  report({ span: f.span, message: msg('threshold-below-target', { threshold: f.value }), fixes: [replaceFix(f.span, 'A2', false)] });
}

export const thresholdBelowTarget: Rule = {
  id: 'threshold-below-target',
  defaultSeverity: 'error',
  description: 'A threshold below A2, the lowest target of the certificate.',
  quickFix: { what: 'yes (replace with A2)', safe: 'no' },
  checkFile({ model, report }) {
    for (const p of model.professions) check(p.threshold, report);
  },
  checkCandidate(c, { report }) {
    check(c.threshold, report);
  },
};
