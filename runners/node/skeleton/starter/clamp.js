/** `value`, limited to the range [low, high]; an empty range is an error. */
export function clamp(value, low, high) {
  throw new Error('not implemented');
}
