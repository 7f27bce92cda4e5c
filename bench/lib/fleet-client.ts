// Starts bench/fleet.ts in a child process and talks to it over the IPC channel.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AdjustableOptions } from '../../test/support/jira-stand-in';
import type { FleetMessage, FleetRequest, FleetServer } from '../fleet';

export interface Fleet {
  http: FleetServer[];
  https: FleetServer[];
  /** Applies to every stand-in of the fleet; resolves once all have it. */
  set(options: Partial<AdjustableOptions>): Promise<void>;
  close(): Promise<void>;
}

const FLEET = fileURLToPath(new URL('../fleet.ts', import.meta.url));

function next(child: ChildProcess, type: FleetMessage['type']): Promise<FleetMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FleetMessage) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`The stand-in fleet exited (code ${code}) before it answered.`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startFleet(counts: { http: number; https: number }): Promise<Fleet> {
  const child = fork(FLEET, ['--http', String(counts.http), '--https', String(counts.https)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let closing = false;
  child.once('exit', (code, signal) => {
    if (!closing)
      console.error(`The stand-in fleet stopped (code ${code}, signal ${signal}): figures after this are void.`);
  });
  const ready = await next(child, 'ready');
  if (ready.type !== 'ready') throw new Error('unreachable');
  return {
    http: ready.http,
    https: ready.https,
    set: async (options) => {
      const answered = next(child, 'set');
      child.send({ type: 'set', options } satisfies FleetRequest);
      await answered;
    },
    close: async () => {
      closing = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      await exited;
    },
  };
}
