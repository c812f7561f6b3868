// Module hooks of the tests' process: an import of a file under /work/solution (unreadable here) becomes
// a module whose exports are stand-ins for the solution's, served by the solution's process (which finds
// the file of an extensionless import, extensionless.js); every test file first imports testHooks.js,
// and under the `jest` framework jestHooks.js and hands jestGlobals.js the function its tests are
// defined through; its imports of 'vitest' and '@jest/globals' are jestGlobals.js.
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const SOLUTION = 'file:///work/solution/';
const TESTS = 'file:///work/tests/';
const here = (file) => new URL(file, import.meta.url).href;
const REMOTE = here('./remoteModule.js');
const JEST = here('./jestGlobals.js');
const HOOKS = { 'node:test': [here('./testHooks.js')], jest: [here('./testHooks.js'), here('./jestHooks.js')] };

/** What a test file of `format` runs first, on its first line: ESM imports, or require() in a CommonJS one. */
function preludeOf(framework, format) {
  const commonJs = format === 'commonjs' || format === 'commonjs-typescript';
  const lines = HOOKS[framework].map((url) => (commonJs ? `require(${JSON.stringify(fileURLToPath(url))});` : `import ${JSON.stringify(url)};`));
  // Defined here, so node:test takes the test file for the caller of the tests jestGlobals.js defines.
  const caller = '(define, ...args) => define(...args)';
  if (framework === 'jest') {
    lines.push(commonJs ? `require(${JSON.stringify(fileURLToPath(JEST))}).definingIn(${caller});` : `import { definingIn as __assayDefiningIn } from ${JSON.stringify(JEST)};__assayDefiningIn(${caller});`);
  }
  return lines.join('');
}
const FRAMEWORK_MODULES = { 'node:test': {}, jest: { vitest: JEST, '@jest/globals': JEST } };

export function serveSolutionModules(ep, framework) {
  const exportsOf = new Map();
  const frameworkModules = FRAMEWORK_MODULES[framework];
  registerHooks({
    resolve(specifier, context, next) {
      const parent = context.parentURL ?? '';
      if (parent.startsWith(TESTS) && Object.hasOwn(frameworkModules, specifier)) return { url: frameworkModules[specifier], shortCircuit: true };
      if (parent.startsWith('file:') && /^(\.{1,2}\/|\/|file:)/.test(specifier)) {
        const url = new URL(specifier, parent);
        url.search = '';
        url.hash = '';
        if (url.href.startsWith(SOLUTION)) return { url: url.href, format: 'module', shortCircuit: true };
      }
      return next(specifier, context);
    },
    load(url, context, next) {
      if (url.startsWith(SOLUTION)) {
        if (!exportsOf.has(url)) exportsOf.set(url, ep.requestSettled('import', { k: url }));
        return { format: 'module', source: moduleSource(url, Object.keys(exportsOf.get(url))), shortCircuit: true };
      }
      const loaded = next(url, context);
      if (!url.startsWith(TESTS) || loaded.source == null) return loaded;
      // On the first line: line numbers in the tests' stack traces stay the same.
      return { ...loaded, source: `${preludeOf(framework, loaded.format)}${loaded.source.toString()}` };
    },
  });
  globalThis[Symbol.for('assay.solutionExports')] = (url) => exportsOf.get(url);
}

function moduleSource(url, names) {
  const lines = [`import { solutionExports } from ${JSON.stringify(REMOTE)};`, `const m = solutionExports(${JSON.stringify(url)});`];
  for (const name of names) {
    if (name === 'default') lines.push('export default m.default;');
    else if (/^[A-Za-z_$][\w$]*$/.test(name)) lines.push(`export const ${name} = m[${JSON.stringify(name)}];`);
  }
  return lines.join('\n');
}
