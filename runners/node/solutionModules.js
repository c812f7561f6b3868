// Module hooks of the tests' process: an import of a file under /work/solution (unreadable here) becomes
// a module whose exports are stand-ins for the solution's, served by the solution's process; every test
// file first imports testHooks.js.
import { registerHooks } from 'node:module';

const SOLUTION = 'file:///work/solution/';
const TESTS = 'file:///work/tests/';
const HOOKS = new URL('./testHooks.js', import.meta.url).href;
const REMOTE = new URL('./remoteModule.js', import.meta.url).href;

export function serveSolutionModules(ep) {
  const exportsOf = new Map();
  registerHooks({
    resolve(specifier, context, next) {
      const parent = context.parentURL ?? '';
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
      return { ...loaded, source: `import ${JSON.stringify(HOOKS)};${loaded.source.toString()}` };
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
