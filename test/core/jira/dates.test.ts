import { describe, expect, it } from 'vitest';
import { parseJiraTime } from '../../../electron/core/jira/dates';

describe('parseJiraTime', () => {
  it.each([
    ['2013-11-27T09:43:28.839+0000', '2013-11-27T09:43:28.839Z'],
    ['2013-12-04T07:54:59.824+1100', '2013-12-03T20:54:59.824Z'],
    ['2023-08-30T16:37:01+1000', '2023-08-30T06:37:01.000Z'],
    ['2024-02-29T23:30:00.5-0230', '2024-03-01T02:00:00.500Z'],
    ['2024-01-01T00:00:00.000+05:30', '2023-12-31T18:30:00.000Z'],
    ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseJiraTime(input)).toBe(iso);
  });

  it.each([[undefined], [null], [''], ['yesterday'], [1700000000000], ['2013-11-27 09:43']])(
    'returns undefined for %s',
    (input) => {
      expect(parseJiraTime(input)).toBeUndefined();
    },
  );
});
