/** Core → LSP conversions: offsets become positions here, at the edge, and nowhere else. */
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { CheckResult } from '../core/check';
import type { Finding, Fix, Severity, TextEdit as CoreEdit } from '../core/findings';
import { type Locale, render } from '../core/messages';
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
