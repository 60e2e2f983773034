export { collectRows, decodeText, parseCsv, parseIsoOrNorwegianDate, parseNorwegianNumber } from './table.js';
export type { CsvDelimiter, CsvRow, CsvTable, DecodedText, RowIssue, TextEncodingName } from './table.js';
