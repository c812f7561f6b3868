import { describe, expect, it } from 'vitest';
import { formatRemaining, urgency, warningCrossed } from '../../../web/src/candidate/countdown';
import { addFile, deleteFile, isStarter, pathProblem, renameFile } from '../../../web/src/candidate/files';
import { takeToken } from '../../../web/src/candidate/invitationToken';

const MIN = 60_000;

describe('the countdown', () => {
  it('formats what is left, never below zero', () => {
    expect([formatRemaining(3_723_000), formatRemaining(65_000), formatRemaining(500), formatRemaining(-5000)]).toEqual(['1:02:03', '01:05', '00:01', '00:00']);
  });

  it('warns once when crossing 10 and 2 minutes, not for thresholds already past on opening', () => {
    expect(warningCrossed(null, 5 * MIN)).toBeNull();
    expect(warningCrossed(10 * MIN + 400, 10 * MIN - 100)).toBe(10);
    expect(warningCrossed(10 * MIN - 100, 10 * MIN - 600)).toBeNull();
    expect(warningCrossed(2 * MIN + 1, 2 * MIN)).toBe(2);
    // A sleeping laptop wakes past both: the nearer one is what matters.
    expect(warningCrossed(30 * MIN, MIN)).toBe(2);
  });

  it('grows more urgent towards the end', () => {
    expect([urgency(11 * MIN), urgency(10 * MIN), urgency(2 * MIN), urgency(0)]).toEqual(['calm', 'warn', 'urgent', 'over']);
  });
});

describe('the file tree\'s rules', () => {
  const files = [{ path: 'limiter.py', content: 'x' }, { path: 'pkg/util.py', content: '' }];

  it('accepts relative, plain paths the API accepts; refuses the rest with a reason', () => {
    expect(pathProblem('helpers/io.py', files)).toBeNull();
    expect(pathProblem('', files)).toMatch(/name/);
    expect(pathProblem('/etc/passwd', files)).toMatch(/relative/);
    expect(pathProblem('a/../b.py', files)).toMatch(/letters/);
    expect(pathProblem('.hidden', files)).toMatch(/not starting/);
    expect(pathProblem('LIMITER.py', files)).toMatch(/exists/);
    expect(pathProblem('limiter.py', files, 'limiter.py')).toBeNull();
  });

  it('adds, renames and deletes, keeping the list sorted; starter files are marked', () => {
    const added = addFile(files, 'a.py');
    expect(added.map((f) => f.path)).toEqual(['a.py', 'limiter.py', 'pkg/util.py']);
    expect(renameFile(added, 'a.py', 'z.py').map((f) => f.path)).toEqual(['limiter.py', 'pkg/util.py', 'z.py']);
    expect(deleteFile(added, 'a.py')).toEqual(files);
    expect([isStarter(files, 'limiter.py'), isStarter(files, 'a.py')]).toEqual([true, false]);
  });
});

describe('the invitation token', () => {
  const storage = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } as Storage;
  };

  it('moves from the link\'s fragment to session storage and out of the address bar', () => {
    const s = storage();
    const replaced: string[] = [];
    const history = { replaceState: (_: unknown, __: string, url: string) => replaced.push(url) } as unknown as History;
    expect(takeToken({ hash: '#inv_abc', pathname: '/take' } as Location, history, s)).toBe('inv_abc');
    expect(replaced).toEqual(['/take']);
    // A reload has no fragment: the stored token is used.
    expect(takeToken({ hash: '', pathname: '/take' } as Location, history, s)).toBe('inv_abc');
    expect(takeToken({ hash: '#other', pathname: '/take' } as Location, history, storage())).toBeNull();
  });
});
