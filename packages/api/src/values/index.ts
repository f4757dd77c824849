export { describeProblem, type ProblemText } from './problems';
export { importWorkbook, sheetProblemLine, type WorkbookImport } from './import';
export {
  readValuesWorkbook,
  valuesTemplate,
  VALUES_WORKBOOK_FORMAT,
  type SheetIndicator,
  type SheetProblem,
} from './workbook';
export { xlsxRefusal, XLSX_LIMITS, type XlsxRefusal } from './xlsx-limits';
export { WorkbookReader, workbookReader } from './workbook-reader';
