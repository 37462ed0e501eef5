import { KEYS } from '../format';
import { msg } from '../messages';
import { nearest } from '../normalize';
import type { ObjectInfo } from '../model';
import type { Report, Rule } from './rule';
import { candidateObjects, inCandidate, replaceFix } from './util';

function checkObject(obj: ObjectInfo, report: (r: Report) => void): void {
  const { all: known, set: knownSet } = KEYS[obj.kind];
  let present: Set<string> | undefined;
  // Two slips of one key (`Threshold`, `THRESHOLD`): only the first is fixed safely, or fix-all would write the key twice.
  const fixedTo = new Set<string>();
  for (const f of obj.fields) {
    if (knownSet.has(f.key)) continue;
    const here = (present ??= new Set(obj.fields.map((x) => x.key)));
    // `result:B1`: a known key and its value with no space after the colon.
    const glued = /^([A-Za-z_]+):(\S.*)$/.exec(f.key);
    if (glued && known.includes(glued[1]!) && !here.has(glued[1]!)) {
      const suggestion = `${glued[1]}: ${glued[2]}`;
      report({ span: f.keySpan, message: msg('unknown-key.suggest', { key: f.key, object: msg(`object.${obj.kind}`), suggestion }), fixes: [replaceFix(f.keySpan, suggestion, false)] });
      continue;
    }
    const [suggestion] = nearest(f.key, known.filter((k) => !here.has(k)), 1, (s) => s.toLowerCase().replace(/[^a-z]/g, ''));
    const object = msg(`object.${obj.kind}`);
    if (suggestion) {
      const safe = suggestion === f.key.toLowerCase().replace(/[^a-z]/g, '') && !fixedTo.has(suggestion);
      if (safe) fixedTo.add(suggestion);
      report({ span: f.keySpan, message: msg('unknown-key.suggest', { key: f.key, object, suggestion }), fixes: [replaceFix(f.keySpan, suggestion, safe)] });
    } else {
      report({ span: f.keySpan, message: msg('unknown-key', { key: f.key, object, allowed: known.join(', ') }) });
    }
  }
}

export const unknownKey: Rule = {
  id: 'unknown-key',
  defaultSeverity: 'warning',
  description: 'A key the grid format does not have.',
  quickFix: { what: 'yes, when a key is suggested', safe: 'partly: only case/punctuation slips' },
  checkFile({ model, report }) {
    for (const obj of model.objects) if (!inCandidate(obj)) checkObject(obj, report);
  },
  checkCandidate(c, { report }) {
    for (const obj of candidateObjects(c)) checkObject(obj, report);
  },
};
