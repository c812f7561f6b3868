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

/** node:assert's, or Jest's expect's (a JestAssertionError, which carries its matcher's result). */
export function isAssertion(error) {
  return error instanceof Error && (error.code === 'ERR_ASSERTION' || error.name === 'AssertionError' || Object.hasOwn(error, 'matcherResult'));
}

function location(error) {
  const frame = String(error.stack ?? '')
    .split('\n')
    .find((line) => /^\s+at .*\/work\//.test(line));
  return frame ? `\n  ${frame.trim()}` : '';
}

/** Why a test file could not be loaded: the error of its import (the solution's, rebuilt here). */
export function loadErrorMessage(file, error) {
  const cause = error?.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}${location(cause)}` : String(cause ?? 'it could not be imported');
  return relativeToWork(`${file} could not be loaded:\n${text}`);
}
