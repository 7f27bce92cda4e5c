// The argument schemas of the admin and token channels (schemas.ts lists them per channel).
import { z } from 'zod';
import { MAX_TOKEN_DAYS, tokenNameProblem } from './admin';

/** A raw token: printable, no whitespace inside (it goes into an Authorization header as is). */
export const rawTokenSchema = z
  .string()
  .trim()
  .min(1, 'Paste the personal access token.')
  .max(1024, 'That is longer than any personal access token.')
  .regex(/^[\x21-\x7e]+$/, 'A personal access token has no spaces or special characters.');

export const tokenCredentialsSchema = z.object({ token: rawTokenSchema });

export const tokenInputSchema = z.object({
  name: z
    .string()
    .superRefine((name, ctx) => {
      const problem = tokenNameProblem(name);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((name) => name.trim()),
  expiresInDays: z
    .number()
    .int('The expiry is a whole number of days.')
    .min(1, 'A token must last at least one day.')
    .max(MAX_TOKEN_DAYS, `A token can last at most ${MAX_TOKEN_DAYS} days.`),
});

export const tokenIdSchema = z.number().int().positive();
