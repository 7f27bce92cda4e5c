// Every TCP connection the server accepts, so close() can end hung and keep-alive ones (tests must never hang)
// and a 'reset' fault can send a real RST even under TLS.
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';

export class ConnectionTracker {
  private readonly sockets = new Set<Socket>();
  /** Every connection ever accepted, for tests and benchmarks that count connection set-ups. */
  accepted = 0;

  track(socket: Socket): void {
    this.accepted += 1;
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  get open(): number {
    return this.sockets.size;
  }

  /** Aborts the connection under `socket` with a TCP reset, so the client sees ECONNRESET. */
  reset(socket: Socket): void {
    const tcp = [...this.sockets].find(
      (raw) => raw !== socket && raw.remotePort === socket.remotePort && raw.remoteAddress === socket.remoteAddress,
    );
    if (tcp === undefined) {
      socket.resetAndDestroy();
      return;
    }
    // Under TLS the TLS socket must go first: resetting only the TCP socket leaves the HTTP server holding a
    // connection without a socket, and its close() then throws (seen on Node 20).
    socket.destroy();
    tcp.resetAndDestroy();
  }

  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

/**
 * Hands each new connection to the server's own listeners only after `latencyMs()`, so a connection set-up
 * costs a round trip (a TLS handshake starts late too). The HTTP parser takes the socket over in its
 * 'connection' listener, where pausing no longer holds it back, so the event itself is deferred; bytes that
 * arrive meanwhile wait in the socket.
 */
export function delayConnections(server: Server, latencyMs: () => number): void {
  const emit = server.emit.bind(server);
  const deferred = new WeakSet<Socket>();
  server.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    const socket = args[0] as Socket;
    const delay = latencyMs();
    if (event !== 'connection' || delay <= 0 || deferred.has(socket)) return emit(event, ...args);
    deferred.add(socket);
    // Until the server's listeners have it, a reset by the client must not go unheard (that would throw).
    const drop = () => socket.destroy();
    socket.once('error', drop);
    setTimeout(() => {
      socket.off('error', drop);
      // A server closed meanwhile would wait for this connection forever.
      if (!server.listening) socket.destroy();
      else if (!socket.destroyed) emit('connection', socket);
    }, delay);
    return true;
  };
}

/** Requests a `hang` fault holds: open until the client aborts (its socket closes) or the server closes. */
export class HungRequests {
  private readonly requests = new Set<IncomingMessage>();
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  add(req: IncomingMessage): void {
    this.requests.add(req);
    req.socket.once('close', () => this.requests.delete(req));
    for (const waiter of [...this.waiters]) {
      if (this.requests.size < waiter.count) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  open(): number {
    return this.requests.size;
  }

  whenOpen(count = 1): Promise<void> {
    if (this.requests.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

/** Starts listening on 127.0.0.1 (port 0: any free one) and resolves with the port, or rejects (port taken). */
export async function listenOnLoopback(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
