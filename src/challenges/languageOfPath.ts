import type { Language } from './manifest.js';

const BY_EXTENSION: Record<string, Language> = {
  py: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  java: 'java',
  go: 'go',
  sql: 'sql',
  php: 'php',
  rb: 'ruby',
};

/** The language a file is written in, by its extension, or null for anything else (data, docs). */
export function languageOfPath(path: string): Language | null {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : BY_EXTENSION[path.slice(dot + 1).toLowerCase()] ?? null;
}
