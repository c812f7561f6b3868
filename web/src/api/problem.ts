/** An RFC 9457 problem as the API sends it, raised by the client for any non-2xx answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem, readonly retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
}
