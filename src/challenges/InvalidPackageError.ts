/** A challenge package on disk breaks the format of docs/challenges.md. */
export class InvalidPackageError extends Error {
  constructor(readonly dir: string, readonly problems: string[]) {
    super(`Invalid challenge package ${dir}:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidPackageError';
  }
}
