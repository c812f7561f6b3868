import type { ContainerCreateOptions } from 'dockerode';
import type { SandboxLimits } from './limits.js';
import type { SandboxProfile } from './sandboxProfile.js';
import { SERVER_SCRATCH_MB, warmCommand, type WarmStart } from './warmStart.js';

/** Uid/gid of the `sandbox` user baked into the base image. */
const SANDBOX_UID = 10001;
const MB = 1024 * 1024;
/**
 * /dev/shm is one more writable tmpfs (Docker mounts it nosuid,nodev,noexec in the private IPC
 * namespace): capped at 1 MB instead of Docker's 64 MB, enough for POSIX semaphores and no place to stage files.
 */
const SHM_BYTES = 1 * MB;

/** On every sandbox: whose it is (the queue its worker serves), so reapers and leak checks look only at their own. */
export const SANDBOX_LABEL = 'assay.sandbox';
export const RUN_LABEL = 'assay.run';
/** A run's container is named after it, whether created for it or taken warm from a pool. */
export const runContainerName = (runId: string) => `assay-run-${runId}`;

/** On warm containers: the worker instance whose pool made them. */
export const POOL_LABEL = 'assay.pool';
export const DEADLINE_LABEL = 'assay.deadline';

/**
 * The container of one run. The root filesystem is read-only and the only writable places are
 * size-capped tmpfs mounts, so files arrive on stdin (putArchive cannot write into either).
 * `scope` is the queue its worker serves (several installs or test runs may share an engine);
 * `labels` say whose container it is (a run's id, or a warm pool's owner); `deadline` is when a
 * reaper of the same scope may remove it; `warm`, the servers its harness starts before the submission
 * arrives, which also get a larger /tmp for their data (warmStart.ts).
 */
export function containerSpec(
  image: string,
  profile: SandboxProfile,
  limits: SandboxLimits,
  scope: string,
  labels: Record<string, string>,
  deadline: number,
  warm?: WarmStart,
): ContainerCreateOptions {
  const scratch = (mode: string, mb = limits.scratchMb) => `rw,exec,nosuid,nodev,size=${mb}m,${mode}`;
  const tmpMb = warm ? Math.max(limits.scratchMb, SERVER_SCRATCH_MB) : limits.scratchMb;
  // A root-started runner owns /work itself and hands parts of it to the users it runs things as.
  const work = profile.root ? 'mode=0755' : `uid=${SANDBOX_UID},gid=${SANDBOX_UID},mode=0700`;
  return {
    Image: image,
    ...(warm ? { Cmd: warmCommand(warm) } : {}),
    User: profile.root ? '0:0' : `${SANDBOX_UID}:${SANDBOX_UID}`,
    WorkingDir: '/work',
    Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'HOME=/tmp', 'LANG=C.UTF-8'],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    Tty: false,
    NetworkDisabled: true,
    Labels: { ...labels, [SANDBOX_LABEL]: scope, [DEADLINE_LABEL]: String(deadline) },
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: {
        '/work': scratch(work),
        '/tmp': scratch('mode=1777', tmpMb),
      },
      CapDrop: ['ALL'],
      CapAdd: profile.capAdd,
      SecurityOpt: ['no-new-privileges'],
      IpcMode: 'private',
      ShmSize: SHM_BYTES,
      Memory: limits.memoryMb * MB,
      MemorySwap: limits.memoryMb * MB,
      PidsLimit: limits.pids,
      NanoCpus: Math.round(limits.cpus * 1e9),
      Ulimits: [
        { Name: 'nofile', Soft: 256, Hard: 256 },
        // A server's table file may grow to its whole data area.
        { Name: 'fsize', Soft: tmpMb * MB, Hard: tmpMb * MB },
      ],
      Init: true,
      LogConfig: { Type: 'none', Config: {} },
    },
  };
}
