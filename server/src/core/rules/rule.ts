/** What a rule is: an id, a default severity, a docs page, and detection hooks. */
import type { Fix, Related, Severity } from '../findings';
import type { ProfessionIndex } from '../grid';
import type { MessageRef } from '../messages';
import type { Candidate, GridModel } from '../model';
import type { Outcome } from '../outcome';
import type { Span } from '../text';
import { REPOSITORY } from '../repository';

export interface Report {
  span: Span;
  message: MessageRef;
  related?: Related[];
  fixes?: Fix[];
}

export interface FileContext {
  model: GridModel;
  professions: ProfessionIndex;
  report(r: Report): void;
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
}

export interface CandidateContext extends FileContext {
  outcome: Outcome;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line, English, for rule tables, SARIF and --help. */
  description: string;
  /** For the rules tables (`npm run docs`): what the quick fix does, and whether fix-all applies it. None: no quick fix. */
  quickFix?: { what: string; safe: 'yes' | 'no' | `partly: ${string}` };
  /** Checks that need the whole file (ids, versions, local professions, shapes). */
  checkFile?(ctx: FileContext): void;
  /**
   * checkFile reads inside candidates (their ids) or gives line numbers in messages: incremental
   * validation re-runs it after an edit that changes an id or the line count. Other file rules
   * read nothing inside candidates, and their findings are kept after an edit inside one.
   */
  fileReadsCandidates?: boolean;
  /** Checks of one candidate alone: their findings depend on nothing else but the file's professions. */
  checkCandidate?(candidate: Candidate, ctx: CandidateContext): void;
}

export const DOCS_BASE = `${REPOSITORY}/blob/main/docs/rules/`;

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
