import { FORMAT, KEYS } from '../format';
import { msg } from '../messages';
import type { ObjectInfo } from '../model';
import type { Report, Rule } from './rule';
import { anchorOf, candidateObjects, inCandidate } from './util';

function check(obj: ObjectInfo, report: (r: Report) => void): void {
  if (obj.kind === 'root') return; // `cloe` is unsupported-version's business
  for (const key of KEYS[obj.kind].required) {
    const spec = FORMAT[obj.kind][key]!;
    const f = obj.fields.find((x) => x.key === key);
    if (!f) {
      report({ span: anchorOf(obj), message: msg('missing-field', { object: msg(`kind.${obj.kind}`), key, doc: spec.doc }) });
    } else if (f.value.kind === 'null' || (f.value.kind === 'string' && !f.value.text?.trim())) {
      report({ span: f.keySpan, message: msg('missing-field.empty', { key, doc: spec.doc }) });
    }
  }
}

export const missingField: Rule = {
  id: 'missing-field',
  defaultSeverity: 'error',
  description: 'A required field is absent or empty.',
  checkFile({ model, report }) {
    for (const obj of model.objects) if (!inCandidate(obj)) check(obj, report);
  },
  checkCandidate(c, { report }) {
    for (const obj of candidateObjects(c)) check(obj, report);
  },
};
