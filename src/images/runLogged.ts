import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Runs a command, passing each output line to `log`; rejects with its last lines when it fails. */
export async function runLogged(command: string, args: string[], log: (msg: string) => void): Promise<void> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      log(line);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`${command} exited with ${code}:\n${tail.join('\n')}`);
}
