import type { Rule } from './rule';

/**
 * A suppression comment that suppresses nothing. Detected by check.ts after every other rule has
 * run (it needs their findings); this entry gives it its id, severity and docs.
 */
export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  defaultSeverity: 'hint',
  description: 'A cloe-disable comment that suppresses nothing.',
  quickFix: { what: 'yes (remove the comment)', safe: 'no' },
};
