/** One problem detail field: a JSON pointer into the request and what is wrong there. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error the API reports to its client. Each subclass fixes the HTTP status and the RFC 9457
 * `type`; the single mapping to a response lives in http/problemHandler.ts.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Short slug, appended to the problem `type` URI. */
  abstract readonly code: string;
  abstract readonly title: string;
  readonly errors: FieldProblem[];
  readonly headers: Record<string, string>;

  constructor(detail: string, options: { errors?: FieldProblem[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(detail, { cause: options.cause });
    this.name = new.target.name;
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }
}
