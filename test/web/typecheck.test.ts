import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';

// The web app has its own tsconfig (DOM, bundler resolution), outside the server's build: checked here.
it('the web app and its unit tests typecheck', () => {
  const tsc = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-p', 'web/tsconfig.json'], { cwd: repoRoot, encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
}, 120_000);
