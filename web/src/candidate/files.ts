import type { SourceFile } from '../api/types';

/** The limits the API applies to a submission's paths (src/submissions/validateFiles.ts, submissionLimits.ts): relative, no `..`, no odd characters. */
const MAX_PATH = 200;

/** Why `path` cannot be a new file's name among `files`, or null when it can. */
export function pathProblem(path: string, files: SourceFile[], except?: string): string | null {
  const p = path.trim();
  if (p === '') return 'Give the file a name.';
  if (p.length > MAX_PATH) return `A path has at most ${MAX_PATH} characters.`;
  if (p.startsWith('/') || p.includes('\\')) return 'Use a relative path with / between folders.';
  if (!p.split('/').every((part) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(part))) return 'Use letters, digits, ".", "_" and "-" between slashes, not starting with "." or "-".';
  if (files.some((f) => f.path.toLowerCase() === p.toLowerCase() && f.path !== except)) return `${p} exists already.`;
  return null;
}

export const addFile = (files: SourceFile[], path: string): SourceFile[] => [...files, { path: path.trim(), content: '' }].sort(byPath);

export const renameFile = (files: SourceFile[], from: string, to: string): SourceFile[] =>
  files.map((f) => (f.path === from ? { ...f, path: to.trim() } : f)).sort(byPath);

export const deleteFile = (files: SourceFile[], path: string): SourceFile[] => files.filter((f) => f.path !== path);

export const updateFile = (files: SourceFile[], path: string, content: string): SourceFile[] =>
  files.map((f) => (f.path === path ? { ...f, content } : f));

/**
 * Starter files stay (the hidden tests import them), so only files the candidate added may be
 * renamed or deleted.
 */
export const isStarter = (starter: SourceFile[], path: string) => starter.some((f) => f.path === path);

function byPath(a: SourceFile, b: SourceFile) {
  return a.path.localeCompare(b.path);
}
