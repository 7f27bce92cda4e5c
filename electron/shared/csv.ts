// CSV as RFC 4180 writes it: comma-separated, fields with a comma, quote or line break in double quotes, a quote
// inside doubled. Used for the server import and the history export; pure, so the renderer can use it too.

/** Parses CSV text into rows of fields; throws with the line number when a quoted field is never closed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const input = text.replace(/^\uFEFF/, '');
  for (let at = 0; at < input.length; at += 1) {
    const char = input[at];
    if (quoted) {
      if (char === '"' && input[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[at + 1] === '\n') at += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line += 1;
    } else field += char;
  }
  if (quoted) throw new Error(`A quoted field that starts on line ${quoteLine} is never closed.`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines carry nothing.
  return rows.filter((fields) => fields.length > 1 || fields[0]?.trim() !== '');
}

function csvField(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it with a quote mark.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes rows as CSV with CRLF line ends (what spreadsheets expect). */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
