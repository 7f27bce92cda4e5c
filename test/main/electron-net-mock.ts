// Electron's `net.request` for the electron mock, over Node's http: a ClientRequest that emits 'response' with the
// answer (a readable with statusCode and lower-case headers), 'error', and — with `redirect: 'manual'`, as
// electron-updater asks — 'redirect' instead of following. Like Electron's, it has no 'socket' event, so callers
// get no socket timeout: a feed that never answers hangs until something else gives up.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';

export interface NetRequestOptions {
  method?: string;
  protocol?: string;
  hostname?: string;
  port?: number | string;
  path?: string;
  headers?: Record<string, string | number | string[]>;
  redirect?: 'follow' | 'error' | 'manual';
  session?: unknown;
}

export class FakeNetRequest extends EventEmitter {
  private readonly request: http.ClientRequest;

  constructor(readonly options: NetRequestOptions) {
    super();
    const method = options.method?.toUpperCase() ?? 'GET';
    const transport = options.protocol === 'https:' ? https : http;
    this.request = transport.request({
      method,
      protocol: options.protocol ?? 'http:',
      hostname: options.hostname,
      port: options.port,
      path: options.path ?? '/',
      headers: options.headers,
    });
    this.request.on('response', (response) => {
      const location = response.headers.location;
      const status = response.statusCode ?? 0;
      if (options.redirect === 'manual' && status >= 300 && status < 400 && location) {
        response.resume();
        const base = `${options.protocol ?? 'http:'}//${options.hostname ?? ''}:${String(options.port ?? '')}`;
        this.emit('redirect', status, method, new URL(location, base).href, response.headers);
        return;
      }
      this.emit('response', response);
    });
    this.request.on('error', (error) => this.emit('error', error));
  }

  setHeader(name: string, value: string): void {
    this.request.setHeader(name, value);
  }

  write(chunk: string | Buffer): void {
    this.request.write(chunk);
  }

  end(chunk?: string | Buffer): void {
    this.request.end(chunk);
  }

  abort(): void {
    this.request.destroy();
    this.emit('abort');
  }
}
