/** What the rules report: positions as offsets, texts as message references (rendered at the edge). */
import type { MessageRef } from './messages';
import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: MessageRef;
  edits: TextEdit[];
  /** Safe fixes change no meaning a user chose (a case slip, writing a default out): fix-all applies them. */
  safe: boolean;
}

export interface Related {
  span: Span;
  message: MessageRef;
}

export interface Finding {
  rule: string;
  severity: Severity;
  span: Span;
  message: MessageRef;
  related?: Related[];
  fixes?: Fix[];
  /** Candidate the finding belongs to (per-candidate findings), for incremental revalidation. */
  candidate?: number;
}
