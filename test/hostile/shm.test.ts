import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
});
afterAll(async () => svc.close());

/**
 * Tries to use /dev/shm as a large, executable scratch area: 8 MB of data, then a program copied there
 * and run. add() stays honest only when both fail, so a missing cap or a missing noexec shows up as a
 * wrong answer (3 points instead of 6).
 */
const SHM_ABUSE = `import os, shutil, subprocess

def _shm_is_open():
    written = 0
    try:
        with open('/dev/shm/fill', 'wb') as f:
            for _ in range(8):
                f.write(b'x' * (1024 * 1024))
                f.flush()
                written += 1
    except OSError:
        pass
    try:
        os.remove('/dev/shm/fill')
    except OSError:
        pass
    try:
        shutil.copy('/bin/true', '/dev/shm/prog')
        os.chmod('/dev/shm/prog', 0o755)
        subprocess.run(['/dev/shm/prog'], check=True)
        ran = True
    except OSError:
        ran = False
    print(f'shm: wrote {written} MB, program ran: {ran}')
    return written >= 2 or ran

_OPEN = _shm_is_open()

def add(a, b):
    return 0 if _OPEN else a + b
`;

describe('/dev/shm', () => {
  it('holds at most 1 MB and runs no program', async () => {
    const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: SHM_ABUSE }]);
    const result = await waitForResult(svc, id);
    expect({ verdict: result.verdict, earned: result.score.earned }, JSON.stringify(result.tests)).toEqual({ verdict: 'passed', earned: 6 });
  });
});
