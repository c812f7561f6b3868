import type { SourceFile, SourceRegion } from '../api/types';

/** The lines of `files` a shared fragment covers, numbered; null when the file is not among them. */
export function excerpt(files: SourceFile[], region: SourceRegion): { path: string; first: number; text: string } | null {
  const file = files.find((f) => f.path === region.path);
  if (!file) return null;
  const lines = file.content.split('\n').slice(region.startLine - 1, region.endLine);
  const width = String(region.endLine).length;
  return { path: region.path, first: region.startLine, text: lines.map((l, n) => `${String(region.startLine + n).padStart(width)}  ${l}`).join('\n') };
}

/** "lines 3–9" of a region, as the report names it. */
export const lineRange = (r: SourceRegion) => (r.startLine === r.endLine ? `line ${r.startLine}` : `lines ${r.startLine}–${r.endLine}`);
