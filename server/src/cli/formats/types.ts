import type { CandidateInfo } from '../../core/check';
import type { GridModel } from '../../core/model';
import type { LineIndex } from '../../core/text';
import type { Finding } from '../../core/findings';
import type { Locale } from '../../core/messages';
import type { Position } from '../../core/text';

export interface CheckedFile {
  display: string;
  abs?: string;
  text: string;
  lines: LineIndex;
  /** The candidates and their outcomes (none for a configuration file). */
  candidates: CandidateInfo[];
  /** The model of a grid file checked on this thread (report): its cohorts, for the HTML report. */
  model?: GridModel;
  /** The findings to report (after --quiet / --min-severity). */
  findings: Finding[];
}

export interface FormatContext {
  locale: Locale;
  version: string;
  color: boolean;
  maxWarnings: number;
  /** The folder relative paths start from (SARIF's %SRCROOT%); the process's own by default. */
  cwd?: string;
}

export interface LspRange {
  start: Position;
  end: Position;
}

export function rangeOf(file: CheckedFile, f: { span: { start: number; end: number } }): LspRange {
  return { start: file.lines.position(f.span.start), end: file.lines.position(f.span.end) };
}
