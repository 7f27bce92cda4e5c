// Limits shared by the schemas (which enforce them) and the renderer (which explains them), in a module of
// their own so the renderer does not pull zod into its bundle for three numbers.
export const MIN_POLL_INTERVAL_SECONDS = 15;
export const MAX_POLL_INTERVAL_SECONDS = 24 * 60 * 60;
export const DEFAULT_POLL_INTERVAL_SECONDS = 300;
