/**
 * Reading a spreadsheet (`cloe-grid import`): an Excel workbook (.xlsx, with exceljs) or a CSV
 * file (csv-parse) as rows of texts, the way the sheet shows them. The size is checked before
 * anything is decompressed or parsed (a "zip bomb" is refused), the row count before the rows
 * are converted.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Cell, CellValue } from 'exceljs';
import { type MessageRef, msg } from '../core/messages';
import { SHEET_LIMITS, type SheetRow } from '../core/sheet';

/** A problem with the spreadsheet itself: a message for the user, exit code 2. */
export class SheetError extends Error {
  constructor(readonly ref: MessageRef) {
    super(ref.id);
  }
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export interface ReadOptions {
  /** --sheet: the sheet to read (default: the first). */
  sheet?: string;
  limits?: typeof SHEET_LIMITS;
}

export function loadSheetLibs(): typeof import('./sheet-libs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./sheet-libs') as typeof import('./sheet-libs');
}

export function isWorkbookPath(file: string): boolean {
  return /\.xls[xm]$/i.test(file);
}

export async function readSheet(abs: string, display: string, opts: ReadOptions = {}): Promise<Sheet> {
  const limits = opts.limits ?? SHEET_LIMITS;
  const size = statSync(abs).size;
  if (size > limits.maxBytes) throw tooLarge(display, size, limits);
  const bytes = readFileSync(abs);
  return isWorkbookPath(abs) ? readWorkbook(bytes, display, opts, limits) : readCsv(bytes, display, opts, limits);
}

function tooLarge(display: string, bytes: number, limits: typeof SHEET_LIMITS): SheetError {
  const mb = (n: number) => (Math.ceil((n / 1024 / 1024) * 10) / 10).toString();
  return new SheetError(msg('import.too-large', { file: display, size: mb(bytes), limit: mb(limits.maxBytes) }));
}

// ── Excel workbooks ─────────────────────────────────────────────────────────────────────────

/**
 * The total uncompressed size a zip file's central directory states (without decompressing
 * anything); Infinity when an entry's size is a ZIP64 marker, undefined when it is no zip.
 */
export function zipUncompressedSize(zip: Buffer): number | undefined {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return undefined;
    const size = zip.readUInt32LE(p + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  if (entries === 0xffff) return Infinity;
  return total;
}

async function readWorkbook(bytes: Buffer, display: string, opts: ReadOptions, limits: typeof SHEET_LIMITS): Promise<Sheet> {
  const unzipped = zipUncompressedSize(bytes);
  if (unzipped === undefined) throw new SheetError(msg('import.not-a-workbook', { file: display, detail: { en: 'it is not a zip file', fr: 'ce n’est pas un fichier zip' } }));
  if (unzipped > limits.maxBytes) throw tooLarge(display, unzipped, limits);
  const { Workbook } = loadSheetLibs();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new SheetError(msg('import.not-a-workbook', { file: display, detail: (e as Error).message }));
  }
  const ws = opts.sheet === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name === opts.sheet) ?? wb.worksheets.find((w) => w.name.trim().toLowerCase() === opts.sheet!.trim().toLowerCase());
  if (!ws) throw new SheetError(msg('import.no-sheet', { file: display, sheet: opts.sheet ?? '', sheets: { quoted: wb.worksheets.map((w) => w.name) } }));
  if (ws.rowCount > limits.maxRows) throw new SheetError(msg('import.too-many-rows', { file: display, sheet: ws.name, rows: ws.rowCount, limit: limits.maxRows }));
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: number, cells });
  });
  return { name: ws.name, rows };
}

/** A cell as the sheet shows it: a formula's cached value, an id formatted "0000" with its zeros, a date as YYYY-MM-DD. */
export function cellText(cell: Pick<Cell, 'value' | 'numFmt'>): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(v: CellValue | undefined, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    const zeros = numFmt && /^0+$/.exec(numFmt.replace(/\\|"/g, ''));
    if (zeros && Number.isInteger(v) && v >= 0) return String(v).padStart(zeros[0].length, '0');
    return String(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if ('formula' in v || 'sharedFormula' in v) return valueText((v as { result?: CellValue }).result, numFmt);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  return ''; // an error value (#N/A…)
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────

/**
 * UTF-16 with its byte order mark (Excel's "Unicode text"); UTF-8 (with or without BOM) when the
 * bytes are valid UTF-8; else Windows-1252 (what French Excel writes as "CSV").
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The field separator: the one of ;  ,  tab found most often outside quotes in the first lines. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 20; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
    else if (!quoted && ch === '\n') lines++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![1] > 0 ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] : ',';
}

function readCsv(bytes: Buffer, display: string, _opts: ReadOptions, limits: typeof SHEET_LIMITS): Sheet {
  const text = decodeText(bytes);
  const { parseCsv } = loadSheetLibs();
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, to: limits.maxRows + 1 }) as string[][];
  } catch (e) {
    throw new SheetError(msg('import.not-csv', { file: display, detail: (e as Error).message.replace(/\.$/, '') }));
  }
  const name = display.replace(/^.*[/\\]/, '');
  if (records.length > limits.maxRows) throw new SheetError(msg('import.too-many-rows', { file: display, sheet: name, rows: `${limits.maxRows}+`, limit: limits.maxRows }));
  return { name, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}
