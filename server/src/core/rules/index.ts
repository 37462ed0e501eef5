/** The one registry of rules: the CLI, the server, the docs and the tests all read it. */
import { duplicateId } from './duplicate-id';
import { emptyCohort } from './empty-cohort';
import { internalError } from './internal-error';
import { invalidConfig } from './invalid-config';
import { invalidDate } from './invalid-date';
import { invalidLanguage } from './invalid-language';
import { invalidLevel } from './invalid-level';
import { invalidType } from './invalid-type';
import { missingField } from './missing-field';
import { outcomeUnknown } from './outcome-unknown';
import { overallOutOfRange } from './overall-out-of-range';
import { professionConflict } from './profession-conflict';
import type { Rule } from './rule';
import { thresholdBelowRecommended } from './threshold-below-recommended';
import { thresholdBelowTarget } from './threshold-below-target';
import { thresholdDefaulted } from './threshold-defaulted';
import { thresholdNotPlain } from './threshold-not-plain';
import { unknownKey } from './unknown-key';
import { unknownProfession } from './unknown-profession';
import { unsupportedVersion } from './unsupported-version';
import { unusedSuppression } from './unused-suppression';
import { validationLimit } from './validation-limit';
import { yamlSyntax } from './yaml-syntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  unsupportedVersion,
  unknownKey,
  invalidType,
  missingField,
  invalidLevel,
  thresholdBelowTarget,
  thresholdNotPlain,
  thresholdBelowRecommended,
  thresholdDefaulted,
  outcomeUnknown,
  unknownProfession,
  professionConflict,
  duplicateId,
  invalidLanguage,
  invalidDate,
  overallOutOfRange,
  emptyCohort,
  unusedSuppression,
  invalidConfig,
  validationLimit,
  internalError,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export type { Rule } from './rule';
export { docsUrl } from './rule';
