import type Docker from 'dockerode';

/** Earlier versions kept besides the current one: workers of a rolling deploy, or another checkout, still use them. */
const KEEP_RECENT = 3;

/**
 * Removes the older tags of `current`'s repository: every source change makes a new content-hash
 * tag, and without this old images pile up on the engine's disk. The newest few are kept, so
 * workers still on the previous version (a rolling deploy) keep their image. An image still used
 * by a container is left for a later build to remove.
 */
export async function pruneStaleImages(docker: Docker, current: string, log: (msg: string) => void, keep: string[] = []): Promise<void> {
  const repo = current.slice(0, current.lastIndexOf(':'));
  const images = await docker.listImages({ filters: { reference: [repo] } });
  const stale = images
    .filter((image) => !(image.RepoTags ?? []).some((tag) => tag === current || keep.includes(tag)))
    .sort((a, b) => b.Created - a.Created)
    .slice(KEEP_RECENT);
  for (const image of stale) {
    for (const tag of image.RepoTags ?? []) {
      if (!tag.startsWith(`${repo}:`)) continue;
      try {
        await docker.getImage(tag).remove();
        log(`removed stale ${tag}`);
      } catch {
        // In use, or shares its layers with a tag still wanted: not an error.
      }
    }
  }
}
