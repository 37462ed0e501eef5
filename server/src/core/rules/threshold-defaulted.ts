import type { Fix } from '../findings';
import { msg } from '../messages';
import { FORMAT } from '../format';
import { fieldOf } from '../model';
import { nearest } from '../normalize';
import type { Rule } from './rule';
import { insertAfterField, shared } from './util';

export const thresholdDefaulted: Rule = {
  id: 'threshold-defaulted',
  // A hint (faint dots, not in the Problems panel): writing no threshold is the normal, documented
  // way, and the inlay hint already shows the threshold that applies (issue 20).
  defaultSeverity: 'hint',
  description: "No threshold is set: the profession's recommended threshold applies.",
  quickFix: { what: 'yes (write the threshold)', safe: 'yes' },
  checkCandidate(c, { model, outcome, report }) {
    if (outcome.thresholdSource !== 'recommended' || !outcome.threshold || !c.profession) return;
    const written = fieldOf(c.obj, 'threshold');
    if (written && written.value.kind !== 'null') return; // written, but not as a level: invalid-type says so
    const level = outcome.threshold.code;
    // (Shared: a large file has tens of thousands of these findings, with a few levels and professions.)
    const title = shared(`title\0threshold-defaulted\0${level}`, () => msg('fix.write-threshold', { level }));
    const fixes: Fix[] = [];
    const existing = fieldOf(c.obj, 'threshold');
    // A misspelt threshold key (`Threshold:`, `thresold:`; unknown-key suggests "threshold"): the
    // threshold is written, just not read. Writing the default too would make two thresholds once
    // the key is corrected (fix-all renames a case slip: a duplicate key).
    const misspelt = c.obj.fields.some((f) => !(f.key in FORMAT.candidate) && nearest(f.key, ['threshold'], 1, (s) => s.toLowerCase().replace(/[^a-z]/g, '')).length > 0);
    if (misspelt) {
      // No fix.
    } else if (existing) {
      // `threshold:` with no value: fill it in.
      if (existing.value.kind === 'null') {
        const v = existing.value.span;
        if (v.end > v.start) {
          // `threshold: ~` or `threshold: null`: replace the null.
          fixes.push({ title, edits: [{ start: v.start, end: v.end, newText: level }], safe: true });
        } else {
          const at = model.text.indexOf(':', existing.keySpan.end);
          if (at >= 0) fixes.push({ title, edits: [{ start: at + 1, end: at + 1, newText: ` ${level}` }], safe: true });
        }
      }
    } else {
      const edit = insertAfterField(model.text, c.obj, c.profession, 'threshold', level);
      if (edit) fixes.push({ title, edits: [edit], safe: true });
    }
    const profession = outcome.steps.find((s) => s.id === 'step.threshold-recommended')?.args.profession ?? c.profession.value;
    const message = shared(`message\0threshold-defaulted\0${level}\0${profession}`, () => msg('threshold-defaulted', { recommended: level, profession }));
    report({ span: c.profession.span, message, fixes });
  },
};
