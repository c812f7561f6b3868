/** JSON escapes a control character as \u00XX: six bytes for one. */
const ESCAPED_BYTES = 6;
/** Per file, around its path and content: `{"path":"…","content":"…"},`, with room to spare. */
const FILE_OVERHEAD = 64;
/** The rest of the body: the challenge slug and other small fields. */
const ENVELOPE = 16 * 1024;

/**
 * The request body limit: the largest valid submission, every byte of it escaped as JSON does a
 * control character, so no valid submission is refused as too large; the file checks refuse the rest.
 */
export function jsonBodyLimit(limits: { maxFiles: number; maxTotalBytes: number; maxPathLength: number }): number {
  return ESCAPED_BYTES * (limits.maxTotalBytes + limits.maxFiles * limits.maxPathLength) + limits.maxFiles * FILE_OVERHEAD + ENVELOPE;
}
