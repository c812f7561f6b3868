/**
 * The baseline's reading of a runner's stdout (docs/runner-contract.md): the result document is the
 * line `<nonce> {"type":"result",…}`; every other line is ignored. Deliberately independent of
 * src/sandbox/harnessOutput.ts, as a user scripting `docker run` would write it.
 */
export interface ResultDocument {
  status: string;
  message: string | null;
  tests: { name: string; status: string; durationMs: number | null }[];
}

export function resultDocument(stdout: string, nonce: string): ResultDocument | null {
  const prefix = `${nonce} `;
  for (const line of stdout.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    try {
      const event = JSON.parse(line.slice(prefix.length)) as { type?: string; result?: ResultDocument };
      if (event.type === 'result' && event.result) return event.result;
    } catch {
      // Not an event after all: candidate output that happened to start with the nonce.
    }
  }
  return null;
}
