/** Messy workbooks for the spreadsheet tests, built with exceljs as a partner's spreadsheet would be. */
import { Workbook } from 'exceljs';

/** A cell: text, a number, a date, a formula with its cached result, or a number with its display format (an id "0042"). */
export type Cell = string | number | Date | null | { formula: string; result: string } | { numFmt: string; value: number };

/** Writes rows (from the first row and column; null: an empty cell) as the one sheet of an .xlsx file. */
export async function writeWorkbook(file: string, rows: Cell[][], sheet = 'Candidats'): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((cells, r) => {
    cells.forEach((c, i) => {
      if (c === null) return;
      const cell = ws.getCell(r + 1, i + 1);
      if (typeof c === 'object' && 'numFmt' in c) {
        cell.value = c.value;
        cell.numFmt = c.numFmt;
      } else cell.value = c;
    });
  });
  await wb.xlsx.writeFile(file);
}
