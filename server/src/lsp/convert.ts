/** Core → LSP conversions: offsets become positions here, at the edge, and nowhere else. */
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeLens,
  type DocumentSymbol,
  type InlayHint,
  MarkupKind,
  type Range,
  SymbolKind,
  type TextEdit,
} from 'vscode-languageserver';
import type { CohortLens, InlayHintItem, OutlineItem } from '../core/features';
import type { CheckResult } from '../core/check';
import type { Finding, Fix, Severity, TextEdit as CoreEdit } from '../core/findings';
import { localeNumber } from '../core/limits';
import { type Locale, msg, render } from '../core/messages';
import { docsUrl } from '../core/rules/index';
import type { Span } from '../core/text';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Only the line index is needed to place things: a configuration file has no CheckResult. */
type Placed = Pick<CheckResult, 'lines'>;

export function toRange(result: Placed, span: Span): Range {
  return { start: result.lines.position(span.start), end: result.lines.position(span.end) };
}

export function toEdit(result: Placed, e: CoreEdit): TextEdit {
  return { range: toRange(result, e), newText: e.newText };
}

/**
 * Rendered messages, by message object: under incremental validation the findings of untouched
 * candidates are the same objects from one version to the next, so each is rendered once.
 */
const rendered = { en: new WeakMap<object, string>(), fr: new WeakMap<object, string>() };

function renderCached(ref: Finding['message'], locale: Locale): string {
  const cache = rendered[locale];
  let text = cache.get(ref);
  if (text === undefined) {
    text = render(ref, locale);
    cache.set(ref, text);
  }
  return text;
}

export function toDiagnostic(uri: string, result: Placed, f: Finding, locale: Locale): Diagnostic {
  const d: Diagnostic = {
    range: toRange(result, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    source: 'cloe',
    message: renderCached(f.message, locale),
  };
  // An unknown key is ignored by the checker: show it faded, as unused code.
  if (f.rule === 'unknown-key') d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(result, r.span) }, message: render(r.message, locale) }));
  }
  return d;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The findings to publish: all of them, or past `max`, the most severe ones (errors, then
 * warnings, information, hints; in document order within a severity), as VS Code itself does
 * with more than 1,000 diagnostics per file. `max` 0: no limit.
 */
export function mostSevere(findings: readonly Finding[], max: number): { shown: Finding[]; omitted: number } {
  if (max <= 0 || findings.length <= max) return { shown: findings.slice(), omitted: 0 };
  const room = max - 1; // one place for the "not shown" notice
  const counts = [0, 0, 0, 0];
  for (const f of findings) counts[RANK[f.severity]]!++;
  // Severities kept whole, then how many of the next one fit (the first ones in the file).
  let cut = 0;
  let left = room;
  while (cut < 4 && counts[cut]! <= left) left -= counts[cut++]!;
  const shown: Finding[] = [];
  for (const f of findings) {
    const rank = RANK[f.severity];
    if (rank < cut) shown.push(f);
    else if (rank === cut && left > 0) {
      shown.push(f);
      left--;
    }
  }
  return { shown, omitted: findings.length - shown.length };
}

/** A file's diagnostics, at most `max` (0: all); past it, the last one says how many are not shown. */
export function toDiagnostics(uri: string, result: CheckResult, locale: Locale, max: number): Diagnostic[] {
  const { shown, omitted } = mostSevere(result.findings, max);
  const out = shown.map((f) => toDiagnostic(uri, result, f, locale));
  if (omitted > 0) {
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'cloe',
      message: render(msg('diagnostics.omitted', { count: localeNumber(omitted), max: localeNumber(max) }), locale),
    });
  }
  return out;
}

/** The finding a diagnostic came from: same rule, same range. */
export function findingFor(result: CheckResult, d: Diagnostic): Finding | undefined {
  return result.findings.find((f) => {
    if (f.rule !== d.code) return false;
    const r = toRange(result, f.span);
    return r.start.line === d.range.start.line && r.start.character === d.range.start.character && r.end.line === d.range.end.line && r.end.character === d.range.end.character;
  });
}

export function toCodeAction(uri: string, result: CheckResult, fix: Fix, locale: Locale, diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction {
  const action = CodeAction.create(render(fix.title, locale), { changes: { [uri]: fix.edits.map((e) => toEdit(result, e)) } }, CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

export function toSymbol(result: Placed, item: OutlineItem): DocumentSymbol {
  return {
    name: item.name,
    detail: item.detail,
    kind: item.kind === 'cohort' ? SymbolKind.Namespace : SymbolKind.Object,
    range: toRange(result, item.span),
    selectionRange: toRange(result, item.selection),
    ...(item.kind === 'cohort' ? { children: item.children.map((c) => toSymbol(result, c)) } : {}),
  };
}

/** A cohort's lens, running `command` (with its arguments) when clicked. */
export function toCodeLens(result: Placed, lens: CohortLens, command: { command: string; arguments: unknown[] }): CodeLens {
  const start = result.lines.position(lens.offset);
  return { range: { start, end: start }, command: { title: lens.title, ...command } };
}

export function toInlayHint(result: Placed, hint: InlayHintItem): InlayHint {
  return {
    position: result.lines.position(hint.offset),
    label: hint.label,
    paddingLeft: true,
    ...(hint.tooltip !== undefined ? { tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip } } : {}),
  };
}
