import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../electron/shared/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, skipping blank lines', () => {
    const text = '\uFEFFlabel,url\r\n"Jira, Berlin","https://a"\n\n"Say ""hi""","multi\nline"\r\nlast,';
    expect(parseCsv(text)).toEqual([
      ['label', 'url'],
      ['Jira, Berlin', 'https://a'],
      ['Say "hi"', 'multi\nline'],
      ['last', ''],
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\nc,"open\nstill')).toThrow('A quoted field that starts on line 2 is never closed.');
  });
});

describe('formatCsv', () => {
  it('quotes what needs it, defuses spreadsheet formulas and round-trips through parseCsv', () => {
    const rows = [
      ['at', 'server'],
      ['2026-12-02', 'Jira, "EU"'],
      ['=HYPERLINK("x")', 'two\nlines'],
    ];
    const text = formatCsv(rows);
    expect(text).toBe('at,server\r\n2026-12-02,"Jira, ""EU"""\r\n"\'=HYPERLINK(""x"")","two\nlines"\r\n');
    expect(parseCsv(text)).toEqual([rows[0], rows[1], ['\'=HYPERLINK("x")', 'two\nlines']]);
  });
});
