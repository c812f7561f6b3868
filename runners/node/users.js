// The users of a node run, and how the root harness hands them its files and starts their processes.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, lchownSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CANDIDATE_UID = 10001; // the base image's sandbox user: runs the solution
export const TESTER_UID = 10002; // this image's tester user: runs node:test over the hidden tests
const PATH = '/usr/local/bin:/usr/bin:/bin';

/** `script` under node as `uid` (its own group, no others: libuv drops supplementary groups) in its own session. */
export function startAs(uid, script, { home, stdio }) {
  const env = { PATH, HOME: home, TMPDIR: home, LANG: 'C.UTF-8' };
  const args = ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', script];
  return spawn(process.execPath, args, { uid, gid: uid, env, cwd: '/', stdio, detached: true });
}

/** A directory of `uid`'s own, 0700: the tester's home and temporary directory, shared with no one. */
export function privateDir(path, uid) {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  chownSync(path, uid, uid);
}

/**
 * Hands a tree that root extracted to `uid`, every directory 0700, so that no other user can read it.
 * Modes first, top-down, while root still owns (and so may enter) every directory; owners last,
 * deepest first: root has neither CAP_DAC_OVERRIDE nor CAP_FOWNER.
 */
export function give(tree, uid) {
  mkdirSync(tree, { recursive: true });
  const paths = [tree];
  for (let i = 0; i < paths.length; i++) {
    if (lstatSync(paths[i]).isDirectory()) {
      chmodSync(paths[i], 0o700);
      paths.push(...readdirSync(paths[i]).map((name) => join(paths[i], name)));
    }
  }
  for (const path of paths.reverse()) lchownSync(path, uid, uid);
}

