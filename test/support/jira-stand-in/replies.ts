// The building blocks of every answer: JSON and HTML replies with Jira's content types, and bounded body reading.
import type { IncomingMessage } from 'node:http';
import type { Reply } from './jira-api';

export const JSON_TYPE = 'application/json;charset=UTF-8';
export const HTML_TYPE = 'text/html;charset=UTF-8';
export const NO_CACHE = { 'Cache-Control': 'no-cache' };
export const MAX_BODY_BYTES = 64 * 1024;

export const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

export function json(status: number, value: unknown, headers?: Record<string, string | string[]>): Reply {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}

export function html(status: number, body: string): Reply {
  return { status, contentType: HTML_TYPE, body };
}

export function notAuthenticated(): Reply {
  return json(401, NOT_AUTHENTICATED);
}

export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function notFound(path: string): Reply {
  return json(404, { errorMessages: [`Not Found: ${path}`], errors: {} });
}
