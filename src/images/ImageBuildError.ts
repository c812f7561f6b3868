/** An image could not be made; `detail` is what the builder said (the failing step's error). */
export class ImageBuildError extends Error {
  constructor(
    readonly image: string,
    readonly detail: string,
  ) {
    super(`building ${image} failed: ${detail}`);
    this.name = 'ImageBuildError';
  }
}
