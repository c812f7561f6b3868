// What the modules standing in for the solution's import: the exports the solution's process answered.
export function solutionExports(url) {
  return globalThis[Symbol.for('assay.solutionExports')](url);
}
