import type Docker from 'dockerode';
import { debootstrapRoot } from './debootstrapRoot.js';
import { imageExists } from './imageExists.js';
import { rootSource } from './rootSource.js';

/** The image the base is built on, made by debootstrap the first time it is needed. */
export async function ensureRootImage(docker: Docker, baseImage: string | null, log: (msg: string) => void): Promise<string> {
  const { image, debootstrap } = rootSource(baseImage);
  // An ASSAY_BASE_IMAGE that is missing is pulled by the build's FROM.
  if (debootstrap && !(await imageExists(docker, image))) {
    log(`making ${image} with debootstrap`);
    await debootstrapRoot(docker, image, log);
  }
  return image;
}
