/**
 * Spreadsheet apps run cells that start with = + - @ (and tab / CR) as formulas, which turns
 * an exported CRM value into an attack (CSV injection). Prefixing a single quote makes the
 * cell plain text in Excel, LibreOffice and Google Sheets. Numbers such as -12.5 are left alone.
 */
export function neutraliseFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (/^[+-]?\d+([.,]\d+)?$/.test(text)) return text;
  return `'${text}`;
}
