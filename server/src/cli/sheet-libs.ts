/**
 * The spreadsheet libraries, in a module of their own: the CLI loads it (require, see
 * loadSheetLibs in sheet-read.ts) only for `import` and `report --format xlsx`, and the build
 * makes it a bundle of its own (dist/sheet-libs.js), so that `check` and the language server
 * neither load nor parse it.
 */
export { Workbook } from 'exceljs';
export { parse as parseCsv } from 'csv-parse/sync';
