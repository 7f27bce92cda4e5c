// Injected faults: network and proxy failures a real Jira is rarely kind enough to produce on demand.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loginPage } from './pages';
import type { Fault, FaultMatch } from './types';

interface PendingFault {
  fault: Fault;
  method: string | undefined;
  path: string | undefined;
  remaining: number;
}

export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  add(fault: Fault, match: FaultMatch = {}): void {
    const times = match.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('injectFault: times must be a positive integer.');
    this.pending.push({ fault, method: match.method?.toUpperCase(), path: match.path, remaining: times });
  }

  /** The earliest injected fault that matches, used up once; `path` is relative to the context path. */
  take(method: string, path: string): Fault | undefined {
    const index = this.pending.findIndex(
      (entry) =>
        (entry.method === undefined || entry.method === method) && (entry.path === undefined || entry.path === path),
    );
    const entry = this.pending[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    return entry.fault;
  }
}

export interface FaultContext {
  serverTitle: string;
  contextPath: string;
  /** Aborts the request's connection with a TCP reset. */
  reset: () => void;
}

export function writeFault(fault: Fault, req: IncomingMessage, res: ServerResponse, context: FaultContext): void {
  switch (fault.kind) {
    case 'reset':
      context.reset();
      return;
    case 'hang':
      // Never answered; close() destroys the socket.
      return;
    case 'truncate': {
      const partial = '{"errorMessages":[],"errors":{},"tru';
      res.writeHead(200, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Content-Length': String(partial.length + 1000),
      });
      res.write(partial, () => req.socket.destroy());
      return;
    }
    case 'oversize':
      writeOversize(fault.bytes, res);
      return;
    case 'html': {
      const body = loginPage(context.serverTitle, context.contextPath);
      res.writeHead(fault.status ?? 200, {
        'Content-Type': 'text/html;charset=UTF-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    case 'redirect':
      res.writeHead(fault.status ?? 302, { Location: fault.location, 'Content-Length': '0' });
      res.end();
      return;
    case 'status': {
      const body = fault.body ?? '';
      const headers: Record<string, string> = { 'Content-Length': String(Buffer.byteLength(body)) };
      if (fault.contentType !== undefined) headers['Content-Type'] = fault.contentType;
      else if (body !== '') headers['Content-Type'] = 'application/json;charset=UTF-8';
      res.writeHead(fault.status, { ...headers, ...fault.headers });
      res.end(body);
      return;
    }
  }
}

/** A JSON document of exactly `bytes` bytes, streamed in chunks so a huge one never sits in memory. */
function writeOversize(bytes: number, res: ServerResponse): void {
  const prefix = '{"padding":"';
  const suffix = '"}';
  const fits = bytes >= prefix.length + suffix.length;
  let left = fits ? bytes - prefix.length - suffix.length : 0;
  res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(bytes) });
  res.write(fits ? prefix : ' '.repeat(bytes));
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(fits ? suffix : '');
  };
  pump();
}
