import { AppError } from './AppError.js';

/** An uploaded challenge package that breaks the package format (docs/challenges.md): each problem is one error. */
export class PackageRejectedError extends AppError {
  readonly status = 422;
  readonly code = 'invalid-package';
  readonly title = 'The challenge package is invalid';
}
