import { FORMAT } from '../format';
import { msg } from '../messages';
import { nearest } from '../normalize';
import type { Rule } from './rule';
import { replaceFix } from './util';

export const unknownKey: Rule = {
  id: 'unknown-key',
  defaultSeverity: 'warning',
  description: 'A key the grid format does not have.',
  checkFile({ model, report }) {
    for (const obj of model.objects) {
      const known = Object.keys(FORMAT[obj.kind]);
      const present = new Set(obj.fields.map((f) => f.key));
      for (const f of obj.fields) {
        if (known.includes(f.key)) continue;
        // `result:B1`: a known key and its value with no space after the colon.
        const glued = /^([A-Za-z_]+):(\S.*)$/.exec(f.key);
        if (glued && known.includes(glued[1]!) && !present.has(glued[1]!)) {
          const suggestion = `${glued[1]}: ${glued[2]}`;
          report({ span: f.keySpan, message: msg('unknown-key.suggest', { key: f.key, object: msg(`object.${obj.kind}`), suggestion }), fixes: [replaceFix(f.keySpan, suggestion, false)] });
          continue;
        }
        const [suggestion] = nearest(f.key, known.filter((k) => !present.has(k)), 1, (s) => s.toLowerCase().replace(/[^a-z]/g, ''));
        const object = msg(`object.${obj.kind}`);
        if (suggestion) {
          const safe = suggestion === f.key.toLowerCase().replace(/[^a-z]/g, '');
          report({ span: f.keySpan, message: msg('unknown-key.suggest', { key: f.key, object, suggestion }), fixes: [replaceFix(f.keySpan, suggestion, safe)] });
        } else {
          report({ span: f.keySpan, message: msg('unknown-key', { key: f.key, object, allowed: known.join(', ') }) });
        }
      }
    }
  },
};
