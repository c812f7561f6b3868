// Turns what node:test reports into messages a candidate can act on, with paths relative to /work.

const WORK_PATH = /(?:file:\/\/)?\/work\//g;

export function relativeToWork(text) {
  return text.replace(WORK_PATH, '');
}

/** A failed test's message: the assertion's text, or the error and where in /work it was thrown. */
export function failureMessage(error) {
  const cause = error?.cause;
  if (!(cause instanceof Error)) return relativeToWork(String(error?.message ?? error));
  if (isAssertion(cause)) return relativeToWork(cause.message.trimEnd() + location(cause));
  return relativeToWork(`${cause.name}: ${cause.message}${location(cause)}`);
}

export function isAssertion(error) {
  return error instanceof Error && (error.code === 'ERR_ASSERTION' || error.name === 'AssertionError');
}

function location(error) {
  const frame = String(error.stack ?? '')
    .split('\n')
    .find((line) => /^\s+at .*\/work\//.test(line));
  return frame ? `\n  ${frame.trim()}` : '';
}

/**
 * Why a test file could not be loaded, from what its process printed on stderr: node prints the
 * offending source line and the error, between a frame of its own internals and a stack trace.
 */
export function loadErrorMessage(file, stderr) {
  const text = stderr
    .split(/\n[ \t]*\n/)
    .filter((block) => !/^(node:internal|Node\.js v)/.test(block.trimStart()))
    .map((block) => block.split(/\n\s+at /)[0])
    .join('\n\n')
    .trim();
  return relativeToWork(`${file} could not be loaded:\n${text || 'its process exited before running any test'}`);
}
