/** A webhook URL that names or resolves to an address Assay will not call (see destinationPolicy.ts). */
export class RefusedDestinationError extends Error {
  override name = 'RefusedDestinationError';
}
