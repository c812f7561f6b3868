/** The debootstrapped root's image, imported once and kept; no registry is needed to make it. */
export const DEBOOTSTRAP_ROOT_IMAGE = 'assay-rootfs:bookworm-minbase';

/**
 * The image the base is built on: the configured one (ASSAY_BASE_IMAGE, e.g. debian:bookworm-slim
 * where a registry is reachable), or else a root made here by debootstrap.
 */
export function rootSource(baseImage: string | null): { image: string; debootstrap: boolean } {
  return baseImage ? { image: baseImage, debootstrap: false } : { image: DEBOOTSTRAP_ROOT_IMAGE, debootstrap: true };
}
