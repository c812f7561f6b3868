/** `value`, limited to the range [low, high]; an empty range is an error. */
export function clamp(value, low, high) {
  if (low > high) throw new RangeError('low must not exceed high');
  return Math.max(low, Math.min(value, high));
}
