// electron-updater's failures in plain words. Its messages carry stacks, URLs and whole response bodies, so the
// person only ever sees one of these sentences; the code (never the message) may go to the log.

const UNREACHABLE = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;

interface UpdaterFailure {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/** The error's code as electron-updater or Node set it (ERR_UPDATER_…, ECONNREFUSED), or Electron's net::ERR_… name. */
export function updateErrorCode(error: unknown): string | undefined {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as UpdaterFailure;
  if (typeof failure.code === 'string') return failure.code;
  const message = typeof failure.message === 'string' ? failure.message : '';
  return /\bnet::(ERR_[A-Z_]+)/.exec(message)?.[1];
}

export function describeUpdateError(error: unknown): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as UpdaterFailure;
  const code = updateErrorCode(error) ?? '';
  const message = typeof failure.message === 'string' ? failure.message : '';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || failure.statusCode === 404)
    return 'The update server has no release information for this app (404 Not Found).';
  if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION')
    return 'The update server answered with something other than release information (a web page, perhaps).';
  if (code === 'ERR_CHECKSUM_MISMATCH')
    return 'The downloaded update did not match its checksum, so it was thrown away.';
  if (code === 'ENOSPC') return 'There is not enough free disk space to download the update.';
  if (code === 'ETIMEDOUT' || message === 'Request timed out' || code === 'ERR_TIMED_OUT')
    return 'The update server did not answer in time.';
  if (
    UNREACHABLE.test(code) ||
    code.startsWith('ERR_NAME_') ||
    code.startsWith('ERR_CONNECTION_') ||
    code === 'ERR_INTERNET_DISCONNECTED' ||
    code === 'ERR_ADDRESS_UNREACHABLE'
  )
    return 'The update server could not be reached. Check the network connection.';
  if (code.startsWith('ERR_CERT_') || code === 'ERR_SSL_PROTOCOL_ERROR')
    return 'The update server’s certificate is not trusted.';
  if (typeof failure.statusCode === 'number')
    return `The update server answered with an error (HTTP ${failure.statusCode}).`;
  if (code === 'ERR_UPDATER_NO_FILES_PROVIDED' || code === 'ERR_UPDATER_ASSET_NOT_FOUND')
    return 'The update server lists no installer for this system.';
  return code ? `The update failed (${code}).` : 'The update failed for an unexpected reason.';
}
