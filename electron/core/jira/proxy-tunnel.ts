// A CONNECT tunnel through the profile's proxy, for reading a server's certificate the way requests reach it:
// when only the proxy can reach the host, a direct connection would find nothing to show.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { ProxySettings } from './http-instance';

/** Resolves the tunnel's socket, or undefined when the proxy refuses or cannot be reached in time. */
export function openTunnel(
  proxy: ProxySettings,
  host: string,
  port: number,
  timeoutMs: number,
): Promise<Socket | undefined> {
  const proxyUrl = new URL(proxy.url);
  const request = proxyUrl.protocol === 'https:' ? httpsRequest : httpRequest;
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new Promise((resolve) => {
    const connect = request({
      method: 'CONNECT',
      host: proxyUrl.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxyUrl.port || (proxyUrl.protocol === 'https:' ? 443 : 80)),
      path: authority,
      timeout: timeoutMs,
      headers: {
        Host: authority,
        ...(proxy.username
          ? {
              'Proxy-Authorization': `Basic ${Buffer.from(`${proxy.username}:${proxy.password ?? ''}`).toString('base64')}`,
            }
          : {}),
      },
    });
    connect.once('connect', (answer, socket) => {
      if (answer.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        resolve(undefined);
      }
    });
    connect.once('timeout', () => connect.destroy());
    connect.once('error', () => resolve(undefined));
    connect.once('close', () => resolve(undefined));
    connect.end();
  });
}
