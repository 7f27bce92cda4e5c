// Every TCP connection the server accepts, so close() can end hung and keep-alive ones (tests must never hang)
// and a 'reset' fault can send a real RST even under TLS.
import type { Socket } from 'node:net';

export class ConnectionTracker {
  private readonly sockets = new Set<Socket>();

  track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
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
