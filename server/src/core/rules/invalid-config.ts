import type { Rule } from './rule';

/**
 * A problem in a cloe.config.yaml (unknown rule id, bad severity, missing grid file, wrong shape),
 * reported on the configuration file itself. Detected by config.ts and the configuration loader.
 */
export const invalidConfig: Rule = {
  id: 'invalid-config',
  defaultSeverity: 'error',
  description: 'A cloe.config.yaml that cannot be applied as written.',
};
