import { localeNumber } from '../limits';
import { msg } from '../messages';
import { MAX_ALIAS_NODES } from '../parse';
import type { Rule } from './rule';

/**
 * Where the checker stopped short. checkText reports a file past the size limits (limits.ts)
 * under this rule without parsing it; here, an alias expansion cut at MAX_ALIAS_NODES.
 */
export const validationLimit: Rule = {
  id: 'validation-limit',
  defaultSeverity: 'error',
  description: 'The file exceeds a limit of the checker (its size, or the expansion of its aliases): it is only partly checked.',
  checkFile({ model, report }) {
    if (model.aliasLimit) report({ span: model.aliasLimit, message: msg('validation-limit.aliases', { max: localeNumber(MAX_ALIAS_NODES) }) });
  },
};
