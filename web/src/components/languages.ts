import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { sql } from '@codemirror/lang-sql';
import { StreamLanguage } from '@codemirror/language';
import { go } from '@codemirror/legacy-modes/mode/go';
import type { Extension } from '@codemirror/state';

/** A file's language by its extension: every runner's languages (python, node JS/TS, java, go, sql, http services in any of them). */
export function languageOf(path: string): { name: string; extension: () => Extension } | null {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'py':
      return { name: 'Python', extension: python };
    case 'js':
    case 'mjs':
    case 'cjs':
      return { name: 'JavaScript', extension: javascript };
    case 'ts':
    case 'mts':
      return { name: 'TypeScript', extension: () => javascript({ typescript: true }) };
    case 'json':
      return { name: 'JSON', extension: javascript };
    case 'java':
      return { name: 'Java', extension: java };
    case 'go':
      return { name: 'Go', extension: () => StreamLanguage.define(go) };
    case 'sql':
      return { name: 'SQL', extension: sql };
    default:
      return null;
  }
}
