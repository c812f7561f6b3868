// Relative imports as bundlers and TypeScript resolve them, in the process that holds the files: `./cart`
// finds cart.ts, cart.js… or cart/index.*, and `./cart.js` finds cart.ts when only that exists (the
// TypeScript convention). Node alone resolves neither.
import { existsSync, statSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs', '.cts', '.json'];

/** Registers the resolution for imports of files under `root` (a file: URL ending in /). */
export function resolveExtensionless(root) {
  registerHooks({
    resolve(specifier, context, next) {
      const parent = context.parentURL ?? '';
      if (parent.startsWith(root) && /^\.{1,2}\//.test(specifier)) {
        return next(resolvedFile(new URL(specifier, parent).href), context);
      }
      return next(specifier, context);
    },
  });
}

/** The file an import of `href` means, as a URL; `href` itself when none is found (Node reports it missing). */
export function resolvedFile(href) {
  const url = new URL(href);
  const path = fileURLToPath(url);
  if (isFile(path)) return href;
  const candidates = [...EXTENSIONS.map((ext) => path + ext), ...EXTENSIONS.map((ext) => `${path}/index${ext}`)];
  const js = path.match(/^(.*)\.(m|c)?js$/);
  if (js) candidates.unshift(`${js[1]}.${js[2] ?? ''}ts`);
  const found = candidates.find(isFile);
  return found ? `${pathToFileURL(found).href}${url.search}` : href;
}

function isFile(path) {
  return existsSync(path) && statSync(path).isFile();
}
