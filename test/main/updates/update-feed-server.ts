// A real update feed on 127.0.0.1, laid out as electron-builder publishes one for the `generic` provider:
// latest-linux.yml (latest.yml, latest-mac.yml: any latest*.yml) naming the newer version and its artifact with
// its sha512, and the artifact itself. Each request is counted by path; `mode` makes the feed misbehave.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedMode = 'newer' | 'same' | 'missing' | 'html' | 'silent' | 'corrupt-artifact';

export const ARTIFACT_NAME = 'jira-session-manager_0.2.0_amd64.deb';

export interface UpdateFeedServer {
  url: string;
  mode: FeedMode;
  /** Requests per path (without the query electron-updater adds to defeat caches). */
  requests: Map<string, number>;
  hits(prefix: string): number;
  artifact: Buffer;
  sha512: string;
  close(): Promise<void>;
}

export async function startUpdateFeed(mode: FeedMode = 'newer'): Promise<UpdateFeedServer> {
  const artifact = randomBytes(256 * 1024);
  const sha512 = createHash('sha512').update(artifact).digest('base64');
  const requests = new Map<string, number>();
  const held: http.ServerResponse[] = [];
  const feed: Omit<UpdateFeedServer, 'url'> & { url: string } = {
    url: '',
    mode,
    requests,
    hits: (prefix) => [...requests].reduce((sum, [path, count]) => (path.startsWith(prefix) ? sum + count : sum), 0),
    artifact,
    sha512,
    close: () =>
      new Promise<void>((resolve) => {
        held.forEach((response) => response.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const channelFile = (version: string): string =>
    [
      `version: ${version}`,
      'files:',
      `  - url: ${ARTIFACT_NAME}`,
      `    sha512: ${sha512}`,
      `    size: ${artifact.length}`,
      `path: ${ARTIFACT_NAME}`,
      `sha512: ${sha512}`,
      "releaseDate: '2026-11-30T10:00:00.000Z'",
      '',
    ].join('\n');

  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://feed').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (feed.mode === 'silent') {
      held.push(response);
      return;
    }
    if (/^\/latest[\w-]*\.yml$/.test(path)) {
      if (feed.mode === 'missing')
        return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      if (feed.mode === 'html') {
        // A captive portal or a misconfigured web server: a page where the release file should be.
        return void response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n<body><p>Sign in: to continue</p></body></html>\n',
          );
      }
      return void response
        .writeHead(200, { 'content-type': 'text/yaml' })
        .end(channelFile(feed.mode === 'same' ? '0.1.0' : '0.2.0'));
    }
    if (path === `/${ARTIFACT_NAME}`) {
      const body = feed.mode === 'corrupt-artifact' ? Buffer.from(artifact).fill(7, 0, 16) : artifact;
      return void response
        .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
        .end(body);
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return feed;
}
