/** The debootstrapped root's image, imported once and kept; no registry is needed to make it. */
export const DEBOOTSTRAP_ROOT_IMAGE = 'assay-rootfs:bookworm-minbase';

/**
 * The image the base is built on: ASSAY_BASE_IMAGE (e.g. debian:bookworm-slim, where a registry is
 * reachable), or else a root made here by debootstrap.
 */
export function rootSource(): { image: string; debootstrap: boolean } {
  const fromEnv = process.env.ASSAY_BASE_IMAGE?.trim();
  return fromEnv ? { image: fromEnv, debootstrap: false } : { image: DEBOOTSTRAP_ROOT_IMAGE, debootstrap: true };
}
