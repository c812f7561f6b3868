import type Docker from 'dockerode';

/**
 * Removes the other tags of `current`'s repository: every source change makes a new content-hash
 * tag, and without this the old images pile up on the engine's disk. An image still used by a
 * container (a run on the old version) is left for a later build to remove.
 */
export async function pruneStaleImages(docker: Docker, current: string, log: (msg: string) => void, keep: string[] = []): Promise<void> {
  const repo = current.slice(0, current.lastIndexOf(':'));
  const images = await docker.listImages({ filters: { reference: [repo] } });
  for (const image of images) {
    for (const tag of image.RepoTags ?? []) {
      if (tag === current || keep.includes(tag) || !tag.startsWith(`${repo}:`)) continue;
      try {
        await docker.getImage(tag).remove();
        log(`removed stale ${tag}`);
      } catch {
        // In use, or shares its layers with a tag still wanted: not an error.
      }
    }
  }
}
