// Jira is often installed under the `/jira` context path, and then the bare host answers 404: a base URL missing it
// is the most common typo an administrator makes. When the base URL 404s, one look at `<base>/jira` turns a bare
// "status 404" into the address to use.
import { AppError } from '../errors';

export const COMMON_CONTEXT_PATH = '/jira';

/** `<baseUrl>/jira`, unless the base URL already ends with it. */
export function contextPathCandidate(baseUrl: string): string | undefined {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.toLowerCase().endsWith(COMMON_CONTEXT_PATH) ? undefined : `${trimmed}${COMMON_CONTEXT_PATH}`;
}

/**
 * The error to show for a failed call on `baseUrl`: a 404 becomes a suggestion of the context path when Jira answers
 * there (`answersAt` resolves for a Jira, rejects otherwise); any other error, or no Jira there, stays as it was.
 */
export async function withContextPathHint(
  error: unknown,
  baseUrl: string,
  answersAt: (candidate: string) => Promise<unknown>,
): Promise<unknown> {
  const candidate = contextPathCandidate(baseUrl);
  if (!(error instanceof AppError) || error.info.status !== 404 || candidate === undefined) return error;
  try {
    await answersAt(candidate);
  } catch {
    return error;
  }
  return new AppError({
    ...error.info,
    message: `Nothing answers at ${baseUrl}, but Jira does at ${candidate}.`,
    nextStep: `Use ${candidate} as the base URL: this Jira is installed under the context path ${COMMON_CONTEXT_PATH}.`,
    suggestedBaseUrl: candidate,
  });
}
