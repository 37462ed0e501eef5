/**
 * Suppression comments, keyed by rule id (never by message text):
 *
 *   # cloe-disable-next-line threshold-below-recommended -- agreed with the partner
 *   # cloe-disable unknown-profession, outcome-unknown      (at the top of the file: whole file)
 *
 * A directive that suppresses nothing is reported by the unused-suppression rule.
 */
import type { Finding } from './findings';
import type { Fix } from './findings';
import { msg } from './messages';
import type { Span } from './text';
import { LineIndex } from './text';

export interface Directive {
  kind: 'next-line' | 'file';
  /** 0-based line of the comment. */
  line: number;
  rules: { id: string; span: Span }[];
  reason?: string;
  span: Span;
}

const DIRECTIVE = /#\s*cloe-(disable-next-line|disable)\b([^\r\n]*)/g;

export function parseDirectives(text: string, lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  let headerOpen = true;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);
    const trimmed = content.trim();
    const commentOnly = trimmed.startsWith('#');
    DIRECTIVE.lastIndex = 0;
    const m = commentOnly ? DIRECTIVE.exec(content) : null;
    if (m) {
      const kind = m[1] === 'disable' ? 'file' : 'next-line';
      // A file-wide directive counts only in the file's leading comments.
      if (kind === 'file' && !headerOpen) continue;
      const body = m[2] ?? '';
      const bodyStart = start + (m.index ?? 0) + m[0].length - body.length;
      const [list = '', ...reasonParts] = body.split(/\s--\s?/);
      const rules: Directive['rules'] = [];
      const re = /[A-Za-z0-9-]+/g;
      for (let r = re.exec(list); r; r = re.exec(list)) rules.push({ id: r[0], span: { start: bodyStart + r.index, end: bodyStart + r.index + r[0].length } });
      const d: Directive = { kind, line, rules, span: { start: start + (m.index ?? 0), end } };
      const reason = reasonParts.join(' -- ').trim();
      if (reason) d.reason = reason;
      out.push(d);
      continue;
    }
    if (trimmed !== '' && !commentOnly && trimmed !== '---') headerOpen = false;
  }
  return out;
}

/**
 * Removes the findings the directives suppress; reports each directive rule that suppressed
 * nothing (or names no rule) as an unused-suppression finding.
 */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[], lines: LineIndex, knownRules: ReadonlySet<string>): { kept: Finding[]; unused: { span: Span; rule: string; known: boolean }[] } {
  const used = new Set<string>();
  const key = (d: Directive, id: string) => `${d.line}:${id}`;
  const kept = findings.filter((f) => {
    const line = lines.position(f.span.start).line;
    for (const d of directives) {
      for (const r of d.rules) {
        if (r.id !== f.rule) continue;
        if (d.kind === 'file' || d.line + 1 === line) {
          used.add(key(d, r.id));
          return false;
        }
      }
    }
    return true;
  });
  const unused: { span: Span; rule: string; known: boolean }[] = [];
  for (const d of directives) for (const r of d.rules) if (!used.has(key(d, r.id))) unused.push({ span: r.span, rule: r.id, known: knownRules.has(r.id) });
  return { kept, unused };
}

/** "Disable <rule> for this line" and "… for this file": comment edits, never applied by fix-all. */
export function suppressionFixes(text: string, lines: LineIndex, f: Finding): Fix[] {
  const line = lines.position(f.span.start).line;
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lines.lineEnd(line)))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Insert the file directive after a leading BOM, if any.
  const top = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return [
    { title: msg('fix.disable-line', { rule: f.rule }), edits: [{ start: lineStart, end: lineStart, newText: `${indent}# cloe-disable-next-line ${f.rule}${eol}` }], safe: false },
    { title: msg('fix.disable-file', { rule: f.rule }), edits: [{ start: top, end: top, newText: `# cloe-disable ${f.rule}${eol}` }], safe: false },
  ];
}
