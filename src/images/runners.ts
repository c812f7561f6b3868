/** Every language runner: each has `runners/<name>/` (its harness) and `sandboxes/<name>/` (its image). */
export const RUNNERS = ['python', 'node', 'sql', 'http', 'java', 'go', 'php', 'ruby'] as const;

export type RunnerName = (typeof RUNNERS)[number];

export function isRunnerName(name: string): name is RunnerName {
  return (RUNNERS as readonly string[]).includes(name);
}
