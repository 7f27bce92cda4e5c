// Runs bench/peer.py, when python3 is there, against sessions of the fleet; undefined when it is not.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RawSession } from './floor';

export interface PeerFigures {
  oneByOneMs: number;
  threadedMs: number;
}

const PEER = fileURLToPath(new URL('../peer.py', import.meta.url));

export function pythonAvailable(): boolean {
  return spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function runPythonPeer(sessions: RawSession[], sample: number): Promise<PeerFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [PEER], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`python3 peer exited with code ${code}`));
      else resolve(JSON.parse(output) as PeerFigures);
    });
    child.stdin.end(JSON.stringify({ sessions, sample }));
  });
}
