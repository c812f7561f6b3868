/** How much one submission may carry; the HTTP schema and the file checks both read these. */
export const SUBMISSION_LIMITS = {
  maxFiles: 50,
  maxFileBytes: 256 * 1024,
  maxTotalBytes: 1024 * 1024,
  maxPathLength: 200,
} as const;
