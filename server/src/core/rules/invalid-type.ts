import { type FieldType, specOf } from '../format';
import { msg } from '../messages';
import type { ValueKind } from '../model';
import type { ObjectInfo } from '../model';
import type { Report, Rule } from './rule';
import { candidateObjects, inCandidate } from './util';

const SCALARS: ValueKind[] = ['string', 'number', 'boolean'];

/** Which kinds of YAML value each field type accepts (null is "absent": missing-field's business). */
function accepts(type: FieldType, kind: ValueKind): boolean {
  if (kind === 'null') return true;
  switch (type) {
    case 'version':
    case 'string':
    case 'level':
    case 'language':
    case 'date':
      return SCALARS.includes(kind);
    case 'result':
      return SCALARS.includes(kind) || kind === 'map';
    case 'string-list':
    case 'profession-list':
    case 'cohort-list':
    case 'candidate-list':
      return kind === 'seq';
  }
}

function checkObject(obj: ObjectInfo, report: (r: Report) => void): void {
  for (const f of obj.fields) {
    const s = specOf(obj.kind, f.key);
    if (!s) continue;
    if (!accepts(s.type, f.value.kind)) {
      report({ span: f.value.span, message: msg('invalid-type', { key: f.key, expected: msg(`expected.${s.type}`), actual: msg(`type.${f.value.kind}`) }) });
    } else if (s.type === 'string-list') {
      for (const item of f.value.items ?? []) {
        if (!SCALARS.includes(item.kind)) {
          report({ span: item.span, message: msg('invalid-type', { key: f.key, expected: msg('expected.string'), actual: msg(`type.${item.kind}`) }) });
        }
      }
    }
  }
}

export const invalidType: Rule = {
  id: 'invalid-type',
  defaultSeverity: 'error',
  description: 'A value of the wrong kind (a list where a text is expected, …).',
  checkFile({ model, report }) {
    if (model.rootNode && model.rootNode.kind !== 'null') {
      // Underline the first line of the value, not the whole file.
      const { start, end } = model.rootNode.span;
      const eol = model.text.slice(start, end).search(/[\r\n]/);
      report({ span: { start, end: eol >= 0 ? start + eol : end }, message: msg('invalid-type.root', { actual: msg(`type.${model.rootNode.kind}`) }) });
    }
    for (const obj of model.objects) if (!inCandidate(obj)) checkObject(obj, report);
    for (const { node, expected } of model.badItems) {
      const key = expected === 'candidate' ? 'candidates' : expected === 'cohort' ? 'cohorts' : 'professions';
      report({ span: node.span, message: msg('invalid-type.item', { key, object: msg(`object.${expected}`), actual: msg(`type.${node.kind}`) }) });
    }
  },
  checkCandidate(c, { report }) {
    for (const obj of candidateObjects(c)) checkObject(obj, report);
  },
};
