import { msg } from '../messages';
import { fieldOf } from '../model';
import type { Rule } from './rule';
import { anchorOf } from './util';

export const emptyCohort: Rule = {
  id: 'empty-cohort',
  defaultSeverity: 'warning',
  description: 'A cohort with no candidates.',
  checkFile({ model, report }) {
    for (const c of model.cohorts) {
      const f = fieldOf(c.obj, 'candidates');
      if (f && f.value.kind !== 'null' && f.value.kind !== 'seq') continue; // invalid-type says so
      if (f?.value.items && f.value.items.length > 0) continue;
      report({ span: c.id?.span ?? f?.keySpan ?? anchorOf(c.obj), message: msg('empty-cohort', { id: c.id?.value ?? `#${c.index + 1}` }) });
    }
  },
};
