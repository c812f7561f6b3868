import { html } from '@codemirror/lang-html';
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { php } from '@codemirror/lang-php';
import { python } from '@codemirror/lang-python';
import { sql } from '@codemirror/lang-sql';
import { StreamLanguage } from '@codemirror/language';
import { go } from '@codemirror/legacy-modes/mode/go';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import type { Extension } from '@codemirror/state';

/**
 * A file's language by its extension: every runner's languages (python, node JS/TS, java, go, php, ruby,
 * sql, http services in any of them), and the templates and documents their challenges carry.
 */
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
    case 'php':
      return { name: 'PHP', extension: php };
    case 'rb':
    case 'ru': // Rack's config.ru
      return { name: 'Ruby', extension: () => StreamLanguage.define(ruby) };
    case 'sql':
      return { name: 'SQL', extension: sql };
    case 'html':
      return { name: 'HTML', extension: html };
    case 'yaml':
    case 'yml':
      return { name: 'YAML', extension: () => StreamLanguage.define(yaml) };
    default:
      return null;
  }
}
