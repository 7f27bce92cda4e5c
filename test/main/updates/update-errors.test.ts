import { describe, expect, it } from 'vitest';
import { describeUpdateError, updateErrorCode } from '../../../electron/main/updates/update-errors';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('describeUpdateError', () => {
  it.each([
    [coded('ECONNREFUSED'), 'The update server could not be reached. Check the network connection.'],
    [new Error('net::ERR_NAME_NOT_RESOLVED'), 'The update server could not be reached. Check the network connection.'],
    [new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'The update server’s certificate is not trusted.'],
    [coded('ENOSPC'), 'There is not enough free disk space to download the update.'],
    [
      Object.assign(new Error('Server Error'), { statusCode: 503 }),
      'The update server answered with an error (HTTP 503).',
    ],
    [coded('ERR_UPDATER_NO_FILES_PROVIDED'), 'The update server lists no installer for this system.'],
    [coded('ERR_SOMETHING_NEW', 'at Object.<anonymous> (/x.js:1:1)'), 'The update failed (ERR_SOMETHING_NEW).'],
    ['a string', 'The update failed for an unexpected reason.'],
  ])('%s', (error, message) => {
    expect(describeUpdateError(error)).toBe(message);
  });

  it('reads the code from the error or from Electron’s net:: name', () => {
    expect(updateErrorCode(coded('ERR_CHECKSUM_MISMATCH'))).toBe('ERR_CHECKSUM_MISMATCH');
    expect(updateErrorCode(new Error('net::ERR_CONNECTION_REFUSED'))).toBe('ERR_CONNECTION_REFUSED');
    expect(updateErrorCode(null)).toBeUndefined();
  });
});
