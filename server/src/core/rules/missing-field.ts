import { FORMAT } from '../format';
import { msg } from '../messages';
import type { Rule } from './rule';
import { anchorOf } from './util';

export const missingField: Rule = {
  id: 'missing-field',
  defaultSeverity: 'error',
  description: 'A required field is absent or empty.',
  checkFile({ model, report }) {
    for (const obj of model.objects) {
      if (obj.kind === 'root') continue; // `cloe` is unsupported-version's business
      for (const [key, spec] of Object.entries(FORMAT[obj.kind])) {
        if (!spec.required) continue;
        const f = obj.fields.find((x) => x.key === key);
        if (!f) {
          report({ span: anchorOf(obj), message: msg('missing-field', { object: msg(`kind.${obj.kind}`), key, doc: spec.doc }) });
        } else if (f.value.kind === 'null' || (f.value.kind === 'string' && !f.value.text?.trim())) {
          report({ span: f.keySpan, message: msg('missing-field.empty', { key, doc: spec.doc }) });
        }
      }
    }
  },
};
