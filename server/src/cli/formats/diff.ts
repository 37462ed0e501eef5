/** `cloe-grid diff`: what a change does to outcomes, as a table, Markdown, JSON or GitHub annotations. */
import { changeGroups, type OutcomeChange } from '../../core/diff';
import { decision, decisions, orderedGroups, summaryText, whatChanged } from '../../core/diff-text';
import { type Locale, type MessageId, msg, render } from '../../core/messages';
import { escapeData, escapeProperty } from './github';
import type { ReportRow } from './report';

export type RowChange = OutcomeChange<ReportRow>;

const text = (id: MessageId, locale: Locale, args: Record<string, string | number> = {}) => render(msg(id, args), locale);

function decisionCell(c: RowChange, locale: Locale, strong = false): string {
  const d = decisions(c, locale);
  return d.before === undefined ? d.after : `${d.before} → ${strong ? `**${d.after}**` : d.after}`;
}

/** The changes in the order a reviewer reads them: certificates gained, lost, other decisions, the rest. */
function ordered(changes: readonly RowChange[]): RowChange[] {
  return orderedGroups(changes).flatMap((g) => g.changes);
}

/** Display width, counting each code point once (accents, dashes). */
function width(s: string): number {
  return [...s].length;
}

export function diffTable(changes: readonly RowChange[], locale: Locale): string {
  if (changes.length === 0) return `${summaryText(changes, locale)}\n`;
  const head = (['file', 'cohort', 'id', 'name', 'change', 'what', 'outcome'] as const).map((h) => text(`diff.header.${h}`, locale));
  const rows = ordered(changes).map((c) => [c.file, c.cohort ?? '—', c.id ?? '—', c.name ?? '—', text(`diff.change.${c.change}`, locale), whatChanged(c, locale) || '—', decisionCell(c, locale)]);
  const table = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...table.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) => row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line), '', summaryText(changes, locale)].join('\n') + '\n';
}

export function diffJson(changes: readonly RowChange[]): string {
  return JSON.stringify(changes, null, 2) + '\n';
}

/** Beyond this many rows, a group of decision changes shows the first ones and folds the others. */
const OPEN_ROWS = 50;
/** The other changes are folded when there are more than this many. */
const REST_OPEN_MAX = 10;

export function diffMarkdown(changes: readonly RowChange[], locale: Locale): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
  const out = [`### ${text('diff.title', locale)}`, '', summaryText(changes, locale)];
  const head = (['file', 'cohort', 'candidate', 'change', 'what', 'outcome'] as const).map((h) => text(`diff.header.${h}`, locale));
  const table = (rows: readonly RowChange[], strong: boolean) => [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((c) => {
      const who = `${c.id === null ? '—' : `\`${c.id.replace(/`/g, "'")}\``}${c.name ? ` ${esc(c.name)}` : ''}`;
      const cells = [esc(c.file), esc(c.cohort ?? '—'), who, text(`diff.change.${c.change}`, locale), esc(whatChanged(c, locale) || '—'), esc(decisionCell(c, locale, strong))];
      return `| ${cells.join(' | ')} |`;
    }),
  ];
  const folded = (summary: string, rows: readonly RowChange[], strong: boolean) => ['', '<details>', `<summary>${esc(summary)}</summary>`, '', ...table(rows, strong), '', '</details>'];
  const g = changeGroups(changes);
  for (const [id, rows] of [
    ['diff.group.gained', g.gained],
    ['diff.group.lost', g.lost],
    ['diff.group.outcome', g.outcome],
  ] as const) {
    if (rows.length === 0) continue;
    out.push('', `#### ${text(id, locale)} (${rows.length})`, '', ...table(rows.slice(0, OPEN_ROWS), true));
    if (rows.length > OPEN_ROWS) out.push(...folded(text('diff.details', locale, { count: rows.length - OPEN_ROWS }), rows.slice(OPEN_ROWS), true));
  }
  if (g.rest.length > 0) {
    const title = `${text('diff.group.rest', locale)} (${g.rest.length})`;
    if (g.rest.length > REST_OPEN_MAX) out.push(...folded(title, g.rest, false));
    else out.push('', `#### ${title}`, '', ...table(g.rest, false));
  }
  return out.join('\n') + '\n';
}

/**
 * GitHub workflow commands: a notice on the line of each candidate whose decision changed, a
 * warning where a certificate is lost. `lineOf` gives a new row's line (1-based).
 */
export function diffGithub(changes: readonly RowChange[], locale: Locale, lineOf: (row: ReportRow) => number | undefined): string {
  const g = changeGroups(changes);
  const lines: string[] = [];
  for (const [kind, rows] of [
    ['gained', g.gained],
    ['lost', g.lost],
    ['outcome', g.outcome],
  ] as const) {
    for (const c of rows) {
      const line = lineOf(c.after!);
      const props = [`file=${escapeProperty(c.file)}`, ...(line ? [`line=${line}`] : []), `title=${escapeProperty(text(`diff.annotation.${kind}`, locale))}`];
      const why = whatChanged(c, locale);
      const message = text('diff.annotation', locale, {
        id: c.id ?? '—',
        name: c.name ?? '—',
        cohort: c.cohort ?? '—',
        before: decision(c.before!, locale),
        after: decision(c.after!, locale),
        why: why ? `; ${why}` : '',
      });
      lines.push(`::${kind === 'lost' ? 'warning' : 'notice'} ${props.join(',')}::${escapeData(message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
