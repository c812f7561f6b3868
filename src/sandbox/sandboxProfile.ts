import type Docker from 'dockerode';
import { SandboxUnavailableError } from './SandboxUnavailableError.js';

/**
 * How a runner's image wants its container started, declared by the image itself in labels:
 * - `assay.sandbox.user=root`: the runner starts as root (still with no capabilities but those
 *   below) so it can run the candidate's code and its own harness as two different users;
 * - `assay.sandbox.cap-add=SETUID,SETGID,…`: the capabilities that takes, from a fixed allowlist.
 * Unlabelled images run as the unprivileged sandbox user with no capabilities at all.
 */
export interface SandboxProfile {
  root: boolean;
  capAdd: string[];
}

/** Capabilities a runner may ask for: enough to switch users and manage its children, no more. */
const ALLOWED_CAPS = new Set(['SETUID', 'SETGID', 'CHOWN', 'KILL', 'FOWNER']);

export const UNPRIVILEGED: SandboxProfile = { root: false, capAdd: [] };

export function profileFromLabels(labels: Record<string, string> | null | undefined): SandboxProfile {
  const root = labels?.['assay.sandbox.user'] === 'root';
  const caps = (labels?.['assay.sandbox.cap-add'] ?? '').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  const refused = caps.filter((c) => !ALLOWED_CAPS.has(c));
  if (refused.length > 0) throw new SandboxUnavailableError(`image asks for capabilities outside the allowlist: ${refused.join(', ')}`);
  return { root, capAdd: root ? caps : [] };
}

/** Per engine: image tags are content hashes, so an image's labels never change once read. */
const known = new WeakMap<Docker, Map<string, SandboxProfile>>();

export async function sandboxProfile(docker: Docker, image: string): Promise<SandboxProfile> {
  const cache = known.get(docker) ?? new Map<string, SandboxProfile>();
  known.set(docker, cache);
  const cached = cache.get(image);
  if (cached) return cached;
  try {
    const info = await docker.getImage(image).inspect();
    const profile = profileFromLabels(info.Config?.Labels);
    cache.set(image, profile);
    return profile;
  } catch (err) {
    if (err instanceof SandboxUnavailableError) throw err;
    throw new SandboxUnavailableError(`cannot inspect the sandbox image ${image}: ${(err as Error).message}`, { cause: err });
  }
}
