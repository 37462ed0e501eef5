import type { Rule } from './rule';

/** Reported when a rule fails on a file instead of crashing the CLI or the server. */
export const internalError: Rule = {
  id: 'internal-error',
  defaultSeverity: 'error',
  description: 'The checker failed on this file (a bug: please report it).',
};
