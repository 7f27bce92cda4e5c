// Stand-ins, cores and proxies a test file starts, remembered so one afterEach can close them all.
import { expect, vi } from 'vitest';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { removeTemporaryDirs, startCore, type CoreHarness } from './core-harness';
import { startJiraStandIn, type JiraStandIn, type StandInOptions } from './jira-stand-in';

export interface TestResources {
  standIn(options?: StandInOptions): Promise<JiraStandIn>;
  core(...args: Parameters<typeof startCore>): Promise<CoreHarness>;
  proxy(...args: Parameters<typeof startConnectProxy>): Promise<ConnectProxy>;
  /** Keeps a core started elsewhere (a restart) among the ones to close. */
  adopt(harness: CoreHarness): CoreHarness;
  closeAll(): Promise<void>;
}

export function testResources(): TestResources {
  const servers: JiraStandIn[] = [];
  const harnesses: CoreHarness[] = [];
  const proxies: ConnectProxy[] = [];
  const keep = <T>(list: T[], item: T): T => {
    list.push(item);
    return item;
  };
  return {
    standIn: async (options = {}) => keep(servers, await startJiraStandIn(options)),
    core: async (...args) => keep(harnesses, await startCore(...args)),
    proxy: async (...args) => keep(proxies, await startConnectProxy(...args)),
    adopt: (harness) => keep(harnesses, harness),
    closeAll: async () => {
      await Promise.all(harnesses.splice(0).map((harness) => harness.dispose()));
      await Promise.all(servers.splice(0).map((server) => server.close()));
      await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
      removeTemporaryDirs();
    },
  };
}

/** Waits until the client side has closed every idle kept-alive connection to the server (soon after a burst). */
export async function connectionsClosed(server: Pick<JiraStandIn, 'connectionStats'>): Promise<void> {
  await vi.waitFor(() => expect(server.connectionStats().open).toBe(0), { timeout: 10_000, interval: 25 });
}
