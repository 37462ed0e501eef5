import { parseLevel } from '../levels';
import { msg } from '../messages';
import type { TextField } from '../model';
import type { Report, Rule } from './rule';
import { isBelowTarget } from './threshold-below-target';
import { replaceFix } from './util';

function check(f: TextField | undefined, report: (r: Report) => void): void {
  const level = f ? parseLevel(f.value) : undefined;
  if (!f || !level || level.mark === '' || isBelowTarget(f)) return;
  report({ span: f.span, message: msg('threshold-not-plain', { threshold: level.code, suggestion: level.base }), fixes: [replaceFix(f.span, level.base, false)] });
}

export const thresholdNotPlain: Rule = {
  id: 'threshold-not-plain',
  defaultSeverity: 'error',
  description: 'A threshold with a sub-level mark (B1+): thresholds are plain levels.',
  quickFix: { what: 'yes (drop the mark)', safe: 'no' },
  checkFile({ model, report }) {
    for (const p of model.professions) check(p.threshold, report);
  },
  checkCandidate(c, { report }) {
    check(c.threshold, report);
  },
};
