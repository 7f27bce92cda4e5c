// Limits shared by the schemas (which enforce them) and the renderer (which explains them), in a module of
// their own so the renderer does not pull zod into its bundle for three numbers.
export const MIN_POLL_INTERVAL_SECONDS = 15;
export const MAX_POLL_INTERVAL_SECONDS = 24 * 60 * 60;
export const DEFAULT_POLL_INTERVAL_SECONDS = 300;

// Size limits on what is saved: each is refused with invalid-input naming the field, never a slow or huge store.
export const MAX_BASE_URL_LENGTH = 2048;
export const MAX_LABEL_LENGTH = 200;
export const MAX_GROUP_LENGTH = 80;
export const MAX_PEM_LENGTH = 64 * 1024;
export const MAX_PROFILES = 2000;
/** The whole store file; profiles with large certificates reach it long before MAX_PROFILES. */
export const MAX_STORE_BYTES = 16 * 1024 * 1024;
