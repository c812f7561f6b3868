import type { SandboxLimits } from '../src/sandbox/limits.js';
import type { SandboxProfile } from '../src/sandbox/sandboxProfile.js';

/** The sandbox user baked into the base image (src/sandbox/containerSpec.ts). */
const SANDBOX_UID = 10001;
const MB = 1024 * 1024;

/** Marks the baseline's containers, so the benchmark can check that none is left behind. */
export const BASELINE_LABEL = 'assay-bench';

/**
 * `docker run` arguments with the production flags of src/sandbox/containerSpec.ts, written out as
 * a user running the image by hand would: a fresh `--rm` container reading stdin, as the user and with
 * the capabilities the image's profile asks for.
 */
export function dockerRunArgs(image: string, limits: SandboxLimits, name: string, profile: SandboxProfile): string[] {
  const scratch = (mode: string) => `rw,exec,nosuid,nodev,size=${limits.scratchMb}m,${mode}`;
  const memory = `${limits.memoryMb}m`;
  const work = profile.root ? 'mode=0755' : `uid=${SANDBOX_UID},gid=${SANDBOX_UID},mode=0700`;
  const user = profile.root ? '0:0' : `${SANDBOX_UID}:${SANDBOX_UID}`;
  return [
    'run', '-i', '--rm', '--name', name, '--label', `${BASELINE_LABEL}=1`,
    '--network', 'none',
    '--read-only',
    '--tmpfs', `/work:${scratch(work)}`,
    '--tmpfs', `/tmp:${scratch('mode=1777')}`,
    '--user', user,
    '--workdir', '/work',
    '--cap-drop', 'ALL',
    ...profile.capAdd.flatMap((cap) => ['--cap-add', cap]),
    '--security-opt', 'no-new-privileges',
    '--ipc', 'private',
    '--pids-limit', String(limits.pids),
    '--memory', memory,
    '--memory-swap', memory,
    '--cpus', String(limits.cpus),
    '--ulimit', 'nofile=256:256',
    '--ulimit', `fsize=${limits.scratchMb * MB}:${limits.scratchMb * MB}`,
    '--init',
    '--log-driver', 'none',
    '-e', 'PATH=/usr/local/bin:/usr/bin:/bin', '-e', 'HOME=/tmp', '-e', 'LANG=C.UTF-8',
    image,
  ];
}
