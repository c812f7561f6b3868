import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { inputArchive, type SandboxFiles } from '../../src/sandbox/inputArchive.js';

let modes: Record<string, number> = {};

/** Every entry of the archive, by name (their modes in `modes`). */
async function entries(files: SandboxFiles): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  modes = {};
  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c) => chunks.push(c as Buffer));
    stream.on('end', () => {
      out[header.name] = Buffer.concat(chunks).toString('utf8');
      modes[header.name] = header.mode!;
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => tar.on('finish', () => resolve()).on('error', reject));
  inputArchive(files).pipe(tar);
  await done;
  return out;
}

describe('the sandbox input archive', () => {
  const files = { solution: [{ path: 'a.go', content: 'package a\n' }], tests: [{ path: 'a_test.go', content: 'package a\n' }] };

  it('carries the run options as run.json beside solution/ and tests/', async () => {
    expect(await entries({ ...files, run: { tests: ['TestA', 'TestB/x'], race: true } })).toEqual({
      'solution/a.go': 'package a\n',
      'tests/a_test.go': 'package a\n',
      'run.json': '{"tests":["TestA","TestB/x"],"race":true}',
    });
    // Readable by the root harness alone: the candidate's code never learns the hidden tests' names from it.
    expect(modes['run.json']).toBe(0o600);
  });

  it('has no run.json without run options', async () => {
    expect(Object.keys(await entries(files))).toEqual(['solution/a.go', 'tests/a_test.go']);
  });
});
