/**
 * Spreadsheets in (`cloe-grid import`) and out (`report --format xlsx`, `csv --excel`): the pure
 * part. A sheet arrives here as rows of texts (the CLI reads the file with its libraries); this
 * finds the header row, maps the columns by their French or English headers, turns the rows into
 * candidates, and writes them as a new grid file or as minimal text edits merging them into an
 * existing one (offsets from the core's model: comments and untouched lines stay byte-exact).
 */
import type { Finding, TextEdit } from './findings';
import { type MessageRef, msg } from './messages';
import { type Candidate, candidateAt, type Cohort, fieldOf, type GridModel, type ObjectInfo, textField } from './model';

/** What a column holds. `last-name` alone is the full name; with `first-name`, "Prénom Nom". */
export type SheetField = 'id' | 'name' | 'last-name' | 'first-name' | 'profession' | 'threshold' | 'result' | 'written' | 'oral' | 'cohort' | 'session' | 'ignore';
export const SHEET_FIELDS: readonly SheetField[] = ['id', 'name', 'last-name', 'first-name', 'profession', 'threshold', 'result', 'written', 'oral', 'cohort', 'session', 'ignore'];

/** The limits of an import, checked before the file is read whole (a "zip bomb" is refused). */
export const SHEET_LIMITS = {
  /** Bytes of a CSV file, or of a workbook once uncompressed (the sum its zip directory states). */
  maxBytes: 50 * 1024 * 1024,
  /** Rows of the sheet read (header and title rows included). */
  maxRows: 100_000,
};

/** Rows searched for the header row. */
export const HEADER_SCAN_ROWS = 20;

export interface SheetRow {
  /** The row number the spreadsheet shows (1-based; a CSV record's number). */
  row: number;
  cells: string[];
}

/** "N° candidat" → "n candidat": lower case, no accents, words of letters and digits. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const HEADERS: Record<Exclude<SheetField, 'ignore'>, string[]> = {
  id: ['identifiant', 'id', 'n candidat', 'no candidat', 'numero candidat', 'numero de candidat', 'n de candidat', 'matricule', 'identifiant candidat', 'candidate id', 'candidate number', 'ref', 'reference'],
  name: ['nom complet', 'nom et prenom', 'nom prenom', 'prenom nom', 'prenom et nom', 'candidat', 'name', 'full name', 'candidate', 'candidate name'],
  'last-name': ['nom', 'nom de famille', 'last name', 'surname', 'family name'],
  'first-name': ['prenom', 'first name', 'given name'],
  profession: ['metier', 'profession', 'poste', 'fonction', 'job', 'job title', 'occupation', 'position'],
  threshold: ['seuil', 'objectif', 'objectif de resultat', 'niveau seuil', 'niveau vise', 'niveau cible', 'threshold', 'target', 'target level'],
  result: ['resultat', 'niveau obtenu', 'niveau global', 'result', 'overall', 'overall level', 'global', 'niveau'],
  written: ['ecrit', 'written', 'niveau ecrit', 'written level'],
  oral: ['oral', 'niveau oral', 'oral level', 'spoken'],
  cohort: ['cohorte', 'groupe', 'session', 'cohort', 'group', 'id cohorte', 'identifiant cohorte'],
  session: ['date de session', 'date session', 'date de la session', 'date du test', 'date d examen', 'date de passage', 'date', 'session date', 'test date', 'exam date'],
};

const BY_HEADER = new Map<string, SheetField>(Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [n, field as SheetField] as const)));

/** The field a header names, by --map first, then by the known names. */
export function fieldOfHeader(header: string, overrides: ReadonlyMap<string, SheetField> = new Map()): SheetField | undefined {
  const key = normalizeHeader(header);
  return overrides.get(key) ?? BY_HEADER.get(key);
}

/** Parses --map values ("Header=field"); an unknown field is returned as an error text. */
export function parseMappings(values: readonly string[]): { map: Map<string, SheetField>; bad?: string } {
  const map = new Map<string, SheetField>();
  for (const v of values) {
    const eq = v.lastIndexOf('=');
    const field = v.slice(eq + 1).trim().toLowerCase() as SheetField;
    if (eq <= 0 || !SHEET_FIELDS.includes(field)) return { map, bad: v };
    map.set(normalizeHeader(v.slice(0, eq)), field);
  }
  return { map };
}

export interface SheetColumn {
  index: number;
  header: string;
  field?: SheetField;
  /** The field was named by the user (--map, the editor's pick), not guessed from the header. */
  chosen?: boolean;
}

export interface ColumnMap {
  /** The header row's number. */
  headerRow: number;
  /** Columns with a header, in sheet order; `field` undefined: ignored. */
  columns: SheetColumn[];
  /** Column index of each field (the first column of that field). */
  fields: Partial<Record<SheetField, number>>;
}

/**
 * The header row: the first row (among the first HEADER_SCAN_ROWS) in which two cells or more
 * name known fields, one of them the id or a name. Title rows and blank rows above it are skipped.
 */
export function findHeader(rows: readonly SheetRow[], overrides: ReadonlyMap<string, SheetField> = new Map()): ColumnMap | undefined {
  for (const r of rows.slice(0, HEADER_SCAN_ROWS)) {
    const columns: SheetColumn[] = [];
    const fields: Partial<Record<SheetField, number>> = {};
    r.cells.forEach((cell, index) => {
      const header = cell.trim();
      if (!header) return;
      const field = fieldOfHeader(header, overrides);
      const column: SheetColumn = { index, header, ...(overrides.has(normalizeHeader(header)) ? { chosen: true } : {}) };
      if (field && field !== 'ignore' && fields[field] === undefined) {
        column.field = field;
        fields[field] = index;
      }
      columns.push(column);
    });
    const known = columns.filter((c) => c.field).length;
    if (known >= 2 && (fields.id !== undefined || fields.name !== undefined || fields['last-name'] !== undefined)) return { headerRow: r.row, columns, fields };
  }
  return undefined;
}

/** Candidate keys of a grid file a sheet can fill. */
export type CandidateKey = 'id' | 'name' | 'profession' | 'threshold' | 'result' | 'written' | 'oral';
const CANDIDATE_KEYS: readonly CandidateKey[] = ['id', 'name', 'profession', 'threshold', 'result', 'written', 'oral'];

export interface SheetCandidate {
  row: number;
  cohort?: string;
  session?: string;
  values: Partial<Record<CandidateKey, string>>;
}

export interface SheetProblem {
  row: number;
  column?: string;
  message: MessageRef;
}

export interface SheetImport {
  candidates: SheetCandidate[];
  problems: SheetProblem[];
  /** Headers of the columns not imported. */
  ignored: string[];
  /** The header of the column each candidate key and the cohort come from (findings name it). */
  columnOf: Partial<Record<CandidateKey | 'cohort' | 'session', string>>;
}

/** An Excel date serial (days since 1899-12-30) as an ISO date; undefined when out of a sensible range. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A session date as written in a sheet → ISO when it is unmistakably a date (serial, dd/mm/yyyy); otherwise as written. */
export function sessionDate(text: string): string {
  const t = text.trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) return excelSerialToIso(Number(t)) ?? t;
  const fr = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (fr) return `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`;
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]00:00(:00(\.0+)?)?Z?$/.exec(t);
  return iso ? iso[1]! : t;
}

const DATE_RE = /^(\d{4}-\d{2}-\d{2}([T ]00:00(:00(\.0+)?)?Z?)?|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{5})$/;

/**
 * A column headed "Session" names the cohort, unless every value in it is a date and no other
 * column holds the session date: then it is the session date (French sheets use both).
 */
export function sessionColumnAsDate(rows: readonly SheetRow[], map: ColumnMap): ColumnMap {
  const i = map.fields.cohort;
  if (i === undefined || map.fields.session !== undefined) return map;
  const column = map.columns.find((c) => c.index === i)!;
  if (normalizeHeader(column.header) !== 'session' || column.chosen) return map;
  const values = rows.filter((r) => r.row > map.headerRow).map((r) => (r.cells[i] ?? '').trim()).filter(Boolean);
  if (values.length === 0 || !values.every((v) => DATE_RE.test(v))) return map;
  const fields = { ...map.fields, session: i };
  delete fields.cohort;
  return { ...map, fields, columns: map.columns.map((c) => (c.index === i ? { ...c, field: 'session' } : c)) };
}

/** The rows below the header as candidates; rows with no id or an id seen before are problems (not imported). */
export function sheetCandidates(rows: readonly SheetRow[], sheetMap: ColumnMap): SheetImport {
  const map = sessionColumnAsDate(rows, sheetMap);
  const cell = (r: SheetRow, f: SheetField) => {
    const i = map.fields[f];
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const header = (f: SheetField) => map.columns.find((c) => c.index === map.fields[f])?.header;
  const columnOf: SheetImport['columnOf'] = {};
  for (const k of CANDIDATE_KEYS) {
    const h = header(k === 'name' && map.fields.name === undefined ? 'last-name' : k);
    if (h) columnOf[k] = h;
  }
  if (!columnOf.name && header('first-name')) columnOf.name = header('first-name')!;
  const cohortHeader = header('cohort');
  if (cohortHeader) columnOf.cohort = cohortHeader;
  const sessionHeader = header('session');
  if (sessionHeader) columnOf.session = sessionHeader;

  const out: SheetImport = { candidates: [], problems: [], ignored: map.columns.filter((c) => !c.field).map((c) => c.header), columnOf };
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.row <= map.headerRow) continue;
    const mapped = map.columns.filter((c) => c.field).some((c) => (r.cells[c.index] ?? '').trim() !== '');
    if (!mapped) continue; // an empty row (or one with only ignored cells)
    const values: Partial<Record<CandidateKey, string>> = {};
    const full = cell(r, 'name');
    const first = cell(r, 'first-name');
    const last = cell(r, 'last-name');
    const name = full || [first, last].filter(Boolean).join(' ');
    if (name) values.name = name;
    for (const k of ['id', 'profession', 'threshold', 'result', 'written', 'oral'] as const) {
      const v = cell(r, k);
      if (v) values[k] = v;
    }
    const id = values.id;
    if (!id) {
      out.problems.push({ row: r.row, ...(columnOf.id ? { column: columnOf.id } : {}), message: msg('import.no-id') });
      continue;
    }
    const before = seen.get(id);
    if (before !== undefined) {
      out.problems.push({ row: r.row, ...(columnOf.id ? { column: columnOf.id } : {}), message: msg('import.duplicate-row', { id, first: before }) });
      continue;
    }
    seen.set(id, r.row);
    const c: SheetCandidate = { row: r.row, values };
    const cohort = cell(r, 'cohort');
    if (cohort) c.cohort = cohort;
    const session = cell(r, 'session');
    if (session) c.session = sessionDate(session);
    out.candidates.push(c);
  }
  return out;
}

// ── Writing YAML ────────────────────────────────────────────────────────────────────────────

const PLAIN_RE = /^[\p{L}\p{N}(][^\n\r\t:#"'`{}[\],&*!|>%@]*$/u;
const NOT_TEXT_RE = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.\d+|\.inf|\.nan)|true|false|yes|no|on|off|null|~|y|n)$/i;

/** A value as a YAML scalar: plain when it reads back as the same text, double-quoted otherwise ("0042"). */
export function yamlScalar(value: string): string {
  if (PLAIN_RE.test(value) && value === value.trim() && !NOT_TEXT_RE.test(value) && !/^\d{4}-\d{2}-\d{2}./.test(value)) return value;
  return JSON.stringify(value);
}

/** The lines of one candidate, each ending with `eol`. */
function candidateLines(c: SheetCandidate, dash: string, indent: string, eol: string): string {
  const v = c.values;
  const lines = [`${dash}- id: ${yamlScalar(v.id ?? '')}`];
  for (const k of ['name', 'profession', 'threshold'] as const) if (v[k] !== undefined) lines.push(`${indent}${k}: ${yamlScalar(v[k])}`);
  const result = resultText(v, undefined);
  if (result !== undefined) lines.push(`${indent}result: ${result}`);
  return lines.map((l) => l + eol).join('');
}

/** A result as a shorthand or a flow mapping, from the sheet's values over the ones the file has. */
function resultText(v: SheetCandidate['values'], old: { written?: string; oral?: string; overall?: string } | undefined): string | undefined {
  const written = v.written ?? old?.written;
  const oral = v.oral ?? old?.oral;
  const overall = v.result ?? old?.overall;
  if (written === undefined && oral === undefined) return overall === undefined ? undefined : yamlScalar(overall);
  const parts: string[] = [];
  if (written !== undefined) parts.push(`written: ${yamlScalar(written)}`);
  if (oral !== undefined) parts.push(`oral: ${yamlScalar(oral)}`);
  if (overall !== undefined) parts.push(`overall: ${yamlScalar(overall)}`);
  return `{ ${parts.join(', ')} }`;
}

export interface NewGridOptions {
  /** The cohort of rows without one (--cohort). */
  cohort?: string;
  /** Where the candidates come from, for the comment at the top. */
  source: string;
}

/** Cohort ids in sheet order, each with its candidates; candidates with no cohort go to `fallback` (or are returned apart). */
function byCohort(candidates: readonly SheetCandidate[], fallback: string | undefined): { groups: Map<string, SheetCandidate[]>; orphans: SheetCandidate[] } {
  const groups = new Map<string, SheetCandidate[]>();
  const orphans: SheetCandidate[] = [];
  for (const c of candidates) {
    const cohort = c.cohort ?? fallback;
    if (cohort === undefined) {
      orphans.push(c);
      continue;
    }
    const list = groups.get(cohort) ?? [];
    list.push(c);
    groups.set(cohort, list);
  }
  return { groups, orphans };
}

function cohortLines(id: string, candidates: readonly SheetCandidate[], dash: string, eol: string): string {
  const indent = dash + '  ';
  const session = candidates.find((c) => c.session)?.session;
  let out = `${dash}- id: ${yamlScalar(id)}${eol}`;
  if (session) out += `${indent}session: ${yamlScalar(session)}${eol}`;
  out += `${indent}candidates:${eol}`;
  for (const c of candidates) out += candidateLines(c, indent + '  ', indent + '    ', eol);
  return out;
}

/** A new grid file holding the sheet's candidates; undefined when some have no cohort and none is given. */
export function newGridText(imp: SheetImport, opts: NewGridOptions): string | undefined {
  const { groups, orphans } = byCohort(imp.candidates, opts.cohort);
  if (orphans.length > 0) return undefined;
  let out = `# Imported from ${opts.source.replace(/[\r\n]/g, ' ')} by cloe-grid import.\ncloe: 1\ncohorts:\n`;
  for (const [id, list] of groups) out += cohortLines(id, list, '  ', '\n');
  if (groups.size === 0) out = out.replace(/cohorts:\n$/, 'cohorts: []\n');
  return out;
}

// ── Merging into an existing grid file ──────────────────────────────────────────────────────

export interface FieldChange {
  row: number;
  id: string;
  key: CandidateKey;
  before?: string;
  after: string;
}

export interface MergeResult {
  edits: TextEdit[];
  changes: FieldChange[];
  added: number;
  updated: number;
  unchanged: number;
  /** New candidates without a cohort (none in the sheet, none given, the file has several). */
  orphans: SheetCandidate[];
  problems: SheetProblem[];
}

/** The offset just after the line holding `offset` (its line break included), or the text's end. */
function afterLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The indentation of a list item's "-" and of its keys, for an item mapping written `- key: …`. */
function itemIndent(text: string, obj: ObjectInfo): { dash: string; indent: string } | undefined {
  const start = lineStart(text, obj.span.start);
  const prefix = text.slice(start, obj.span.start);
  const m = /^( *)- +$/.exec(prefix);
  if (!m) return undefined;
  return { dash: m[1]!, indent: ' '.repeat(prefix.length) };
}

class Inserts {
  private readonly at = new Map<number, string>();
  add(offset: number, s: string): void {
    this.at.set(offset, (this.at.get(offset) ?? '') + s);
  }
  edits(text: string, eol: string): TextEdit[] {
    return [...this.at].map(([offset, s]) => ({ start: offset, end: offset, newText: offset === text.length && text.length > 0 && !text.endsWith('\n') ? eol + s : s }));
  }
}

/**
 * The edits that merge the sheet into a grid file: candidates matched by id get the sheet's
 * non-empty values where they differ (a value replaced in place, a missing key added as a line);
 * new candidates are appended to their cohort (a new cohort at the end of the list). Nothing is
 * removed; text outside the edits is unchanged.
 */
export function mergeEdits(model: GridModel, imp: SheetImport, opts: { cohort?: string } = {}): MergeResult {
  const text = model.text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  const inserts = new Inserts();
  const result: MergeResult = { edits, changes: [], added: 0, updated: 0, unchanged: 0, orphans: [], problems: [] };
  const byId = new Map<string, Candidate>();
  for (const c of model.candidates) if (c.id && !byId.has(c.id.value)) byId.set(c.id.value, c);
  const newOnes: SheetCandidate[] = [];

  for (const s of imp.candidates) {
    const c = byId.get(s.values.id!);
    if (!c) {
      newOnes.push(s);
      continue;
    }
    const before = result.changes.length;
    updateCandidate(text, c, s, edits, inserts, result, eol, imp);
    if (result.changes.length > before) result.updated++;
    else result.unchanged++;
  }

  // New candidates, by cohort.
  const onlyCohort = model.cohorts.length === 1 ? model.cohorts[0]!.id?.value : undefined;
  const { groups, orphans } = byCohort(newOnes, opts.cohort ?? onlyCohort);
  result.orphans = orphans;
  const cohorts = new Map<string, Cohort>();
  for (const co of model.cohorts) if (co.id && !cohorts.has(co.id.value)) cohorts.set(co.id.value, co);
  const newCohorts: [string, SheetCandidate[]][] = [];
  for (const [id, list] of groups) {
    const co = cohorts.get(id);
    if (!co) {
      newCohorts.push([id, list]);
      continue;
    }
    const last = co.candidates[co.candidates.length - 1];
    const shape = last && itemIndent(text, last.obj);
    let at: number;
    let dash: string;
    let indent: string;
    if (last && shape) {
      at = afterLine(text, last.obj.span.end);
      ({ dash, indent } = shape);
    } else {
      const key = fieldOf(co.obj, 'candidates');
      const coShape = itemIndent(text, co.obj);
      if (co.obj.flow || !coShape || (key && key.value.kind !== 'null')) {
        for (const s of list) result.problems.push({ row: s.row, message: msg('import.cannot-append', { cohort: id }) });
        continue;
      }
      dash = coShape.indent + '  ';
      indent = dash + '  ';
      if (key) {
        at = afterLine(text, key.keySpan.end);
      } else {
        at = afterLine(text, co.obj.span.end);
        inserts.add(at, `${coShape.indent}candidates:${eol}`);
      }
    }
    for (const s of list) inserts.add(at, candidateLines(s, dash, indent, eol));
    result.added += list.length;
  }
  if (newCohorts.length > 0) {
    const lastCohort = model.cohorts[model.cohorts.length - 1];
    const shape = lastCohort && itemIndent(text, lastCohort.obj);
    const cohortsField = model.root && fieldOf(model.root, 'cohorts');
    if (lastCohort && shape) {
      const at = afterLine(text, lastCohort.obj.span.end);
      for (const [id, list] of newCohorts) inserts.add(at, cohortLines(id, list, shape.dash, eol));
      result.added += newCohorts.reduce((n, [, l]) => n + l.length, 0);
    } else if (!cohortsField && model.root && !model.root.flow) {
      let block = `cohorts:${eol}`;
      for (const [id, list] of newCohorts) block += cohortLines(id, list, '  ', eol);
      inserts.add(text.length, block);
      result.added += newCohorts.reduce((n, [, l]) => n + l.length, 0);
    } else {
      for (const [id, list] of newCohorts) for (const s of list) result.problems.push({ row: s.row, message: msg('import.cannot-append', { cohort: id }) });
    }
  }
  edits.push(...inserts.edits(text, eol));
  edits.sort((a, b) => a.start - b.start);
  return result;
}

function updateCandidate(text: string, c: Candidate, s: SheetCandidate, edits: TextEdit[], inserts: Inserts, out: MergeResult, eol: string, imp: SheetImport): void {
  const id = s.values.id!;
  const shape = itemIndent(text, c.obj);
  const candidateEnd = afterLine(text, c.obj.span.end);
  const lines: string[] = [];
  const change = (key: CandidateKey, after: string, before: string | undefined) => out.changes.push({ row: s.row, id, key, after, ...(before !== undefined ? { before } : {}) });
  const notBlock = (key: string) => out.problems.push({ row: s.row, ...(imp.columnOf[key as CandidateKey] ? { column: imp.columnOf[key as CandidateKey]! } : {}), message: msg('import.flow-candidate', { id, key }) });
  const replace = (span: { start: number; end: number }, value: string) => {
    const pad = span.start === span.end && text[span.start - 1] === ':' ? ' ' : '';
    edits.push({ start: span.start, end: span.end, newText: pad + value });
  };

  // The result first: lines added inside a result mapping come before lines added to the candidate.
  const v = s.values;
  if (v.result !== undefined || v.written !== undefined || v.oral !== undefined) {
    const r = c.result;
    const field = fieldOf(c.obj, 'result');
    const map = field?.value.map;
    if (map && !map.flow) {
      const subShape = map.fields[0] ? text.slice(lineStart(text, map.fields[0].keySpan.start), map.fields[0].keySpan.start) : undefined;
      const subLines: string[] = [];
      for (const [key, sub] of [['written', 'written'], ['oral', 'oral'], ['result', 'overall']] as const) {
        const value = v[key];
        if (value === undefined) continue;
        const f = fieldOf(map, sub);
        const old = textField(f)?.value;
        if (old === value) continue;
        change(key, value, old);
        if (f) replace(f.value.span, yamlScalar(value));
        else if (subShape !== undefined && /^ *$/.test(subShape)) subLines.push(`${subShape}${sub}: ${yamlScalar(value)}${eol}`);
        else notBlock(sub);
      }
      if (subLines.length > 0) inserts.add(afterLine(text, map.span.end), subLines.join(''));
    } else {
      const old = { written: r?.written?.value, oral: r?.oral?.value, overall: r?.overall?.value ?? r?.shorthand?.value };
      const oldClean = Object.fromEntries(Object.entries(old).filter(([, x]) => x !== undefined)) as typeof old;
      let changed = false;
      for (const [key, sub] of [['written', 'written'], ['oral', 'oral'], ['result', 'overall']] as const) {
        const value = v[key];
        if (value !== undefined && value !== old[sub]) {
          change(key, value, old[sub]);
          changed = true;
        }
      }
      if (changed) {
        const written = resultText(v, oldClean)!;
        if (field && (r || field.value.kind === 'null' || map)) replace(field.value.span, written);
        else if (field) notBlock('result');
        else if (shape && !c.obj.flow) lines.push(`${shape.indent}result: ${written}${eol}`);
        else notBlock('result');
      }
    }
  }
  for (const key of ['name', 'profession', 'threshold'] as const) {
    const value = v[key];
    if (value === undefined) continue;
    const f = fieldOf(c.obj, key);
    const old = textField(f)?.value;
    if (old === value) continue;
    if (f && (f.value.kind === 'null' || old !== undefined)) {
      change(key, value, old);
      replace(f.value.span, yamlScalar(value));
    } else if (!f && shape && !c.obj.flow) {
      change(key, value, undefined);
      lines.push(`${shape.indent}${key}: ${yamlScalar(value)}${eol}`);
    } else {
      notBlock(key);
    }
  }
  if (lines.length > 0) inserts.add(candidateEnd, lines.join(''));
}

/**
 * Applies non-overlapping edits in one pass (linear in the text's length, where applying them one
 * by one copies the text once per edit: minutes for a results sheet of 20,000 rows).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = Math.max(at, e.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// ── Findings placed in the sheet ────────────────────────────────────────────────────────────

export interface SheetPlace {
  row: number;
  column?: string;
}

/**
 * Where in the sheet a finding of the imported grid file comes from: the row of its candidate
 * (by id) and the column of the key it is on. Undefined for findings outside the sheet's
 * candidates, and for findings on a key the sheet has no column for, unless the candidate is
 * one the import added (`added`: all of it comes from the sheet).
 */
export function sheetPlace(finding: Finding, model: GridModel, imp: SheetImport, rowsById: ReadonlyMap<string, number>, added: (id: string) => boolean = () => true): SheetPlace | undefined {
  const offset = finding.span.start;
  const c = candidateAt(model.candidates, offset);
  const id = c?.id?.value;
  const row = id === undefined ? undefined : rowsById.get(id);
  if (!c || row === undefined) return undefined;
  const inside = (sp: { start: number; end: number }) => offset >= sp.start && offset <= sp.end;
  for (const f of c.obj.fields) {
    if (!inside({ start: f.keySpan.start, end: f.value.span.end })) continue;
    let key: string = f.key;
    if (f.key === 'result' && f.value.map) {
      const sub = f.value.map.fields.find((g) => inside({ start: g.keySpan.start, end: g.value.span.end }));
      key = sub?.key === 'written' || sub?.key === 'oral' ? sub.key : 'result';
    }
    const column = imp.columnOf[key as CandidateKey];
    return column ? { row, column } : added(id!) ? { row } : undefined;
  }
  return added(id!) ? { row } : undefined;
}

// ── Spreadsheets out ────────────────────────────────────────────────────────────────────────

/**
 * A cell value made safe against formula injection (OWASP "CSV injection"): a text starting with
 * =, +, -, @, a tab or a carriage return is prefixed with an apostrophe, so that a spreadsheet
 * shows it as text instead of running it.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
